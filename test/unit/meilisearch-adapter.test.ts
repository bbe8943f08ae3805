// The Meilisearch adapter offline: its pure request builders and response readers, then the adapter
// against a fake client. The same adapter meets the port's contract against a real engine in
// test/meilisearch/ (run when MEILISEARCH_URL is set).
import fc from 'fast-check';
import {
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
} from 'meilisearch';
import { describe, expect, it } from 'vitest';
import type { EnqueuedWrite, MeilisearchIndexClient } from '#adapters/search/meilisearch/client.ts';
import { documentKey, toMeilisearchDocument } from '#adapters/search/meilisearch/documents.ts';
import { buildFilter } from '#adapters/search/meilisearch/filter.ts';
import { highlightedHtml, highlightPostTag, highlightPreTag } from '#adapters/search/meilisearch/highlight.ts';
import { createMeilisearchIndex } from '#adapters/search/meilisearch/meilisearch-index.ts';
import { buildSearchRequest } from '#adapters/search/meilisearch/search-request.ts';
import { mapSearchResponse } from '#adapters/search/meilisearch/search-response.ts';
import { indexSettings } from '#adapters/search/meilisearch/settings.ts';
import { synonymGroups } from '#adapters/search/synonyms.ts';
import { SearchUnavailableError, ValidationError } from '#domain/errors.ts';
import type { SearchDocument, SearchQuery } from '#domain/search/search-port.ts';
import { fixtures } from '../contract/search-port.ts';

const [pre, post] = [highlightPreTag, highlightPostTag];
const staircase = fixtures[0] as SearchDocument;

/**
 * Reads a double-quoted filter value as Meilisearch 1.4+ does (crates/filter-parser/src/value.rs: `quoted_by`
 * skips the character after each `\` and unescapes `\"`, then `unescaper` reads `\\` as `\`), but refuses
 * any other escape, which Meilisearch would read as a different character.
 */
function readQuoted(text: string): { value: string; rest: string } {
  if (!text.startsWith('"')) throw new Error('The value is not quoted.');
  let end = 1;
  while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
  if (end >= text.length) throw new Error('The quotes never close.');
  const inner = text.slice(1, end).replaceAll('\\"', '"');
  if (/\\(?!\\)/.test(inner.replaceAll('\\\\', ''))) throw new Error('An escape would be read as another character.');
  return { value: inner.replaceAll('\\\\', '\\'), rest: text.slice(end + 1) };
}

describe('filters', () => {
  const cases: Array<[string, SearchQuery['filters'], Array<string | string[]>]> = [
    ['asks for nothing without filters', undefined, []],
    ['ignores empty lists, which do not narrow', { type: [], skills: [], place: [] }, []],
    ['ORs the values of one list', { type: ['course', 'syndicate'] }, [['type = "course"', 'type = "syndicate"']]],
    ['keeps a hostile value one quoted value', { trade: ['a" OR type = "x'] }, [['trade = "a\\" OR type = \\"x"']]],
    ['escapes backslashes', { place: ['C:\\dir\\'] }, [['place = "C:\\\\dir\\\\"']]],
    ['escapes a backslash before a quote', { status: ['a\\"b'] }, [['status = "a\\\\\\"b"']]],
    ['keeps unicode as it is', { place: ['Café – 東京 🦀'] }, [['place = "Café – 東京 🦀"']]],
    ['writes remote from the boolean', { remote: false }, ['remote = false']],
    [
      'ANDs filters, ranges including both ends',
      { payUnit: ['GBP/day'], remote: true, pay: { min: 2100, max: 2400 } },
      [['payUnit = "GBP/day"'], 'remote = true', 'pay >= 2100', 'pay <= 2400'],
    ],
    [
      'writes numbers in full',
      { hours: { min: -0.5, max: 1e21 }, pay: { min: 1e-7 } },
      ['pay >= 0.0000001', 'hours >= -0.5', 'hours <= 1000000000000000000000'],
    ],
  ];
  for (const [title, filters, expected] of cases) {
    it(title, () => expect(buildFilter(filters)).toEqual(expected));
  }

  it('reads back every possible value unchanged, with nothing after its closing quote', () => {
    const risky = fc.string({ unit: fc.constantFrom('\\', '"', "'", ' ', '=', 'O', 'R', 'é', '🦀') });
    fc.assert(
      fc.property(fc.oneof(risky, fc.string({ unit: 'binary' })), (value) => {
        const [clause] = buildFilter({ place: [value] })[0] as string[];
        expect(clause?.startsWith('place = ')).toBe(true);
        expect(readQuoted(clause?.slice('place = '.length) ?? '')).toEqual({ value, rest: '' });
      }),
    );
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['a string', '5' as unknown as number],
  ])('refuses a range bound that is %s', (_, min) => {
    expect(() => buildFilter({ pay: { min } })).toThrow(ValidationError);
  });
});

