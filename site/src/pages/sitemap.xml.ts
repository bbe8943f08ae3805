import type { APIRoute } from 'astro';
import { locales, localizedPath } from '#domain/i18n/locales.ts';
import { type SitemapEntry, sitemap } from '#domain/openings/feeds.ts';
import { isListed } from '#domain/openings/opening.ts';
import { firstItems } from '#domain/paged-reads.ts';
import { getServices } from '../lib/services.ts';

export const prerender = false;

/**
 * How many syndicates and openings one sitemap lists at most: the first syndicates by name and the
 * newest open openings. A request never reads the whole table; crawlers find the rest through the
 * Next links of /syndicates/ and /jobs/, which the sitemap lists.
 */
const sitemapEntries = 1000;

/** Each page in every language, each entry naming the others (hreflang), as search engines ask. */
function inEveryLanguage(site: string, path: string, lastmod?: string): SitemapEntry[] {
  const alternates = locales.map((locale) => ({ hreflang: locale, href: site + localizedPath(locale, path) }));
  return alternates.map(({ href }) => ({ loc: href, lastmod, alternates }));
}

/** Content pages, syndicates and the newest open, unexpired openings; expired ones leave it by themselves. */
export const GET: APIRoute = async () => {
  const services = getServices();
  const site = services.siteUrl;
  const now = services.now();
  const { commons } = services;
  const [syndicates, openings] = await Promise.all([
    firstItems((request) => services.syndicates.page(request), sitemapEntries).then((found) => found.items),
    firstItems(
      (request) => services.openings.pageByStatus('open', request, (batch) => batch.filter((o) => isListed(o, now))),
      sitemapEntries,
    ).then((found) => found.items),
  ]);
  const pages: Array<[path: string, lastmod?: string]> = [
    ...[
      '/',
      '/learn/',
      '/learn/skills/',
      '/learn/practices/',
      '/jobs/',
      '/syndicates/',
      '/innovations/',
      '/search/',
    ].map((path): [string] => [path]),
    ...[...commons.courses.values()].flatMap(
      (course): Array<[string]> => [
        [`/learn/${course.id}/`],
        ...course.lessons.map((lesson): [string] => [`/learn/${course.id}/${lesson.id}/`]),
      ],
    ),
    ...[...commons.skills.keys()].map((id): [string] => [`/learn/skills/${id}/`]),
    ...[...commons.practices.keys()].map((id): [string] => [`/learn/practices/${id}/`]),
    ...syndicates.map((s): [string] => [`/syndicates/${s.id}/`]),
    ...openings.map((o): [string, string] => [`/jobs/${o.id}/`, o.updatedAt.slice(0, 10)]),
  ];
  const urls = pages.flatMap(([path, lastmod]) => inEveryLanguage(site, path, lastmod));
  return new Response(sitemap(urls), {
    headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=300' },
  });
};
