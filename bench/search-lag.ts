// Part of `npm run bench:search`: write-to-searchable lag through DynamoDB Local's stream, as the local
// stack runs it (stream poller every 100 ms → the indexer → the embedded engine). Target: p95 under 2 s.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createCurrentItems } from '#adapters/dynamodb/indexed-items.ts';
import { openingKeys } from '#adapters/dynamodb/keys.ts';
import { createEmbeddedSearchEngine } from '#adapters/search/embedded/engine.ts';
import { indexStreamRecords, type StreamRecord } from '#app/stream-indexer.ts';
import { createLogger } from '#platform/log.ts';
import { ensureTable } from '#local/create-tables.ts';
import { startDynamoDbLocal } from '#local/dynamodb-local.ts';
import { startStreamPoller } from '#local/stream-poller.ts';

const writes = Number(process.env.BENCH_LAG_WRITES ?? 300);
const perSecond = 20;
const dynamo = await startDynamoDbLocal();
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const admin = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'eu-west-1', credentials });
await ensureTable(admin, 'lag');
const client = DynamoDBDocumentClient.from(admin);
const search = createEmbeddedSearchEngine();
const written = new Map<string, number>();
const lags: number[] = [];
const deps = {
  search,
  log: createLogger('silent'),
  lookups: { syndicate: async () => ({ name: 'Lag', trade: 'care' as const }), now: () => new Date() },
  // As the indexer does: each record's item read back from the table (one BatchGetItem a batch).
  items: createCurrentItems(client, 'lag'),
};
const poller = await startStreamPoller({
  endpoint: dynamo.endpoint,
  region: 'eu-west-1',
  tableName: 'lag',
  handler: async (records: StreamRecord[]) => {
    const result = await indexStreamRecords(deps, records);
    const now = performance.now();
    for (const record of records) {
      const id = record.dynamodb?.NewImage?.id?.S;
      const at = id ? written.get(id) : undefined;
      if (at !== undefined) lags.push(now - at);
    }
    return result;
  },
});

const future = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
for (let n = 0; n < writes; n++) {
  const id = `lag-${n}`;
  const at = new Date().toISOString();
  const opening = {
    id,
    syndicateId: 'lag',
    title: `Care worker ${n}`,
    description: 'Home care visits shared across a co-op.',
    skills: [{ skill: 'safe-moving-and-handling', level: 'working' }],
    positions: 1,
    hoursPerWeek: 20,
    pay: [{ amount: 1500, currency: 'GBP', per: 'hour' }],
    place: 'Leeds, GB',
    remote: false,
    applicantCountries: [],
    employmentType: 'PART_TIME',
    validThrough: future,
    status: 'open',
    filled: 0,
    version: 1,
    createdAt: at,
    updatedAt: at,
    createdBy: 'bench',
    datePosted: at,
  };
  written.set(id, performance.now());
  await client.send(
    new PutCommand({ TableName: 'lag', Item: { ...openingKeys(opening), type: 'opening', ...opening } }),
  );
  await new Promise((resolve) => setTimeout(resolve, 1000 / perSecond));
}
await poller.drain(30_000);
await poller.stop();
admin.destroy();
await dynamo.stop();

lags.sort((a, b) => a - b);
const at = (q: number) => lags[Math.min(lags.length - 1, Math.floor(q * lags.length))] ?? Number.NaN;
console.log(
  `\nWrite-to-searchable lag through the local stream (${lags.length} of ${writes} writes, ${perSecond}/s, poll 100 ms)`,
);
console.log(`| p50 | p95 | p99 | max | target p95 < 2 s |\n|---|---|---|---|---|`);
console.log(
  `| ${at(0.5).toFixed(0)} ms | ${at(0.95).toFixed(0)} ms | ${at(0.99).toFixed(0)} ms | ${(lags.at(-1) ?? 0).toFixed(0)} ms | ${at(0.95) < 2000 ? 'yes' : 'no'} |`,
);
