// `npm run bench:search-http`: one Meilisearch search through meilisearch-js, over Node's fetch (the
// client's default) and over our own transport (functions/adapters/search/meilisearch/http-transport.ts),
// 500 POST searches each, p50 and p95. Against the local imitation of Meilisearch the tests use, and also
// against a real engine when MEILISEARCH_URL is set (MEILISEARCH_KEY, and MEILISEARCH_BENCH_INDEX, default
// `guildhall`: an index that exists; only searches are sent). Against a real Meilisearch fetch waited
// ~45 ms a search (issue 13, D11). The imitation answers as Meilisearch does (gzip when asked, in several
// writes, Nagle on), which reproduces that wait; a third client, fetch asking for the identity encoding,
// shows that the compression is what costs it.
// Benchmarks are not tests: nothing here asserts.
import { Meilisearch, type SearchParams } from 'meilisearch';
import { createHttpTransport } from '#adapters/search/meilisearch/http-transport.ts';
import { indexSettings } from '#adapters/search/meilisearch/settings.ts';
import { buildSearchRequest } from '#adapters/search/meilisearch/search-request.ts';
import { fixtures } from '../test/contract/search-port.ts';
import { startFakeMeilisearch } from '../test/support/fake-meilisearch.ts';
import { percentile } from './percentile.ts';

const searches = Number(process.env.BENCH_SEARCHES ?? 500);
const warmup = 50;
const { q, ...params } = buildSearchRequest({ text: 'oak', facets: ['type', 'trade'], pageSize: 20 });

interface Target {
  name: string;
  host: string;
  apiKey?: string | undefined;
  index: string;
}

/** Milliseconds per search, in rounds that alternate the two clients so that neither gets a quieter machine. */
async function measure(target: Target) {
  const transport = createHttpTransport();
  const clients = {
    fetch: new Meilisearch({ host: target.host, apiKey: target.apiKey, timeout: 5000 }),
    'fetch, identity': new Meilisearch({
      host: target.host,
      apiKey: target.apiKey,
      timeout: 5000,
      requestInit: { headers: { 'accept-encoding': 'identity' } },
    }),
    'node:http transport': new Meilisearch({
      host: target.host,
      apiKey: target.apiKey,
      timeout: 5000,
      httpClient: transport.request,
    }),
  };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(clients).map((name) => [name, []]));
  const once = async (client: Meilisearch) => {
    const started = performance.now();
    await client.index(target.index).search(q, params as SearchParams);
    return performance.now() - started;
  };
  for (const client of Object.values(clients)) for (let i = 0; i < warmup; i += 1) await once(client);
  for (let round = 0; round < searches / 50; round += 1) {
    for (const [name, client] of Object.entries(clients)) {
      for (let i = 0; i < 50; i += 1) times[name]?.push(await once(client));
    }
  }
  transport.close();
  for (const [name, values] of Object.entries(times)) {
    const sorted = [...values].sort((a, b) => a - b);
    const [p50, p95] = [50, 95].map((p) => percentile(sorted, p).toFixed(2).padStart(6));
    console.log(`  ${target.name.padEnd(28)} ${name.padEnd(20)} p50 ${p50} ms   p95 ${p95} ms   (${values.length})`);
  }
}

console.log(`Meilisearch search over HTTP: ${searches} POST searches per client (Node ${process.versions.node})`);
const fake = await startFakeMeilisearch();
try {
  // The imitation answers from the fixtures, after the settings a real index would have.
  const setup = new Meilisearch({ host: fake.url, httpClient: createHttpTransport().request });
  await setup.index('bench').updateSettings(indexSettings()).waitTask();
  await setup
    .index('bench')
    .addDocuments(
      fixtures.map((document, key) => ({ ...document, key })),
      { primaryKey: 'key' },
    )
    .waitTask();
  await measure({ name: 'local imitation (node:http)', host: fake.url, index: 'bench' });
} finally {
  await fake.close();
}
const host = process.env.MEILISEARCH_URL;
if (host) {
  const index = process.env.MEILISEARCH_BENCH_INDEX ?? 'guildhall';
  await measure({ name: `Meilisearch at ${new URL(host).host}`, host, apiKey: process.env.MEILISEARCH_KEY, index });
} else {
  console.log('  (set MEILISEARCH_URL to measure a real engine too)');
}
