// The calendar of the economy's stored figures: a period's days are read a month at a time, and a
// period longer than a month reads the months it covers whole as their totals (one small item each)
// and only its edge months day by day, so a year's read carries ~12 months' totals and at most two
// months of days instead of 366 days (issue 16: the economy read within 1.5× a GetItem).
import type { DayDelta } from './economy.ts';

/** A month's totals, the sum of its days (lastActive too: each account counts on its latest day only). */
export interface EconomyMonth extends DayDelta {
  /** YYYY-MM (UTC). */
  month: string;
}

/** The longest period shown day by day; a longer one is shown month by month. */
export const maxDailyDays = 31;

const dayMs = 86_400_000;

export const monthOf = (day: string) => day.slice(0, 7);

/** The months (YYYY-MM) from the one of `from` to the one of `to`, both included: at most 13 for a year. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  for (let at = monthOf(from); at <= monthOf(to); at = monthAfter(at)) months.push(at);
  return months;
}

/** The month after `month` (YYYY-MM). */
export function monthAfter(month: string): string {
  const [year, number] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

/** The month before `month` (YYYY-MM). */
export function monthBefore(month: string): string {
  const [year, number] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`;
}

/**
 * The months of the period from `from` to `to` (both included) that it covers from their first day to
 * their last: none for a period of `maxDailyDays` or fewer, which is shown day by day.
 */
export function wholeMonths(from: string, to: string): string[] {
  const dayAfterTo = new Date(Date.parse(`${to}T00:00:00Z`) + dayMs).toISOString().slice(0, 10);
  const days = Math.round((Date.parse(to) - Date.parse(from)) / dayMs) + 1;
  if (days <= maxDailyDays) return [];
  return monthsOf(from, to).filter((month) => `${month}-01` >= from && `${monthAfter(month)}-01` <= dayAfterTo);
}

export const emptyCounts = (): DayDelta => ({ movements: 0, volume: 0n, realValue: 0n, lastActive: 0, trades: {} });

/** Adds a day's or a month's counts into a running sum (a missing one adds nothing). */
export function addCounts(sum: DayDelta, counts: DayDelta | undefined): DayDelta {
  if (!counts) return sum;
  sum.movements += counts.movements;
  sum.volume += counts.volume;
  sum.realValue += counts.realValue;
  sum.lastActive += counts.lastActive;
  for (const [trade, volume] of Object.entries(counts.trades)) sum.trades[trade] = (sum.trades[trade] ?? 0n) + volume;
  return sum;
}
