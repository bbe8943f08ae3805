// The economy's figures recomputed from every account and every statement line: what the stream spares
// the page, and what the integration tests hold GET /api/economy to.
import type { Services } from '#app/services.ts';
import { balanceBucket, nearLimit } from '#domain/ledger/economy.ts';
import { allAccounts, allEntries } from './innovation-world.ts';

/** The figures from the statements, counting only the lines of the days from `from` to `to` when given. */
export async function figuresFromStatements(services: Services, period?: { from: string; to: string }) {
  const accounts = await allAccounts(services);
  let [volume, realValue, movements] = [0n, 0n, 0];
  const active = new Set<string>();
  for (const account of accounts) {
    for (const line of await allEntries(services, account.accountId)) {
      const day = line.at.slice(0, 10);
      if (line.kind === 'implementer-share' || (period && (day < period.from || day > period.to))) continue;
      active.add(account.accountId);
      if (line.amount < 0n) {
        volume -= line.amount;
        movements++;
      } else realValue += line.amount;
    }
  }
  const buckets = new Map<number, number>();
  for (const a of accounts) buckets.set(balanceBucket(a.balance), (buckets.get(balanceBucket(a.balance)) ?? 0) + 1);
  return {
    accounts: accounts.length,
    activeTraders: active.size,
    movements,
    volume: String(volume),
    realValue: String(realValue),
    nearLimit: accounts.filter((a) => nearLimit(a.balance, a.creditLimit ?? 0n)).length,
    positiveBalances: String(accounts.reduce((sum, a) => (a.balance > 0n ? sum + a.balance : sum), 0n)),
    histogram: [...buckets].sort(([a], [b]) => a - b),
  };
}

/** The same figures as GET /api/economy answered them: the histogram as its non-empty bars' indexes and counts. */
// biome-ignore lint/suspicious/noExplicitAny: the API's JSON, as the test client gives it.
export const shownFigures = (figures: Record<string, any>) => ({
  accounts: figures.accounts,
  activeTraders: figures.activeTraders,
  movements: figures.movements,
  volume: figures.volume,
  realValue: figures.realValue,
  nearLimit: figures.nearLimit,
  positiveBalances: figures.positiveBalances,
  histogram: figures.histogram.flatMap(
    (bar: { accounts: number }, i: number): Array<[number, number]> => (bar.accounts > 0 ? [[i, bar.accounts]] : []),
  ),
});
