// `npm run bench:paging`: the lists a person reads about jobs, timed while one syndicate's open
// openings grow (issue 14, "Data access"). It starts the local stack, stops its stream poller (so the
// search indexer and the shortage consumer do not compete for the machine while it measures), writes
// open openings straight into the table in batches, as the measurement did, and at each size
// times the global board, that syndicate's board (API) and its page (site). A paged read must not grow
// with the list: compare the p50 at each size.
//
//   BENCH_SIZES=1000,10000,20000 BENCH_RUNS=5 npm run bench:paging
import { randomUUID } from 'node:crypto';
import { batchWriteAll } from '#adapters/dynamodb/bulk.ts';
import { createDocumentClient } from '#adapters/dynamodb/client.ts';
import { openingKeys } from '#adapters/dynamodb/keys.ts';
import { freePort } from '#local/dynamodb-local.ts';
import { startLocalStack } from '#local/local-stack.ts';
import { percentile } from './percentile.ts';

const sizes = (process.env.BENCH_SIZES ?? '1000,10000,20000').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const syndicateId = 'riverside-builders';

const stack = await startLocalStack({
  port: await freePort(),
  build: 'if-needed',
  logLevel: 'silent',
  progress: (message) => process.stderr.write(`${message}\n`),
});
await stack.poller.stop();
const client = createDocumentClient({ region: 'eu-west-1', endpoint: stack.dynamo.endpoint, timeoutMs: 60_000 });

const routes: Array<[string, string]> = [
  ['GET /api/openings?pageSize=20', '/api/openings?pageSize=20'],
  [`GET /api/syndicates/${syndicateId}/openings`, `/api/syndicates/${syndicateId}/openings?pageSize=20`],
  [`page /syndicates/${syndicateId}/`, `/syndicates/${syndicateId}/`],
  ['page /jobs/', '/jobs/'],
];

let written = 0;
async function growTo(size: number) {
  const day = new Date().toISOString().slice(0, 10);
  const validThrough = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
  const items = Array.from({ length: size - written }, (_, i) => {
    const at = new Date(Date.now() - (written + i) * 1000).toISOString();
    const opening = {
      id: `bench-${randomUUID()}`,
      syndicateId,
      title: `Benchmark carpenter ${written + i}`,
      description: 'An opening written by the paging benchmark, to see whether a list grows with the table.',
      skills: [{ skill: 'stud-wall-framing', level: 'working' }],
      positions: 1,
      hoursPerWeek: 32,
      pay: [{ amount: 4500, currency: 'EUR', per: 'hour' }],
      place: 'Rotterdam, NL',
      remote: false,
      applicantCountries: [],
      employmentType: 'CONTRACTOR',
      validThrough,
      status: 'open',
      filled: 0,
      version: 1,
      createdAt: at,
      updatedAt: at,
      createdBy: 'bench',
      datePosted: day,
    };
    return { PutRequest: { Item: { ...openingKeys(opening), type: 'opening', ...opening } } };
  });
  await batchWriteAll(client, 'guildhall', items);
  written = size;
}

async function time(path: string): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await fetch(`${stack.url}${path}`);
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

const rows: string[] = [];
try {
  for (const size of sizes) {
    await growTo(size);
    for (const [label, path] of routes) {
      await time(path); // warm
      const times: number[] = [];
      let status = 0;
      for (let run = 0; run < runs; run++) {
        const result = await time(path);
        times.push(result.ms);
        status = result.status;
      }
      times.sort((a, b) => a - b);
      const row = `| ${size.toLocaleString('en')} | ${label} | ${status} | ${percentile(times, 50).toFixed(0)} ms | ${percentile(times, 95).toFixed(0)} ms |`;
      rows.push(row);
      process.stderr.write(`${row}\n`);
    }
  }
} finally {
  client.destroy();
  await stack.stop();
}
process.stdout.write(
  `| open openings in ${syndicateId} | route | status | p50 | p95 |\n|---|---|---|---|---|\n${rows.join('\n')}\n`,
);
