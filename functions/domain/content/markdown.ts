// The one markdown pipeline in Guildhall: marked renders, sanitize-html keeps only safe markup.
// Everything a person writes (lessons, practice guides, openings, innovation records) goes through
// here before it is shown, so no script, event handler or `javascript:` URL survives.
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const allowedTags = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'br',
  'hr',
  'blockquote',
  'pre',
  'code',
  'em',
  'strong',
  'del',
  'ul',
  'ol',
  'li',
  'a',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'img',
  'sup',
  'sub',
  'kbd',
];

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags,
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: ['align'],
    td: ['align'],
    ol: ['start'],
    code: ['class'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
  allowedClasses: { code: [/^language-[a-z0-9-]+$/] },
  disallowedTagsMode: 'discard',
  transformTags: {
    // Links leave the site without handing it a referrer or a window handle.
    a: (tagName, attribs) => ({
      tagName,
      attribs: /^https?:/i.test(attribs.href ?? '') ? { ...attribs, rel: 'noopener noreferrer nofollow' } : attribs,
    }),
  },
};
sanitizeOptions.allowedAttributes = { ...sanitizeOptions.allowedAttributes, a: ['href', 'title', 'rel'] };

/**
 * Markdown to safe HTML. With `topLevel`, headings are shifted so the markdown's highest heading
 * becomes that level (a page's content under its h1 starts at 2), keeping the outline without gaps
 * whether an author began at `#` or at `##`.
 */
export function renderMarkdown(markdown: string, options: { topLevel?: number } = {}): string {
  const html = marked.parse(markdown) as string;
  const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]));
  const offset = options.topLevel && levels.length > 0 ? options.topLevel - Math.min(...levels) : 0;
  const shifted =
    offset === 0
      ? html
      : html.replace(/<(\/?)h([1-6])([^>]*)>/g, (_m, slash: string, level: string, rest: string) => {
          return `<${slash}h${Math.min(6, Math.max(1, Number(level) + offset))}${rest}>`;
        });
  return sanitizeHtml(shifted, sanitizeOptions);
}

/** Plain text of markdown, for summaries and search documents. */
export function markdownToText(markdown: string): string {
  return sanitizeHtml(marked.parse(markdown) as string, { allowedTags: [], allowedAttributes: {} })
    .replace(/\s+/g, ' ')
    .trim();
}
