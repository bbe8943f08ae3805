// A standard period's snapshot as the table holds it: its figures survive the round trip exactly, and an
// item that does not read as a snapshot is treated as none, so the reader recomputes instead of
// answering with something broken.
import { describe, expect, it } from 'vitest';
import { snapshotPut, toSnapshot } from '#adapters/dynamodb/economy-snapshot-items.ts';
import { economyFigures } from '#domain/ledger/economy-figures.ts';

const now = new Date('2026-12-07T10:00:00Z');
const figures = (periodDays: number) =>
  economyFigures({
    summary: { accounts: 3, positiveSum: 2n ** 70n, nearLimit: 1, buckets: { 0: 1, 14: 2 } },
    days: [{ day: '2026-12-06', movements: 2, volume: 2n ** 60n, realValue: 5n, lastActive: 3, trades: { care: 9n } }],
    months: [],
    sumOfBalances: 0n,
    now,
    periodDays,
  });

const json = (value: unknown) => JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? String(v) : v));

describe('a snapshot item', () => {
  it.each([7, 30, 90, 365])('gives back the %i days’ figures exactly, amounts past 2^53 included', (days) => {
    const snapshot = { days, day: '2026-12-07', rev: 41, figures: figures(days) };
    expect(toSnapshot(snapshotPut('t', snapshot).Item)).toEqual(snapshot);
  });

  it.each([
    { case: 'figures that are not JSON', change: { figures: '{not json' } },
    {
      case: 'an amount that is no whole number',
      change: { figures: json({ ...figures(7), volume: '1.5' }) },
    },
    { case: 'a figure missing', change: { figures: json({ ...figures(7), histogram: undefined }) } },
    { case: 'no revision', change: { rev: undefined } },
  ])('reads as none when it holds $case', ({ change }) => {
    const item = snapshotPut('t', { days: 7, day: '2026-12-07', rev: 1, figures: figures(7) }).Item;
    expect(toSnapshot({ ...item, ...change })).toBeNull();
  });

  it('answers a changed snapshot with its own figures, never with those of a text read before', () => {
    const item = (volume: bigint, rev: number) =>
      snapshotPut('t', { days: 30, day: '2026-12-07', rev, figures: { ...figures(30), volume } }).Item;
    expect(toSnapshot(item(10n, 1))?.figures.volume).toBe(10n);
    expect(toSnapshot(item(11n, 2))?.figures.volume).toBe(11n);
    expect(toSnapshot(item(10n, 1))?.figures.volume).toBe(10n);
    // Read again after a damaged text, the good one still parses as it did.
    expect(toSnapshot({ ...item(10n, 1), figures: '{not json' })).toBeNull();
    expect(toSnapshot(item(12n, 3))?.figures.volume).toBe(12n);
  });

  it('gives every reader of the same snapshot figures none of them can change for the others', () => {
    const item = snapshotPut('t', { days: 7, day: '2026-12-07', rev: 5, figures: figures(7) }).Item;
    const first = toSnapshot(item)?.figures;
    if (!first) throw new Error('the snapshot should read back');
    expect(() => {
      (first as { movements: number }).movements = 999;
    }).toThrow(TypeError);
    expect(() => (first.perMonth as unknown[]).push({})).toThrow(TypeError);
    expect(toSnapshot(item)?.figures).toEqual(figures(7));
  });
});
