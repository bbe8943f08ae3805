// `returnTo` values as the server receives them, once the query or form is decoded: the open
// redirects and header crashes the probe found, and their neighbours.
export const hostileReturnTo: Array<[string, string]> = [
  ['a tab before a second slash (the probe’s returnTo=/%09/evil.example)', '/\t/evil.example'],
  ['an encoded tab, sent double-encoded', '/%09/evil.example'],
  ['a protocol-relative address', '//evil.example'],
  ['a backslash after the slash', '/\\evil.example'],
  ['an absolute address elsewhere', 'https://evil.example'],
  ['a tab in the path', '/\t/x'],
  ['a path in another script', '/日本'],
  ['CR and LF that would start a new header', '/a\r\nSet-Cookie:x=1'],
  ['encoded CR and LF, sent double-encoded', '/a%0d%0aSet-Cookie:x=1'],
  ['a javascript: address', 'javascript:alert(1)'],
  ['encoded slashes', '/%2F%2Fevil.example'],
  ['dot segments that resolve to //host', '/..//evil.example'],
  ['an empty value', ''],
  ['a 3,000-character path', `/${'a'.repeat(2999)}`],
];

/**
 * Follows redirects as a browser does (WHATWG URL resolution, which drops tabs and newlines and reads
 * `\` as `/`), stopping if one leaves the site; returns every hop.
 */
export async function followRedirects(response: Response, from: string) {
  const origin = new URL(from).origin;
  const hops: Array<{ url: string; status: number }> = [];
  let current = response;
  let url = from;
  for (let hop = 0; hop < 5 && current.status >= 300 && current.status < 400; hop += 1) {
    url = new URL(current.headers.get('location') ?? '', url).href;
    hops.push({ url, status: current.status });
    if (new URL(url).origin !== origin) break;
    current = await fetch(url, { redirect: 'manual' });
  }
  hops.push({ url, status: current.status });
  return hops;
}
