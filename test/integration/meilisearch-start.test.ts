// Issue 13, D10, as `npm start` met it: with MEILISEARCH_URL set, the start indexed the table and the
// commons into an index that never received its settings, and every search answered 503
// (`invalid_search_facets`) until the reindex was run by hand. Here the same start-up steps run against a
// local imitation of Meilisearch (test/support/fake-meilisearch.ts), which refuses facets on such an index
// as Meilisearch does, and the API's search and health are asked afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reindex } from '#app/search-sync.ts';
import { indexStreamRecords } from '#app/stream-indexer.ts';
import { createCurrentItems } from '#adapters/dynamodb/indexed-items.ts';
import { syndicateLookup } from '#adapters/dynamodb/keys.ts';
import { createApi } from '#http/api.ts';
import { createLogger } from '#platform/log.ts';
import { apiOnFreshTable, body, callerFor } from '../support/api-client.ts';
import { type FakeMeilisearch, startFakeMeilisearch } from '../support/fake-meilisearch.ts';

let fake: FakeMeilisearch;
beforeAll(async () => {
  fake = await startFakeMeilisearch();
});
afterAll(() => fake.close());

describe('the local stack with Meilisearch configured', () => {
  it('serves faceted searches and healthy search right after the start has indexed a new index', async () => {
    fake.indexes.clear();
    const { services } = await apiOnFreshTable({}, { MEILISEARCH_URL: fake.url });
    const report = await reindex(services);
    expect(report.indexed).toBeGreaterThan(50);
    expect(report.missing.length + report.extra.length + report.stale.length).toBe(0);

    const call = callerFor(createApi(services));
    const search = await call('GET', '/api/search?q=', null);
    expect(search.status).toBe(200);
    expect(body(search).total).toBe(report.indexed);
    expect(Object.keys(body(search).facets).sort()).toEqual(['payUnit', 'remote', 'skills', 'trade', 'type']);

    const health = await call('GET', '/api/health', null);
    expect(body(health).checks.search).toMatchObject({
      status: 'ok',
      engine: 'meilisearch',
      documents: report.indexed,
    });
  });

  it('has the stream indexer of a new process apply the settings before it writes the first change', async () => {
    fake.indexes.clear();
    const { services } = await apiOnFreshTable({}, { MEILISEARCH_URL: fake.url });
    const before = fake.requests.length;
    const lookups = { syndicate: async () => null, now: services.now, tradeOf: () => undefined };
    const log = createLogger('silent');
    const items = createCurrentItems(services.storeClient, services.config.TABLE_NAME);
    const gone = syndicateLookup('gone');
    const outcome = await indexStreamRecords({ search: services.search, lookups, log, items }, [
      {
        eventName: 'REMOVE',
        dynamodb: {
          SequenceNumber: '1',
          OldImage: { pk: { S: gone.pk }, sk: { S: gone.sk }, type: { S: 'syndicate' }, id: { S: 'gone' } },
        },
      },
    ]);
    expect(outcome.batchItemFailures).toEqual([]);
    const sent = fake.requests.slice(before);
    const settingsSent = sent.findIndex((request) => request.method === 'PATCH');
    const firstDocuments = sent.findIndex((request) => request.path.endsWith('/documents/delete-batch'));
    expect(settingsSent).toBeGreaterThanOrEqual(0);
    expect(settingsSent).toBeLessThan(firstDocuments);
  });
});
