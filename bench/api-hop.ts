// `npx node bench/api-hop.ts`: where GET /api/economy's HTTP hop spends its time, as CPU per request
// on the serving thread (process.threadCpuUsage), not wall-clock latency, so a shared machine's load
// moves it little. The store is stubbed (the snapshot answered from memory, as the parse cache answers
// a stored one), so what is measured is everything but the GetItem. Servers, each fed by the same
// kept-alive client in a worker thread, 10 at a time:
//   bare         a node:http server writing the same answer (its headers, its 4 KB body) from memory;
//   gateway-stub the local gateway with the API Lambda stubbed (returns that answer);
//   gateway      the local gateway and the real API handler (router, route, telemetry), as bench:api
//                runs it (logs silent, metrics off);
//   gateway-aws  the same with AWS's telemetry (LOG_LEVEL info, metrics on: a log line and an EMF line
//                a request, to stdout: run with `> /dev/null`; the figures print on stderr).
// The modes run in turns, BENCH_HOP_ROUNDS rounds (default 3) of BENCH_HOP_REQUESTS (default 20000)
// requests; BENCH_HOP_MODES (a comma list) runs a few. Then each step alone in process, µs a call over a
// loop (BENCH_HOP_STEPS=no skips them). BENCH_HOP_STORE=yes adds the economy rows' loads against
// DynamoDB Local (below). `node --cpu-prof` on this script profiles all of it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '#adapters/dynamodb/client.ts';
import { createEconomyRepository } from '#adapters/dynamodb/economy-repository.ts';
import { snapshotPut, toSnapshot } from '#adapters/dynamodb/economy-snapshot-items.ts';
import { economySnapshotKeys } from '#adapters/dynamodb/keys.ts';
import type { EconomyFigures } from '#domain/ledger/economy-figures.ts';
import type { EconomyRepository } from '#domain/ledger/economy-use-cases.ts';
import { apiRoutes } from '#http/api.ts';
import { createApiHandler } from '#http/api-handler.ts';
import type { ApiResult } from '#http/apigw.ts';
import { compileRoutes } from '#http/router.ts';
import { ensureTable } from '#local/create-tables.ts';
import { startDynamoDbLocal } from '#local/dynamodb-local.ts';
import { buildEvent, lambdaContext, readResult } from '#local/gateway-event.ts';
import { createGateway, type LambdaHandler } from '#local/gateway.ts';
import { createLogger } from '#platform/log.ts';
import { createTelemetry } from '#platform/telemetry.ts';
import { fakeServices } from '../test/support/services.ts';
import { median } from './economy-bench.ts';
import type { LoadSpec } from './economy-worker.ts';
import { startRawServer } from './raw-over-http.ts';

const requests = Number(process.env.BENCH_HOP_REQUESTS ?? 20_000);
const modes = (process.env.BENCH_HOP_MODES ?? 'bare,gateway-stub,gateway,gateway-aws').split(',');
const concurrency = 10;
const out = (line: string) => process.stderr.write(`${line}\n`);
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

// A 30 days' snapshot at its largest: a row a day, two months, every trade, the histogram's bars.
const now = new Date();
const day = (offset: number) => new Date(now.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
const figures: EconomyFigures = {
  period: { from: day(29), to: day(0), days: 30 },
  accounts: 1200,
  activeTraders: 800,
  movements: 1000,
  volume: 123_456_789n,
  realValue: 98_765_432n,
  velocity: 0.4321,
  positiveBalances: 555_555_555n,
  perDay: Array.from({ length: 30 }, (_, i) => ({
    day: day(29 - i),
    movements: 33,
    volume: 4_115_226n,
    realValue: 3_292_181n,
  })),
  perMonth: [
    {
      month: day(29).slice(0, 7),
      from: day(29),
      to: day(15),
      movements: 500,
      volume: 61_728_394n,
      realValue: 49_382_716n,
    },
    {
      month: day(0).slice(0, 7),
      from: day(14),
      to: day(0),
      movements: 500,
      volume: 61_728_395n,
      realValue: 49_382_716n,
    },
  ],
  perTrade: ['care', 'bookkeeping', 'repair', 'welding', 'teaching', 'cooking', 'building', 'other'].map((trade) => ({
    trade,
    volume: 15_432_098n,
  })),
  histogram: Array.from({ length: 15 }, (_, i) => ({
    from: BigInt(i * 1000),
    to: BigInt(i * 1000 + 999),
    label: `bar ${i}`,
    accounts: 80,
  })),
  nearLimit: 12,
  sumOfBalances: 0n,
};
const snapshot = toSnapshot(snapshotPut('guildhall', { days: 30, day: day(0), rev: 1, figures }).Item);
if (!snapshot) throw new Error('the snapshot does not parse');
const economy = { snapshot: async () => snapshot } as unknown as EconomyRepository;

function apiHandler(aws: boolean): LambdaHandler {
  const telemetry = createTelemetry({
    STAGE: aws ? 'aws' : 'local',
    LOG_LEVEL: aws ? 'info' : 'silent',
    POWERTOOLS_SERVICE_NAME: 'guildhall',
    POWERTOOLS_METRICS_NAMESPACE: 'Guildhall',
    POWERTOOLS_METRICS_DISABLED: !aws,
    POWERTOOLS_TRACE_ENABLED: false,
  });
  const services = fakeServices({ economy, telemetry, log: telemetry.log, now: () => new Date() });
  return createApiHandler({ routes: apiRoutes, telemetry, services: async () => services });
}

const compiled = compileRoutes(apiRoutes);
const gatewayOf = (api: LambdaHandler) =>
  createGateway({
    api,
    apiRoutes: compiled,
    verifyToken: async () => {
      throw new Error('no tokens here');
    },
    log: createLogger('silent'),
  });

const path = '/api/economy';
const event = buildEvent({
  method: 'GET',
  url: path,
  rawHeaders: ['host', 'localhost'],
  body: Buffer.alloc(0),
  sourceIp: '127.0.0.1',
});
const canned: ApiResult = await apiHandler(false)(event, lambdaContext('api', event));
if (canned.statusCode !== 200) throw new Error(`the route answered ${canned.statusCode}: ${canned.body}`);
out(`the answer: ${Buffer.byteLength(canned.body ?? '')} bytes`);

function bareServer(): Server {
  const { status, headers, body } = readResult(canned);
  const head = Object.fromEntries(headers);
  return createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(status, head);
      response.end(body);
    });
  });
}

