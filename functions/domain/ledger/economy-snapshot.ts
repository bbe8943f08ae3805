// The economy's standard periods kept as snapshots (issue 16: `GET /api/economy` within 1.5× a GetItem
// at any number of movements). The periods the page offers and the API defaults to are each kept as
// their finished figures, so reading one is one small item. A snapshot is recomputed whole from the
// stored counts, never added to, so it inherits the counts' idempotence (a line counts once however
// often or in whatever order it comes); it names the day its period ends on, since the window slides
// at midnight with no movement at all, and the summary's revision it was read at, so an older
// computation never replaces a newer one.
import {
  type EconomyDay,
  type EconomyFigures,
  type EconomySummary,
  economyFigures,
  periodOf,
  utcDay,
} from './economy-figures.ts';
import { type EconomyMonth, monthsOf, wholeMonths } from './economy-months.ts';

/** The periods (in days) the economy page offers; the API's default, 30, among them. */
export const standardPeriods: readonly number[] = [7, 30, 90, 365];

export const isStandardPeriod = (days: number) => standardPeriods.includes(days);

/** What the store holds for a set of periods: the summary, stored days, months' totals, the ledger's sum. */
export interface EconomyStored {
  summary: EconomySummary;
  days: EconomyDay[];
  months: EconomyMonth[];
  sumOfBalances: bigint;
}

export interface EconomySnapshot {
  /** The period's length in days: one of `standardPeriods`. */
  days: number;
  /** The UTC day (YYYY-MM-DD) the period ends on: a snapshot of another day than today is stale. */
  day: string;
  /** The summary's revision the counts were read at: every count bumps it. */
  rev: number;
  figures: EconomyFigures;
}

/**
 * The months to read for the periods ending on `now`'s day: the day items of every month some period
 * reads day by day, the totals of every month some period covers whole. One read serves them all, since
 * `economyFigures` takes from what it is given only the days and totals its own period needs.
 */
export function monthsToRead(now: Date, periods: readonly number[]): { dayMonths: string[]; totalMonths: string[] } {
  const dayMonths = new Set<string>();
  const totalMonths = new Set<string>();
  for (const days of periods) {
    const { from, to } = periodOf(now, days);
    const whole = wholeMonths(from, to);
    for (const month of monthsOf(from, to)) (whole.includes(month) ? totalMonths : dayMonths).add(month);
  }
  return { dayMonths: [...dayMonths].sort(), totalMonths: [...totalMonths].sort() };
}

/** The snapshot of each period ending on `now`'s day, from one read of the months `monthsToRead` names. */
export function snapshotsOf(
  stored: EconomyStored & { rev: number },
  now: Date,
  periods: readonly number[],
): EconomySnapshot[] {
  const day = utcDay(now);
  return periods.map((days) => ({
    days,
    day,
    rev: stored.rev,
    figures: economyFigures({ ...stored, now, periodDays: days }),
  }));
}

/** Whether a kept snapshot answers for the period ending on `now`'s day. */
export const isCurrent = (snapshot: EconomySnapshot, now: Date) => snapshot.day === utcDay(now);

/**
 * Whether `next` may replace `kept`: a later day always, the same day only from a later revision, so
 * two computations landing out of order keep the newer.
 */
export function supersedes(next: Pick<EconomySnapshot, 'day' | 'rev'>, kept: Pick<EconomySnapshot, 'day' | 'rev'>) {
  return next.day > kept.day || (next.day === kept.day && next.rev > kept.rev);
}
