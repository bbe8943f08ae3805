import type { APIRoute } from 'astro';
import { sitemap } from '#domain/openings/feeds.ts';
import { isListed } from '#domain/openings/opening.ts';
import { getServices } from '../lib/services.ts';

export const prerender = false;

/** Content pages, syndicates and every open, unexpired opening; expired ones leave it by themselves. */
export const GET: APIRoute = async () => {
  const services = getServices();
  const site = services.siteUrl;
  const now = services.now();
  const { commons } = services;
  const [syndicates, openings] = await Promise.all([
    services.syndicates.list(),
    services.openings.listByStatus('open'),
  ]);
  const urls = [
    ...[
      '/',
      '/learn/',
      '/learn/skills/',
      '/learn/practices/',
      '/jobs/',
      '/syndicates/',
      '/innovations/',
      '/search/',
    ].map((path) => ({ loc: site + path })),
    ...[...commons.courses.values()].flatMap((course) => [
      { loc: `${site}/learn/${course.id}/` },
      ...course.lessons.map((lesson) => ({ loc: `${site}/learn/${course.id}/${lesson.id}/` })),
    ]),
    ...[...commons.skills.keys()].map((id) => ({ loc: `${site}/learn/skills/${id}/` })),
    ...[...commons.practices.keys()].map((id) => ({ loc: `${site}/learn/practices/${id}/` })),
    ...syndicates.map((s) => ({ loc: `${site}/syndicates/${s.id}/` })),
    ...openings
      .filter((o) => isListed(o, now))
      .map((o) => ({ loc: `${site}/jobs/${o.id}/`, lastmod: o.updatedAt.slice(0, 10) })),
  ];
  return new Response(sitemap(urls), {
    headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=300' },
  });
};
