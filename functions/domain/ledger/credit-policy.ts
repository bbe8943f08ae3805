// The commons' credit policy, decided by vote (a `credit-policy` proposal): the credit every account
// without a grant of its own gets, and credit earned by history (after N months since the account's
// first trade, credit C). `limitOf` is the one rule that says how far below zero an account may go;
// every payment checks it and every page that shows available credit shows it.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import type { FieldIssue } from '../errors.ts';
import { agreedDefaultLimit } from './account.ts';

/** Credit earned once an account's first trade is `months` whole months old. */
export interface CreditTier {
  months: number;
  credit: bigint;
}

/** What a passed proposal decides: credit in minor units (zero or more), tiers by months ascending. */
export interface CreditPolicy {
  defaultCredit: bigint;
  tiers: readonly CreditTier[];
}

/** The policy as the store keeps it: `version` grows with each enactment, and payments condition on it. */
export interface StoredCreditPolicy extends CreditPolicy {
  version: number;
  proposalId: string;
  enactedAt: string;
  logIndex: number;
}

/** A policy stays short enough to read on a phone: a handful of steps is all history needs. */
export const maxTiers = 12;
/** Fifty years: a tier further out than that could never be earned by anyone living. */
export const maxTierMonths = 600;

const monthsMessage = `Give the months as a whole number from 1 to ${maxTierMonths}.`;
const creditMessage =
  'Give the credit as an amount of Bound, zero or more (in the API, whole minor units: 5000 for 50.00).';

/** Credit in minor units, zero or more, as a JSON integer or a string of digits; one message for any mistake. */
const creditField = () => {
  const error = { error: creditMessage };
  return z.pipe(
    z.union(
      [
        z.number(error).check(z.int(error), z.minimum(0, error), z.maximum(Number.MAX_SAFE_INTEGER, error)),
        z.string(error).check(z.regex(/^(0|[1-9]\d{0,14})$/, error)),
      ],
      error,
    ),
    z.transform((value) => BigInt(value)),
  );
};

export const creditPolicySchema = lazySchema(() =>
  z.strictObject({
    defaultCredit: creditField(),
    tiers: z._default(
      z
        .array(
          z.strictObject({
            months: z
              .number({ error: monthsMessage })
              // The checks take the number's message: one sentence for any mistake in the months.
              .check(z.int(), z.minimum(1), z.maximum(maxTierMonths)),
            credit: creditField(),
          }),
          { error: 'Give the tiers as a list of { months, credit }.' },
        )
        .check(z.maxLength(maxTiers, { error: `A policy has at most ${maxTiers} tiers.` })),
      [],
    ),
  }),
);

/**
 * What a person must fix before a policy can be proposed, each naming its field under `prefix`: credit
 * above `max`, and tiers out of order (each after more months than the last, and giving more credit than
 * the default and the tier before it, or it could never be the one an account earns).
 */
export function policyIssues(policy: CreditPolicy, max: bigint, prefix = 'body.change'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const tooMuch = `The most credit a policy may give is ${max} minor units.`;
  if (policy.defaultCredit > max) issues.push({ field: `${prefix}.defaultCredit`, message: tooMuch });
  let before = { months: 0, credit: policy.defaultCredit };
  policy.tiers.forEach((tier, index) => {
    const field = `${prefix}.tiers.${index}`;
    if (tier.months <= before.months) {
      issues.push({
        field: `${field}.months`,
        message: `List the tiers by months, each after more months than the one before.`,
      });
    }
    if (tier.credit > max) issues.push({ field: `${field}.credit`, message: tooMuch });
    else if (tier.credit <= before.credit) {
      issues.push({
        field: `${field}.credit`,
        message: 'Each tier gives more credit than the default and the tier before it.',
      });
    }
    before = tier;
  });
  return issues;
}

/** Milliseconds since the start of `date`'s month (UTC): where in its month a moment falls. */
const intoMonth = (date: Date) => date.getTime() - Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);

/**
 * Whole calendar months from `from` to `now` (UTC): a month is whole once the same moment of the month
 * comes round again (from 31 January, the first month is whole on 1 March, as February has no 31st).
 */
export function monthsSince(from: Date, now: Date): number {
  const months = (now.getUTCFullYear() - from.getUTCFullYear()) * 12 + now.getUTCMonth() - from.getUTCMonth();
  const whole = intoMonth(now) < intoMonth(from) ? months - 1 : months;
  return Math.max(0, whole);
}

/** What decides an account's limit: its own grant (a limit, zero or negative), the policy, its history. */
export interface LimitInput {
  /** The account's own limit, granted by a steward or a passed `credit-limit` proposal. */
  grant?: bigint | null | undefined;
  policy: CreditPolicy | null;
  /** When the account's first statement line was written; absent before its first trade. */
  firstTradeAt?: string | undefined;
  now: Date;
}

/**
 * The lowest balance an account may reach: its own grant if it has one; else minus the larger of the
 * policy's default and the best tier it has earned; with no policy voted yet, the agreed default (zero).
 */
export function limitOf({ grant, policy, firstTradeAt, now }: LimitInput): bigint {
  if (grant !== null && grant !== undefined) return grant;
  if (!policy) return agreedDefaultLimit;
  // Stryker disable next-line ConditionalExpression: without the guard, an absent first trade makes NaN months, which earns no tier either (the same answer by another road)
  const months = firstTradeAt === undefined ? 0 : monthsSince(new Date(firstTradeAt), now);
  let credit = policy.defaultCredit;
  for (const tier of policy.tiers) {
    // Stryker disable next-line EqualityOperator: `>=` takes an equal credit in place of itself, the same answer
    if (tier.months <= months && tier.credit > credit) credit = tier.credit;
  }
  return -credit;
}
