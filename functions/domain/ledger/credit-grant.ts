// Granting credit: how far below zero an account may go is agreed, never assumed. Today an instance's
// stewards (named in configuration) grant it by a logged decision; the governance issue turns the
// grant into a commons vote. A steward stands on both sides of a grant to their own account or to a
// syndicate they belong to, so those grants are refused: someone else must make them.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { wholeCredit } from '../plain-words.ts';
import { text } from '../text.ts';
import { ForbiddenError, RuleViolationError } from '../errors.ts';
import { type GrantRefusal, grantWords } from '../i18n/economy/credit-refusals.ts';
import { errorArgs } from '../i18n/economy/refusal-table.ts';
import type { AccountId } from './account.ts';
import { type StewardRemoval, stewardsNow } from './stewards.ts';

/** The most credit one grant may give: ten billion Bound, in minor units. */
export const maxCredit = 1_000_000_000_000n;

/** Credit in minor units, zero or more: a JSON integer or a string of digits. */
export const creditSchema = /* @__PURE__ */ lazySchema(() =>
  z.pipe(
    z.union([
      z.number({ error: wholeCredit }).check(z.int(), z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER)),
      z.string().check(z.regex(/^(0|[1-9]\d{0,14})$/, wholeCredit)),
    ]),
    z.transform((value) => BigInt(value)),
  ),
);

export const creditGrantInputSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    /** How far below zero the account may go, in minor units; 0 takes a granted limit back. */
    credit: creditSchema(),
    reason: text(10, 500, { multiline: true, label: 'reason' }),
  }),
);
export type CreditGrantInput = z.infer<ReturnType<typeof creditGrantInputSchema>>;

/** A refusal's English and its words in the reader's language, as an error's arguments. */
const errorWords = (refusal: GrantRefusal) => errorArgs(grantWords(refusal));

/** Refuses a steward the commons removed by vote; a grant's write checks it again (see setCreditLimit). */
export function refuseRemoved(stewardId: string, removed: readonly StewardRemoval[]) {
  const removal = removed.find((r) => r.personId === stewardId);
  if (removal) {
    throw new ForbiddenError(...errorWords({ key: 'removed', values: { proposalId: removal.proposalId } }));
  }
}

/**
 * The stewards' rule for one grant, the one place a steward is authorised: who may make it (a steward
 * configured and not removed by the commons' vote), and to whom. Throws when it is refused.
 */
export function checkGrant(
  grant: {
    stewardId: string;
    stewards: readonly string[];
    removed: readonly StewardRemoval[];
    accountId: AccountId;
    memberOf: boolean;
  },
  credit: bigint,
): void {
  refuseRemoved(grant.stewardId, grant.removed);
  if (!stewardsNow(grant.stewards, grant.removed).includes(grant.stewardId)) {
    throw new ForbiddenError(...errorWords({ key: 'not-steward', values: {} }));
  }
  if (grant.accountId === `person:${grant.stewardId}` || grant.memberOf) {
    throw new RuleViolationError('conflict-of-interest', ...errorWords({ key: 'conflict', values: {} }));
  }
  if (credit > maxCredit) {
    throw new RuleViolationError('credit-too-large', ...errorWords({ key: 'too-large', values: { most: maxCredit } }));
  }
}
