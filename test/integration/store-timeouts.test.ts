// A store that stops answering: the API answers 503 with Retry-After within a few seconds (the
// production timeouts, not the tests' longer ones for DynamoDB Local), never hangs until API Gateway
// gives up at 29 s, and writes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { createServices } from '#app/services.ts';
import { createApi } from '#http/api.ts';
import { callerFor } from '../support/api-client.ts';
import { freshTable, localEndpoint, localStoreTimeoutMs } from '../support/dynamodb.ts';
import { type FrozenStore, silentStore, storeFreezingAt, unacceptingStore } from '../support/frozen-store.ts';
import { commons, testConfig } from '../support/services.ts';
import { syndicate, tableSnapshot } from '../support/write-world.ts';

const functionsTimeoutMs = 10_000;
// Generous: the test is that the call ends, not how fast; API Gateway would have given up at 29 s.
const ends = 25_000;

let store: FrozenStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

/** The API on a fresh table, its store reached through `endpoint`, with the production timeouts. */
async function apiThrough(endpoint: (tableEndpoint: string) => Promise<FrozenStore>) {
  const { tableName } = await freshTable();
  store = await endpoint(localEndpoint());
  const services = createServices(
    { ...testConfig, TABLE_NAME: tableName, DYNAMODB_ENDPOINT: store.endpoint },
    { commons },
  );
  expect(services.config.STORE_TIMEOUT_MS).toBe(2_000);
  const healthy = createServices(
    { ...testConfig, TABLE_NAME: tableName, DYNAMODB_ENDPOINT: localEndpoint(), STORE_TIMEOUT_MS: localStoreTimeoutMs },
    { commons },
  );
  return { tableName, call: callerFor(createApi(services)), healthy: callerFor(createApi(healthy)) };
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

function expectStoreUnavailable(response: { status: number; headers: Record<string, string>; body: unknown }) {
  expect(response.status, JSON.stringify(response.body)).toBe(503);
  expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  expect((response.body as { type: string }).type).toMatch(/\/store-unavailable$/);
}

describe('a store that stops answering', () => {
  it.each([
    ['accepts connections and never answers', () => silentStore()],
    ['accepts no connection at all', () => unacceptingStore()],
  ])(
    'that %s gets a write 503 with Retry-After inside the functions’ timeout, and nothing written',
    async (_what, frozen) => {
      const { tableName, call } = await apiThrough(frozen);
      const before = await tableSnapshot(tableName);
      const { result, ms } = await timed(() => call('POST', '/api/syndicates', 'founder', syndicate('frozen-co-op')));
      expectStoreUnavailable(result);
      expect(ms).toBeLessThan(functionsTimeoutMs);
      expect(await tableSnapshot(tableName)).toBe(before);
    },
    ends,
  );

  it(
    'gets a read 503 with Retry-After inside the functions’ timeout',
    async () => {
      const { call } = await apiThrough(() => silentStore());
      const { result, ms } = await timed(() => call('GET', '/api/syndicates/anyone', null));
      expectStoreUnavailable(result);
      expect(ms).toBeLessThan(functionsTimeoutMs);
    },
    ends,
  );

  it(
    'that freezes just as the write is sent answers 503, and the change is not half made',
    async () => {
      const { tableName, call, healthy } = await apiThrough((real) =>
        storeFreezingAt(real, 'DynamoDB_20120810.TransactWriteItems'),
      );
      const before = await tableSnapshot(tableName);
      const { result, ms } = await timed(() => call('POST', '/api/syndicates', 'founder', syndicate('frozen-co-op')));
      expectStoreUnavailable(result);
      expect(ms).toBeLessThan(functionsTimeoutMs);
      expect(await tableSnapshot(tableName)).toBe(before);
      // The same write, once the store answers again, goes through: the refusal was the store's.
      expect((await healthy('POST', '/api/syndicates', 'founder', syndicate('frozen-co-op'))).status).toBe(201);
    },
    ends,
  );
});
