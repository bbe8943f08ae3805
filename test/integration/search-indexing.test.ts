// Writes flow from the table through DynamoDB Local's stream to the search index, as in AWS.
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { createCurrentItems } from '#adapters/dynamodb/indexed-items.ts';
import { openingLookup } from '#adapters/dynamodb/keys.ts';
import { createEmbeddedSearchEngine } from '#adapters/search/embedded/engine.ts';
import { reconcile, reindex } from '#app/search-sync.ts';
import { indexStreamRecords, type StreamRecord } from '#app/stream-indexer.ts';
import type { SearchQuery } from '#domain/search/search-port.ts';
import { createLogger } from '#platform/log.ts';
import { type StreamPoller, startStreamPoller } from '#local/stream-poller.ts';
import { apiOnFreshTable } from '../support/api-client.ts';
import { localEndpoint } from '../support/dynamodb.ts';

const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const opening = {
  title: 'Heat pump fitter for a housing co-op',
  description: 'Install air-source heat pumps in terraced homes with a team that shares work and pay fairly.',
  skills: [{ skill: 'heat-pump-installation', level: 'working' }],
  positions: 1,
  hoursPerWeek: 30,
  pay: [{ amount: 3000, currency: 'GBP', per: 'hour' }],
  place: 'Leeds, GB',
  remote: false,
  employmentType: 'CONTRACTOR',
  validThrough: inAMonth,
};
let poller: StreamPoller | undefined;
afterEach(() => poller?.stop());

async function setUp(
  handlerWrapper?: (
    records: StreamRecord[],
    real: (r: StreamRecord[]) => ReturnType<typeof indexStreamRecords>,
  ) => ReturnType<typeof indexStreamRecords>,
) {
  const search = createEmbeddedSearchEngine();
  const { services, call } = await apiOnFreshTable({ search }, {}, { streams: true });
  const deps = {
    search,
    log: createLogger('silent'),
    lookups: { syndicate: (id: string) => services.syndicates.get(id), now: () => new Date() },
    items: createCurrentItems(services.storeClient, services.config.TABLE_NAME),
  };
  const real = (records: StreamRecord[]) => indexStreamRecords(deps, records);
  poller = await startStreamPoller({
    endpoint: localEndpoint(),
    region: 'eu-west-1',
    tableName: services.config.TABLE_NAME,
    handler: handlerWrapper ? (records) => handlerWrapper(records, real) : real,
    intervalMs: 50,
    maxAttempts: 2,
  });
  await call('POST', '/api/syndicates', 'admin', {
    id: 'leeds-heat',
    name: 'Leeds Heat',
    trade: 'renewable-energy',
    description: 'Heat pump fitters sharing work.',
    place: 'Leeds, GB',
    rateCard: [],
  });
  return { search, services, call, real };
}

/** The stream records of one item (by its `id`), in the order the stream gave them. */
const recordsOf = (seen: StreamRecord[], id: string) =>
  seen.filter((r) => (r.dynamodb?.NewImage ?? r.dynamodb?.OldImage)?.id?.S === id);