describe('search requests', () => {
  const cases: Array<[string, SearchQuery, Record<string, unknown>]> = [
    ['searches every document for empty text, 20 a page', { text: '' }, { q: '', page: 1, hitsPerPage: 20 }],
    [
      'asks for facets, a sort and a page',
      { text: 'oak', facets: ['type', 'remote'], sort: { field: 'pay', direction: 'desc' }, page: 3, pageSize: 5 },
      { q: 'oak', facets: ['type', 'remote'], sort: ['pay:desc'], page: 3, hitsPerPage: 5 },
    ],
    [
      'sorts the board by posting date, newest first',
      { text: '', sort: { field: 'posted', direction: 'desc' } },
      { sort: ['posted:desc'] },
    ],
    [
      'sorts the board by closing date, soonest first',
      { text: '', sort: { field: 'closes', direction: 'asc' } },
      { sort: ['closes:asc'] },
    ],
    ['clamps the page size to 100', { text: '', page: 0, pageSize: 500 }, { page: 1, hitsPerPage: 100 }],
    [
      'rounds pages down and ignores non-numbers',
      { text: '', page: 2.9, pageSize: Number.NaN },
      { page: 2, hitsPerPage: 20 },
    ],
    ['passes filters in the array form', { text: '', filters: { remote: true } }, { filter: ['remote = true'] }],
  ];
  for (const [title, query, expected] of cases) {
    it(title, () => expect(buildSearchRequest(query)).toMatchObject(expected));
  }

  it('highlights title and summary with placeholder tags and drops words from the end', () => {
    const request = buildSearchRequest({ text: 'oak' });
    expect(request).toMatchObject({ attributesToHighlight: ['title', 'summary'], matchingStrategy: 'last' });
    expect([request.highlightPreTag, request.highlightPostTag]).toEqual([pre, post]);
    expect(request).not.toHaveProperty('filter');
  });

  it('refuses a sort field Meilisearch cannot sort by', () => {
    const sort = { field: 'body:asc,title', direction: 'asc' } as unknown as SearchQuery['sort'];
    expect(() => buildSearchRequest({ text: '', sort })).toThrow(ValidationError);
  });
});

describe('highlighting', () => {
  const cases: Array<[string, unknown, string, string]> = [
    ['marks matched words', `Oak ${pre}stair${post}case`, 'Oak staircase', 'Oak <mark>stair</mark>case'],
    [
      'escapes HTML around the marks',
      `<script>alert(1)</script> ${pre}plumbing${post} & "co"`,
      '<script>alert(1)</script> plumbing & "co"',
      '&lt;script&gt;alert(1)&lt;/script&gt; <mark>plumbing</mark> &amp; &quot;co&quot;',
    ],
    ['shows the text unmarked when it holds a tag character', `a${pre}b${post}`, `a${pre}b`, `a${pre}b`],
    ['shows the text unmarked when the tags do not pair', `${post}oak${pre}`, 'oak', 'oak'],
    ['shows the original when the engine changed the text', `…${pre}oak${post}`, 'An oak', 'An oak'],
    ['shows the original, escaped, when nothing was formatted', undefined, "Tom's <b>", 'Tom&#39;s &lt;b&gt;'],
  ];
  for (const [title, formatted, original, expected] of cases) {
    it(title, () => expect(highlightedHtml(formatted, original)).toBe(expected));
  }
});

