import type { APIRoute } from 'astro';
import { markdownToText } from '#domain/content/markdown.ts';
import { board } from '#domain/openings/board.ts';
import { maxPageSize } from '#domain/paging.ts';
import { atomFeed } from '#domain/openings/feeds.ts';
import { boardFilter, boardQueryString } from '../../lib/board.ts';
import { getServices } from '../../lib/services.ts';

export const prerender = false;

/** An Atom feed of the board, for any filter the board page takes: its newest page of 100 openings. */
export const GET: APIRoute = async ({ url }) => {
  const services = getServices();
  const filter = boardFilter(url.searchParams);
  const { items } = await board(services, filter, { limit: maxPageSize });
  const body = atomFeed({
    title: 'Guildhall openings',
    selfUrl: `${services.siteUrl}/jobs/feed.xml${boardQueryString(filter)}`,
    siteUrl: services.siteUrl,
    updated: new Date(items[0]?.opening.updatedAt ?? services.now().toISOString()),
    items: items.map(({ opening, syndicate }) => ({
      opening,
      syndicate,
      summary: markdownToText(opening.description).slice(0, 280),
    })),
  });
  return new Response(body, {
    headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300' },
  });
};
