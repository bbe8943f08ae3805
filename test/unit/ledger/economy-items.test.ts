// The economy's month items as the adapter builds and reads them: a count adds into its days' months
// only, a month's attributes read back as its days, and the busiest month fits well inside an item.
import { describe, expect, it } from 'vitest';
import { economyItems, toDays, toMonth } from '#adapters/dynamodb/economy-items.ts';
import { monthBefore, monthsOf } from '#domain/ledger/economy-months.ts';
import type { Item } from '#adapters/dynamodb/items.ts';
import type { TransactItem } from '#adapters/dynamodb/ledger-items.ts';
import { tradeIds } from '#domain/content/commons.ts';
import { type DayDelta, type EconomyChange, otherTrade } from '#domain/ledger/economy.ts';

const noSummary = { accounts: 0, positiveSum: 0n, nearLimit: 0, buckets: {} };
const day = (delta: Partial<DayDelta>): DayDelta => ({
  movements: 0,
  volume: 0n,
  realValue: 0n,
  lastActive: 0,
  trades: {},
  ...delta,
});

/** What DynamoDB holds after these updates: SET's values kept, ADD's summed, as the table applies them. */
function applied(items: TransactItem[], into = new Map<string, Item>()) {
  for (const { Update: update } of items) {
    if (!update || update.Key?.sk === 'SUMMARY') continue;
    const key = String(update.Key?.sk);
    const item: Item = into.get(key) ?? { ...update.Key };
    const names = update.ExpressionAttributeNames ?? {};
    const values = update.ExpressionAttributeValues ?? {};
    for (const [, name, value] of (update.UpdateExpression ?? '').matchAll(/(#\w+) = (:\w+)/g)) {
      item[String(names[String(name)])] = values[String(value)];
    }
    for (const [, name, value] of (update.UpdateExpression ?? '').matchAll(/(#a\d+) (:a\d+)/g)) {
      const attribute = String(names[String(name)]);
      const added = values[String(value)] as number | bigint;
      item[attribute] =
        typeof added === 'bigint'
          ? BigInt((item[attribute] as bigint | undefined) ?? 0n) + added
          : Number(item[attribute] ?? 0) + added;
    }
    into.set(key, item);
  }
  return into;
}

/** DynamoDB's size of an item: each attribute's name in UTF-8 and its value; a number at most 21 bytes. */
function itemBytes(item: Item) {
  const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
  return Object.entries(item).reduce(
    (sum, [name, value]) => sum + bytes(name) + (typeof value === 'string' ? bytes(value) : 21),
    0,
  );
}

describe('the economy’s summary item', () => {
  it('has its revision bumped by every count, even one that moves no summary figure, so a snapshot names the counts it holds', () => {
    const change: EconomyChange = { summary: noSummary, days: { '2026-12-06': day({ realValue: 7n }) } };
    const summary = economyItems('t', change, { expectedRev: null }).find((item) => item.Update?.Key?.sk === 'SUMMARY');
    const update = summary?.Update;
    expect(update?.UpdateExpression).toBe('ADD #a0 :a0');
    expect(update?.ExpressionAttributeNames).toEqual({ '#a0': 'rev' });
    expect(update?.ExpressionAttributeValues).toEqual({ ':a0': 1 });
  });
});

describe('the economy’s month items', () => {
  it('count a line into its month only, once even when the day it leaves lies in the same month', () => {
    const change: EconomyChange = {
      summary: noSummary,
      days: {
        '2026-12-06': day({ movements: 1, volume: 500n, lastActive: 1, trades: { care: 500n } }),
        '2026-12-01': day({ lastActive: -1 }),
        '2026-11-30': day({ realValue: 7n }),
      },
    };
    const updates = economyItems('t', change, { expectedRev: null }).filter((item) => item.Update);
    expect(updates.map((item) => item.Update?.Key)).toEqual([
      // The summary, whose revision every count bumps (see below).
      { pk: 'ECONOMY', sk: 'SUMMARY' },
      { pk: 'ECONOMY', sk: 'MONTH#2026-12' },
      { pk: 'ECONOMY', sk: 'MONTH#2026-12#TOTAL' },
      { pk: 'ECONOMY', sk: 'MONTH#2026-11' },
      { pk: 'ECONOMY', sk: 'MONTH#2026-11#TOTAL' },
    ]);
    // The account leaving 1 December for the 6th stays one active account in December's totals.
    const items = applied(updates);
    expect(items.get('MONTH#2026-12#TOTAL') && toMonth(items.get('MONTH#2026-12#TOTAL') as Item)).toEqual({
      month: '2026-12',
      movements: 1,
      volume: 500n,
      realValue: 0n,
      lastActive: 0,
      trades: { care: 500n },
    });
    expect(items.get('MONTH#2026-11#TOTAL')).toMatchObject({ type: 'economy-month-total', realValue: 7n });
  });

  it('keep each month’s totals the sum of its days, and count the writes to its days', () => {
    const counts: Array<Record<string, DayDelta>> = [
      { '2026-12-06': day({ movements: 1, volume: 500n, lastActive: 1, trades: { care: 500n } }) },
      { '2026-12-09': day({ realValue: 500n, lastActive: 1 }) },
      {
        '2026-12-20': day({ movements: 1, volume: 30n, lastActive: 1, trades: { other: 30n } }),
        '2026-12-06': day({ lastActive: -1 }),
      },
    ];
    const items = applied(
      counts.flatMap((days) => economyItems('t', { summary: noSummary, days }, { expectedRev: null })),
    );
    const days = toDays(items.get('MONTH#2026-12') as Item);
    const total = toMonth(items.get('MONTH#2026-12#TOTAL') as Item);
    expect(total).toEqual({
      month: '2026-12',
      movements: days.reduce((sum, d) => sum + d.movements, 0),
      volume: days.reduce((sum, d) => sum + d.volume, 0n),
      realValue: days.reduce((sum, d) => sum + d.realValue, 0n),
      lastActive: days.reduce((sum, d) => sum + d.lastActive, 0),
      trades: { care: 500n, other: 30n },
    });
    expect(total.lastActive).toBe(2);
    expect(items.get('MONTH#2026-12')?.counts).toBe(3);
  });

  it('read back as the days they counted, each day’s figures and trades its own', () => {
    const items = applied(
      [
        ...economyItems(
          't',
          { summary: noSummary, days: { '2026-12-06': day({ movements: 1, volume: 500n, trades: { care: 500n } }) } },
          { expectedRev: null },
        ),
        ...economyItems(
          't',
          {
            summary: noSummary,
            days: {
              '2026-12-06': day({ movements: 1, volume: 20n, trades: { other: 20n }, lastActive: 1 }),
              '2026-12-31': day({ realValue: 9n, lastActive: 1 }),
            },
          },
          { expectedRev: null },
        ),
      ],
      new Map(),
    );
    const month = items.get('MONTH#2026-12');
    expect(month && toDays(month).sort((a, b) => a.day.localeCompare(b.day))).toEqual([
      {
        day: '2026-12-06',
        movements: 2,
        volume: 520n,
        realValue: 0n,
        lastActive: 1,
        trades: { care: 500n, other: 20n },
      },
      { day: '2026-12-31', movements: 0, volume: 0n, realValue: 9n, lastActive: 1, trades: {} },
    ]);
  });

  it('keep the busiest month (every trade paid every day, every figure at its largest) under 24 KB, each count’s write', () => {
    const huge = 10n ** 37n;
    const trades = Object.fromEntries([...tradeIds, otherTrade].map((trade) => [trade, huge]));
    const updates = Array.from({ length: 31 }, (_, i) =>
      economyItems(
        't',
        {
          summary: noSummary,
          days: {
            [`2026-12-${String(i + 1).padStart(2, '0')}`]: day({
              movements: 2 ** 31,
              volume: huge,
              realValue: huge,
              lastActive: 2 ** 31,
              trades,
            }),
          },
        },
        { expectedRev: null },
      ),
    ).flat();
    const month = applied(updates).get('MONTH#2026-12');
    expect(month && toDays(month)).toHaveLength(31);
    const bytes = month ? itemBytes(month) : Number.POSITIVE_INFINITY;
    // About 21.5 KB with 12 trades (economy-items.ts); a year in one item would be 366 / 31 of it, ~253 KB.
    expect(bytes).toBeGreaterThan(18_000);
    expect(bytes).toBeLessThan(24_000);
    // Its totals, what a year's read fetches of it, are a thirty-first of that.
    const total = applied(updates).get('MONTH#2026-12#TOTAL');
    expect(total ? itemBytes(total) : Number.POSITIVE_INFINITY).toBeLessThan(800);
  });

  it('name the months a period touches: 13 for a year that starts mid-month, across the new year', () => {
    expect(monthsOf('2025-03-15', '2026-03-15')).toEqual([
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(monthsOf('2026-12-06', '2026-12-06')).toEqual(['2026-12']);
    expect(monthBefore('2026-01')).toBe('2025-12');
    expect(monthBefore('2026-10')).toBe('2026-09');
  });
});