describe('search responses', () => {
  const hit = {
    ...toMeilisearchDocument(staircase),
    body: undefined,
    _formatted: { title: `Oak ${pre}staircase${post} carpenter` },
  };

  it('turns hits into documents with highlights, an exact total and the page asked for', () => {
    const response = { hits: [hit], totalHits: 7, processingTimeMs: 3, facetDistribution: { trade: { Carpentry: 2 } } };
    const result = mapSearchResponse(response, { text: 'staircase', facets: ['trade', 'place'], page: 2, pageSize: 1 });
    expect(result).toEqual({
      hits: [
        {
          document: { ...staircase, body: '' },
          highlighted: { title: 'Oak <mark>staircase</mark> carpenter', summary: staircase.summary },
        },
      ],
      total: 7,
      page: 2,
      pageSize: 1,
      facets: { trade: { Carpentry: 2 }, place: {} },
      processingTimeMs: 3,
    });
  });

  it('leaves out the optional fields a document does not have', () => {
    const { trade: _t, place: _p, remote: _r, pay: _pay, payUnit: _u, hours: _h, ...bare } = staircase;
    const [only] = mapSearchResponse({ hits: [{ ...toMeilisearchDocument(bare), place: null }] }, { text: '' }).hits;
    expect(only?.document).toEqual({ ...bare, body: '' });
  });

  it.each([
    ['no hits list', {}],
    ['a hit of an unknown type', { hits: [{ ...hit, type: 'recipe' }] }],
  ])('treats an answer with %s as the engine being unavailable', (_, response) => {
    expect(() => mapSearchResponse(response, { text: '' })).toThrow(SearchUnavailableError);
  });
});

describe('index settings', () => {
  const settings = indexSettings();

  it('searches the fields in order of importance and ranks by sort right after words', () => {
    expect(settings.searchableAttributes).toEqual(['title', 'summary', 'skills', 'trade', 'body']);
    expect(settings.rankingRules).toEqual(['words', 'sort', 'typo', 'proximity', 'attribute', 'exactness']);
    expect(settings.sortableAttributes).toEqual(['updatedAt', 'pay', 'hours', 'title', 'posted', 'closes']);
  });

  it('can filter on every field a filter or facet names', () => {
    const x = ['x'];
    const lists = { skills: x, trade: x, practice: x, kind: x, course: x, place: x, status: x, payUnit: x };
    const clauses = buildFilter({ ...lists, type: ['course'], remote: true, pay: { min: 1 }, hours: { min: 1 } });
    const names = clauses.flat().map((clause) => clause.split(' ')[0]);
    expect([...new Set(names)].sort()).toEqual([...(settings.filterableAttributes as string[])].sort());
  });

  it('displays every field a hit shows, but neither the body nor the internal key', () => {
    const shown = [...new Set(fixtures.flatMap((document) => Object.keys(document)))].filter((name) => name !== 'body');
    expect([...(settings.displayedAttributes ?? [])].sort()).toEqual(shown.sort());
  });

  it('keeps default typo rules but none on skill ids, and counts up to 10,000 hits', () => {
    expect(settings.typoTolerance).toMatchObject({ minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } });
    expect(settings.typoTolerance?.disableOnAttributes).toEqual(['skills']);
    expect(settings.pagination).toEqual({ maxTotalHits: 10_000 });
  });

  it('makes each of at least 15 synonym groups mutual, with every term lower-case and in one group', () => {
    const terms = synonymGroups.flat();
    expect(synonymGroups.length).toBeGreaterThanOrEqual(15);
    expect(new Set(terms).size).toBe(terms.length);
    expect(terms.every((term) => term === term.toLowerCase())).toBe(true);
    expect(settings.synonyms?.photovoltaic).toEqual(['pv', 'fotovoltaic', 'solar pv', 'solar']);
    expect(settings.synonyms?.carpentry).toEqual(['joinery']);
  });
});

