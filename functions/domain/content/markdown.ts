// The one markdown pipeline in Guildhall. Everything a person writes (lessons, practice guides,
// openings, innovation records) goes through here before it is shown, so no script, event handler or
// `javascript:` URL survives.
//
// Safety comes from what marked is allowed to emit, not from cleaning HTML afterwards:
// - raw HTML in the markdown is never passed through: its tags are dropped and what they held stays as
//   escaped text (as `<b>bold</b>` reads "bold");
// - every other element is one marked builds itself, with text and attributes escaped;
// - link and image URLs are checked against an allowlist of schemes (links: http, https, mailto or
//   relative; images: https only), exactly as the escaped attribute will be read by the browser.
// This replaced a sanitize-html pass (with htmlparser2 and postcss, ~300 KB of every Lambda bundle).
// The XSS corpus (test/browser/xss.test.ts) runs all of it through Chromium.
import { Marked, type Tokens } from 'marked';
import { escapeHtml } from './html.ts';

// Raw HTML reduced to its text.
const withoutTags = (html: string) => html.replace(/<[^>]*>?/g, '');

/**
 * Whether `url` may be an attribute value. It is escaped on output, so the browser reads exactly this
 * string: no control characters or spaces (URL parsers drop or strip them, which is how
 * `java\tscript:` tricks work), no protocol-relative or backslash forms, and a scheme, if any, from the
 * allowlist.
 */
function allowedUrl(url: string, schemes: readonly string[], allowRelative: boolean): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to refuse control characters
  if (url === '' || /[\u0000-\u0020\u007f-\u009f\\]/.test(url)) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  if (scheme !== undefined) return schemes.includes(scheme.toLowerCase());
  return allowRelative && !url.startsWith('//');
}

const titleAttribute = (title: string | null | undefined) => (title ? ` title="${escapeHtml(title)}"` : '');

const marked = new Marked({ gfm: true, breaks: false, async: false });
marked.use({
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(withoutTags(text));
    },
    link({ href, title, tokens }: Tokens.Link) {
      const text = this.parser.parseInline(tokens);
      if (!allowedUrl(href, ['http', 'https', 'mailto'], true)) return text;
      // Links leave the site without handing it a referrer or a window handle.
      const rel = /^https?:/i.test(href) ? ' rel="noopener noreferrer nofollow"' : '';
      return `<a href="${escapeHtml(href)}"${titleAttribute(title)}${rel}>${text}</a>`;
    },
    image({ href, title, text }: Tokens.Image) {
      if (!allowedUrl(href, ['https'], false)) return escapeHtml(text);
      return `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}"${titleAttribute(title)}>`;
    },
  },
});

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] !== '#') return named[body.toLowerCase()] ?? entity;
    const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

/**
 * Markdown to safe HTML. With `topLevel`, headings are shifted so the markdown's highest heading
 * becomes that level (a page's content under its h1 starts at 2), keeping the outline without gaps
 * whether an author began at `#` or at `##`.
 */
export function renderMarkdown(markdown: string, options: { topLevel?: number } = {}): string {
  const html = marked.parse(markdown) as string;
  const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]));
  const offset = options.topLevel && levels.length > 0 ? options.topLevel - Math.min(...levels) : 0;
  if (offset === 0) return html;
  return html.replace(/<(\/?)h([1-6])([^>]*)>/g, (_m, slash: string, level: string, rest: string) => {
    return `<${slash}h${Math.min(6, Math.max(1, Number(level) + offset))}${rest}>`;
  });
}

/** Plain text of markdown (not HTML: whoever shows it escapes it), for summaries and search documents. */
export function markdownToText(markdown: string): string {
  return decodeEntities(withoutTags(marked.parse(markdown) as string))
    .replace(/\s+/g, ' ')
    .trim();
}
