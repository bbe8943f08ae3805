// `npm run bench:api`: autocannon against the local stack (gateway → API handler → DynamoDB Local),
// read and write mixes at 10, 50 and 100 connections, and in the same run the same store calls made raw
// at the same concurrency (a GetItem for reads; the write path's three calls for writes; a payment's
// reads and its one TransactWriteItems, bench/payments-bench.ts), so the API's own overhead shows as a ratio.
// Targets (issue 7): p50 under 1.5× the raw store call, p99 under 25 ms at 50 connections, zero errors.
// The economy rows (issue 16, bench/economy-bench.ts), a table of their own: GET /api/economy beside a
// raw GetItem of the item it reads (a standard period's snapshot, the same bytes the route reads), at
// 1,000 and 100,000 statement lines counted by the stream. Not autocannon: each call timed with
// performance.now() (autocannon's p50 is whole milliseconds, and decided the ratio), both loads from one
// worker thread off the stack's event loop, 10 at a time each, in interleaved rounds (BENCH_ECONOMY_ROUNDS,
// default 8, of BENCH_ECONOMY_ROUND_SECONDS, default 2), the order reversed every other round, so drift
// in a shared machine's load meets route and raw alike; the ratio is the median of the rounds' p50
// ratios. Target: within 1.5× the raw read at any number of lines. Beside each raw read in process, the
// same GetItem served over HTTP by a bare `node:http` server on the stack's event loop
// (bench/raw-over-http.ts): the route's second ratio, against it, is what the gateway and our handler add
// to one store read answered over the same hop (bench/api-hop.ts says where that hop's time goes).
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import autocannon from 'autocannon';
import { applicationKeys, openingLookup, rateWindowKeys } from '#adapters/dynamodb/keys.ts';
import { getConfig } from '#config/config.ts';
import { logSignerFromJwk } from '#domain/innovations/log-head.ts';
import { freePort } from '#local/dynamodb-local.ts';
import { startLocalStack } from '#local/local-stack.ts';
import { createDocumentClient } from '#adapters/dynamodb/client.ts';
import {
  benchLines,
  countedBy,
  type EconomyBaselines,
  economyRatios,
  type InterleavedRow,
  interleaved,
  writeLines,
} from './economy-bench.ts';
import { paymentRequests, rawPayment } from './payments-bench.ts';
import { startRawServer } from './raw-over-http.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
process.env.WRITE_RATE_LIMIT = '10000';
const stack = await startLocalStack({ port: await freePort(), build: 'never', serveSite: false, logLevel: 'silent' });
const url = stack.url;
const people = ['demo-ada', 'demo-bram', 'demo-carmen', 'demo-dev', 'demo-eunji', 'demo-femi'];
const tokens = await Promise.all(people.map((id) => stack.identity.sign({ id, name: id })));
const openings = (
  (await (await fetch(`${url}/api/openings?pageSize=100`)).json()) as { items: Array<{ id: string }> }
).items.map((o) => o.id);

type Result = { label: string; connections: number; rps: number; p50: number; p99: number; errors: number };
const results: Result[] = [];

async function run(label: string, connections: number, requests: autocannon.Request[]) {
  const result = await autocannon({ url, connections, duration: seconds, requests, pipelining: 1 });
  const errors = result.errors + result.timeouts + result.non2xx;
  results.push({
    label,
    connections,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors,
  });
}

const reads: autocannon.Request[] = [
  { method: 'GET', path: '/api/health' },
  ...openings.slice(0, 20).map((id) => ({ method: 'GET' as const, path: `/api/openings/${id}` })),
  { method: 'GET', path: '/api/courses?trade=care' },
];
// Writes: people apply to openings (idempotent PUT: every repeat rewrites nothing but is a real
// conditional write round trip) and read their own applications back.
const writes: autocannon.Request[] = people.flatMap((_, i) =>
  openings.slice(0, 10).map((id) => ({
    method: 'PUT' as const,
    path: `/api/openings/${id}/applications/me`,
    headers: { authorization: `Bearer ${tokens[i]}`, 'content-type': 'application/json' },
    body: JSON.stringify({ note: 'Benchmark application' }),
  })),
);

