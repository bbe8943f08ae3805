import { describe, expect, it } from 'vitest';
import { bucketCount, zeroBucket } from '#domain/ledger/economy.ts';
import { economyCsv } from '#domain/ledger/economy-csv.ts';
import { type EconomyDay, economyFigures, histogramBars, periodOf } from '#domain/ledger/economy-figures.ts';
import type { EconomyMonth } from '#domain/ledger/economy-months.ts';

const day = (d: string, over: Partial<EconomyDay> = {}): EconomyDay => ({
  day: d,
  movements: 1,
  volume: 1000n,
  realValue: 1000n,
  lastActive: 0,
  trades: { other: 1000n },
  ...over,
});
const summary = { accounts: 4, positiveSum: 4000n, nearLimit: 1, buckets: { [zeroBucket]: 2, 0: 1, 14: 1 } };
const now = new Date('2026-12-06T23:59:00Z');

describe('the balance histogram’s bars', () => {
  it('labels every bucket with the balances it holds, most owed first', () => {
    const bars = histogramBars({});
    expect(bars).toHaveLength(bucketCount);
    expect(bars.map((b) => b.label)).toEqual([
      'under −5,000',
      '−5,000 to under −1,000',
      '−1,000 to under −500',
      '−500 to under −100',
      '−100 to under −50',
      '−50 to under −10',
      '−10 to under 0',
      '0',
      'over 0 to 10',
      'over 10 to 50',
      'over 50 to 100',
      'over 100 to 500',
      'over 500 to 1,000',
      'over 1,000 to 5,000',
      'over 5,000',
    ]);
  });

  it.each([
    { index: 0, from: undefined, to: -500_001n },
    { index: 6, from: -1000n, to: -1n },
    { index: 7, from: 0n, to: 0n },
    { index: 8, from: 1n, to: 1000n },
    { index: 14, from: 500_001n, to: undefined },
  ])('gives bar $index the minor units from $from to $to', ({ index, from, to }) => {
    expect(histogramBars({ [index]: 3 })[index]).toMatchObject({ from, to, accounts: 3 });
  });
});

