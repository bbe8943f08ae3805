// The economy in figures (issue 16, "The economy, in the open"), kept as each statement line arrives
// from the table's stream, so the public page reads a few small items whatever the number of movements.
// What one line (or one credit-limit change) does to those items is decided here, purely:
// - the day's bucket: movements and volume on the paying line (by trade, "other" without one), the
//   real value created on the receiving line, and who was last active that day;
// - the account's own figures (its latest balance and limit), and through them the whole ledger's
//   histogram of balances, the sum of positive balances and the count of accounts near their limit.
// Lines come at least once and in any order across accounts: the store counts a line once by a marker
// written with its increments; the account's figures move only forward in log order (a line carries its
// log index and the balance after it), so a late line never puts an old balance back.
import type { AccountId } from './account.ts';

/** The histogram's edges, in minor units: 10, 50, 100, 500, 1,000 and 5,000 Bound, each side of zero. */
export const balanceEdges: readonly bigint[] = [10n, 50n, 100n, 500n, 1_000n, 5_000n].map((bound) => bound * 100n);
/** Below zero, zero itself, above zero: each edge makes one bucket on each side, and one more lies past the last. */
export const bucketCount = 2 * balanceEdges.length + 3;
/** The bucket of a balance of exactly zero: where every account starts. */
export const zeroBucket = balanceEdges.length + 1;

/**
 * The bucket a balance falls in, from the most owed (0) to the most held (`bucketCount - 1`). Each bucket
 * holds its edge farther from zero: 10 Bound is in "above 0 up to 10", -10 in "-10 up to below 0".
 */
export function balanceBucket(balance: bigint): number {
  if (balance === 0n) return zeroBucket;
  const magnitude = balance < 0n ? -balance : balance;
  const past = balanceEdges.filter((edge) => magnitude > edge).length;
  return balance < 0n ? zeroBucket - 1 - past : zeroBucket + 1 + past;
}

/**
 * Near its limit: the account was granted credit (a limit below zero) and has drawn at least nine
 * tenths of it. Accounts without credit sit at their limit of zero whenever they hold nothing, which
 * says nothing about strain, so they are never counted.
 */
export function nearLimit(balance: bigint, limit: bigint): boolean {
  return limit < 0n && balance * 10n <= limit * 9n;
}

/** What the economy keeps per account: enough to move it between buckets and counts exactly once. */
export interface AccountFigures {
  accountId: AccountId;
  balance: bigint;
  /** The log index of the line `balance` came from; -1 before any. */
  balanceLog: number;
  /** The account's own limit (a steward's grant), or null for the agreed default of zero. */
  limit: bigint | null;
  /** The log index of the change `limit` came from; -1 before any. */
  limitLog: number;
  /** The latest UTC day (YYYY-MM-DD) it moved Bound; null before any line. */
  lastActiveDay: string | null;
  /** Bumped by every write, which is conditional on the revision read. */
  rev: number;
}

/** A statement line that moves Bound (a payment's or a royalty's), as the stream delivers it. */
export interface CountedLine {
  accountId: AccountId;
  at: string;
  /** What made it (a payment's or a value report's id) and its place among that movement's lines: with
   * the account and the time, the line's identity, which its marker is written under. */
  source: string;
  sequence: number;
  /** Signed minor units: negative leaves the account. */
  amount: bigint;
  logIndex: number;
  /** Absent on lines written before statements kept it: such a line moves no account figure. */
  balanceAfter?: bigint | undefined;
  /** The trade the movement paid for (an order's), when the line names one. */
  trade?: string | undefined;
}

/** What a day's bucket gains. */
export interface DayDelta {
  movements: number;
  volume: bigint;
  realValue: bigint;
  /** Accounts whose latest active day this is: +1 for the day an account moves to, -1 for the one it leaves. */
  lastActive: number;
  /** Volume by trade id, or by "other". */
  trades: Record<string, bigint>;
}

/** What the whole ledger's summary gains. */
export interface SummaryDelta {
  accounts: number;
  positiveSum: bigint;
  nearLimit: number;
  /** Accounts gained (or lost, negative) by bucket index. */
  buckets: Record<number, number>;
}

