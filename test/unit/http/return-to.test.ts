import { describe, expect, it } from 'vitest';
import { decodePending, encodePending, newPendingSignIn } from '#http/oauth.ts';
import { maxReturnToLength, safeReturnTo, signInLocation } from '#http/session.ts';

// What a browser does with a Location header: resolve it against the page's URL (WHATWG URL, which
// drops tabs and newlines and reads `\` as `/`), and whether a Node or undici header may carry it.
const site = 'https://guildhall.example';
const landsOnSite = (location: string) => new URL(location, `${site}/auth/sign-in`).origin === site;
const validHeader = (location: string) => {
  new Headers({ location });
  return /^[\x21-\x7e]+$/.test(location);
};

const hostile: Array<[string, string]> = [
  ['a tab before a second slash (the probe’s /%09/evil.example)', '/\t/evil.example'],
  ['a protocol-relative address', '//evil.example'],
  ['a backslash after the slash', '/\\evil.example'],
  ['an absolute address elsewhere', 'https://evil.example'],
  ['a tab inside the path', '/\t/x'],
  ['a newline before a second slash', '/\n/evil.example'],
  ['CR and LF that would start a new header', '/a\r\nSet-Cookie:x=1'],
  ['a javascript: address', 'javascript:alert(1)'],
  ['a data: address', 'data:text/html,<script>alert(1)</script>'],
  ['encoded slashes a server could decode into //host', '/%2F%2Fevil.example'],
  ['an encoded backslash', '/%5Cevil.example'],
  ['dot segments that resolve to //host', '/..//evil.example'],
  ['dot segments deeper in the path', '/learn/x/../..//evil.example/'],
  ['a NUL', '/me/\u0000'],
  ['DEL', '/me/\u007f'],
  ['a C1 control (NEL)', '/me/\u0085'],
  ['an encoded tab before a second slash', '/%09/evil.example'],
  ['a malformed escape', '/100%'],
  ['an empty value', ''],
  ['a path longer than a sign-in cookie can carry', `/${'a'.repeat(2999)}`],
];

describe('safeReturnTo sends people only to paths on this site', () => {
  it.each(hostile)('sends %s home', (_name, value) => {
    expect(safeReturnTo(value)).toBe('/');
  });

  it.each([
    ['/me/', '/me/'],
    ['/jobs/abc/?tab=apply#form', '/jobs/abc/?tab=apply#form'],
    ['/learn/course/./lesson/', '/learn/course/lesson/'],
    ['/a/%2F%2Fb', '/a/%2F%2Fb'],
  ])('keeps the path %s as %s', (value, expected) => {
    expect(safeReturnTo(value)).toBe(expected);
  });

  it('percent-encodes a path in another script, so the header is plain ASCII', () => {
    expect(safeReturnTo('/日本')).toBe('/%E6%97%A5%E6%9C%AC');
    expect(safeReturnTo('/search/?q=café#résumé')).toBe('/search/?q=caf%C3%A9#r%C3%A9sum%C3%A9');
  });

  it('turns a lone surrogate into an encoded replacement character instead of failing', () => {
    expect(safeReturnTo('/\ud800')).toBe('/%EF%BF%BD');
  });

  it('keeps a path exactly as long as the limit and refuses one character more', () => {
    const longest = `/${'a'.repeat(maxReturnToLength - 1)}`;
    expect(safeReturnTo(longest)).toBe(longest);
    expect(safeReturnTo(`${longest}a`)).toBe('/');
  });

  it.each([null, undefined])('sends home when no target is given (%s)', (value) => {
    expect(safeReturnTo(value)).toBe('/');
  });

  it('never answers something a browser would leave the site for or a header could not carry', () => {
    const values = [...hostile.map(([, value]) => value), '/日本', '/a%0d%0aSet-Cookie:x=1', '/ /x', '/\u2028x'];
    for (const value of values) {
      const location = safeReturnTo(value);
      expect(landsOnSite(location), JSON.stringify(value)).toBe(true);
      expect(validHeader(location), JSON.stringify(value)).toBe(true);
    }
  });
});

describe('the hosted sign-in keeps only a safe return path', () => {
  it('stores a safe path when the sign-in starts', () => {
    expect(newPendingSignIn('/\t/evil.example').returnTo).toBe('/');
    expect(newPendingSignIn('/日本').returnTo).toBe('/%E6%97%A5%E6%9C%AC');
  });

  it.each([
    ['//evil.example', '/'],
    ['/\t/evil.example', '/'],
    ['/a\r\nSet-Cookie:x=1', '/'],
    ['/日本', '/%E6%97%A5%E6%9C%AC'],
    ['/me/', '/me/'],
  ])('checks the return path %j again when the callback reads the cookie back', (returnTo, expected) => {
    // A cookie is written by the browser: the callback must not trust what the sign-in stored in it.
    const forged = encodePending({ state: 'S', verifier: 'v'.repeat(43), returnTo });
    expect(decodePending(forged)).toEqual({ state: 'S', verifier: 'v'.repeat(43), returnTo: expected });
  });

  it('fits the longest return path in a cookie browsers keep (4 KB)', () => {
    const pending = newPendingSignIn(`/${'日'.repeat(5000)}`);
    expect(pending.returnTo).toBe('/');
    const longest = newPendingSignIn(`/${'a'.repeat(maxReturnToLength - 1)}`);
    expect(`guildhall_sign_in=${encodePending(longest)}`.length).toBeLessThan(4096);
  });
});

describe('signInLocation', () => {
  it('carries the page to come back to, encoded', () => {
    expect(signInLocation('/auth/sign-in', '/jobs/a b/')).toBe('/auth/sign-in?returnTo=%2Fjobs%2Fa%2520b%2F');
  });

  it.each(['/\ud800', '/a\r\nb', '//evil.example'])('builds a valid header from %j', (path) => {
    const location = signInLocation('/auth/sign-in', path);
    expect(validHeader(location)).toBe(true);
    expect(new URL(location, site).searchParams.get('returnTo')).toBe(safeReturnTo(path));
  });
});
