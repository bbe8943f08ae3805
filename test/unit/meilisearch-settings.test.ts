// Issue 13, D10: an index filled by `npm start` never received its settings, so every faceted search
// answered 503 until someone ran the reindex by hand. Here: which settings differ (pure), that the first
// write of a process applies them only when they differ, and that health says when they differ.
import { MeilisearchApiError, MeilisearchRequestError } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeilisearchIndexClient } from '#adapters/search/meilisearch/client.ts';
import { createMeilisearchIndex } from '#adapters/search/meilisearch/meilisearch-index.ts';
import { indexSettings } from '#adapters/search/meilisearch/settings.ts';
import { settingsDrift } from '#adapters/search/meilisearch/settings-drift.ts';
import { missingIndex } from '#adapters/search/meilisearch/settings-guard.ts';
import { SearchUnavailableError } from '#domain/errors.ts';
import type { SearchDocument } from '#domain/search/search-port.ts';
import { fixtures } from '../contract/search-port.ts';
import { defaultSettings, type FakeMeilisearch, startFakeMeilisearch } from '../support/fake-meilisearch.ts';

const declared = indexSettings();
const staircase = fixtures[0] as SearchDocument;

/** The declared settings as Meilisearch lists them back: every default too, sets sorted, extra sub-settings. */
function asStored(changes: Record<string, unknown> = {}): Record<string, unknown> {
  const stored: Record<string, unknown> = { ...defaultSettings(), ...structuredClone(declared) };
  stored.filterableAttributes = [...(declared.filterableAttributes as string[])].sort();
  stored.sortableAttributes = [...(declared.sortableAttributes as string[])].sort();
  stored.typoTolerance = { ...(declared.typoTolerance as object), disableOnNumbers: false };
  return { ...stored, ...changes };
}

