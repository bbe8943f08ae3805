import { describe, expect, it } from 'vitest';
import { maxDailyDays, monthAfter, monthBefore, wholeMonths } from '#domain/ledger/economy-months.ts';

describe('the months a period reads as totals', () => {
  it.each([
    { from: '2025-12-07', to: '2026-12-06', whole: 11, first: '2026-01', last: '2026-11' },
    { from: '2025-12-01', to: '2026-11-30', whole: 12, first: '2025-12', last: '2026-11' },
    { from: '2024-03-01', to: '2025-02-28', whole: 12, first: '2024-03', last: '2025-02' },
    { from: '2024-02-01', to: '2024-02-29', whole: 0, first: undefined, last: undefined },
    { from: '2026-09-08', to: '2026-12-06', whole: 2, first: '2026-10', last: '2026-11' },
    { from: '2026-01-01', to: '2026-02-01', whole: 1, first: '2026-01', last: '2026-01' },
    { from: '2026-01-02', to: '2026-02-28', whole: 1, first: '2026-02', last: '2026-02' },
  ])('reads $whole months whole from $from to $to', ({ from, to, whole, first, last }) => {
    const months = wholeMonths(from, to);
    expect(months).toHaveLength(whole);
    expect(months[0]).toBe(first);
    expect(months.at(-1)).toBe(last);
  });

  it('reads a period of a month or less day by day, even a whole month', () => {
    expect(maxDailyDays).toBe(31);
    expect(wholeMonths('2026-01-01', '2026-01-31')).toEqual([]);
    expect(wholeMonths('2025-12-31', '2026-01-31')).toEqual(['2026-01']);
  });

  it('steps across a year’s end both ways', () => {
    expect(monthAfter('2026-12')).toBe('2027-01');
    expect(monthAfter('2026-09')).toBe('2026-10');
    expect(monthBefore('2026-01')).toBe('2025-12');
    expect(monthBefore('2026-10')).toBe('2026-09');
  });
});
