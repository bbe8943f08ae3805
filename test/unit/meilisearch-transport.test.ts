// The Meilisearch adapter over HTTP, against a local server that imitates the endpoints it uses
// (test/support/fake-meilisearch.ts): that it sends through our own transport (one kept-alive connection,
// our user agent), and that timeouts, refusals and unreachable engines still become SearchUnavailableError
// with the client's error as its cause, as they did over fetch.
import {
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
} from 'meilisearch';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type HttpTransportOptions, userAgent } from '#adapters/search/meilisearch/http-transport.ts';
import { createMeilisearchIndex } from '#adapters/search/meilisearch/meilisearch-index.ts';
import { SearchUnavailableError } from '#domain/errors.ts';
import { freePort } from '#local/dynamodb-local.ts';
import type { SearchDocument } from '#domain/search/search-port.ts';
import { fixtures } from '../contract/search-port.ts';
import { type FakeMeilisearch, startFakeMeilisearch } from '../support/fake-meilisearch.ts';

let fake: FakeMeilisearch;
let uid = 0;
beforeAll(async () => {
  fake = await startFakeMeilisearch();
});
afterEach(() => {
  fake.override = undefined;
});
afterAll(() => fake.close());

/** An adapter on a new index of the fake engine. */
function adapter(options: { timeoutMs?: number; transport?: HttpTransportOptions } = {}) {
  uid += 1;
  return createMeilisearchIndex({ host: fake.url, apiKey: 'test-key', indexUid: `index-${uid}`, ...options });
}

async function failure(promise: Promise<unknown>): Promise<SearchUnavailableError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(SearchUnavailableError);
  return outcome as SearchUnavailableError;
}

const errorBody = (code: string, message: string) =>
  JSON.stringify({ message, code, type: 'invalid_request', link: `https://docs.meilisearch.com/errors#${code}` });

