// The embedded search engine in a process of its own for `npm run bench:scale`, its search port served over
// HTTP on 127.0.0.1, so that the process that times the routes holds the API and not the index: in AWS,
// Meilisearch holds the index, and the functions' heaps (and their garbage collections) are their own.
// At 166,321 documents the index made the measuring process's heap 396 MB and a collection pause 291 ms,
// which fell on whichever route was running (issue 14).
//
// The engine is the one `npm start` embeds, not the imitation of Meilisearch the tests use
// (test/support/fake-meilisearch.ts): that one matches `=` filters and every query word by a scan, so it
// would time a different search. The protocol is the port itself: POST /<method> with the arguments as
// a JSON array, the result as JSON. Started by bench/remote-search.ts, which tells it to go.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmbeddedSearchEngine } from '#adapters/search/embedded/engine.ts';
import type { SearchIndex } from '#domain/search/search-port.ts';

// The engine keeps recent queries' answers, corrected at each write (kept-queries.ts), so bench:scale's
// repeated calls of a row cost their page even with a write before each; BENCH_SEARCH_KEPT=0 makes every
// call its own pass over the matches.
const kept = process.env.BENCH_SEARCH_KEPT;
const engine = createEmbeddedSearchEngine(kept === undefined ? {} : { keptQueries: Number(kept) });
type Method = keyof SearchIndex;
const methods: Record<Method, (...args: never[]) => Promise<unknown>> = {
  upsert: (documents) => engine.upsert(documents),
  delete: (ids) => engine.delete(ids),
  search: (query) => engine.search(query),
  get: (ids) => engine.get(ids),
  listIds: () => engine.listIds(),
  health: () => engine.health(),
};

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const server = createServer(async (request, response) => {
  const name = (request.url ?? '').slice(1);
  try {
    if (name === 'memory') {
      globalThis.gc?.();
      response.end(JSON.stringify({ heapMb: process.memoryUsage().heapUsed / 2 ** 20 }));
      return;
    }
    const method = Object.hasOwn(methods, name) ? methods[name as Method] : undefined;
    if (!method) throw new Error(`the search process has no method ${name}`);
    const args = JSON.parse(await body(request)) as never[];
    const result = await method(...args);
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify(result ?? null));
  } catch (error) {
    response.statusCode = 500;
    response.end(JSON.stringify({ message: error instanceof Error ? error.message : String(error) }));
  }
});

server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
// The parent's end is the child's: the channel closes when the benchmark stops, however it stops.
process.on('disconnect', () => server.close(() => process.exit(0)));
