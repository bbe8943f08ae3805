// The stewards' credit grants: a person's or a syndicate's credit limit on the Bound ledger. Apart from
// the syndicates' commands, so the functions that serve no ledger route carry none of the ledger's rules.
import * as z from 'zod/mini';
import { idSchema, personIdSchema } from '#domain/ids.ts';
import { grantCreditLimit } from '#domain/innovations/ledger-use-cases.ts';
import { creditGrantInputSchema } from '#domain/ledger/credit-grant.ts';
import { command } from './command.ts';

export const grantCreditCommand = (kind: 'person' | 'syndicate') =>
  command({
    name: `ledger.grant-${kind}-credit`,
    input: () => ({
      params: z.object({ id: kind === 'person' ? personIdSchema() : idSchema() }),
      body: creditGrantInputSchema(),
    }),
    run: ({ services, identity, params, body }) => grantCreditLimit(services, identity, { kind, id: params.id }, body),
    counts: 'creditGrants',
  });
export const grantPersonCreditCommand = grantCreditCommand('person');
export const grantSyndicateCreditCommand = grantCreditCommand('syndicate');
