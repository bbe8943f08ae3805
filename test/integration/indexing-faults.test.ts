// Nothing is lost in indexing: 10,000 writes flow through DynamoDB Local's stream while the indexer
// meets four kinds of injected fault (a throw, a timeout, a poison record, the engine unavailable).
// Afterwards every item is in the index or in the failure queue, never both and never twice; after a
// redrive, reconcile finds no difference.
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { createCurrentItems } from '#adapters/dynamodb/indexed-items.ts';
import { openingKeys } from '#adapters/dynamodb/keys.ts';
import { createEmbeddedSearchEngine } from '#adapters/search/embedded/engine.ts';
import { contentUpdatedAt, reconcile } from '#app/search-sync.ts';
import { contentDocuments } from '#domain/search/documents.ts';
import { indexStreamRecords, type StreamRecord } from '#app/stream-indexer.ts';
import { SearchUnavailableError } from '#domain/errors.ts';
import type { Opening } from '#domain/openings/opening.ts';
import type { SearchIndex } from '#domain/search/search-port.ts';
import { createLogger } from '#platform/log.ts';
import { type StreamPoller, startStreamPoller } from '#local/stream-poller.ts';
import { apiOnFreshTable } from '../support/api-client.ts';
import { documentClient, localEndpoint } from '../support/dynamodb.ts';

let poller: StreamPoller | undefined;
afterEach(() => poller?.stop());

const total = 10_000;
const future = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const opening = (n: number): Opening => ({
  id: `o${n}`,
  syndicateId: 'faults',
  title: `Opening number ${n}`,
  description: 'A generated opening for the indexing fault test.',
  skills: [{ skill: 'pv-module-mounting', level: 'working' }],
  positions: 1,
  hoursPerWeek: 20,
  pay: [{ amount: 1000, currency: 'EUR', per: 'hour' }],
  place: 'Leeds, GB',
  remote: false,
  applicantCountries: [],
  employmentType: 'CONTRACTOR',
  validThrough: future,
  status: 'open',
  filled: 0,
  version: 1,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  createdBy: 'x',
  datePosted: '2026-11-01T00:00:00.000Z',
});

/** Deterministic choice of which items meet which fault: n mod 20 picks 3 of 20 (15%) for faults. */
const faultOf = (n: number) =>
  (['throw', 'timeout', 'unavailable'] as const)[n % 20] ?? (n % 97 === 5 ? 'poison' : undefined);

describe('indexing under faults', () => {
  it('loses nothing across 10,000 writes and at least 1,500 injected faults', async () => {
    const engine = createEmbeddedSearchEngine();
    const { services } = await apiOnFreshTable({ search: engine }, {}, { streams: true });
    const tableName = services.config.TABLE_NAME;
    const faults = { throw: 0, timeout: 0, unavailable: 0, poison: 0 };
    const failedOnce = new Set<string>();
    let healed = false;
    const numberOf = (record: StreamRecord) => Number(record.dynamodb?.NewImage?.id?.S?.slice(1) ?? -1);

    // The engine answers "unavailable" for chosen documents the first time they are written.
    const flaky: SearchIndex = {
      ...engine,
      async upsert(documents) {
        for (const doc of documents) {
          const n = Number(doc.id.replace('opening:o', ''));
          if (faultOf(n) === 'unavailable' && !failedOnce.has(doc.id)) {
            failedOnce.add(doc.id);
            faults.unavailable++;
            throw new SearchUnavailableError('injected: engine unavailable');
          }
        }
        return engine.upsert(documents);
      },
    };
    const deps = {
      search: flaky,
      log: createLogger('silent'),
      lookups: {
        syndicate: async () => ({ name: 'Faults', trade: 'renewable-energy' as const }),
        now: () => new Date(),
      },
      items: createCurrentItems(services.storeClient, tableName),
    };
    // A handler that fails at the first record due a fault, after indexing the records before it,
    // exactly as the real one reports a partial batch.
    const handler = async (records: StreamRecord[]) => {
      const at = records.findIndex((record) => {
        const n = numberOf(record);
        const kind = faultOf(n);
        return (kind === 'poison' && !healed) || ((kind === 'throw' || kind === 'timeout') && !failedOnce.has(`o${n}`));
      });
      if (at === -1) return indexStreamRecords(deps, records);
      const before = await indexStreamRecords(deps, records.slice(0, at));
      if (before.batchItemFailures.length > 0) return before;
      const record = records[at];
      const n = record ? numberOf(record) : -1;
      const kind = faultOf(n);
      if (kind === 'poison') faults.poison++;
      else if (kind === 'throw' || kind === 'timeout') {
        failedOnce.add(`o${n}`);
        faults[kind]++;
        if (kind === 'timeout') await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return { batchItemFailures: [{ itemIdentifier: record?.dynamodb?.SequenceNumber ?? '' }] };
    };
    poller = await startStreamPoller({
      endpoint: localEndpoint(),
      region: 'eu-west-1',
      tableName,
      handler,
      intervalMs: 20,
      maxAttempts: 3,
      backoffMs: 1,
    });

    const client = documentClient();
    for (let start = 0; start < total; start += 25) {
      const items = Array.from({ length: Math.min(25, total - start) }, (_, i) => {
        const o = opening(start + i);
        return { PutRequest: { Item: { ...openingKeys(o), type: 'opening', ...o } } };
      });
      await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: items } }));
    }
    await poller.drain(120_000);

    const injected = faults.throw + faults.timeout + faults.unavailable + faults.poison;
    expect(injected).toBeGreaterThanOrEqual(1500);
    expect(Object.values(faults).every((count) => count > 0)).toBe(true);

    const indexed = new Set((await engine.listIds()).map((entry) => entry.id));
    const parked = poller.failures().map((record) => `opening:o${numberOf(record)}`);
    expect(new Set(parked).size).toBe(parked.length);
    expect(parked.filter((id) => indexed.has(id))).toEqual([]);
    expect(indexed.size + parked.length).toBe(total);

    healed = true;
    expect(await poller.redrive()).toBe(0);
    // The commons is indexed at start, not through the stream; reconcile expects it too.
    await engine.upsert(contentDocuments(services.commons, contentUpdatedAt));
    const report = await reconcile({ ...services, search: engine });
    expect({ missing: report.missing.length, extra: report.extra.length, stale: report.stale.length }).toEqual({
      missing: 0,
      extra: 0,
      stale: 0,
    });
  }, 240_000);
});
