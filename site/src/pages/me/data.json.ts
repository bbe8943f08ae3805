import type { APIRoute } from 'astro';
import { RequestShapeError } from '#domain/errors.ts';
import { maxCursorLength, maxPageSize } from '#domain/paging.ts';
import { type ExportedItem, exportMyData } from '#domain/people/export-data.ts';
import { getServices } from '../../lib/services.ts';
import { currentIdentity, signInRedirect } from '../../lib/session.ts';

export const prerender = false;

/**
 * At most this many pages of the export in one file (2,000 items): a person with more gets a file that
 * ends with `continueAt`, the address of the next file, so no request reads an unbounded set.
 */
const pagesPerFile = 20;

/** "Download my data": the export (GET /api/me/export) followed page by page into one JSON file. */
export const GET: APIRoute = async ({ cookies, url }) => {
  const identity = await currentIdentity(cookies);
  if (!identity) return signInRedirect('/me/profile/');
  const given = url.searchParams.get('cursor');
  let cursor = given && given.length <= maxCursorLength ? given : undefined;
  const items: ExportedItem[] = [];
  let exportedAt = '';
  for (let pages = 0; pages < pagesPerFile; pages++) {
    let page: Awaited<ReturnType<typeof exportMyData>>;
    try {
      page = await exportMyData(getServices(), identity, { limit: maxPageSize, cursor });
    } catch (error) {
      if (!(error instanceof RequestShapeError)) throw error;
      return new Response('This link is not one a download of your data gave: start again from your profile.', {
        status: 400,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      });
    }
    exportedAt ||= page.exportedAt;
    items.push(...page.items);
    cursor = page.next;
    if (!cursor) break;
  }
  const file = {
    personId: identity.personId,
    exportedAt,
    items,
    ...(cursor ? { continueAt: `/me/data.json?cursor=${encodeURIComponent(cursor)}` } : {}),
  };
  const part = given ? `-from-${exportedAt.slice(0, 10)}` : '';
  return new Response(JSON.stringify(file, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="guildhall-my-data${part}.json"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    },
  });
};
