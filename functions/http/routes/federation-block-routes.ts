// The stewards' blocks of remote instances: block or unblock a host with a reason, and the list of
// blocked hosts, public like every decision of the commons' stewards. The inboxes and the deliverer
// read the same blocks (domain/federation/instance-block.ts).
import { documented } from '#config/bundle.ts';
import * as z from 'zod/mini';
import { blockInstanceCommand, unblockInstanceCommand } from '#app/commands/federation-commands.ts';
import { commandRoute, publicRoute } from '../route.ts';
import { json } from './answers.ts';
import { cursorQuery } from './params.ts';
import { pageBody, pageSchema } from './paged.ts';

const tags = ['federation'];
const blockPath = '/api/federation/blocks/{host}';
const block = () =>
  z.object({
    host: z.string().check(z.describe('The blocked host: a hostname covers every port of it and its subdomains.')),
    reason: z.string(),
    blockedBy: z.string(),
    blockedAt: z.string(),
  });

export const federationBlockRoutes = [
  publicRoute({
    method: 'GET',
    path: '/api/federation/blocks',
    auth: 'none',
    input: () => ({ query: z.object(cursorQuery()) }),
    doc: documented && {
      summary: 'The remote instances the stewards blocked, by host, a page at a time, with their reasons',
      tags,
      responses: { 200: { description: 'One page of blocks.', schema: () => pageSchema(block()) } },
    },
    async handle({ query, services }) {
      const page = await services.instanceBlocks.page({ limit: query.pageSize, cursor: query.cursor });
      return json(pageBody(page, (item) => item));
    },
  }),
  commandRoute(blockInstanceCommand, {
    method: 'PUT',
    path: blockPath,
    doc: documented && {
      summary:
        'Block a remote instance (stewards): its inbox posts are refused, its Follows never kept, and nothing is delivered to it',
      tags,
      responses: {
        200: {
          description:
            'The block, with its reason; what the instance left here (our follows of it and their openings, its followers of our syndicates) is being removed by queued jobs, a page each.',
          schema: () =>
            z.object({
              ...block().shape,
              underway: z
                .literal(true)
                .check(z.describe('Its follows, their openings and its followers here are being removed.')),
            }),
        },
        403: { description: 'Only the commons’ stewards block an instance.' },
      },
    },
    respond: (kept) => json(kept),
  }),
  commandRoute(unblockInstanceCommand, {
    method: 'DELETE',
    path: blockPath,
    doc: documented && {
      summary: 'Unblock a remote instance (stewards)',
      tags,
      responses: {
        204: { description: 'Unblocked.' },
        403: { description: 'Only the commons’ stewards unblock an instance.' },
        404: { description: 'That host is not blocked.' },
      },
    },
    respond: () => ({ status: 204 }),
  }),
];