// The store calls alone, with no HTTP, router or validation around them: one GetItem (what an opening
// read costs), and the three calls a repeated application makes in turn (the write limit's counter, the
// opening, the conditional put that finds the first application and returns it).
const signingKey = getConfig().CREDENTIAL_SIGNING_KEY;
if (!signingKey) throw new Error('The local stack runs with a signing key.');
const rawCalls = {
  'raw payment': rawPayment('guildhall', people, logSignerFromJwk(signingKey)),
  'raw GetItem': async (client: DynamoDBDocumentClient, i: number) => {
    await client.send(new GetCommand({ TableName: 'guildhall', Key: openingLookup(openings[i % 20] ?? '') }));
  },
  'raw write calls': async (client: DynamoDBDocumentClient, i: number) => {
    const openingId = openings[i % 10] ?? '';
    const personId = people[i % people.length] ?? '';
    await client.send(
      new UpdateCommand({
        TableName: 'guildhall',
        Key: rateWindowKeys(`bench-${personId}`, 0),
        UpdateExpression: 'SET #count = if_not_exists(#count, :zero) + :one',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':zero': 0, ':one': 1 },
      }),
    );
    await client.send(new GetCommand({ TableName: 'guildhall', Key: openingLookup(openingId) }));
    await client
      .send(
        new PutCommand({
          TableName: 'guildhall',
          Item: { ...applicationKeys(openingId, personId, 'bench'), note: 'Benchmark application' },
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      )
      .catch((error: Error) => {
        if (error.name !== 'ConditionalCheckFailedException') throw error;
      });
  },
};

async function rawStore(label: keyof typeof rawCalls, connections: number) {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: stack.dynamo.endpoint,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
    }),
  );
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, worker) => {
      for (let i = worker; performance.now() < deadline; i += connections) {
        const started = performance.now();
        // A raw payment out of its retry budget gives up (BusyError), as the API answers 503: an error.
        const ok = await rawCalls[label](client, i).then(
          () => true,
          () => false,
        );
        if (ok) latencies.push(performance.now() - started);
        else errors++;
      }
    }),
  );
  client.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  results.push({ label, connections, rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99), errors });
}