describe('comparing the stored settings with the declared ones', () => {
  const synonyms = declared.synonyms as Record<string, string[]>;
  const cases: Array<[string, unknown, string[]]> = [
    ['finds nothing different in the declared settings as Meilisearch lists them', asStored(), []],
    [
      'finds everything but the defaults different in an index that never received them',
      defaultSettings(),
      [
        'searchableAttributes',
        'filterableAttributes',
        'sortableAttributes',
        'displayedAttributes',
        'rankingRules',
        'synonyms',
        'typoTolerance',
        'pagination',
      ],
    ],
    ['notices a filterable attribute missing', asStored({ filterableAttributes: ['type'] }), ['filterableAttributes']],
    [
      'notices searchable attributes in another order of importance',
      asStored({ searchableAttributes: ['summary', 'title', 'skills', 'trade', 'body'] }),
      ['searchableAttributes'],
    ],
    [
      'notices ranking rules in another order',
      asStored({ rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'] }),
      ['rankingRules'],
    ],
    [
      'notices a synonym the index has and the declaration not',
      asStored({ synonyms: { ...synonyms, oak: ['ash'] } }),
      ['synonyms'],
    ],
    [
      'ignores the order of a synonym’s alternatives',
      asStored({ synonyms: { ...synonyms, pv: [...(synonyms.pv ?? [])].reverse() } }),
      [],
    ],
    [
      'notices typos allowed on skill ids',
      asStored({ typoTolerance: { ...(declared.typoTolerance as object), disableOnAttributes: [] } }),
      ['typoTolerance'],
    ],
    ['notices a lower cap on counted hits', asStored({ pagination: { maxTotalHits: 1000 } }), ['pagination']],
    ['treats an answer that is not settings as holding none of them', 'oops', Object.keys(declared)],
  ];
  for (const [title, stored, expected] of cases) {
    it(title, () => expect(settingsDrift(declared, stored)).toEqual(expected));
  }
});

describe('the first write of a process, with a fake client', () => {
  function fake(settings: () => Promise<unknown>) {
    const sent: string[] = [];
    const enqueue = (step: string) => {
      sent.push(step);
      return { waitTask: async () => ({ status: 'succeeded' }) };
    };
    const index: Partial<MeilisearchIndexClient> = {
      getSettings: async () => {
        sent.push('read settings');
        return settings();
      },
      updateSettings: () => enqueue('send settings'),
      addDocuments: () => enqueue('add'),
      deleteDocuments: () => enqueue('delete'),
      getStats: async () => ({ numberOfDocuments: 0 }),
    };
    const client = { health: async () => ({ status: 'available' }), index: () => index as MeilisearchIndexClient };
    let clock = 0;
    const adapter = createMeilisearchIndex({ host: 'http://search.test', client, now: () => clock });
    return { adapter, sent, advance: (ms: number) => (clock += ms) };
  }
  const notFound = new MeilisearchApiError(new Response(null, { status: 404 }), {
    message: 'Index `guildhall` not found.',
    code: 'index_not_found',
    type: 'invalid_request',
    link: '',
  });

  it('sends the settings before the first documents when the index lacks them, and checks only once', async () => {
    const { adapter, sent } = fake(async () => defaultSettings());
    await adapter.upsert([staircase]);
    await adapter.delete([staircase.id]);
    await adapter.upsert([staircase]);
    expect(sent).toEqual(['read settings', 'send settings', 'add', 'delete', 'add']);
  });

  it('sends no settings when the index already holds them, since an update re-indexes every document', async () => {
    const { adapter, sent } = fake(async () => asStored());
    await adapter.upsert([staircase]);
    await adapter.ensureSettings();
    expect(sent).toEqual(['read settings', 'add', 'read settings']);
  });

  it('creates an index that does not exist yet with its settings, as the client reports it over either transport', async () => {
    for (const missing of [notFound, new MeilisearchRequestError('http://search.test', notFound)]) {
      const { adapter, sent } = fake(() => Promise.reject(missing));
      await adapter.delete(['opening:gone']);
      expect(sent).toEqual(['read settings', 'send settings', 'delete']);
    }
  });

  it('checks once for writes that start together', async () => {
    const { adapter, sent } = fake(async () => defaultSettings());
    await Promise.all([adapter.upsert([staircase]), adapter.upsert([staircase]), adapter.delete(['x'])]);
    expect(sent.filter((step) => step.endsWith('settings'))).toEqual(['read settings', 'send settings']);
  });

  it('writes nothing when the settings cannot be read, and tries again at the next write', async () => {
    let reads = 0;
    const { adapter, sent } = fake(async () => {
      reads += 1;
      if (reads === 1) throw new MeilisearchRequestError('http://search.test', new Error('ECONNRESET'));
      return defaultSettings();
    });
    await expect(adapter.upsert([staircase])).rejects.toThrow(
      new SearchUnavailableError('Meilisearch could not be reached to read the index settings.'),
    );
    await adapter.upsert([staircase]);
    expect(sent).toEqual(['read settings', 'read settings', 'send settings', 'add']);
  });

  it('reports search as degraded while the settings differ, naming them and what to run', async () => {
    const { adapter } = fake(async () => asStored({ filterableAttributes: [], synonyms: {} }));
    const health = await adapter.health();
    expect(health).toMatchObject({ engine: 'meilisearch', documents: 0 });
    expect(health.degraded).toContain('(filterableAttributes, synonyms)');
    expect(health.degraded).toContain('npm run reindex');
  });

  it('reports a missing index among what differs', async () => {
    const { adapter } = fake(() => Promise.reject(notFound));
    expect((await adapter.health()).degraded).toContain(missingIndex);
  });

  it('compares again for health only after 30 seconds, so that polling health stays cheap', async () => {
    const { adapter, sent, advance } = fake(async () => asStored());
    await adapter.health();
    advance(29_999);
    await Promise.all([adapter.health(), adapter.health()]);
    expect(sent).toEqual(['read settings']);
    advance(1);
    await adapter.health();
    expect(sent).toEqual(['read settings', 'read settings']);
  });

  it('says when the settings cannot be compared, and which permission the key needs', async () => {
    const forbidden = new MeilisearchApiError(new Response(null, { status: 403 }), {
      message: 'The provided API key is invalid.',
      code: 'invalid_api_key',
      type: 'auth',
      link: '',
    });
    const { adapter, sent } = fake(() => Promise.reject(forbidden));
    expect((await adapter.health()).degraded).toBe(
      'Could not compare the index settings with the declared ones: Meilisearch refused to read the index settings (invalid_api_key). Reading them needs the settings.get action on the key.',
    );
    // A failure is not remembered: the next health check asks again.
    await adapter.health();
    expect(sent).toEqual(['read settings', 'read settings']);
  });
});

describe('an index filled before anything else, over HTTP', () => {
  let fake: FakeMeilisearch;
  beforeAll(async () => {
    fake = await startFakeMeilisearch();
  });
  afterAll(() => fake.close());

  it('answers a faceted, filtered and sorted search right after its first write', async () => {
    const index = createMeilisearchIndex({ host: fake.url, indexUid: 'first-write' });
    await index.upsert(fixtures);
    const result = await index.search({
      text: '',
      filters: { trade: ['Carpentry'] },
      facets: ['type', 'remote'],
      sort: { field: 'pay', direction: 'desc' },
    });
    expect(result.total).toBe(2);
    expect(result.facets).toEqual({ type: { opening: 2 }, remote: { true: 1, false: 1 } });
    expect(await index.health()).toEqual({ engine: 'meilisearch', documents: fixtures.length });
  });

  it('reports settings changed behind its back as degraded, and is ok again once they are applied', async () => {
    const index = createMeilisearchIndex({ host: fake.url, indexUid: 'changed', settingsCheckTtlMs: 0 });
    await index.upsert(fixtures);
    const stored = fake.indexes.get('changed')?.settings ?? {};
    stored.filterableAttributes = ['type'];
    expect((await index.health()).degraded).toContain('(filterableAttributes)');
    await index.ensureSettings();
    expect((await index.health()).degraded).toBeUndefined();
    expect(stored.filterableAttributes).toEqual([...(declared.filterableAttributes as string[])].sort());
  });
});
