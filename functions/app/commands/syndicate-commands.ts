// The writes people make to syndicates and their memberships (credit grants: ledger-commands.ts).
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { idSchema, personIdSchema } from '#domain/ids.ts';
import { slugSchema, syndicateInputSchema } from '#domain/syndicates/syndicate.ts';
import {
  changeRole,
  createSyndicate,
  decideMembership,
  leaveSyndicate,
  requestToJoin,
  updateSyndicate,
} from '#domain/syndicates/syndicate-use-cases.ts';
import { command } from './command.ts';

const syndicate = /* @__PURE__ */ lazySchema(() => z.object({ syndicateId: idSchema() }));
const member = /* @__PURE__ */ lazySchema(() => z.object({ syndicateId: idSchema(), personId: personIdSchema() }));

export const createSyndicateCommand = command({
  name: 'syndicates.create',
  input: () => ({ body: z.strictObject({ id: slugSchema(), ...syndicateInputSchema().shape }) }),
  run: ({ services, identity, body: { id, ...input } }) => createSyndicate(services, identity, id, input),
});

export const updateSyndicateCommand = command({
  name: 'syndicates.update',
  input: () => ({ params: syndicate(), body: syndicateInputSchema() }),
  run: ({ services, identity, params, body }) => updateSyndicate(services, identity, params.syndicateId, body),
});

export const requestToJoinCommand = command({
  name: 'syndicates.request-to-join',
  input: () => ({ params: syndicate() }),
  run: ({ services, identity, params }) => requestToJoin(services, identity, params.syndicateId),
});

export const decideMemberCommand = command({
  name: 'syndicates.decide-member',
  input: () => ({
    params: member(),
    body: z.union([
      z.strictObject({ decision: z.enum(['approve', 'decline']) }),
      z.strictObject({ role: z.enum(['admin', 'member']) }),
    ]),
  }),
  run: ({ services, identity, params, body }) =>
    'decision' in body
      ? decideMembership(services, identity, params.syndicateId, params.personId, body.decision)
      : changeRole(services, identity, params.syndicateId, params.personId, body.role),
});

export const leaveSyndicateCommand = command({
  name: 'syndicates.leave',
  input: () => ({ params: syndicate() }),
  run: ({ services, identity, params }) => leaveSyndicate(services, identity, params.syndicateId),
});