/** One line's or one limit change's whole effect; `account` absent when the account's figures stay as they were. */
export interface EconomyChange {
  account?: AccountFigures | undefined;
  summary: SummaryDelta;
  days: Record<string, DayDelta>;
}

export const otherTrade = 'other';

const emptyDay = (): DayDelta => ({ movements: 0, volume: 0n, realValue: 0n, lastActive: 0, trades: {} });
const positive = (balance: bigint) => (balance > 0n ? balance : 0n);
const counted = (condition: boolean) => (condition ? 1 : 0);

export function freshFigures(accountId: AccountId): AccountFigures {
  return { accountId, balance: 0n, balanceLog: -1, limit: null, limitLog: -1, lastActiveDay: null, rev: 0 };
}

/** How the summary moves when an account's figures go from `before` (none: a new account) to `after`. */
export function summaryDelta(before: AccountFigures | null, after: AccountFigures): SummaryDelta {
  const near = (figures: AccountFigures | null) =>
    figures ? counted(nearLimit(figures.balance, figures.limit ?? 0n)) : 0;
  const buckets: Record<number, number> = {};
  const to = balanceBucket(after.balance);
  if (before) {
    const from = balanceBucket(before.balance);
    if (from !== to) {
      buckets[from] = -1;
      buckets[to] = 1;
    }
  } else buckets[to] = 1;
  return {
    accounts: before ? 0 : 1,
    positiveSum: positive(after.balance) - (before ? positive(before.balance) : 0n),
    nearLimit: near(after) - near(before),
    buckets,
  };
}

/** The trade a line's volume counts under: one of `trades`, else "other". */
export function tradeOf(line: Pick<CountedLine, 'trade'>, trades: readonly string[]): string {
  return trades.find((trade) => trade === line.trade) ?? otherTrade;
}

/**
 * One line's effect, given its account's figures as read (null: none yet). The paying line carries the
 * movement (one per movement: a settlement has one payer, a payment one), the receiving line the value
 * created; both make the account active on the line's day.
 */
export function lineChange(
  figures: AccountFigures | null,
  line: CountedLine,
  trades: readonly string[],
): EconomyChange {
  const day = line.at.slice(0, 10);
  const today = emptyDay();
  if (line.amount < 0n) {
    today.movements = 1;
    today.volume = -line.amount;
    today.trades[tradeOf(line, trades)] = -line.amount;
  } else today.realValue = line.amount;
  const days: Record<string, DayDelta> = { [day]: today };

  const before = figures ?? freshFigures(line.accountId);
  const after = { ...before };
  const active = before.lastActiveDay === null || before.lastActiveDay < day;
  if (active) {
    today.lastActive = 1;
    if (before.lastActiveDay !== null) days[before.lastActiveDay] = { ...emptyDay(), lastActive: -1 };
    after.lastActiveDay = day;
  }
  const newer = line.balanceAfter !== undefined && line.logIndex > before.balanceLog;
  if (newer) {
    after.balance = line.balanceAfter ?? before.balance;
    after.balanceLog = line.logIndex;
  }
  return withAccount(figures, after, active || newer, days);
}

/** A steward's limit change: the account's limit moves only to a later change (log order). */
export function limitChange(
  figures: AccountFigures | null,
  accountId: AccountId,
  change: { limit: bigint | null; logIndex: number },
): EconomyChange {
  const before = figures ?? freshFigures(accountId);
  const newer = change.logIndex > before.limitLog;
  const after = newer ? { ...before, limit: change.limit, limitLog: change.logIndex } : before;
  return withAccount(figures, after, newer, {});
}

function withAccount(
  figures: AccountFigures | null,
  after: AccountFigures,
  changed: boolean,
  days: Record<string, DayDelta>,
): EconomyChange {
  if (!changed) return { summary: { accounts: 0, positiveSum: 0n, nearLimit: 0, buckets: {} }, days };
  return { account: { ...after, rev: after.rev + 1 }, summary: summaryDelta(figures, after), days };
}
