import type { APIRoute } from 'astro';
import { markdownToText } from '#domain/content/markdown.ts';
import { NotFoundError } from '#domain/errors.ts';
import { atomFeed } from '#domain/openings/feeds.ts';
import { boardQueryOf, feedPath, isFeedToken } from '#domain/openings/saved-search.ts';
import { savedSearchFeed } from '#domain/openings/saved-search-use-cases.ts';
import { getServices } from '../../../../lib/services.ts';

export const prerender = false;

const notFound = () =>
  new Response('No feed at this address: it was renewed or deleted by its owner.', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });

/**
 * A saved search's feed: its newest matching openings, at a private address (the token is the key, no
 * sign-in). Not cached by shared caches, so a renewed address stops answering at once.
 */
export const GET: APIRoute = async ({ params }) => {
  if (!isFeedToken(params.token)) return notFound();
  const services = getServices();
  let feed: Awaited<ReturnType<typeof savedSearchFeed>>;
  try {
    feed = await savedSearchFeed(services, params.token);
  } catch (error) {
    if (error instanceof NotFoundError) return notFound();
    throw error;
  }
  const { search, page } = feed;
  const body = atomFeed({
    title: `Guildhall openings: ${search.name}`,
    selfUrl: `${services.siteUrl}${feedPath(params.token)}`,
    alternateUrl: `${services.siteUrl}/jobs/${boardQueryOf(search.query)}`,
    siteUrl: services.siteUrl,
    updated: new Date(page.items[0]?.opening.updatedAt ?? services.now().toISOString()),
    items: page.items.map(({ opening, syndicate }) => ({
      opening,
      syndicate,
      summary: markdownToText(opening.description).slice(0, 280),
    })),
  });
  return new Response(body, {
    headers: {
      'content-type': 'application/atom+xml; charset=utf-8',
      'cache-control': 'private, no-store',
      // The address is a secret: keep it out of search engines and out of referrers.
      'x-robots-tag': 'noindex',
      'referrer-policy': 'no-referrer',
    },
  });
};
