// The writes people make to syndicates and their memberships, and the stewards' credit grants.
import * as z from 'zod';
import { idSchema, personIdSchema } from '#domain/ids.ts';
import { grantCreditLimit } from '#domain/innovations/ledger-use-cases.ts';
import { creditGrantInputSchema } from '#domain/ledger/credit-grant.ts';
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

const syndicate = z.object({ syndicateId: idSchema });
const member = z.object({ syndicateId: idSchema, personId: personIdSchema });

export const createSyndicateCommand = command({
  name: 'syndicates.create',
  body: z.strictObject({ id: slugSchema, ...syndicateInputSchema.shape }),
  run: ({ services, identity, body: { id, ...input } }) => createSyndicate(services, identity, id, input),
});

export const updateSyndicateCommand = command({
  name: 'syndicates.update',
  params: syndicate,
  body: syndicateInputSchema,
  run: ({ services, identity, params, body }) => updateSyndicate(services, identity, params.syndicateId, body),
});

export const requestToJoinCommand = command({
  name: 'syndicates.request-to-join',
  params: syndicate,
  run: ({ services, identity, params }) => requestToJoin(services, identity, params.syndicateId),
});

export const decideMemberCommand = command({
  name: 'syndicates.decide-member',
  params: member,
  body: z.union([
    z.strictObject({ decision: z.enum(['approve', 'decline']) }),
    z.strictObject({ role: z.enum(['admin', 'member']) }),
  ]),
  run: ({ services, identity, params, body }) =>
    'decision' in body
      ? decideMembership(services, identity, params.syndicateId, params.personId, body.decision)
      : changeRole(services, identity, params.syndicateId, params.personId, body.role),
});

export const leaveSyndicateCommand = command({
  name: 'syndicates.leave',
  params: syndicate,
  run: ({ services, identity, params }) => leaveSyndicate(services, identity, params.syndicateId),
});

export const grantCreditCommand = (kind: 'person' | 'syndicate') =>
  command({
    name: `ledger.grant-${kind}-credit`,
    params: z.object({ id: kind === 'person' ? personIdSchema : idSchema }),
    body: creditGrantInputSchema,
    run: ({ services, identity, params, body }) => grantCreditLimit(services, identity, { kind, id: params.id }, body),
    counts: 'creditGrants',
  });
export const grantPersonCreditCommand = grantCreditCommand('person');
export const grantSyndicateCreditCommand = grantCreditCommand('syndicate');
