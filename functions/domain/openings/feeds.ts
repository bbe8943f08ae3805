// Atom feeds of a board (any filter) and the sitemap: plain XML built with every value escaped.
import type { Syndicate } from '../syndicates/syndicate.ts';
import type { Opening } from './opening.ts';
import { formatPay } from './opening.ts';

// XML 1.0 forbids most control characters even when escaped; they are dropped, not encoded.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const notXmlChar = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd]/gu;

export const xmlEscape = (text: string) =>
  text
    .replace(notXmlChar, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

export function atomFeed(input: {
  title: string;
  selfUrl: string;
  /** The page the feed mirrors; by default the self address without `feed.xml`. */
  alternateUrl?: string | undefined;
  siteUrl: string;
  updated: Date;
  items: Array<{ opening: Opening; syndicate?: Syndicate | undefined; summary: string }>;
}): string {
  const entries = input.items.map(({ opening, syndicate, summary }) => {
    const url = `${input.siteUrl}/jobs/${opening.id}/`;
    return `  <entry>
    <id>${xmlEscape(url)}</id>
    <title>${xmlEscape(opening.title)}</title>
    <link rel="alternate" type="text/html" href="${xmlEscape(url)}"/>
    <updated>${xmlEscape(opening.updatedAt)}</updated>
    <published>${xmlEscape(opening.datePosted ?? opening.createdAt)}</published>
    <author><name>${xmlEscape(syndicate?.name ?? opening.syndicateId)}</name></author>
    <summary type="text">${xmlEscape(`${summary} Pay: ${formatPay(opening.pay)}. ${opening.remote ? 'Remote' : opening.place}.`)}</summary>
    ${opening.skills.map((s) => `<category term="${xmlEscape(s.skill)}"/>`).join('')}
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${xmlEscape(input.selfUrl)}</id>
  <title>${xmlEscape(input.title)}</title>
  <link rel="self" type="application/atom+xml" href="${xmlEscape(input.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${xmlEscape(input.alternateUrl ?? input.selfUrl.replace('/feed.xml', '/'))}"/>
  <updated>${input.updated.toISOString()}</updated>
  <generator>Guildhall</generator>
${entries.join('\n')}
</feed>
`;
}

export interface SitemapEntry {
  loc: string;
  lastmod?: string | undefined;
  /** The same page in each language (hreflang), its own included, as search engines ask. */
  alternates?: ReadonlyArray<{ hreflang: string; href: string }>;
}

export function sitemap(urls: readonly SitemapEntry[]): string {
  const languages = urls.some((url) => url.alternates?.length);
  const entry = (url: SitemapEntry) =>
    `  <url><loc>${xmlEscape(url.loc)}</loc>${url.lastmod ? `<lastmod>${xmlEscape(url.lastmod)}</lastmod>` : ''}${(
      url.alternates ?? []
    )
      .map(
        (other) =>
          `<xhtml:link rel="alternate" hreflang="${xmlEscape(other.hreflang)}" href="${xmlEscape(other.href)}"/>`,
      )
      .join('')}</url>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${languages ? ' xmlns:xhtml="http://www.w3.org/1999/xhtml"' : ''}>
${urls.map(entry).join('\n')}
</urlset>
`;
}
