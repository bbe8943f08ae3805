// An in-memory economy store with the table's semantics: a line's marker is written once, the account's
// figures only over the revision read, everything of a change or nothing. For the unit tests of the
// counting rules (the DynamoDB adapter is held to the same in the integration suite).
import { ConflictError } from '#domain/errors.ts';
import type { AccountFigures, CountedLine, EconomyChange } from '#domain/ledger/economy.ts';
import type { EconomyDay, EconomySummary } from '#domain/ledger/economy-figures.ts';
import { addCounts, emptyCounts, monthOf } from '#domain/ledger/economy-months.ts';
import type { EconomyRepository } from '#domain/ledger/economy-use-cases.ts';
import { type EconomySnapshot, supersedes } from '#domain/ledger/economy-snapshot.ts';

export interface FakeEconomy extends EconomyRepository {
  summary: EconomySummary;
  days: Map<string, EconomyDay>;
  figures: Map<string, AccountFigures>;
  /** The summary's revision: bumped by every change, as the table's summary item is. */
  rev: number;
  snapshots: Map<number, EconomySnapshot>;
  /** Runs once before the next apply's check, as another writer landing in between would. */
  interleave?: (() => Promise<void>) | undefined;
}

const lineId = (line: CountedLine) => `${line.accountId} ${line.at} ${line.source} ${line.sequence}`;

export function fakeEconomy(sumOfBalances = 0n): FakeEconomy {
  const marks = new Set<string>();
  const store: FakeEconomy = {
    summary: { accounts: 0, positiveSum: 0n, nearLimit: 0, buckets: {} },
    days: new Map(),
    figures: new Map(),
    rev: 0,
    snapshots: new Map(),
    async accountFigures(accountId) {
      const found = store.figures.get(accountId);
      return found ? { ...found } : null;
    },
    async apply(change: EconomyChange, options) {
      const race = store.interleave;
      store.interleave = undefined;
      await race?.();
      if (options.line && marks.has(lineId(options.line))) return false;
      if (change.account) {
        const stored = store.figures.get(change.account.accountId);
        if ((stored?.rev ?? null) !== options.expectedRev) throw new ConflictError('figures changed');
        store.figures.set(change.account.accountId, { ...change.account });
      }
      if (options.line) marks.add(lineId(options.line));
      store.rev++;
      const { summary } = store;
      summary.accounts += change.summary.accounts;
      summary.positiveSum += change.summary.positiveSum;
      summary.nearLimit += change.summary.nearLimit;
      for (const [bucket, n] of Object.entries(change.summary.buckets)) {
        summary.buckets[Number(bucket)] = (summary.buckets[Number(bucket)] ?? 0) + n;
      }
      for (const [day, delta] of Object.entries(change.days)) {
        const stored = store.days.get(day) ?? {
          day,
          movements: 0,
          volume: 0n,
          realValue: 0n,
          lastActive: 0,
          trades: {},
        };
        stored.movements += delta.movements;
        stored.volume += delta.volume;
        stored.realValue += delta.realValue;
        stored.lastActive += delta.lastActive;
        for (const [trade, volume] of Object.entries(delta.trades)) {
          stored.trades[trade] = (stored.trades[trade] ?? 0n) + volume;
        }
        store.days.set(day, stored);
      }
      return true;
    },
    // As the table does: the whole months' totals (the sum of their days), the other months' days.
    async read(from, to, whole) {
      const inPeriod = [...store.days.values()].filter((d) => d.day >= from && d.day <= to);
      const days = inPeriod.filter((d) => !whole.includes(monthOf(d.day)));
      const months = whole.map((month) => ({
        month,
        ...inPeriod.filter((d) => monthOf(d.day) === month).reduce((sum, d) => addCounts(sum, d), emptyCounts()),
      }));
      return { summary: store.summary, days, months, sumOfBalances };
    },
    // As the table's TransactGetItems does: one moment's summary (a copy), revision, days and totals.
    async readRevision(dayMonths, totalMonths) {
      const days = [...store.days.values()].filter((d) => dayMonths.includes(monthOf(d.day)));
      const months = totalMonths.map((month) => ({
        month,
        ...[...store.days.values()]
          .filter((d) => monthOf(d.day) === month)
          .reduce((sum, d) => addCounts(sum, d), emptyCounts()),
      }));
      const summary = { ...store.summary, buckets: { ...store.summary.buckets } };
      return {
        summary,
        rev: store.rev,
        days: days.map((d) => ({ ...d, trades: { ...d.trades } })),
        months,
        sumOfBalances,
      };
    },
    async snapshot(days) {
      return store.snapshots.get(days) ?? null;
    },
    // As the table's conditional put does: a later day, or the same day at a later revision.
    async keepSnapshot(snapshot) {
      const kept = store.snapshots.get(snapshot.days);
      if (kept && !supersedes(snapshot, kept)) return false;
      store.snapshots.set(snapshot.days, snapshot);
      return true;
    },
    // As the table does: whole months, once every day of theirs is before `earliest`.
    async prune(earliest) {
      const gone = [...store.days.keys()].filter((day) => day.slice(0, 7) < earliest.slice(0, 7));
      for (const day of gone) store.days.delete(day);
      return new Set(gone.map((day) => day.slice(0, 7))).size;
    },
  };
  return store;
}
