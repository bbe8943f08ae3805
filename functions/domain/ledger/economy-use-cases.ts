// Counting statement lines into the economy's figures, and reading them back for the public page.
// Steps of a count: read the account's figures, decide the change (economy.ts), write it in one
// transaction over the figures' revision with the line's marker; a race re-reads and decides again.
import { tradeIds } from '../content/commons.ts';
import { ConflictError } from '../errors.ts';
import { retryOnConflict } from '../retry.ts';
import type { AccountId } from './account.ts';
import { type AccountFigures, type CountedLine, type EconomyChange, lineChange, limitChange } from './economy.ts';
import { type EconomyFigures, economyFigures, maxPeriodDays, periodOf } from './economy-figures.ts';
import { wholeMonths } from './economy-months.ts';
import {
  type EconomySnapshot,
  type EconomyStored,
  isCurrent,
  isStandardPeriod,
  monthsToRead,
  snapshotsOf,
  standardPeriods,
} from './economy-snapshot.ts';

export interface EconomyRepository {
  /** An account's figures, strongly consistent; null before its first line or limit change. */
  accountFigures(accountId: AccountId): Promise<AccountFigures | null>;
  /**
   * One transaction: with `line`, its marker, once (false, and nothing written, when it is there: the
   * line was counted); the account's figures over `expectedRev` (null: none yet); the increments of the
   * summary and the days. ConflictError when the figures changed since they were read.
   */
  apply(change: EconomyChange, options: { line?: CountedLine; expectedRev: number | null }): Promise<boolean>;
  /**
   * The summary, the totals of `whole` (months from `from` to `to` it covers whole), the stored days of
   * the period's other months and the ledger's sum: one read.
   */
  read(from: string, to: string, whole: readonly string[]): Promise<EconomyStored>;
  /**
   * One serializable read of the summary with its revision, the ledger's sum, every stored day of
   * `dayMonths` and the totals of `totalMonths`: what the snapshots are computed from, so a snapshot's
   * revision names exactly the counts it holds. ConflictError (retryable) when a count held an item.
   */
  readRevision(dayMonths: readonly string[], totalMonths: readonly string[]): Promise<EconomyStored & { rev: number }>;
  /** The snapshot kept of the standard period of `days` days; null before the first. One GetItem. */
  snapshot(days: number): Promise<EconomySnapshot | null>;
  /**
   * Keeps `snapshot` unless the one kept supersedes it or equals it (economy-snapshot.ts `supersedes`):
   * false, and nothing written, then.
   */
  keepSnapshot(snapshot: EconomySnapshot): Promise<boolean>;
  /**
   * Drops stored days before `earliest`, a whole month at a time with its totals (a month goes once all
   * its days are before it); the number of months dropped.
   */
  prune(earliest: string): Promise<number>;
}

export interface EconomyDependencies {
  economy: EconomyRepository;
  now: () => Date;
}

/** Counts a statement line once, however often it is delivered; true when this call counted it. */
export function countLine(deps: Pick<EconomyDependencies, 'economy'>, line: CountedLine): Promise<boolean> {
  return retryOnConflict(async () => {
    const figures = await deps.economy.accountFigures(line.accountId);
    return deps.economy.apply(lineChange(figures, line, tradeIds), { line, expectedRev: figures?.rev ?? null });
  });
}

/** Takes a credit-limit change into the account's figures, unless a later one is there already. */
export function countLimitChange(
  deps: Pick<EconomyDependencies, 'economy'>,
  accountId: AccountId,
  change: { limit: bigint | null; logIndex: number },
): Promise<boolean> {
  return retryOnConflict(async () => {
    const figures = await deps.economy.accountFigures(accountId);
    const effect = limitChange(figures, accountId, change);
    if (!effect.account) return false;
    return deps.economy.apply(effect, { expectedRev: figures?.rev ?? null });
  });
}

/**
 * The figures of the `days` days ending today. A standard period is its snapshot, one small item, when
 * the snapshot is today's; else (the first read of a day no movement has reached yet, or the first ever)
 * the snapshots are recomputed here and kept, so the next reader finds them. Any other period, and a
 * recomputation that met a count in flight, is read from the counts: one store call, whatever the
 * number of movements, of the months the period covers whole as their totals and its other months day
 * by day.
 */
export async function economyReport(deps: EconomyDependencies, days: number): Promise<EconomyFigures> {
  const now = deps.now();
  if (isStandardPeriod(days)) {
    const kept = await deps.economy.snapshot(days);
    if (kept && isCurrent(kept, now)) return kept.figures;
    try {
      const fresh = await keepSnapshots(deps, now, 'best effort');
      const mine = fresh.find((snapshot) => snapshot.days === days);
      if (mine) return mine.figures;
    } catch (error) {
      // A count held an item the serializable read wanted: the reader is not kept waiting for it.
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  const { from, to } = periodOf(now, days);
  const stored = await deps.economy.read(from, to, wholeMonths(from, to));
  return economyFigures({ ...stored, now, periodDays: days });
}

/**
 * Recomputes every standard period's snapshot from one serializable read and keeps each. A reader keeps
 * them at best effort: it has its figures, and a snapshot not kept is recomputed by the next reader or
 * batch; the stream must keep them, or have its batch retried.
 */
async function keepSnapshots(
  deps: EconomyDependencies,
  now: Date,
  keeping: 'best effort' | 'required',
): Promise<EconomySnapshot[]> {
  const { dayMonths, totalMonths } = monthsToRead(now, standardPeriods);
  const stored = await deps.economy.readRevision(dayMonths, totalMonths);
  const snapshots = snapshotsOf(stored, now, standardPeriods);
  const kept = snapshots.map((snapshot) => deps.economy.keepSnapshot(snapshot));
  if (keeping === 'required') await Promise.all(kept);
  else await Promise.allSettled(kept);
  return snapshots;
}

/**
 * After counting: the standard periods' snapshots recomputed and kept, a read that met a count in
 * flight tried again (the stream's other shards count meanwhile).
 */
export function refreshEconomySnapshots(deps: EconomyDependencies): Promise<EconomySnapshot[]> {
  return retryOnConflict(() => keepSnapshots(deps, deps.now(), 'required'));
}

/**
 * The sweep's daily care: drops the days no reader may ask for any more (before the longest period that
 * ends today), so the stored days stay a year's worth however long the commons runs.
 */
export function pruneEconomy(deps: EconomyDependencies): Promise<number> {
  return deps.economy.prune(periodOf(deps.now(), maxPeriodDays).from);
}
