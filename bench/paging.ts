// `npm run bench:paging`: the lists a person reads about jobs and syndicates, timed while they grow
// (issue 14, "Data access"). It starts the local stack, stops its stream poller (so the search indexer
// and the shortage consumer do not compete for the machine while it measures), writes open openings
// into one syndicate and as many syndicates straight into the table in batches, as the issue's
// measurement did, and at each size times the global board (first page, a page deep in by cursor, a
// filter nothing matches), that syndicate's board and page (as a visitor and as its admin, who also
// reads members and drafts), and the syndicates. A paged read must not grow with the list: compare the
// p50 at each size.
//
//   BENCH_SIZES=1000,10000,20000 BENCH_RUNS=5 npm run bench:paging
import { randomUUID } from 'node:crypto';
import { batchWriteAll } from '#adapters/dynamodb/bulk.ts';
import { createDocumentClient } from '#adapters/dynamodb/client.ts';
import { openingKeys, syndicateKeys } from '#adapters/dynamodb/keys.ts';
import { skillIndexItems } from '#adapters/dynamodb/opening-skill-index.ts';
import { sessionCookieName } from '#http/session.ts';
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
// Bram admins the demo's Riverside Builders: his view of its page adds members and drafts.
const admin = `${sessionCookieName}=${await stack.identity.sign({ id: 'demo-bram', name: 'Bram Jansen' })}`;

/** The board's page `depth` pages in, reached by following `next`, as a client does. */
async function deepCursor(depth: number): Promise<string> {
  let cursor = '';
  for (let page = 0; page < depth; page++) {
    const body = (await (await fetch(`${stack.url}/api/openings?pageSize=20${cursor}`)).json()) as { next?: string };
    cursor = body.next ? `&cursor=${encodeURIComponent(body.next)}` : cursor;
  }
  return cursor;
}

const routes = async (): Promise<Array<[string, string, string?]>> => [
  ['GET /api/openings?pageSize=20', '/api/openings?pageSize=20'],
  ['GET /api/openings, 40 pages in', `/api/openings?pageSize=20${await deepCursor(40)}`],
  ['GET /api/openings?skill= (nothing matches)', '/api/openings?pageSize=20&skill=haccp-planning'],
  [`GET /api/syndicates/${syndicateId}/openings`, `/api/syndicates/${syndicateId}/openings?pageSize=20`],
  [`page /syndicates/${syndicateId}/`, `/syndicates/${syndicateId}/`],
  [`page /syndicates/${syndicateId}/ (its admin)`, `/syndicates/${syndicateId}/`, admin],
  ['GET /api/syndicates?pageSize=20', '/api/syndicates?pageSize=20'],
  ['page /syndicates/', '/syndicates/'],
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
    // The opening and its items in the board's index by skill, as the repository writes them.
    return [{ ...openingKeys(opening), type: 'opening', ...opening }, ...skillIndexItems(opening)].map((Item) => ({
      PutRequest: { Item },
    }));
  });
  const syndicates = Array.from({ length: size - written }, (_, i) => {
    const syndicate = {
      id: `bench-${randomUUID()}`,
      name: `Benchmark syndicate ${written + i}`,
      trade: 'construction',
      description: 'A syndicate written by the paging benchmark, to see whether a list grows with the table.',
      place: 'Rotterdam, NL',
      rateCard: [],
      createdAt: new Date().toISOString(),
      createdBy: 'bench',
      memberCount: 1,
      adminCount: 1,
    };
    return {
      PutRequest: { Item: { ...syndicateKeys(syndicate.id, syndicate.name), type: 'syndicate', ...syndicate } },
    };
  });
  await batchWriteAll(client, 'guildhall', [...items.flat(), ...syndicates]);
  written = size;
}

async function time(path: string, cookie?: string): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await fetch(`${stack.url}${path}`, cookie ? { headers: { cookie } } : {});
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

const rows: string[] = [];
try {
  for (const size of sizes) {
    await growTo(size);
    for (const [label, path, cookie] of await routes()) {
      await time(path, cookie); // warm
      const times: number[] = [];
      let status = 0;
      for (let run = 0; run < runs; run++) {
        const result = await time(path, cookie);
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
  `| open openings in ${syndicateId}, and syndicates added | route | status | p50 | p95 |\n|---|---|---|---|---|\n${rows.join('\n')}\n`,
);
