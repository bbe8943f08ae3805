// Moving credit between accounts. A batch of transfers is applied as one change: either every
// transfer lands or none does, which is what the store's single transaction will do with it later.
//
// The limit is checked on each account's net result over the batch, not transfer by transfer: the
// batch is one atomic change, so the order inside it has no meaning. Only accounts that pay out more
// than they receive in the batch are checked, so an account already below a lowered limit can still
// be paid into.
import { type FieldIssue, RuleViolationError, ValidationError } from '../errors.ts';
import { transferWords } from '../i18n/economy/payment-refusals.ts';
import { errorArgs } from '../i18n/economy/refusal-table.ts';
import { type AccountId, type CreditLimits, limitFor } from './account.ts';

export interface Transfer {
  from: AccountId;
  to: AccountId;
  /** Minor units, more than zero. */
  amount: bigint;
}

/** Balances in minor units; an account that is absent has never moved and holds zero. */
export type Balances = ReadonlyMap<AccountId, bigint>;

/** A change would take an account below its credit limit. Maps to 422 with rule `credit-limit`. */
export class CreditLimitError extends RuleViolationError {
  readonly accountId: AccountId;
  /** The balance the change would have left. */
  readonly balance: bigint;
  readonly limit: bigint;
  constructor(accountId: AccountId, balance: bigint, limit: bigint) {
    super(
      'credit-limit',
      ...errorArgs(transferWords({ key: 'credit-limit', values: { account: accountId, balance, limit } })),
    );
    this.accountId = accountId;
    this.balance = balance;
    this.limit = limit;
  }
}

export function balanceOf(balances: Balances, account: AccountId): bigint {
  return balances.get(account) ?? 0n;
}

/**
 * Returns new balances with every transfer applied; `balances` itself is never changed.
 * Throws ValidationError for a malformed transfer, or CreditLimitError naming the first paying account
 * (in the order the transfers name them) that would end below its limit.
 */
export function applyTransfers(
  balances: Balances,
  transfers: readonly Transfer[],
  limits: CreditLimits,
): Map<AccountId, bigint> {
  const issues: FieldIssue[] = [];
  for (const [index, transfer] of transfers.entries()) {
    if (transfer.amount <= 0n) issues.push({ field: `transfers[${index}].amount`, message: 'Enter more than 0.' });
    if (transfer.from === transfer.to) {
      issues.push({ field: `transfers[${index}].to`, ...transferWords({ key: 'other-account', values: {} }) });
    }
  }
  if (issues.length > 0) {
    throw new ValidationError(issues, ...errorArgs(transferWords({ key: 'malformed', values: {} })));
  }

  const next = new Map(balances);
  const net = new Map<AccountId, bigint>();
  for (const { from, to, amount } of transfers) {
    next.set(from, balanceOf(next, from) - amount);
    next.set(to, balanceOf(next, to) + amount);
    net.set(from, (net.get(from) ?? 0n) - amount);
    net.set(to, (net.get(to) ?? 0n) + amount);
  }
  for (const account of new Set(transfers.map((transfer) => transfer.from))) {
    const balance = balanceOf(next, account);
    const limit = limitFor(limits, account);
    if ((net.get(account) ?? 0n) < 0n && balance < limit) throw new CreditLimitError(account, balance, limit);
  }
  return next;
}
