import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConflictError, StoreUnavailableError } from '#domain/errors.ts';
import type { AccountId } from '#domain/ledger/account.ts';
import { economyFigures, periodOf } from '#domain/ledger/economy-figures.ts';
import { wholeMonths } from '#domain/ledger/economy-months.ts';
import { monthsToRead, snapshotsOf, standardPeriods, supersedes } from '#domain/ledger/economy-snapshot.ts';
import { countLine, economyReport, refreshEconomySnapshots } from '#domain/ledger/economy-use-cases.ts';
import { type FakeEconomy, fakeEconomy } from '../../support/economy-fake.ts';

const dayMs = 86_400_000;
const accounts: AccountId[] = ['person:ana', 'person:ben', 'syndicate:mill'];

/** Pays `amount` from one account to another at `at`: the two lines the ledger writes. */
async function pay(economy: FakeEconomy, n: number, at: Date, amount: bigint, trade?: string) {
  const [payer, payee] = [accounts[n % 3], accounts[(n + 1) % 3]] as [AccountId, AccountId];
  const lines = [
    { accountId: payer, amount: -amount, sequence: 0 },
    { accountId: payee, amount, sequence: 1 },
  ];
  for (const line of lines) {
    await countLine(
      { economy },
      { ...line, at: at.toISOString(), source: `pay${n}`, logIndex: n * 2 + line.sequence, trade },
    );
  }
}

/** The period's figures as a period outside the standard ones reads them: from the counts. */
async function fromCounts(economy: FakeEconomy, now: Date, days: number) {
  const { from, to } = periodOf(now, days);
  return economyFigures({ ...(await economy.read(from, to, wholeMonths(from, to))), now, periodDays: days });
}

describe('the months a snapshot refresh reads', () => {
  it('reads the standard periods’ edge months day by day and the year’s middle months as totals, once each', () => {
    expect(monthsToRead(new Date('2026-12-07T10:00:00Z'), standardPeriods)).toEqual({
      // 7 and 30 days: December (and November for 30); 90: from 9 September; 365: from 8 December 2025.
      dayMonths: ['2025-12', '2026-09', '2026-11', '2026-12'],
      totalMonths: [
        '2026-01',
        '2026-02',
        '2026-03',
        '2026-04',
        '2026-05',
        '2026-06',
        '2026-07',
        '2026-08',
        '2026-09',
        '2026-10',
        '2026-11',
      ],
    });
  });
});

