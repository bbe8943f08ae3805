// The economy's public figures, from the items the stream keeps (economy.ts): the summary, one bucket a
// day for the period, and the ledger's totals. Pure: the route, the page and the CSV share it.
import { balanceEdges, bucketCount, type DayDelta, zeroBucket } from './economy.ts';

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
  perDay: Array<{ day: string; movements: number; volume: bigint; realValue: bigint }>;
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
 * The figures for the period: the days' buckets summed (a missing day moved nothing), active traders as
 * the accounts whose latest active day lies in the period (each account is counted on one day only, its
 * latest, so the sum counts each once), and velocity as the period's volume over the positive balances.
 */
export function economyFigures(input: {
  summary: EconomySummary;
  days: readonly EconomyDay[];
  sumOfBalances: bigint;
  now: Date;
  periodDays: number;
}): EconomyFigures {
  const { summary, now, periodDays } = input;
  const { from, to } = periodOf(now, periodDays);
  // Only the period's days are looked up: a stored day outside it (a query's edge) is never read.
  const stored = new Map(input.days.map((d) => [d.day, d]));
  const perDay: EconomyFigures['perDay'] = [];
  const trades = new Map<string, bigint>();
  let activeTraders = 0;
  for (let i = periodDays - 1; i >= 0; i--) {
    const day = utcDay(new Date(now.getTime() - i * dayMs));
    const found = stored.get(day);
    perDay.push({
      day,
      movements: found?.movements ?? 0,
      volume: found?.volume ?? 0n,
      realValue: found?.realValue ?? 0n,
    });
    activeTraders += found?.lastActive ?? 0;
    for (const [trade, volume] of Object.entries(found?.trades ?? {})) {
      trades.set(trade, (trades.get(trade) ?? 0n) + volume);
    }
  }
  const volume = perDay.reduce((sum, d) => sum + d.volume, 0n);
  const positiveBalances = summary.positiveSum;
  return {
    period: { from, to, days: periodDays },
    accounts: summary.accounts,
    activeTraders,
    movements: perDay.reduce((sum, d) => sum + d.movements, 0),
    volume,
    realValue: perDay.reduce((sum, d) => sum + d.realValue, 0n),
    velocity: positiveBalances > 0n ? Number((volume * 100n) / positiveBalances) / 100 : null,
    positiveBalances,
    perDay,
    perTrade: [...trades]
      .map(([trade, tradeVolume]) => ({ trade, volume: tradeVolume }))
      .sort((a, b) => (a.volume === b.volume ? a.trade.localeCompare(b.trade) : a.volume > b.volume ? -1 : 1)),
    histogram: histogramBars(summary.buckets),
    nearLimit: summary.nearLimit,
    sumOfBalances: input.sumOfBalances,
  };
}