const servers: Record<string, () => Server> = {
  bare: bareServer,
  'gateway-stub': () => gatewayOf(async () => canned),
  gateway: () => gatewayOf(apiHandler(false)),
  'gateway-aws': () => gatewayOf(apiHandler(true)),
};

const clientSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { Agent, get } = require('node:http');
const agent = new Agent({ keepAlive: true, maxSockets: workerData.concurrency });
const one = () => new Promise((resolve, reject) => {
  const started = performance.now();
  get(workerData.url, { agent }, (response) => {
    response.on('data', () => {});
    response.on('end', () => response.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(String(response.statusCode))));
  }).on('error', reject);
});
parentPort.on('message', async (count) => {
  const times = [];
  let next = 0;
  await Promise.all(Array.from({ length: workerData.concurrency }, async () => {
    while (next++ < count) times.push(await one());
  }));
  times.sort((a, b) => a - b);
  parentPort.postMessage(times[Math.floor(times.length / 2)]);
});`;

/** One run of `mode`: `requests` requests after a warm-up; this thread's CPU a request (µs) and the client's p50 (ms). */
async function serve(mode: string): Promise<{ us: number; p50: number }> {
  const server = (servers[mode] as () => Server)();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  const worker = new Worker(clientSource, { eval: true, workerData: { url, concurrency } });
  const run = (count: number) =>
    new Promise<number>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage(count);
    });
  await run(2_000);
  const cpu = process.threadCpuUsage();
  const p50 = await run(requests);
  const used = process.threadCpuUsage(cpu);
  await worker.terminate();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  return { us: (used.user + used.system) / requests, p50 };
}

/** µs a call of `call`, over `count` calls after a warm-up. */
async function perCall(label: string, call: () => unknown, count = 20_000) {
  for (let i = 0; i < 2_000; i++) await call();
  const started = process.threadCpuUsage();
  for (let i = 0; i < count; i++) await call();
  const used = process.threadCpuUsage(started);
  out(`${label.padEnd(40)} ${((used.user + used.system) / count).toFixed(2).padStart(7)} µs`);
}

// The modes in turns, BENCH_HOP_ROUNDS rounds (default 3), the order reversed every other round.
const rounds = Number(process.env.BENCH_HOP_ROUNDS ?? 3);
const served = modes.filter((mode) => servers[mode]);
const runs = new Map(served.map((mode) => [mode, [] as Array<{ us: number; p50: number }>]));
for (let round = 0; round < (served.length > 0 ? rounds : 0); round++) {
  for (const mode of round % 2 ? [...served].reverse() : served) runs.get(mode)?.push(await serve(mode));
}
out(`load ${load()}; ${requests} requests a mode a round, ${rounds} rounds, ${concurrency} at a time`);
for (const [mode, all] of runs) {
  const us = all.map((run) => run.us);
  out(
    `${mode.padEnd(12)} ${median(us).toFixed(1).padStart(6)} µs CPU a request on the serving thread (rounds ${us.map((n) => n.toFixed(1)).join(', ')}; client p50 ${median(all.map((run) => run.p50)).toFixed(2)} ms)`,
  );
}

if (process.env.BENCH_HOP_STEPS !== 'no') {
  const rawHeaders = ['Host', '127.0.0.1:3000', 'Connection', 'keep-alive'];
  const handlerLocal = apiHandler(false);
  const handlerAws = apiHandler(true);
  await perCall('buildEvent', () =>
    buildEvent({ method: 'GET', url: path, rawHeaders, body: Buffer.alloc(0), sourceIp: '127.0.0.1' }),
  );
  await perCall('lambdaContext', () => lambdaContext('api', event));
  await perCall('readResult', () => readResult(canned));
  await perCall('API handler (logs silent, metrics off)', () => handlerLocal(event, lambdaContext('api', event)));
  await perCall('API handler (AWS: info log, EMF)', () => handlerAws(event, lambdaContext('api', event)));
}

// With the store (BENCH_HOP_STORE=yes): DynamoDB Local, the snapshot kept in it, and the economy rows'
// three loads from their worker thread (bench/economy-worker.ts), 10 at a time, in turns: the raw GetItem
// from the worker, the same GetItem served by a bare server on this thread (bench/raw-over-http.ts),
// and the route through the gateway and the real handler and repository; p50 and this thread's CPU a call.
if (process.env.BENCH_HOP_STORE === 'yes') {
  const local = await startDynamoDbLocal();
  const admin = new DynamoDBClient({
    endpoint: local.endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
  });
  await ensureTable(admin, 'guildhall');
  const client = createDocumentClient({ region: 'eu-west-1', endpoint: local.endpoint, timeoutMs: 10_000 });
  const {
    ConditionExpression: _c,
    ExpressionAttributeNames: _n,
    ExpressionAttributeValues: _v,
    ...put
  } = snapshotPut('guildhall', { days: 30, day: day(0), rev: 1, figures });
  await client.send(new PutCommand(put));
  const telemetry = createTelemetry({
    STAGE: 'local',
    LOG_LEVEL: 'silent',
    POWERTOOLS_SERVICE_NAME: 'guildhall',
    POWERTOOLS_METRICS_NAMESPACE: 'Guildhall',
    POWERTOOLS_METRICS_DISABLED: true,
    POWERTOOLS_TRACE_ENABLED: false,
  });
  const services = fakeServices({
    economy: createEconomyRepository(client, 'guildhall'),
    telemetry,
    log: telemetry.log,
    now: () => new Date(),
  });
  const gateway = gatewayOf(createApiHandler({ routes: apiRoutes, telemetry, services: async () => services }));
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  const raw = await startRawServer(client, 'guildhall');
  // The gateway in front of a Lambda that is only the raw GetItem: the gateway's share, with the store.
  const rawLambda = gatewayOf(async () => {
    const { Item } = await client.send(new GetCommand({ TableName: 'guildhall', Key: economySnapshotKeys(30) }));
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(Item) };
  });
  await new Promise<void>((resolve) => rawLambda.listen(0, '127.0.0.1', resolve));
  const specs: LoadSpec[] = [
    { label: 'raw GetItem (worker)', kind: 'get', days: 30 },
    { label: 'raw GetItem over HTTP', kind: 'http', path: '/?days=30', url: raw.url },
    {
      label: 'gateway, raw GetItem',
      kind: 'http',
      path,
      url: `http://127.0.0.1:${(rawLambda.address() as AddressInfo).port}`,
    },
    { label: 'API economy 30 days', kind: 'http', path },
  ];
  const worker = new Worker(new URL('./economy-worker.ts', import.meta.url), {
    workerData: {
      url: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`,
      endpoint: local.endpoint,
      tableName: 'guildhall',
      concurrency,
      specs,
    },
  });
  const phase = (index: number, ms: number) =>
    new Promise<{ latencies: Float64Array; errors: number }>((resolve) => {
      worker.once('message', resolve);
      worker.postMessage({ index, ms });
    });
  const rows = specs.map(() => ({ p50: [] as number[], cpu: [] as number[], errors: 0 }));
  for (let index = 0; index < specs.length; index++) await phase(index, 1000);
  for (let round = 0; round < rounds * 2; round++) {
    const order = specs.map((_, index) => index);
    if (round % 2) order.reverse();
    for (const index of order) {
      const started = process.threadCpuUsage();
      const { latencies, errors } = await phase(index, 2000);
      const used = process.threadCpuUsage(started);
      const row = rows[index] as (typeof rows)[number];
      latencies.sort();
      row.p50.push(latencies[Math.floor(latencies.length / 2)] ?? 0);
      row.cpu.push((used.user + used.system) / (latencies.length + errors));
      row.errors += errors;
    }
  }
  out(`with DynamoDB Local, ${rounds * 2} rounds of 2 s, ${concurrency} at a time; load ${load()}`);
  const base = rows[0] as (typeof rows)[number];
  rows.forEach((row, index) => {
    const ratio = median(row.p50.map((p50, round) => p50 / (base.p50[round] ?? 1)));
    out(
      `${(specs[index] as { label: string }).label.padEnd(24)} p50 ${median(row.p50).toFixed(2)} ms (${ratio.toFixed(2)}× the worker's raw), this thread ${median(row.cpu).toFixed(1)} µs CPU a call, ${row.errors} errors`,
    );
  });
  await worker.terminate();
  await raw.close();
  gateway.closeAllConnections();
  gateway.close();
  rawLambda.closeAllConnections();
  rawLambda.close();
  client.destroy();
  admin.destroy();
  await local.stop();
}
