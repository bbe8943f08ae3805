// The economy's public figures, from the items the stream keeps (economy.ts): the summary, a bucket a
// day (or a month's totals, economy-months.ts) for the period, and the ledger's totals. Pure: the
// route, the page and the CSV share it.
import { balanceEdges, bucketCount, type DayDelta, zeroBucket } from './economy.ts';
import { addCounts, type EconomyMonth, emptyCounts, maxDailyDays, monthOf, wholeMonths } from './economy-months.ts';

/** The summary as stored: counts over every account that has moved Bound or been granted credit. */
export interface EconomySummary {
  accounts: number;
  positiveSum: bigint;
  nearLimit: number;
  /** Accounts by bucket index (economy.ts `balanceBucket`); a missing index holds none. */
  buckets: Record<number, number>;
}

/** One stored day (UTC). */
export interface EconomyDay extends Omit<DayDelta, 'lastActive'> {
  day: string;
  lastActive: number;
}

export interface HistogramBar {
  /** Lowest balance in the bar, in minor units (inclusive); absent: no lower end. */
  from?: bigint | undefined;
  /** Highest balance in the bar, in minor units (inclusive); absent: no upper end. */
  to?: bigint | undefined;
  label: string;
  accounts: number;
}

export interface EconomyFigures {
  period: { from: string; to: string; days: number };
  accounts: number;
  activeTraders: number;
  movements: number;
  volume: bigint;
  realValue: bigint;
  /** Volume in the period over the sum of positive balances now; null when nobody holds any Bound. */
  velocity: number | null;
  positiveBalances: bigint;
  /** Every day of the period, for a period of at most `maxDailyDays` (economy-months.ts); absent for a longer one. */
  perDay?: Array<{ day: string; movements: number; volume: bigint; realValue: bigint }>;
  /** Every month the period touches, with the period's first and last day in it. */
  perMonth: Array<{ month: string; from: string; to: string; movements: number; volume: bigint; realValue: bigint }>;
  perTrade: Array<{ trade: string; volume: bigint }>;
  histogram: HistogramBar[];
  nearLimit: number;
  /** The sum of every balance, from the ledger's totals: zero, as long as the ledger keeps its promise. */
  sumOfBalances: bigint;
}

/** The most days a period may cover: a year, leap or not. */
export const maxPeriodDays = 366;

const dayMs = 86_400_000;
export const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/** The first and last day of the `days` days that end today (UTC), both included. */
export function periodOf(now: Date, days: number): { from: string; to: string } {
  return { from: utcDay(new Date(now.getTime() - (days - 1) * dayMs)), to: utcDay(now) };
}

/** Whole Bound as a person reads it, grouped by thousands: the edges are whole Bound. */
function whole(minor: bigint): string {
  const digits = ((minor < 0n ? -minor : minor) / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return minor < 0n ? `−${digits}` : digits;
}

/** The histogram's bars, most owed first: each bucket's range as a person reads it. */
export function histogramBars(buckets: Record<number, number>): HistogramBar[] {
  return Array.from({ length: bucketCount }, (_, index) => {
    const accounts = buckets[index] ?? 0;
    if (index === zeroBucket) return { from: 0n, to: 0n, label: '0', accounts };
    const below = index < zeroBucket;
    // Distance from zero bucket k covers (edge[k-1], edge[k]] in magnitude.
    const k = below ? zeroBucket - 1 - index : index - zeroBucket - 1;
    // The nearest bucket to zero (k = 0) starts at zero: there is no edge before the first.
    const near = balanceEdges[k - 1] ?? 0n;
    const far = balanceEdges[k];
    if (below) {
      const from = far === undefined ? undefined : -far;
      const to = -near - 1n;
      const label = from === undefined ? `under ${whole(-near)}` : `${whole(from)} to under ${whole(-near)}`;
      return { from, to, label, accounts };
    }
    const from = near + 1n;
    const label = far === undefined ? `over ${whole(near)}` : `over ${whole(near)} to ${whole(far)}`;
    return { from, to: far, label, accounts };
  });
}

/**
 * The figures for the period: the months it covers whole from their totals, the other days from their
 * own counts (a missing day moved nothing); active traders as the accounts whose latest active day lies
 * in the period (each account is counted on one day only, its latest, so the sum counts each once), and
 * velocity as the period's volume over the positive balances. Day by day for a period of at most
 * `maxDailyDays`, month by month always.
 */
export function economyFigures(input: {
  summary: EconomySummary;
  days: readonly EconomyDay[];
  /** The totals of the months the period covers whole (`wholeMonths`); any other is ignored. */
  months: readonly EconomyMonth[];
  sumOfBalances: bigint;
  now: Date;
  periodDays: number;
}): EconomyFigures {
  const { summary, now, periodDays } = input;
  const { from, to } = periodOf(now, periodDays);
  const whole = new Set(wholeMonths(from, to));
  const totals = new Map(input.months.filter((m) => whole.has(m.month)).map((m) => [m.month, m]));
  // Only the period's days outside its whole months are looked up: a stored day outside them is never read.
  const stored = new Map(input.days.filter((d) => !whole.has(monthOf(d.day))).map((d) => [d.day, d]));
  const perDay: EconomyFigures['perDay'] = [];
  const months = new Map<string, { from: string; to: string; sum: DayDelta }>();
  for (let i = periodDays - 1; i >= 0; i--) {
    const day = utcDay(new Date(now.getTime() - i * dayMs));
    const month = months.get(monthOf(day)) ?? { from: day, to: day, sum: emptyCounts() };
    months.set(monthOf(day), { ...month, to: day });
    const found = stored.get(day);
    addCounts(month.sum, found);
    if (periodDays <= maxDailyDays) {
      perDay.push({
        day,
        movements: found?.movements ?? 0,
        volume: found?.volume ?? 0n,
        realValue: found?.realValue ?? 0n,
      });
    }
  }
  const all = emptyCounts();
  const perMonth = [...months].map(([month, row]) => {
    addCounts(row.sum, totals.get(month));
    addCounts(all, row.sum);
    const { movements, volume, realValue } = row.sum;
    return { month, from: row.from, to: row.to, movements, volume, realValue };
  });
  const positiveBalances = summary.positiveSum;
  return {
    period: { from, to, days: periodDays },
    accounts: summary.accounts,
    activeTraders: all.lastActive,
    movements: all.movements,
    volume: all.volume,
    realValue: all.realValue,
    velocity: positiveBalances > 0n ? Number((all.volume * 100n) / positiveBalances) / 100 : null,
    positiveBalances,
    ...(periodDays <= maxDailyDays ? { perDay } : {}),
    perMonth,
    perTrade: Object.entries(all.trades)
      .map(([trade, tradeVolume]) => ({ trade, volume: tradeVolume }))
      .sort((a, b) => (a.volume === b.volume ? a.trade.localeCompare(b.trade) : a.volume > b.volume ? -1 : 1)),
    histogram: histogramBars(summary.buckets),
    nearLimit: summary.nearLimit,
    sumOfBalances: input.sumOfBalances,
  };
}
