// Accounts of Bound, the commons' mutual-credit ledger, and their credit limits.
// Every account starts at zero and credit is created by the transfer itself (one side goes down,
// the other up), so balances always sum to zero; the credit limit is what keeps an account from
// running up debt without end.
import { type FieldIssue, ValidationError } from '../errors.ts';
import { limitWords } from '../i18n/economy/credit-refusals.ts';
import { accountWords } from '../i18n/economy/payment-refusals.ts';
import { errorArgs } from '../i18n/economy/refusal-table.ts';

/** A person or a syndicate; the prefix keeps the two id spaces from colliding in one ledger. */
export type AccountId = `person:${string}` | `syndicate:${string}`;

// Same bound as a person's id; whitespace and control characters are refused so ids survive being
// written into keys and logs.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the class names the control characters it refuses.
export const accountIdPattern = /^(person|syndicate):[^\s\x00-\x1f\x7f-\x9f]{1,128}$/;

export function isAccountId(value: string): value is AccountId {
  return accountIdPattern.test(value);
}

/** Parses an account id from outside (a request, a stored item); throws ValidationError if malformed. */
export function parseAccountId(value: string, field = 'accountId'): AccountId {
  if (!isAccountId(value)) {
    throw new ValidationError([{ field, ...accountWords({ key: 'account-name', values: {} }) }]);
  }
  return value;
}

export function personAccount(personId: string): AccountId {
  return parseAccountId(`person:${personId}`, 'personId');
}

export function syndicateAccount(syndicateId: string): AccountId {
  return parseAccountId(`syndicate:${syndicateId}`, 'syndicateId');
}

/**
 * The limit of an account nobody has granted credit: zero. Credit is agreed, not assumed: a new
 * account, a person's or a syndicate's, may not go below zero until a logged decision grants it more.
 */
export const agreedDefaultLimit = 0n;

/**
 * Limits are written as the lowest balance an account may reach: `-50_00n` lets an account owe 50.00
 * and no more. Written this way, "balance >= limit" is the whole rule. Limits are zero or negative,
 * since every account starts at zero and must be allowed to stay there.
 */
export interface CreditLimits {
  /** The community's limit, for every account without an override. */
  defaultLimit: bigint;
  /** Per-account limits, for syndicates and people the community trusts with more (or less). */
  overrides?: ReadonlyMap<AccountId, bigint>;
}

/** Builds limits, refusing any above zero. */
export function creditLimits(defaultLimit: bigint, overrides: Iterable<[AccountId, bigint]> = []): CreditLimits {
  const issues: FieldIssue[] = [];
  if (defaultLimit > 0n) issues.push({ field: 'defaultLimit', ...limitWords({ key: 'not-negative', values: {} }) });
  const map = new Map<AccountId, bigint>();
  for (const [account, limit] of overrides) {
    if (limit > 0n) issues.push({ field: `overrides.${account}`, ...limitWords({ key: 'not-negative', values: {} }) });
    map.set(account, limit);
  }
  if (issues.length > 0) {
    throw new ValidationError(issues, ...errorArgs(limitWords({ key: 'limits', values: {} })));
  }
  return { defaultLimit, overrides: map };
}

export function limitFor(limits: CreditLimits, account: AccountId): bigint {
  return limits.overrides?.get(account) ?? limits.defaultLimit;
}