describe('a standard period’s snapshot', () => {
  it('holds the figures the counts give for its period, whatever the payments and the day', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            daysAgo: fc.integer({ min: 0, max: 420 }),
            amount: fc.bigInt({ min: 1n, max: 10n ** 18n }),
            trade: fc.constantFrom(undefined, 'care', 'repair'),
          }),
          { maxLength: 25 },
        ),
        fc.date({ min: new Date('2024-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        async (payments, now) => {
          const economy = fakeEconomy();
          for (const [n, p] of payments.entries()) {
            await pay(economy, n, new Date(now.getTime() - p.daysAgo * dayMs), p.amount, p.trade);
          }
          const { dayMonths, totalMonths } = monthsToRead(now, standardPeriods);
          const snapshots = snapshotsOf(await economy.readRevision(dayMonths, totalMonths), now, standardPeriods);
          expect(snapshots.map((s) => s.days)).toEqual([...standardPeriods]);
          for (const snapshot of snapshots) {
            expect(snapshot.figures).toEqual(await fromCounts(economy, now, snapshot.days));
            expect(snapshot.figures.sumOfBalances).toBe(0n);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it.each([
    { next: { day: '2026-12-07', rev: 1 }, kept: { day: '2026-12-06', rev: 9 }, replaces: true },
    { next: { day: '2026-12-07', rev: 10 }, kept: { day: '2026-12-07', rev: 9 }, replaces: true },
    { next: { day: '2026-12-07', rev: 9 }, kept: { day: '2026-12-07', rev: 9 }, replaces: false },
    { next: { day: '2026-12-07', rev: 8 }, kept: { day: '2026-12-07', rev: 9 }, replaces: false },
    { next: { day: '2026-12-06', rev: 12 }, kept: { day: '2026-12-07', rev: 9 }, replaces: false },
  ])(
    'replaces one of $kept.day at $kept.rev with one of $next.day at $next.rev: $replaces',
    ({ next, kept, replaces }) => {
      expect(supersedes(next, kept)).toBe(replaces);
    },
  );
});

describe('the economy’s report for a standard period', () => {
  const noon = new Date('2026-12-06T12:00:00Z');

  it('is the kept snapshot, without reading the counts, while its day is today', async () => {
    const economy = fakeEconomy();
    await pay(economy, 0, noon, 500n);
    await refreshEconomySnapshots({ economy, now: () => noon });
    let counted = 0;
    const watched = {
      ...economy,
      read(...args: Parameters<FakeEconomy['read']>) {
        counted++;
        return economy.read(...args);
      },
      readRevision(...args: Parameters<FakeEconomy['readRevision']>) {
        counted++;
        return economy.readRevision(...args);
      },
    };
    const figures = await economyReport({ economy: watched, now: () => noon }, 30);
    expect(counted).toBe(0);
    expect(figures.volume).toBe(500n);
  });

  it('slides with the date although nothing was paid since: yesterday’s snapshot is recomputed and kept', async () => {
    const economy = fakeEconomy();
    const early = new Date('2026-11-30T09:00:00Z');
    await pay(economy, 0, early, 500n);
    await refreshEconomySnapshots({ economy, now: () => early });
    const weekLater = new Date('2026-12-07T00:00:01Z');
    const figures = await economyReport({ economy, now: () => weekLater }, 7);
    expect(figures.period).toEqual({ from: '2026-12-01', to: '2026-12-07', days: 7 });
    expect(figures.volume).toBe(0n);
    expect(figures.activeTraders).toBe(0);
    expect(economy.snapshots.get(7)?.day).toBe('2026-12-07');
    expect((await economyReport({ economy, now: () => weekLater }, 30)).volume).toBe(500n);
  });

  it('counts a payment retried or delivered late once in the recomputed snapshot', async () => {
    const economy = fakeEconomy();
    await pay(economy, 1, noon, 700n);
    await pay(economy, 0, new Date(noon.getTime() - 3 * dayMs), 300n);
    await pay(economy, 1, noon, 700n);
    await refreshEconomySnapshots({ economy, now: () => noon });
    const figures = await economyReport({ economy, now: () => noon }, 7);
    expect(figures).toMatchObject({ movements: 2, volume: 1000n, realValue: 1000n, sumOfBalances: 0n });
  });

  it('never puts an older computation back over a newer one of the same day', async () => {
    const economy = fakeEconomy();
    await pay(economy, 0, noon, 100n);
    const { dayMonths, totalMonths } = monthsToRead(noon, standardPeriods);
    const older = snapshotsOf(await economy.readRevision(dayMonths, totalMonths), noon, standardPeriods);
    await pay(economy, 1, noon, 200n);
    await refreshEconomySnapshots({ economy, now: () => noon });
    for (const snapshot of older) expect(await economy.keepSnapshot(snapshot)).toBe(false);
    expect((await economyReport({ economy, now: () => noon }, 7)).volume).toBe(300n);
  });

  it('answers from the counts when the recomputation meets a count in flight', async () => {
    const economy = fakeEconomy();
    await pay(economy, 0, noon, 100n);
    const busy = {
      ...economy,
      readRevision: async () => {
        throw new ConflictError('a count is landing', { retryable: true });
      },
    };
    const figures = await economyReport({ economy: busy, now: () => noon }, 30);
    expect(figures).toEqual(await fromCounts(economy, noon, 30));
    expect(economy.snapshots.size).toBe(0);
  });

  it('answers with the recomputed figures even when the store refuses to keep them', async () => {
    const economy = fakeEconomy();
    await pay(economy, 0, noon, 100n);
    const full = {
      ...economy,
      keepSnapshot: async () => {
        throw new StoreUnavailableError('busy');
      },
    };
    expect(await economyReport({ economy: full, now: () => noon }, 90)).toEqual(await fromCounts(economy, noon, 90));
  });

  it('answers a stale standard period from its recomputation, reading the counts once, not twice', async () => {
    const economy = fakeEconomy();
    await pay(economy, 0, noon, 400n);
    let reads = 0;
    const watched = {
      ...economy,
      read(...args: Parameters<FakeEconomy['read']>) {
        reads++;
        return economy.read(...args);
      },
    };
    const figures = await economyReport({ economy: watched, now: () => noon }, 30);
    expect(figures).toEqual(await fromCounts(economy, noon, 30));
    // The one consistent read of the recomputation (readRevision) served it: no second read of the counts.
    expect(reads).toBe(0);
    expect(economy.snapshots.get(30)?.figures).toEqual(figures);
  });

  it('passes on a store failure that is not a count in flight, rather than hiding it', async () => {
    const economy = fakeEconomy();
    const down = {
      ...economy,
      readRevision: async () => {
        throw new StoreUnavailableError('the table does not answer');
      },
    };
    await expect(economyReport({ economy: down, now: () => noon }, 30)).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('fails the stream’s refresh when a snapshot cannot be kept, so its batch is retried', async () => {
    const economy = fakeEconomy();
    await pay(economy, 0, noon, 100n);
    const full = {
      ...economy,
      keepSnapshot: async () => {
        throw new StoreUnavailableError('busy');
      },
    };
    await expect(refreshEconomySnapshots({ economy: full, now: () => noon })).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
  });

  it('reads any other period from the counts', async () => {
    const economy = fakeEconomy();
    await pay(economy, 0, noon, 100n);
    await refreshEconomySnapshots({ economy, now: () => noon });
    await pay(economy, 1, noon, 50n);
    expect((await economyReport({ economy, now: () => noon }, 8)).volume).toBe(150n);
    expect((await economyReport({ economy, now: () => noon }, 7)).volume).toBe(100n);
  });
});
