// `node bench/economy-read.ts`: the economy's read in process, without HTTP, beside a raw GetItem of its
// summary, on DynamoDB Local. The read's cost depends on the months it fetches, not on the lines
// counted into them, so the months are filled at their largest: a year of days, every day every trade
// paid (a line count only ever adds into these attributes); each month's totals are written with its days.
// The standard periods (7, 30, 90, 365 days) read their snapshot, kept once here as the stream keeps it
// after a batch; beside them, the same periods read from the counts as every period was before
// snapshots (and as a period outside the standard ones still is), and what a snapshot refresh costs the
// stream. Prints p50 and p99 over sequential calls, and the store requests and items each read makes
// (bench/store-calls.ts).
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { economyItems } from '#adapters/dynamodb/economy-items.ts';
import { createEconomyRepository } from '#adapters/dynamodb/economy-repository.ts';
import { getItems } from '#adapters/dynamodb/items.ts';
import {
  economyMonthKeys,
  economyMonthTotalKeys,
  economySnapshotKeys,
  economySummaryKeys,
  ledgerTotalsKeys,
} from '#adapters/dynamodb/keys.ts';
import { monthsOf, wholeMonths } from '#domain/ledger/economy-months.ts';
import { tradeIds } from '#domain/content/commons.ts';
import { otherTrade } from '#domain/ledger/economy.ts';
import { economyFigures, periodOf, utcDay } from '#domain/ledger/economy-figures.ts';
import { standardPeriods } from '#domain/ledger/economy-snapshot.ts';
import { economyReport, refreshEconomySnapshots } from '#domain/ledger/economy-use-cases.ts';
import { ensureTable } from '#local/create-tables.ts';
import { startDynamoDbLocal } from '#local/dynamodb-local.ts';
import { percentile } from './percentile.ts';
import { storeCalls } from './store-calls.ts';

const rounds = Number(process.env.BENCH_ROUNDS ?? 300);
const local = await startDynamoDbLocal();
const raw = new DynamoDBClient({
  endpoint: local.endpoint,
  region: 'eu-west-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});
await ensureTable(raw, 'guildhall');
const client = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });

// A year and a month of days, every figure and every trade set: the largest items a read can meet.
const now = new Date();
const trades = Object.fromEntries([...tradeIds, otherTrade].map((trade, i) => [trade, BigInt(1_000_000 + i)]));
const start = new Date(periodOf(now, 366).from).getTime() - 31 * 86_400_000;
for (let at = start; at <= now.getTime(); at += 86_400_000) {
  const day = utcDay(new Date(at));
  const change = {
    summary: { accounts: 1, positiveSum: 5_000n, nearLimit: 0, buckets: { 7: 1 } },
    days: { [day]: { movements: 4_000, volume: 99_000_000n, realValue: 98_000_000n, lastActive: 30, trades } },
  };
  await client.send(
    new TransactWriteCommand({ TransactItems: economyItems('guildhall', change, { expectedRev: null }) }),
  );
}

const economy = createEconomyRepository(client, 'guildhall');
async function time(label: string, call: () => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await call();
  Object.assign(storeCalls, { requests: 0, items: 0 });
  await call();
  const per = { ...storeCalls };
  const took: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await call();
    took.push(performance.now() - started);
  }
  took.sort((a, b) => a - b);
  const ms = (p: number) => percentile(took, p).toFixed(2);
  console.log(`${label}: p50 ${ms(50)} ms, p99 ${ms(99)} ms; ${per.requests} request(s), ${per.items} item(s) a read`);
}

/**
 * `call` and a raw GetItem of the summary in turns, round by round, so both meet the same load (on a
 * shared machine it swings within seconds): p50 of each and their ratio, the measure.
 */
async function beside(label: string, call: () => Promise<unknown>) {
  const raw = () => client.send(new GetCommand({ TableName: 'guildhall', Key: economySummaryKeys }));
  for (let i = 0; i < 20; i++) await Promise.all([call(), raw()]);
  const took: [number[], number[]] = [[], []];
  for (let i = 0; i < rounds; i++) {
    for (const [n, step] of [call, raw].entries()) {
      const started = performance.now();
      await step();
      took[n]?.push(performance.now() - started);
    }
  }
  const [mine, rawGet] = took.map((list) =>
    percentile(
      [...list].sort((a, b) => a - b),
      50,
    ),
  );
  const ratio = (mine ?? 0) / Math.max(rawGet ?? 0, 0.01);
  console.log(
    `${label} beside a raw GetItem in turns: p50 ${mine?.toFixed(2)} ms against ${rawGet?.toFixed(2)} ms, ${ratio.toFixed(2)}×`,
  );
}

const deps = { economy, now: () => now };
/** A period read from the counts: what every period did before snapshots. */
const fromCounts = async (days: number) => {
  const { from, to } = periodOf(now, days);
  return economyFigures({ ...(await economy.read(from, to, wholeMonths(from, to))), now, periodDays: days });
};
await refreshEconomySnapshots(deps);
await time('raw GetItem (economy summary)', () =>
  client.send(new GetCommand({ TableName: 'guildhall', Key: economySummaryKeys })),
);
await time('raw GetItem (30 days’ snapshot)', () =>
  client.send(new GetCommand({ TableName: 'guildhall', Key: economySnapshotKeys(30) })),
);
for (const days of standardPeriods) {
  await time(`economy read, ${days} days (snapshot)`, () => economyReport(deps, days));
}
for (const days of standardPeriods)
  await beside(`economy read, ${days} days (snapshot)`, () => economyReport(deps, days));
await beside('economy read, 30 days from the counts (before)', () => fromCounts(30));
await beside('economy read, 365 days from the counts (before)', () => fromCounts(365));
await time('economy read, 30 days from the counts (before)', () => fromCounts(30));
await time('economy read, 365 days from the counts (before)', () => fromCounts(365));
await time('economy read, 366 days (not standard: from the counts)', () => economyReport(deps, 366));
await time('snapshot refresh (the stream, once per batch)', () => refreshEconomySnapshots(deps));
// The floor under the year's read: the same BatchGetItem (whole months' totals, edge months' days), raw,
// and the repository's read without the figures.
const year = periodOf(now, 366);
const whole = wholeMonths(year.from, year.to);
const monthKeys = monthsOf(year.from, year.to).map((m) =>
  whole.includes(m) ? economyMonthTotalKeys(m) : economyMonthKeys(m),
);
const keys = [economySummaryKeys, ledgerTotalsKeys, ...monthKeys];
await time('raw BatchGetItem of a year’s items', () => getItems(client, 'guildhall', keys));
await time('repository read of a year (no figures)', () => economy.read(year.from, year.to, whole));
client.destroy();
await local.stop();