describe('document keys', () => {
  it('uses only the characters Meilisearch allows in ids, the same key for an id and one key per id', () => {
    const ids = ['lesson:course/lesson', 'opening:a_b', 'opening:a-b', 'opening:café', 'opening:'.padEnd(2000, 'é')];
    const keys = ids.map(documentKey);
    expect(keys.every((key) => /^[A-Za-z0-9_-]{1,511}$/.test(key))).toBe(true);
    expect(new Set(keys).size).toBe(ids.length);
    expect(ids.map(documentKey)).toEqual(keys);
  });
});

describe('the adapter, with a fake client', () => {
  type Adapter = ReturnType<typeof createMeilisearchIndex>;
  const ended = (status = 'succeeded', message?: string): EnqueuedWrite => ({
    waitTask: async () => ({ uid: 1, status, error: message ? { message } : null }),
  });
  function fake(overrides: Partial<MeilisearchIndexClient> = {}, stored: SearchDocument[] = []) {
    const sent: unknown[][] = [];
    const note = <T>(request: unknown[], answer: T) => {
      sent.push(request);
      return answer;
    };
    const index: MeilisearchIndexClient = {
      search: async (q, params) => note(['search', q, params], { hits: [], totalHits: 0 }),
      addDocuments: (documents, options) => note(['add', documents, options], ended()),
      deleteDocuments: (keys) => note(['delete', keys], ended()),
      getDocuments: async ({ offset = 0, limit = 20 }) => {
        const results = stored.slice(offset, offset + limit).map(({ id, updatedAt }) => ({ id, updatedAt }));
        return note(['list', offset, limit], { results, total: stored.length, offset, limit });
      },
      getStats: async () => ({ numberOfDocuments: stored.length, isIndexing: false }),
      // The index already holds the declared settings (the first write of a process compares them).
      getSettings: async () => indexSettings(),
      updateSettings: (settings) => note(['settings', settings], ended()),
      ...overrides,
    };
    const client = { health: async () => ({ status: 'available' }), index: () => index };
    return { adapter: createMeilisearchIndex({ host: 'http://search.test', client }), sent };
  }
  const many = (count: number) => Array.from({ length: count }, (_, i) => ({ ...staircase, id: `opening:${i}` }));

  it('adds documents under their keys, in batches of 1000, in order', async () => {
    const { adapter, sent } = fake();
    await adapter.upsert(many(2001));
    expect(sent.map(([, documents]) => (documents as unknown[]).length)).toEqual([1000, 1000, 1]);
    expect(sent[0]?.[2]).toEqual({ primaryKey: 'key' });
    expect(sent[2]?.[1]).toEqual([toMeilisearchDocument({ ...staircase, id: 'opening:2000' })]);
  });

  it('sends nothing for an empty upsert or delete', async () => {
    const { adapter, sent } = fake();
    await adapter.upsert([]);
    await adapter.delete([]);
    expect(sent).toEqual([]);
  });

  it('deletes by key', async () => {
    const { adapter, sent } = fake();
    await adapter.delete(['opening:flooring']);
    expect(sent).toEqual([['delete', [documentKey('opening:flooring')]]]);
  });

  it('sends the built request and reads the answer', async () => {
    const { adapter, sent } = fake();
    expect(await adapter.search({ text: 'oak', pageSize: 5 })).toMatchObject({ hits: [], total: 0, pageSize: 5 });
    const { q, ...params } = buildSearchRequest({ text: 'oak', pageSize: 5 });
    expect(sent).toEqual([['search', q, params]]);
  });

  it('lists every id, a page of 1000 at a time', async () => {
    const { adapter, sent } = fake({}, many(2500));
    const ids = await adapter.listIds();
    expect(ids).toHaveLength(2500);
    expect(ids[2499]).toEqual({ id: 'opening:2499', updatedAt: staircase.updatedAt });
    expect(sent.map(([, offset]) => offset)).toEqual([0, 1000, 2000]);
  });

  it('reports its health with the index’s document count', async () => {
    const { adapter } = fake({}, many(3));
    expect(await adapter.health()).toEqual({ engine: 'meilisearch', documents: 3 });
  });

  it.each([
    ['failed', 'Document identifier is invalid', 'Meilisearch could not add documents: Document identifier is invalid'],
    ['canceled', undefined, 'Meilisearch could not add documents: the task was canceled'],
  ])('treats a task that ended %s as the engine being unavailable', async (status, message, expected) => {
    const { adapter } = fake({ addDocuments: () => ended(status, message) });
    await expect(adapter.upsert([staircase])).rejects.toThrow(new SearchUnavailableError(expected));
  });

  const url = 'http://search.test/indexes/guildhall/search';
  const notFound = { message: 'Index `x` not found.', code: 'index_not_found', type: 'invalid_request', link: '' };

  const failures: Array<[string, unknown, string]> = [
    ['an API error', new MeilisearchApiError(new Response(null, { status: 404 }), notFound), 'refused to'],
    ['an API error without a body', new MeilisearchApiError(new Response(null, { status: 502 })), 'refused to'],
    ['a network failure', new MeilisearchRequestError(url, new TypeError('fetch failed')), 'could not be reached'],
    ['a timeout', new MeilisearchRequestError(url, new MeilisearchRequestTimeOutError(5000, {})), 'did not answer'],
    ['a task that outlived the wait', new MeilisearchTaskTimeOutError(7, 30_000), 'did not finish in time'],
    ['anything else the client throws', new TypeError('boom'), 'failed to'],
  ];
  const rejecting = (error: unknown) => () => Promise.reject(error);
  const waitRejecting = (error: unknown) => () => ({ waitTask: rejecting(error) });
  const throwing = (error: unknown) => () => {
    throw error;
  };
  const operations: Record<string, [(error: unknown) => Partial<MeilisearchIndexClient>, (a: Adapter) => unknown]> = {
    search: [(error) => ({ search: rejecting(error) }), (adapter) => adapter.search({ text: 'oak' })],
    upsert: [(error) => ({ addDocuments: waitRejecting(error) }), (adapter) => adapter.upsert([staircase])],
    delete: [(error) => ({ deleteDocuments: throwing(error) }), (adapter) => adapter.delete(['opening:x'])],
    listIds: [(error) => ({ getDocuments: rejecting(error) }), (adapter) => adapter.listIds()],
    health: [(error) => ({ getStats: rejecting(error) }), (adapter) => adapter.health()],
    ensureSettings: [
      (error) => ({ getSettings: async () => ({}), updateSettings: waitRejecting(error) }),
      (adapter) => adapter.ensureSettings(),
    ],
  };
  for (const [failure, error, words] of failures) {
    for (const [operation, [failing, call]] of Object.entries(operations)) {
      it(`turns ${failure} in ${operation} into SearchUnavailableError, keeping the cause`, async () => {
        const outcome = await Promise.resolve(call(fake(failing(error)).adapter)).catch((thrown: unknown) => thrown);
        expect(outcome).toBeInstanceOf(SearchUnavailableError);
        expect(outcome).toMatchObject({ cause: error, message: expect.stringContaining(words) });
        // The message becomes the problem's `detail`: it must not name the host.
        expect((outcome as Error).message).not.toContain('search.test');
      });
    }
  }
});