describe('indexing through the stream', () => {
  it('makes a published opening searchable, and drops a draft or a closed one from the open results', async () => {
    const { search, call, services } = await setUp();
    const created = await call('POST', '/api/syndicates/leeds-heat/openings', 'admin', opening);
    const id = (created.body as { id: string }).id;
    await poller?.drain();
    expect((await search.search({ text: 'heat pump fitter' })).hits.map((h) => h.document.id)).not.toContain(
      `opening:${id}`,
    );

    await call('PUT', `/api/openings/${id}/status`, 'admin', { status: 'open' });
    await poller?.drain();
    const found = await search.search({ text: 'heat pmup fitter', filters: { type: ['opening'], status: ['open'] } });
    expect(found.hits[0]?.document.id).toBe(`opening:${id}`);

    await call('PUT', `/api/openings/${id}/status`, 'admin', { status: 'closed' });
    await poller?.drain();
    expect((await search.search({ text: 'heat pump', filters: { status: ['open'] } })).total).toBe(0);
    expect((await search.search({ text: 'leeds heat', filters: { type: ['syndicate'] } })).total).toBe(1);

    await reindex(services);
    expect(await reconcile(services)).toMatchObject({ missing: [], extra: [], stale: [] });
  });

  it('parks a record that keeps failing, carries on with the rest, and indexes it on redrive', async () => {
    let failNext = true;
    const { search, call, services } = await setUp(async (records, real) => {
      const poison = records.find((r) => JSON.stringify(r.dynamodb?.NewImage ?? {}).includes('Poison'));
      if (poison && failNext) return { batchItemFailures: [{ itemIdentifier: poison.dynamodb?.SequenceNumber ?? '' }] };
      return real(records);
    });
    await reindex(services);
    const poisoned = await call('POST', '/api/syndicates/leeds-heat/openings', 'admin', {
      ...opening,
      title: 'Poison pill opening',
    });
    const fine = await call('POST', '/api/syndicates/leeds-heat/openings', 'admin', {
      ...opening,
      title: 'Ordinary fitter role',
    });
    await call('PUT', `/api/openings/${(poisoned.body as { id: string }).id}/status`, 'admin', { status: 'open' });
    await call('PUT', `/api/openings/${(fine.body as { id: string }).id}/status`, 'admin', { status: 'open' });
    await poller?.drain();
    expect(poller?.failures().length).toBeGreaterThan(0);
    expect((await search.search({ text: 'ordinary fitter role' })).hits[0]?.document.title).toBe(
      'Ordinary fitter role',
    );
    expect((await reconcile(services)).missing).toEqual([`opening:${(poisoned.body as { id: string }).id}`]);

    failNext = false;
    expect(await poller?.redrive()).toBe(0);
    expect(await reconcile(services)).toMatchObject({ missing: [], extra: [], stale: [] });
  });

  it('retries a batch whose handler threw (a table read that timed out), and loses none of it', async () => {
    let throws = 1;
    const { search, call } = await setUp(async (records, real) => {
      if (throws > 0 && records.some((r) => JSON.stringify(r.dynamodb?.NewImage ?? {}).includes('Thrown'))) {
        throws--;
        throw new Error('injected: the table did not answer in time');
      }
      return real(records);
    });
    const created = await call('POST', '/api/syndicates/leeds-heat/openings', 'admin', {
      ...opening,
      title: 'Thrown batch fitter',
    });
    await call('PUT', `/api/openings/${(created.body as { id: string }).id}/status`, 'admin', { status: 'open' });
    await poller?.drain();
    expect(throws).toBe(0);
    expect(poller?.failures()).toEqual([]);
    expect((await search.search({ text: 'thrown batch fitter' })).hits[0]?.document.title).toBe('Thrown batch fitter');
  });

  it('leaves the newer state in search when an older record is replayed after it (a redrive, a TRIM_HORIZON start)', async () => {
    const seen: StreamRecord[] = [];
    const { search, call, real } = await setUp((records, index) => {
      seen.push(...records);
      return index(records);
    });
    const created = await call('POST', '/api/syndicates/leeds-heat/openings', 'admin', opening);
    const id = (created.body as { id: string }).id;
    await call('PUT', `/api/openings/${id}/status`, 'admin', { status: 'open' });
    await poller?.drain();
    const whileOpen = recordsOf(seen, id).filter((r) => r.dynamodb?.NewImage?.status?.S === 'open');
    expect(whileOpen.length).toBeGreaterThan(0);
    const open: SearchQuery = { text: 'heat pump fitter', filters: { type: ['opening'], status: ['open'] } };
    expect((await search.search(open)).total).toBe(1);

    await call('PUT', `/api/openings/${id}/status`, 'admin', { status: 'closed' });
    await poller?.drain();
    expect((await search.search(open)).total).toBe(0);

    // The stream again from its start: every record of the opening, the open one last.
    expect(await real([...recordsOf(seen, id), ...whileOpen])).toEqual({ batchItemFailures: [] });
    expect((await search.search(open)).total).toBe(0);
    const all = await search.search({ text: 'heat pump fitter', filters: { type: ['opening'] } });
    expect(all.hits.map((hit) => [hit.document.id, hit.document.status])).toEqual([[`opening:${id}`, 'closed']]);
  });

  it('keeps a removed item out of search when its insert is replayed after the remove', async () => {
    const seen: StreamRecord[] = [];
    const { search, call, real, services } = await setUp((records, index) => {
      seen.push(...records);
      return index(records);
    });
    const created = await call('POST', '/api/syndicates/leeds-heat/openings', 'admin', opening);
    const id = (created.body as { id: string }).id;
    await call('PUT', `/api/openings/${id}/status`, 'admin', { status: 'open' });
    await poller?.drain();
    const written = recordsOf(seen, id).filter((r) => r.eventName !== 'REMOVE');
    expect(written.map((r) => r.eventName)).toContain('INSERT');
    expect((await search.search({ text: 'heat pump fitter', filters: { type: ['opening'] } })).total).toBe(1);

    await services.storeClient.send(
      new DeleteCommand({ TableName: services.config.TABLE_NAME, Key: openingLookup(id) }),
    );
    await poller?.drain();
    expect(recordsOf(seen, id).some((r) => r.eventName === 'REMOVE')).toBe(true);
    expect((await search.search({ text: 'heat pump fitter', filters: { type: ['opening'] } })).total).toBe(0);

    expect(await real(written)).toEqual({ batchItemFailures: [] });
    expect((await search.search({ text: 'heat pump fitter', filters: { type: ['opening'] } })).total).toBe(0);
  });
});
