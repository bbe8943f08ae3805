import type { APIRoute } from 'astro';
import { decisionsFeed } from '#domain/decisions/feed.ts';
import { scopeSchema } from '#domain/decisions/proposal.ts';
import { listProposals } from '#domain/decisions/proposal-use-cases.ts';
import { getServices } from '../../lib/services.ts';

export const prerender = false;

/** An Atom feed of a scope's decisions: its newest page of open proposals and of decided ones. */
export const GET: APIRoute = async ({ url }) => {
  const services = getServices();
  const parsed = scopeSchema().safeParse(url.searchParams.get('scope') ?? 'commons');
  if (!parsed.success)
    return new Response('No such scope: give ?scope=commons or ?scope=syndicate:<id>.', { status: 404 });
  const scope = parsed.data;
  const [open, closed] = await Promise.all(
    (['open', 'closed'] as const).map((status) => listProposals(services, { scope, status }, { limit: 20 })),
  );
  const query = `?scope=${encodeURIComponent(scope)}`;
  const body = decisionsFeed({
    title: `Guildhall decisions: ${scope === 'commons' ? 'the commons' : scope}`,
    selfUrl: `${services.siteUrl}/decisions/feed.xml${query}`,
    alternateUrl: `${services.siteUrl}/decisions/${query}`,
    siteUrl: services.siteUrl,
    proposals: [...(open?.items ?? []), ...(closed?.items ?? [])],
    now: services.now(),
  });
  return new Response(body, {
    headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300' },
  });
};
