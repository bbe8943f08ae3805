// The economy rows of `npm run bench:api`: GET /api/economy (a year of figures) beside a raw GetItem, at
// 1,000 and at 100,000 statement lines. The lines are written into the table as a payment writes them
// (the same builder, `entryPut`: two lines a payment, with the balance after), spread over the last
// year among a few thousand accounts; the stack's own stream poller then counts them, as the stream
// function does in AWS, and the rows are measured once every line is counted. So the figures read are
// the ones real counting made, and the read's cost can be compared across sizes. `interleaved` times the
// route and the raw read in turns (the load itself runs in bench/economy-worker.ts).
import { Worker } from 'node:worker_threads';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchWriteAll } from '#adapters/dynamodb/bulk.ts';
import { entryPut } from '#adapters/dynamodb/ledger-items.ts';
import type { PaymentEntry } from '#domain/innovations/innovation-repository.ts';
import type { AccountId } from '#domain/ledger/account.ts';
import type { LoadSpec, PhaseResult, WorkerSetup } from './economy-worker.ts';

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

export type { LoadSpec } from './economy-worker.ts';

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

const quantile = (sorted: ArrayLike<number>, q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Times each of `specs` for `rounds` rounds of `seconds` each, in turns (a round runs every one of them
 * once, the order reversed every other round), so drift in the machine's load between phases meets
 * every one alike; a first short round warms up and is not counted. The load runs in a worker thread
 * (bench/economy-worker.ts), route and raw read alike, so neither client shares the stack's event loop.
 */
export async function interleaved(
  specs: LoadSpec[],
  options: Omit<WorkerSetup, 'specs'> & { rounds: number; seconds: number },
): Promise<InterleavedRow[]> {
  const { rounds, seconds, ...setup } = options;
  const worker = new Worker(new URL('./economy-worker.ts', import.meta.url), {
    workerData: { ...setup, specs } satisfies WorkerSetup,
  });
  const phase = (index: number, ms: number) =>
    new Promise<PhaseResult>((resolve, reject) => {
      const failed = (error: Error) => reject(error);
      worker.once('error', failed);
      worker.once('message', (result: PhaseResult) => {
        worker.off('error', failed);
        resolve(result);
      });
      worker.postMessage({ index, ms });
    });
  const all = specs.map(() => ({ latencies: [] as number[], errors: 0, roundP50: [] as number[] }));
  try {
    for (let index = 0; index < specs.length; index++) await phase(index, 500);
    for (let round = 0; round < rounds; round++) {
      const order = specs.map((_, index) => index);
      if (round % 2) order.reverse();
      for (const index of order) {
        const { latencies, errors } = await phase(index, seconds * 1000);
        const into = all[index] as (typeof all)[number];
        latencies.sort();
        into.roundP50.push(quantile(latencies, 0.5));
        for (const latency of latencies) into.latencies.push(latency);
        into.errors += errors;
      }
    }
  } finally {
    await worker.terminate();
  }
  return specs.map((spec, index) => {
    const { latencies, errors, roundP50 } = all[index] as (typeof all)[number];
    latencies.sort((a, b) => a - b);
    return {
      label: spec.label,
      connections: setup.concurrency,
      rps: latencies.length / (rounds * seconds),
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

/** The rows a row's ratios are taken against, by label: the raw read in process, the raw read over HTTP. */
export interface EconomyBaselines {
  inProcess?: string;
  overHttp?: string;
}

/** `row`'s ratios (roundRatio) against its baselines among `rows`; undefined where it has none. */
export function economyRatios(
  rows: readonly InterleavedRow[],
  row: InterleavedRow,
  baselines: EconomyBaselines,
): { inProcess: number | undefined; overHttp: number | undefined } {
  const against = (label: string | undefined) => {
    const baseline = label === undefined ? undefined : rows.find((candidate) => candidate.label === label);
    return baseline && roundRatio(row, baseline);
  };
  return { inProcess: against(baselines.inProcess), overHttp: against(baselines.overHttp) };
}
