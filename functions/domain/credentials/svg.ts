// Open Badges 3.0 baking in SVG (§5.3.2): an `<openbadges:credential verify="…">` element in the
// namespace https://purl.imsglobal.org/ob/v3p0 whose `verify` attribute is the compact JWS (a
// credential secured another way is the element's text instead). Read with indexOf, not a regular
// expression over the whole file: an upload is untrusted, and this stays linear in its size.

export const openBadgesNamespace = 'https://purl.imsglobal.org/ob/v3p0';
const element = 'openbadges:credential';

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`);
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/gi, (_all, name: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (name[0] !== '#') return named[name.toLowerCase()] ?? '';
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** Whether text is an SVG document (what an upload that starts with `<` must be to carry a credential). */
export function looksLikeSvg(text: string): boolean {
  return /^\s*</.test(text) && text.includes('<svg');
}

/** The SVG with the credential baked in, right after the root element's start tag (one only). */
export function bakeSvg(svg: string, jws: string): string {
  const bare = removeCredential(svg);
  const root = bare.indexOf('<svg');
  const rootEnd = root < 0 ? -1 : bare.indexOf('>', root);
  if (rootEnd < 0 || bare[rootEnd - 1] === '/') throw new Error('the image has no <svg> element to bake into');
  const baked = `<${element} xmlns:openbadges="${openBadgesNamespace}" verify="${escapeXml(jws)}"></${element}>`;
  return `${bare.slice(0, rootEnd + 1)}\n${baked}${bare.slice(rootEnd + 1)}`;
}

function removeCredential(svg: string): string {
  const found = locate(svg);
  return found ? svg.slice(0, found.start) + svg.slice(found.end) : svg;
}

function locate(svg: string): { start: number; end: number; attributes: string; text: string } | null {
  const start = svg.indexOf(`<${element}`);
  if (start < 0) return null;
  const after = svg[start + element.length + 1];
  if (after !== ' ' && after !== '>' && after !== '/' && after !== '\n' && after !== '\t' && after !== '\r') {
    return null;
  }
  const tagEnd = svg.indexOf('>', start);
  if (tagEnd < 0) return null;
  const attributes = svg.slice(start + element.length + 1, tagEnd);
  if (attributes.endsWith('/')) return { start, end: tagEnd + 1, attributes: attributes.slice(0, -1), text: '' };
  const close = svg.indexOf(`</${element}>`, tagEnd);
  if (close < 0) return null;
  return { start, end: close + element.length + 3, attributes, text: svg.slice(tagEnd + 1, close) };
}

/** The credential baked into an SVG (its `verify` attribute, else its text), or null when it has none. */
export function extractFromSvg(svg: string): string | null {
  const found = locate(svg);
  if (!found) return null;
  const attribute = /(?:^|\s)verify\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(found.attributes);
  const value = attribute ? (attribute[1] ?? attribute[2] ?? '') : found.text.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '');
  const credential = unescapeXml(value).trim();
  return credential === '' ? null : credential;
}