describe('the economy’s figures for a period', () => {
  it('covers the days ending today, both ends included', () => {
    expect(periodOf(now, 1)).toEqual({ from: '2026-12-06', to: '2026-12-06' });
    expect(periodOf(now, 7)).toEqual({ from: '2026-11-30', to: '2026-12-06' });
  });

  it('fills days without movements with zeros and leaves out days outside the period', () => {
    const figures = economyFigures({
      summary,
      days: [
        day('2026-12-04', { lastActive: 2 }),
        day('2026-12-06', { lastActive: 1 }),
        day('2026-12-01', { lastActive: 1 }),
        day('2026-12-07', { lastActive: 5 }),
      ],
      months: [],
      sumOfBalances: 0n,
      now,
      periodDays: 3,
    });
    expect(figures.perDay).toEqual([
      { day: '2026-12-04', movements: 1, volume: 1000n, realValue: 1000n },
      { day: '2026-12-05', movements: 0, volume: 0n, realValue: 0n },
      { day: '2026-12-06', movements: 1, volume: 1000n, realValue: 1000n },
    ]);
    expect(figures).toMatchObject({ movements: 2, volume: 2000n, realValue: 2000n, activeTraders: 3, accounts: 4 });
    expect(figures.velocity).toBe(0.5);
    expect(figures.nearLimit).toBe(1);
    expect(figures.histogram.map((b) => b.accounts)).toEqual([1, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('sums each trade over the period, largest first, ties by name', () => {
    const figures = economyFigures({
      summary,
      days: [day('2026-12-05', { trades: { other: 600n, food: 300n } }), day('2026-12-06', { trades: { care: 600n } })],
      months: [],
      sumOfBalances: 0n,
      now,
      periodDays: 2,
    });
    expect(figures.perTrade).toEqual([
      { trade: 'care', volume: 600n },
      { trade: 'other', volume: 600n },
      { trade: 'food', volume: 300n },
    ]);
  });

  it('reads a year’s whole months from their totals and its edge months day by day, shown month by month', () => {
    const total = (month: string, over: Partial<EconomyMonth> = {}): EconomyMonth => ({
      month,
      movements: 10,
      volume: 5000n,
      realValue: 4000n,
      lastActive: 2,
      trades: { care: 5000n },
      ...over,
    });
    const figures = economyFigures({
      summary,
      // 7 Dec 2025 to 6 Dec 2026: December 2025 and 2026 are its edges, the 11 months between whole.
      days: [
        day('2025-12-06', { movements: 100 }),
        day('2025-12-07', { lastActive: 1 }),
        day('2026-03-09', { movements: 100 }),
        day('2026-12-06', { lastActive: 1, trades: { food: 1000n } }),
      ],
      months: [
        total('2026-01'),
        total('2026-11', { movements: 5, trades: { food: 5000n } }),
        total('2025-12', { movements: 100 }),
        total('2026-12', { movements: 100 }),
      ],
      sumOfBalances: 0n,
      now,
      periodDays: 365,
    });
    expect(figures.perDay).toBeUndefined();
    expect(figures.perMonth).toHaveLength(13);
    expect(figures.perMonth[0]).toEqual({
      month: '2025-12',
      from: '2025-12-07',
      to: '2025-12-31',
      movements: 1,
      volume: 1000n,
      realValue: 1000n,
    });
    expect(figures.perMonth[1]).toEqual({
      month: '2026-01',
      from: '2026-01-01',
      to: '2026-01-31',
      movements: 10,
      volume: 5000n,
      realValue: 4000n,
    });
    // A month without totals stored moved nothing, whatever days of it are stored.
    expect(figures.perMonth[3]).toMatchObject({ month: '2026-03', movements: 0, volume: 0n });
    expect(figures.perMonth[12]).toMatchObject({
      month: '2026-12',
      from: '2026-12-01',
      to: '2026-12-06',
      movements: 1,
    });
    expect(figures).toMatchObject({ movements: 17, volume: 12_000n, realValue: 10_000n, activeTraders: 6 });
    expect(figures.perTrade).toEqual([
      { trade: 'food', volume: 6000n },
      { trade: 'care', volume: 5000n },
      { trade: 'other', volume: 1000n },
    ]);
  });

  it('shows a period of a month or less day by day, even one that covers a month whole', () => {
    const endOfMonth = new Date('2026-11-30T12:00:00Z');
    const figures = economyFigures({
      summary,
      days: [day('2026-11-02')],
      months: [{ month: '2026-11', movements: 50, volume: 0n, realValue: 0n, lastActive: 0, trades: {} }],
      sumOfBalances: 0n,
      now: endOfMonth,
      periodDays: 31,
    });
    expect(figures.perDay).toHaveLength(31);
    expect(figures.perMonth).toEqual([
      { month: '2026-10', from: '2026-10-31', to: '2026-10-31', movements: 0, volume: 0n, realValue: 0n },
      { month: '2026-11', from: '2026-11-01', to: '2026-11-30', movements: 1, volume: 1000n, realValue: 1000n },
    ]);
    expect(figures.movements).toBe(1);
  });

  it('has no velocity while nobody holds Bound', () => {
    const empty = { accounts: 0, positiveSum: 0n, nearLimit: 0, buckets: {} };
    const figures = economyFigures({ summary: empty, days: [], months: [], sumOfBalances: 0n, now, periodDays: 30 });
    expect(figures.velocity).toBeNull();
    expect(figures.perDay).toHaveLength(30);
    expect(figures.activeTraders).toBe(0);
  });

  it('writes every figure as one CSV row of figure, key and value, amounts in Bound', () => {
    const figures = economyFigures({
      summary,
      days: [day('2026-12-06')],
      months: [],
      sumOfBalances: 0n,
      now,
      periodDays: 1,
    });
    expect(economyCsv(figures).split('\r\n')).toEqual([
      'figure,key,value',
      'period-from,,2026-12-06',
      'period-to,,2026-12-06',
      'accounts,,4',
      'active-traders,,0',
      'movements,,1',
      'volume,,10.00',
      'real-value-created,,10.00',
      'velocity,,0.25',
      'positive-balances,,40.00',
      'accounts-near-limit,,1',
      'sum-of-balances,,0.00',
      'movements-per-day,2026-12-06,1',
      'volume-per-day,2026-12-06,10.00',
      'real-value-per-day,2026-12-06,10.00',
      'movements-per-month,2026-12,1',
      'volume-per-month,2026-12,10.00',
      'real-value-per-month,2026-12,10.00',
      'volume-per-trade,other,10.00',
      'accounts-by-balance,"under −5,000",1',
      'accounts-by-balance,"−5,000 to under −1,000",0',
      'accounts-by-balance,"−1,000 to under −500",0',
      'accounts-by-balance,−500 to under −100,0',
      'accounts-by-balance,−100 to under −50,0',
      'accounts-by-balance,−50 to under −10,0',
      'accounts-by-balance,−10 to under 0,0',
      'accounts-by-balance,0,2',
      'accounts-by-balance,over 0 to 10,0',
      'accounts-by-balance,over 10 to 50,0',
      'accounts-by-balance,over 50 to 100,0',
      'accounts-by-balance,over 100 to 500,0',
      'accounts-by-balance,"over 500 to 1,000",0',
      'accounts-by-balance,"over 1,000 to 5,000",0',
      'accounts-by-balance,"over 5,000",1',
      '',
    ]);
  });
});