describe('the Meilisearch adapter over HTTP', () => {
  it('sends request after request over one kept-alive connection, naming itself', async () => {
    const index = adapter();
    const before = fake.requests.length;
    const connectionsBefore = fake.connections();
    await index.upsert(fixtures);
    for (let i = 0; i < 5; i += 1) await index.search({ text: 'oak' });
    const sent = fake.requests.slice(before);
    // The documents added, their task read, then five searches (and more): one connection.
    expect(sent.length).toBeGreaterThanOrEqual(7);
    expect(fake.connections() - connectionsBefore).toBe(1);
    expect(new Set(sent.map((request) => request.connection)).size).toBe(1);
    expect(sent.every((request) => request.headers['user-agent'] === userAgent)).toBe(true);
    expect(sent.every((request) => request.headers.connection === 'keep-alive')).toBe(true);
    // Meilisearch compresses for a client that accepts gzip, and sends that answer in several writes.
    expect(sent.every((request) => request.headers['accept-encoding'] === 'identity')).toBe(true);
    expect(sent[0]?.headers.authorization).toBe('Bearer test-key');
    expect(sent[0]?.headers['x-meilisearch-client']).toMatch(/^Meilisearch JavaScript/);
  });

  it('reports its health from the engine’s /health and the index’s stats, sending the key', async () => {
    const index = adapter();
    await index.upsert(fixtures);
    const before = fake.requests.length;
    expect(await index.health()).toMatchObject({ engine: 'meilisearch', documents: fixtures.length });
    const sent = fake.requests.slice(before).map((request) => `${request.method} ${request.path}`);
    expect(sent).toEqual(expect.arrayContaining(['GET /health', `GET /indexes/index-${uid}/stats`]));
    expect(fake.requests.slice(before).every((request) => request.headers.authorization === 'Bearer test-key')).toBe(
      true,
    );
  });

  it('reads documents by id in one request naming their keys, and leaves an unknown id out', async () => {
    const index = adapter();
    await index.upsert(fixtures);
    const [first, second] = fixtures as [SearchDocument, SearchDocument];
    const before = fake.requests.length;
    const found = await index.get([first.id, 'opening:never-indexed', second.id]);
    expect(found.map(({ id }) => id).sort()).toEqual([first.id, second.id].sort());
    expect(found.find(({ id }) => id === first.id)).toEqual({ ...first, body: '' });
    const sent = fake.requests.slice(before);
    expect(sent.map((request) => `${request.method} ${request.path}`)).toEqual([`GET /indexes/index-${uid}/documents`]);
  });

  it('carries documents and answers through JSON unchanged, unicode included', async () => {
    const index = adapter();
    const cafe = { ...(fixtures[0] as SearchDocument), title: 'Café – 東京 🦀 "quoted" \\ back' };
    await index.upsert([cafe]);
    const result = await index.search({ text: 'café' });
    expect(result.hits.map((hit) => hit.document)).toEqual([{ ...cafe, body: '' }]);
  });

  it('gives a search that outlives the timeout up as "did not answer in time", keeping the client’s timeout error', async () => {
    const index = adapter({ timeoutMs: 150 });
    await index.upsert(fixtures);
    fake.override = (request) => (request.path.endsWith('/search') ? 'hang' : undefined);
    const started = performance.now();
    const error = await failure(index.search({ text: 'oak' }));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(error.message).toBe('Meilisearch did not answer in time to search.');
    expect(error.cause).toBeInstanceOf(MeilisearchRequestError);
    const timeout = (error.cause as MeilisearchRequestError).cause;
    expect(timeout).toBeInstanceOf(MeilisearchRequestTimeOutError);
    // meilisearch-js keeps the request in the error, but never the key.
    expect(
      JSON.stringify([...((timeout as MeilisearchRequestTimeOutError).cause.requestInit.headers as Headers)]),
    ).not.toContain('test-key');
  });

  it('gives a write whose task outlives the wait up as "did not finish in time", as over fetch', async () => {
    uid += 1;
    const index = createMeilisearchIndex({ host: fake.url, indexUid: `index-${uid}`, taskTimeoutMs: 150 });
    await index.ensureSettings();
    fake.override = (request) => (request.path.startsWith('/tasks/') ? 'hang' : undefined);
    const error = await failure(index.upsert(fixtures));
    expect(error.message).toBe('Meilisearch did not finish in time to add documents.');
    expect(error.cause).toBeInstanceOf(MeilisearchTaskTimeOutError);
  });

  it('surfaces an error body from Meilisearch as the client’s API error would be', async () => {
    const index = adapter();
    await index.upsert(fixtures);
    fake.override = (request) =>
      request.path.endsWith('/search')
        ? { status: 400, body: errorBody('invalid_search_facets', 'Invalid facet distribution.') }
        : undefined;
    const error = await failure(index.search({ text: 'oak', facets: ['trade'] }));
    expect(error.message).toBe('Meilisearch refused to search (invalid_search_facets).');
    const refusal = error.cause as MeilisearchApiError;
    expect(refusal).toBeInstanceOf(MeilisearchApiError);
    expect(refusal.message).toBe('Invalid facet distribution.');
    expect(refusal.response.status).toBe(400);
    expect(refusal.cause).toEqual({
      message: 'Invalid facet distribution.',
      code: 'invalid_search_facets',
      type: 'invalid_request',
      link: 'https://docs.meilisearch.com/errors#invalid_search_facets',
    });
  });

  it('reports a refusal without a Meilisearch body (a proxy’s page) by its HTTP status', async () => {
    const index = adapter();
    await index.upsert(fixtures);
    fake.override = (request) =>
      request.path.endsWith('/search') ? { status: 502, body: '<html>Bad Gateway</html>' } : undefined;
    const error = await failure(index.search({ text: 'oak' }));
    expect(error.message).toBe('Meilisearch refused to search (HTTP 502).');
    expect(error.cause).toBeInstanceOf(MeilisearchApiError);
    expect((error.cause as MeilisearchApiError).cause).toBeUndefined();
  });

  it.each([
    ['larger than the bound', JSON.stringify({ hits: [], filler: 'x'.repeat(5000) }), {}],
    ['not JSON', 'OK', {}],
    ['in an encoding it did not ask for', '{"hits":[]}', { 'content-encoding': 'br' }],
  ])('refuses an answer that is %s, as unreadable', async (_, body, headers) => {
    const index = adapter({ transport: { maxResponseBytes: 4096 } });
    await index.upsert(fixtures);
    fake.override = (request) => (request.path.endsWith('/search') ? { status: 200, body, headers } : undefined);
    const error = await failure(index.search({ text: 'oak' }));
    expect(error.message).toBe('Meilisearch sent an answer that could not be read to search.');
    expect(error.cause).toBeInstanceOf(MeilisearchRequestError);
  });

  it('reports an engine nobody listens for as unreachable, keeping the network error', async () => {
    const index = createMeilisearchIndex({ host: `http://127.0.0.1:${await freePort()}`, timeoutMs: 2000 });
    const error = await failure(index.health());
    expect(error.message).toMatch(/^Meilisearch could not be reached to /);
    expect(error.cause).toBeInstanceOf(MeilisearchRequestError);
    expect((error.cause as MeilisearchRequestError).cause).toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('sends a request again, once, when the kept-alive connection it reused was closed by the engine', async () => {
    const index = adapter();
    await index.upsert(fixtures);
    let dropped = 0;
    fake.override = (request) => {
      if (!request.path.endsWith('/search') || dropped > 0) return undefined;
      dropped += 1;
      return 'drop';
    };
    expect((await index.search({ text: 'oak' })).total).toBe(2);
    expect(dropped).toBe(1);
  });

  it('sends a request only twice when the engine keeps closing the connection', async () => {
    const index = adapter();
    await index.upsert(fixtures);
    const before = fake.requests.length;
    fake.override = (request) => (request.path.endsWith('/search') ? 'drop' : undefined);
    const error = await failure(index.search({ text: 'oak' }));
    expect(error.message).toBe('Meilisearch could not be reached to search.');
    expect(fake.requests.slice(before).filter((request) => request.path.endsWith('/search'))).toHaveLength(2);
  });

  it('lets a slow answer finish on a connection that would be closed were it idle that long', async () => {
    const index = adapter({ transport: { idleTimeoutMs: 40 } });
    await index.upsert(fixtures);
    fake.override = (request) =>
      request.path.endsWith('/search') ? { status: 200, body: '{"hits":[],"totalHits":0}', delayMs: 150 } : undefined;
    expect((await index.search({ text: 'oak' })).total).toBe(0);
    fake.override = undefined;
    // Idle past the limit: the pooled connection is closed, and the next request opens another.
    const connections = fake.connections();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await index.search({ text: 'oak' })).total).toBe(2);
    expect(fake.connections()).toBe(connections + 1);
  });
});
