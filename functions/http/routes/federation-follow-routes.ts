// The remote syndicates this instance follows (domain/federation/remote-follow.ts): the stewards follow
// one by `acct:<syndicate>@<host>` or its actor URL, and unfollow it; the list is public and paged.
import { documented } from '#config/bundle.ts';
import * as z from 'zod/mini';
import { followRemoteCommand, unfollowRemoteCommand } from '#app/commands/federation-commands.ts';
import { federationServices } from '#app/federation-services.ts';
import { followKindOf, type RemoteFollow } from '#domain/federation/remote-follow.ts';
import { commandRoute, publicRoute } from '../route.ts';
import { json } from './answers.ts';
import { cursorQuery } from './params.ts';
import { pageBody, pageSchema } from './paged.ts';

const tags = ['federation'];
const follow = () =>
  z.object({
    id: z.string(),
    actorId: z.string().check(z.describe('The remote syndicate’s Group actor, or the remote commons’ Service actor.')),
    kind: z
      .enum(['syndicate', 'commons'])
      .check(
        z.describe(
          'What is followed: a syndicate (a Group: its openings come) or a whole commons (an instance’s Service actor: its records, courses and shortages come).',
        ),
      ),
    handle: z.string().check(z.describe('As the steward named it: acct:<syndicate>@<host> or the actor URL.')),
    host: z.string(),
    name: z.optional(z.string()),
    state: z.enum(['pending', 'accepted']).check(z.describe('Accepted once the remote syndicate answered our Follow.')),
    requestedBy: z.string(),
    requestedAt: z.string(),
    acceptedAt: z.optional(z.string()),
  });

/** What the list and the answers show of a follow (not its inbox nor our Follow's id). */
const shown = (item: RemoteFollow) => ({
  id: item.id,
  actorId: item.actorId,
  kind: followKindOf(item),
  handle: item.handle,
  host: item.host,
  ...(item.name ? { name: item.name } : {}),
  state: item.state,
  requestedBy: item.requestedBy,
  requestedAt: item.requestedAt,
  ...(item.acceptedAt ? { acceptedAt: item.acceptedAt } : {}),
});

export const federationFollowRoutes = [
  publicRoute({
    method: 'GET',
    path: '/api/federation/follows',
    auth: 'none',
    input: () => ({ query: z.object(cursorQuery()) }),
    doc: documented && {
      summary: 'The remote syndicates this instance follows, a page at a time, pending or accepted',
      tags,
      responses: { 200: { description: 'One page of follows.', schema: () => pageSchema(follow()) } },
    },
    async handle({ query, services }) {
      const page = await federationServices(services).remoteFollows.page({
        limit: query.pageSize,
        cursor: query.cursor,
      });
      return json(pageBody(page, shown));
    },
  }),
  commandRoute(followRemoteCommand, {
    method: 'POST',
    path: '/api/federation/follows',
    doc: documented && {
      summary:
        'Follow a remote syndicate or a whole remote commons (stewards): found by WebFinger, kept pending, and sent a signed Follow; a syndicate’s open positions then appear on the board, a commons’ records, courses and shortages beside this instance’s',
      tags,
      responses: {
        200: { description: 'The follow, pending until the remote syndicate accepts it.', schema: follow },
        403: { description: 'Only the commons’ stewards follow a remote syndicate.' },
        422: {
          description:
            'The actor could not be found, is neither a syndicate (a Group) nor a commons (a Service), names another host, or its instance is blocked.',
        },
      },
    },
    respond: (kept) => json(shown(kept)),
  }),
  commandRoute(unfollowRemoteCommand, {
    method: 'DELETE',
    path: '/api/federation/follows/{id}',
    doc: documented && {
      summary:
        'Unfollow a remote syndicate or commons (stewards): sends Undo, and removes what it brought (openings, records) from here',
      tags,
      responses: {
        204: { description: 'Unfollowed.' },
        403: { description: 'Only the commons’ stewards unfollow a remote syndicate.' },
        404: { description: 'No such follow.' },
      },
    },
    respond: () => ({ status: 204 }),
  }),
];
