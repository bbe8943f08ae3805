// `npm run bench:innovations`: the registry, the ledger, statements and the registry log's reads at
// 1,000 and at full size (50,000 published records, 200,000 ledger entries, 200,000 log entries), on
// one DynamoDB Local table, through the real API router. Each route's p50 and p95 at both sizes, and
// their ratio: a route that reads a bounded set stays near 1×.
//
//   BENCH_FULL=0.2 npm run bench:innovations    a fifth of full size, for a quick look
//   BENCH_RUNS=30                                 repetitions a route (default 15; capped at 60 s a route)
import { createDocumentClient } from '#adapters/dynamodb/client.ts';
import { benchApi, call, createBenchTable, startBenchStore } from './bench-store.ts';
import { createSeeder, hot, type Sizes } from './innovations-seed.ts';
import { percentile } from './percentile.ts';

const full = Number(process.env.BENCH_FULL ?? 1);
const runs = Number(process.env.BENCH_RUNS ?? 15);
const tableName = 'bench-innovations';

const dynamo = await startBenchStore();
await createBenchTable(dynamo, tableName);
const { commons, services, api } = benchApi(dynamo, tableName);
const client = createDocumentClient({ region: 'eu-west-1', endpoint: dynamo.endpoint, timeoutMs: 120_000 });
const seeder = createSeeder(client, tableName, commons, services.logSigner);

const skill = [...commons.skills.keys()][0] ?? '';
const routes: Array<{ label: string; path: string; as?: string }> = [
  { label: 'registry, first page', path: '/api/innovations?pageSize=20' },
  { label: 'registry, a skill', path: `/api/innovations?pageSize=20&skill=${skill}` },
  { label: 'registry, words', path: '/api/innovations?pageSize=20&q=triage%20card' },
  { label: 'a record (adoptions, reports)', path: `/api/innovations/${hot.record}` },
  { label: 'the ledger', path: '/api/ledger' },
  { label: 'a syndicate statement', path: `/api/syndicates/${hot.syndicate}/statement` },
  { label: 'my statement', path: '/api/me/statement', as: hot.person },
  { label: 'my statement, CSV', path: '/api/me/statement?format=csv', as: hot.person },
  { label: "a record's statement", path: `/api/innovations/${hot.record}/statement` },
  { label: "a record's log", path: `/api/innovations/${hot.record}/log` },
  { label: 'inclusion proof', path: '/api/registry-log/proofs/inclusion?leafIndex=7' },
  { label: 'consistency proof', path: '/api/registry-log/proofs/consistency?first=3&second=900' },
  { label: 'log entries', path: '/api/registry-log/entries?start=0&end=100' },
];

async function time(path: string, as?: string) {
  const { ms, status, body } = await call(api, { path, as });
  return { ms, status, bytes: body.length };
}

type Figures = { p50: number; p95: number; status: number; bytes: number; n: number };

async function measure(): Promise<Map<string, Figures>> {
  const figures = new Map<string, Figures>();
  for (const route of routes) {
    await time(route.path, route.as); // warm
    const times: number[] = [];
    let last = { status: 0, bytes: 0 };
    const started = performance.now();
    while (times.length < runs && (times.length < 3 || performance.now() - started < 60_000)) {
      const result = await time(route.path, route.as);
      times.push(result.ms);
      last = result;
    }
    times.sort((a, b) => a - b);
    figures.set(route.label, {
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      status: last.status,
      bytes: last.bytes,
      n: times.length,
    });
    process.stdout.write('.');
  }
  process.stdout.write('\n');
  return figures;
}

const scaled = (n: number) => Math.round(n * full);
const small: Sizes = { records: 1_000, ledgerEntries: 4_000, logEntries: 4_000, accounts: 400 };
const large: Sizes = {
  records: scaled(50_000),
  ledgerEntries: scaled(200_000),
  logEntries: scaled(200_000),
  accounts: scaled(20_000),
};

const log = (message: string) => console.log(`  ${new Date().toISOString().slice(11, 19)} ${message}`);
try {
  console.log('seeding the small table…');
  let started = performance.now();
  await seeder.grow(small, log);
  console.log(`seeded in ${Math.round((performance.now() - started) / 1000)} s; measuring`);
  const before = await measure();
  console.log('growing to full size…');
  started = performance.now();
  await seeder.grow(large, log);
  console.log(`grown in ${Math.round((performance.now() - started) / 1000)} s; measuring`);
  const after = await measure();

  const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(1)} ms`);
  console.log(
    `\n| route | p50 / p95 at 1k | p50 / p95 at ${large.records.toLocaleString('en')} records, ${large.ledgerEntries.toLocaleString('en')} entries | p95 ratio | status | bytes |`,
  );
  console.log('|---|---|---|---|---|---|');
  for (const route of routes) {
    const a = before.get(route.label);
    const b = after.get(route.label);
    if (!a || !b) continue;
    console.log(
      `| ${route.label} | ${ms(a.p50)} / ${ms(a.p95)} | ${ms(b.p50)} / ${ms(b.p95)} (n=${b.n}) | ${(b.p95 / a.p95).toFixed(2)}× | ${b.status} | ${b.bytes.toLocaleString('en')} |`,
    );
  }
} finally {
  client.destroy();
  await dynamo.stop();
}
