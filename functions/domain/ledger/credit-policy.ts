// The commons' credit policy, decided by vote (a `credit-policy` proposal): the credit every account
// without a grant of its own gets, and credit earned by history (after N months since the account's
// first trade, credit C). `limitOf` is the one rule that says how far below zero an account may go;
// every payment checks it and every page that shows available credit shows it.
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
