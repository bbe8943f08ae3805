// The economy rows of `npm run bench:api`: GET /api/economy (a year of figures) beside a raw GetItem, at
// 1,000 and at 100,000 statement lines. The lines are written into the table as a payment writes them
// (the same builder, `entryPut`: two lines a payment, with the balance after), spread over the last
// year among a few thousand accounts; the stack's own stream poller then counts them, as the stream
// function does in AWS, and the rows are measured once every line is counted. So the figures read are
// the ones real counting made, and the read's cost can be compared across sizes.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchWriteAll } from '#adapters/dynamodb/bulk.ts';
import { entryPut } from '#adapters/dynamodb/ledger-items.ts';
import type { PaymentEntry } from '#domain/innovations/innovation-repository.ts';
import type { AccountId } from '#domain/ledger/account.ts';

const dayMs = 86_400_000;

/** Lines (two a payment) from `from` up to `to`, deterministic, so a second size continues the first. */
export function benchLines(from: number, to: number, balances: Map<AccountId, bigint>, now: number): PaymentEntry[] {
  const lines: PaymentEntry[] = [];
  const accounts = 2_000;
  for (let n = from / 2; n < to / 2; n++) {
    const payer: AccountId = `person:bench-economy-${(n * 7919) % accounts}`;
    const payee: AccountId = `person:bench-economy-${(n * 104_729 + 1) % accounts}`;
    if (payer === payee) continue;
    const amount = BigInt(100 + ((n * 31) % 90_000));
    // Spread over the last year, a day after another, so every size fills a year of days' items; a
    // second or so before now on its day, so no line falls out of the year the read covers.
    const at = new Date(now - (n % 365) * dayMs - (n % 60) * 1_000).toISOString();
    const paymentId = `bench-economy-${n}`;
    const base = {
      kind: 'payment' as const,
      at,
      paymentId,
      memo: 'Benchmark',
      by: 'bench',
      logIndex: 1_000_000_000 + n,
    };
    const after = (account: AccountId, delta: bigint) => {
      const balance = (balances.get(account) ?? 0n) + delta;
      balances.set(account, balance);
      return balance;
    };
    lines.push({
      ...base,
      accountId: payer,
      counterparty: payee,
      amount: -amount,
      sequence: 0,
      balanceAfter: after(payer, -amount),
    });
    lines.push({
      ...base,
      accountId: payee,
      counterparty: payer,
      amount,
      sequence: 1,
      balanceAfter: after(payee, amount),
    });
  }
  return lines;
}

/** Writes the lines as statement lines (without their movement's other items: only the lines are counted). */
export async function writeLines(client: DynamoDBDocumentClient, tableName: string, lines: PaymentEntry[]) {
  const puts = lines.map((line) => {
    const put = entryPut(tableName, line).Put;
    if (!put) throw new Error('entryPut makes a Put');
    return { PutRequest: { Item: put.Item } };
  });
  await batchWriteAll(client, tableName, puts, 4);
}

/** Waits until GET /api/economy counts `movements` in the year, printing progress; returns the seconds it took. */
export async function countedBy(url: string, movements: number): Promise<number> {
  const started = performance.now();
  let last = -1;
  for (;;) {
    const figures = (await (await fetch(`${url}/api/economy?days=366`)).json()) as { movements: number };
    if (figures.movements >= movements) return (performance.now() - started) / 1000;
    if (Math.floor(figures.movements / 5_000) !== Math.floor(last / 5_000)) {
      console.error(`  the stream has counted ${figures.movements} of ${movements} movements`);
    }
    last = figures.movements;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/** One thing timed in turns: a call made `concurrency` at a time, each timed on its own. */
export interface Timed {
  label: string;
  call: (i: number) => Promise<void>;
}

export interface InterleavedRow {
  label: string;
  connections: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** Per round, this one's p50 (ms), so a ratio can be taken round by round. */
  roundP50: number[];
}

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** `concurrency` workers calling `call` in a loop for `ms` milliseconds; each call's time in ms (sub-ms). */
async function phase(timed: Timed, concurrency: number, ms: number) {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + ms;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = worker; performance.now() < deadline; i += concurrency) {
        const started = performance.now();
        const ok = await timed.call(i).then(
          () => true,
          () => false,
        );
        if (ok) latencies.push(performance.now() - started);
        else errors++;
      }
    }),
  );
  return { latencies, errors };
}

/**
 * Times each of `timed` for `rounds` rounds of `seconds` each, in turns (a round runs every one of them
 * once, the order reversed every other round), so drift in the machine's load between phases meets
 * every one alike; a first short round warms up and is not counted. Each call is timed with
 * `performance.now()`, so the p50 has sub-millisecond resolution.
 */
export async function interleaved(
  timed: readonly Timed[],
  options: { rounds: number; seconds: number; concurrency: number },
): Promise<InterleavedRow[]> {
  const all = timed.map(() => ({ latencies: [] as number[], errors: 0, roundP50: [] as number[] }));
  for (const t of timed) await phase(t, options.concurrency, 500);
  for (let round = 0; round < options.rounds; round++) {
    const order = timed.map((_, index) => index);
    if (round % 2) order.reverse();
    for (const index of order) {
      const { latencies, errors } = await phase(timed[index] as Timed, options.concurrency, options.seconds * 1000);
      const into = all[index] as (typeof all)[number];
      latencies.sort((a, b) => a - b);
      into.roundP50.push(quantile(latencies, 0.5));
      into.latencies.push(...latencies);
      into.errors += errors;
    }
  }
  return timed.map((t, index) => {
    const { latencies, errors, roundP50 } = all[index] as (typeof all)[number];
    latencies.sort((a, b) => a - b);
    return {
      label: t.label,
      connections: options.concurrency,
      rps: latencies.length / (options.rounds * options.seconds),
      p50: quantile(latencies, 0.5),
      p95: quantile(latencies, 0.95),
      p99: quantile(latencies, 0.99),
      errors,
      roundP50,
    };
  });
}

/** The median over rounds of `row`'s p50 over `baseline`'s p50 in the same round. */
export function roundRatio(row: InterleavedRow, baseline: InterleavedRow): number {
  return median(row.roundP50.map((p50, round) => p50 / Math.max(baseline.roundP50[round] ?? 0, 0.001)));
}