// `BENCH_ONLY=payments` (or `economy`) runs the payment (or the economy) rows alone.
const only = process.env.BENCH_ONLY;
for (const connections of only ? [] : [10, 50, 100]) {
  await rawStore('raw GetItem', connections);
  await run('API reads', connections, reads);
  await rawStore('raw write calls', connections);
  await run('API writes', connections, writes);
}
// Payments take turns at the registry log's head (every movement of Bound is logged), so they are
// measured at the concurrencies a commons' trade could see, not at 100; one connection shows the
// API's overhead on an uncontended payment.
for (const connections of only === 'economy' ? [] : [1, 10, 50]) {
  await rawStore('raw payment', connections);
  await run('API payments', connections, paymentRequests(people, tokens));
}
// The economy's figures at two sizes of the ledger: the lines are written, the stream counts them, then
// GET /api/economy (30 days, a year, 366 days) and a raw GetItem of the snapshot it reads are timed at
// 10 at a time, in rounds, route and raw read in turns (bench/economy-bench.ts `interleaved`).
const economyRounds = Number(process.env.BENCH_ECONOMY_ROUNDS ?? 8);
const economySeconds = Number(process.env.BENCH_ECONOMY_ROUND_SECONDS ?? 2);
const economyRows: InterleavedRow[] = [];
const economyBaselines = new Map<string, EconomyBaselines>();
if (!only || only === 'economy') {
  const sizes = (process.env.BENCH_ECONOMY_LINES ?? '1000,100000').split(',').map(Number);
  const writer = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: stack.dynamo.endpoint,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
    }),
  );
  const read = async () =>
    ((await (await fetch(`${url}/api/economy?days=366`)).json()) as { movements: number }).movements;
  let expected = await read();
  // The raw read over HTTP: the stack's own client configuration, on the stack's event loop.
  const rawClient = createDocumentClient({
    region: 'eu-west-1',
    endpoint: stack.dynamo.endpoint,
    timeoutMs: getConfig().STORE_TIMEOUT_MS,
  });
  const rawServer = await startRawServer(rawClient, 'guildhall');
  const balances = new Map();
  let written = 0;
  for (const size of sizes) {
    const lines = benchLines(written, size, balances, Date.now());
    const started = performance.now();
    await writeLines(writer, 'guildhall', lines);
    const wrote = (performance.now() - started) / 1000;
    written = size;
    expected += lines.filter((line) => line.amount < 0n).length;
    const counting = await countedBy(url, expected);
    console.error(
      `economy: ${size} lines written in ${wrote.toFixed(1)} s, counted by the stream in ${counting.toFixed(1)} s`,
    );
    const label = size >= 1000 ? `${size / 1000}k lines` : `${size} lines`;
    // Route and raw read in turns, at the same concurrency, each call timed to the microsecond.
    const raw = (days: number) => ({
      label: `raw GetItem (economy${days === 365 ? ' year' : ''}, ${label})`,
      kind: 'get' as const,
      days,
    });
    const rawOverHttp = (days: number) => ({
      label: `raw GetItem over HTTP (economy${days === 365 ? ' year' : ''}, ${label})`,
      kind: 'http' as const,
      path: `/?days=${days}`,
      url: rawServer.url,
    });
    const route = (name: string, path: string) => ({
      label: `API economy ${name} (${label})`,
      kind: 'http' as const,
      path,
    });
    const month = { inProcess: raw(30), overHttp: rawOverHttp(30) };
    const year = { inProcess: raw(365), overHttp: rawOverHttp(365) };
    const monthRoute = route('30 days', '/api/economy');
    const yearRoute = route('a year', '/api/economy?days=365');
    // 366 days (the most a read covers, outside the standard periods: read from the counts).
    const countsRoute = route('366 days, from the counts', '/api/economy?days=366');
    // What each row's ratios are taken against: a route's against both raw reads of its period's
    // snapshot (the year's for the year, the 30 days' for the others), the raw read over HTTP's against
    // the raw read in process.
    for (const [spec, period] of [
      [monthRoute, month],
      [yearRoute, year],
      [countsRoute, month],
    ] as const) {
      economyBaselines.set(spec.label, { inProcess: period.inProcess.label, overHttp: period.overHttp.label });
    }
    for (const period of [month, year])
      economyBaselines.set(period.overHttp.label, { inProcess: period.inProcess.label });
    economyRows.push(
      ...(await interleaved(
        [month.inProcess, month.overHttp, monthRoute, year.inProcess, year.overHttp, yearRoute, countsRoute],
        {
          url,
          endpoint: stack.dynamo.endpoint,
          tableName: 'guildhall',
          concurrency: 10,
          rounds: economyRounds,
          seconds: economySeconds,
        },
      )),
    );
  }
  writer.destroy();
  await rawServer.close();
  rawClient.destroy();
}
await stack.stop();

console.log(`API over the local gateway, ${seconds} s per run, Node ${process.versions.node}\n`);
console.log('| run | connections | req/s | p50 ms | p99 ms | errors | p50 vs the same store calls raw |');
console.log('|---|---|---|---|---|---|---|');
for (const r of results) {
  const baseline = { 'API reads': 'raw GetItem', 'API payments': 'raw payment' }[r.label] ?? 'raw write calls';
  const raw = results.find((x) => x.label === baseline && x.connections === r.connections);
  const ratio = raw && r.label.startsWith('API') ? `${(r.p50 / Math.max(raw.p50, 0.01)).toFixed(2)}×` : '';
  console.log(
    `| ${r.label} | ${r.connections} | ${Math.round(r.rps)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} | ${ratio} |`,
  );
}
if (economyRows.length > 0) {
  console.log(
    `\nThe economy, route and raw read in turns: ${economyRounds} rounds × ${economySeconds} s each, 10 at a time, timed per call\n`,
  );
  console.log(
    '| run | connections | req/s | p50 ms | p95 ms | p99 ms | errors | p50 vs raw in process, median of the rounds | p50 vs raw over HTTP, median of the rounds |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of economyRows) {
    const { inProcess, overHttp } = economyRatios(economyRows, r, economyBaselines.get(r.label) ?? {});
    const shown = (ratio: number | undefined) => (ratio === undefined ? '' : `${ratio.toFixed(2)}×`);
    console.log(
      `| ${r.label} | ${r.connections} | ${Math.round(r.rps)} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.errors} | ${shown(inProcess)} | ${shown(overHttp)} |`,
    );
  }
}
