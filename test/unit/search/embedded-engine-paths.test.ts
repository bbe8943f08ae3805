// The embedded engine's two shortcuts against the plain way, on random data: a search without words reads
// its narrowest list filter's documents instead of testing every slot, and a query's ranked hits, total
// and facet counts are kept for its later pages until the next write. Both must answer exactly as the
// plain way does, through deletes, replacements and compactions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocumentStore } from '#adapters/search/embedded/document-store.ts';
import { createEmbeddedSearchEngine } from '#adapters/search/embedded/engine.ts';
import { compileFilters } from '#adapters/search/embedded/filters.ts';
import { everything } from '#adapters/search/embedded/match.ts';
import type { SearchDocument, SearchQuery, SearchResult } from '#domain/search/search-port.ts';

const vocabulary = ['oak', 'slate', 'lime', 'carpenter', 'carpentry', 'roof', 'plaster', 'joiner'];
const skillNames = ['Timber framing', 'Roof slating', 'Lime plastering', 'Bookkeeping', 'Pipe fitting'];
const trades = ['Carpentry', 'Roofing', 'Plastering'];
const types = ['opening', 'course', 'syndicate'] as const;

const documentArbitrary = (id: number) =>
  fc.record({
    id: fc.constant(`opening:${id}`),
    type: fc.constantFrom(...types),
    title: fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
    summary: fc.array(fc.constantFrom(...vocabulary), { maxLength: 3 }).map((w) => w.join(' ')),
    body: fc.constant(''),
    url: fc.constant(`/jobs/${id}/`),
    skills: fc.uniqueArray(fc.constantFrom(...skillNames), { maxLength: 3 }),
    trade: fc.option(fc.constantFrom(...trades), { nil: undefined }),
    status: fc.option(fc.constantFrom('open', 'filled'), { nil: undefined }),
    remote: fc.option(fc.boolean(), { nil: undefined }),
    pay: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
    updatedAt: fc.integer({ min: 0, max: 5 }).map((day) => new Date(Date.UTC(2026, 0, 1 + day)).toISOString()),
  }) satisfies fc.Arbitrary<SearchDocument>;

/** Writes: documents by number (a number again replaces its document), and deletes by number. */
const writesArbitrary = fc.array(
  fc.oneof(
    fc.integer({ min: 0, max: 30 }).chain((n) => documentArbitrary(n).map((document) => ({ upsert: document }))),
    fc.integer({ min: 0, max: 30 }).map((n) => ({ delete: `opening:${n}` })),
  ),
  { minLength: 1, maxLength: 60 },
);

const filtersArbitrary = fc.record(
  {
    type: fc.uniqueArray(fc.constantFrom(...types), { maxLength: 2 }),
    skills: fc.uniqueArray(fc.constantFrom(...skillNames, 'Unknown skill'), { maxLength: 3 }),
    trade: fc.uniqueArray(fc.constantFrom(...trades), { maxLength: 2 }),
    status: fc.uniqueArray(fc.constantFrom('open', 'filled'), { maxLength: 1 }),
    remote: fc.boolean(),
    pay: fc.record({ min: fc.integer({ min: 0, max: 10 }) }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

/** A query of up to two of `words`, with `filters`, some facets, a sort and a small page size (each maybe). */
const queriesOf = (
  words: readonly string[],
  filters: fc.Arbitrary<SearchQuery['filters']>,
): fc.Arbitrary<SearchQuery> =>
  fc.record(
    {
      text: fc.array(fc.constantFrom(...words), { maxLength: 2 }).map((w) => w.join(' ')),
      filters,
      facets: fc.uniqueArray(fc.constantFrom('type', 'skills', 'trade', 'remote', 'status' as const), {
        maxLength: 3,
      }),
      sort: fc.record({
        field: fc.constantFrom('updatedAt', 'pay', 'title' as const),
        direction: fc.constantFrom('asc', 'desc' as const),
      }),
      pageSize: fc.integer({ min: 1, max: 4 }),
    },
    { requiredKeys: ['text'] },
  );

const queryArbitrary = queriesOf([...vocabulary, 'carp', 'oka'], filtersArbitrary);

type Write = { upsert: SearchDocument } | { delete: string };

async function apply(index: ReturnType<typeof createEmbeddedSearchEngine>, write: Write) {
  if ('upsert' in write) await index.upsert([write.upsert]);
  else await index.delete([write.delete]);
}

const withoutTime = ({ processingTimeMs: _, ...result }: SearchResult) => result;

describe('a search without words, through its narrowest list filter', () => {
  it('finds exactly the live documents that testing every slot finds, through replacements and compactions', () => {
    fc.assert(
      fc.property(writesArbitrary, filtersArbitrary, fc.nat(3), (writes, filters, compactions) => {
        const store = new DocumentStore();
        writes.forEach((write, i) => {
          if ('upsert' in write) store.add(write.upsert);
          else store.remove(write.delete);
          // Compact now and then, as the engine does once tombstones are worth it.
          if (compactions > 0 && i % (writes.length >> compactions || 1) === 0) store.compact();
        });
        const compiled = compileFilters(store, filters);
        if (compiled === null) return;
        const plain = everything(compiled.test, store.slotCount);
        const narrowed = everything(compiled.test, store.slotCount, compiled.slots());
        expect([...narrowed.slots].sort((a, b) => a - b)).toEqual([...plain.slots]);
      }),
      { numRuns: 300 },
    );
  });

  it('finds exactly the documents the filters describe, as reading the last write of each document does', async () => {
    await fc.assert(
      fc.asyncProperty(writesArbitrary, filtersArbitrary, async (writes, filters) => {
        const index = createEmbeddedSearchEngine({ compactAfter: 3 });
        const live = new Map<string, SearchDocument>();
        for (const write of writes) {
          await apply(index, write);
          if ('upsert' in write) live.set(write.upsert.id, write.upsert);
          else live.delete(write.delete);
        }
        const anyOf = (wanted: readonly string[] | undefined, values: readonly (string | undefined)[]) =>
          wanted === undefined ||
          wanted.length === 0 ||
          values.some((value) => value !== undefined && wanted.includes(value));
        const expected = [...live.values()]
          .filter(
            (document) =>
              anyOf(filters.type, [document.type]) &&
              anyOf(filters.skills, document.skills) &&
              anyOf(filters.trade, [document.trade]) &&
              anyOf(filters.status, [document.status]) &&
              (filters.remote === undefined || document.remote === filters.remote) &&
              // A range, even an open one, passes only documents that have the number.
              (filters.pay === undefined ||
                (document.pay !== undefined && document.pay >= (filters.pay.min ?? Number.NEGATIVE_INFINITY))),
          )
          .map((document) => document.id)
          .sort();
        const result = await index.search({ text: '', filters, page: 1, pageSize: 100 });
        expect(result.hits.map((hit) => hit.document.id).sort()).toEqual(expected);
        expect(result.total).toBe(expected.length);
      }),
      { numRuns: 300 },
    );
  });

  it('reads the list filter with the fewest documents, whichever order the filters come in', () => {
    const store = new DocumentStore();
    const base = { title: 'Oak', summary: '', body: '', url: '/', updatedAt: '2026-01-01' };
    for (let n = 0; n < 6; n++) {
      store.add({ ...base, id: `opening:${n}`, type: 'opening', skills: n === 4 ? ['Roof slating'] : [] });
    }
    store.add({ ...base, id: 'course:slate', type: 'course', skills: ['Roof slating'] });
    expect([...(compileFilters(store, { type: ['opening'], skills: ['Roof slating'] })?.slots() ?? [])]).toEqual([
      4, 6,
    ]);
    expect([
      ...(compileFilters(store, { skills: ['Roof slating', 'Bookkeeping'], type: ['course'] })?.slots() ?? []),
    ]).toEqual([6]);
  });

  it('reads a list filter of several values as any of them, each document once', () => {
    const store = new DocumentStore();
    const base = { type: 'opening' as const, title: 'Oak', summary: '', body: '', url: '/', updatedAt: '2026-01-01' };
    store.add({ ...base, id: 'opening:both', skills: ['Timber framing', 'Roof slating'] });
    store.add({ ...base, id: 'opening:one', skills: ['Roof slating'] });
    store.add({ ...base, id: 'opening:neither', skills: ['Bookkeeping'] });
    const compiled = compileFilters(store, { skills: ['Timber framing', 'Roof slating'] });
    expect([...(compiled?.slots() ?? [])]).toEqual([0, 1]);
  });
});

describe('facet counts', () => {
  const valuesOf = (document: SearchDocument, name: 'type' | 'skills' | 'trade' | 'remote' | 'status') => {
    if (name === 'type') return [document.type];
    if (name === 'skills') return document.skills;
    const value = document[name];
    return value === undefined ? [] : [String(value)];
  };

  it('count each value over every hit, as counting the hits’ documents does, through replacements and compactions', async () => {
    await fc.assert(
      fc.asyncProperty(writesArbitrary, queryArbitrary, async (writes, query) => {
        const index = createEmbeddedSearchEngine({ compactAfter: 3 });
        for (const write of writes) await apply(index, write);
        // Every hit on one page (the corpus holds at most 31 documents), so the page is every hit.
        const result = await index.search({ ...query, page: 1, pageSize: 100 });
        expect(result.hits).toHaveLength(result.total);
        for (const name of query.facets ?? []) {
          const expected: Record<string, number> = {};
          for (const { document } of result.hits) {
            for (const value of valuesOf(document, name as Parameters<typeof valuesOf>[1])) {
              expected[value] = (expected[value] ?? 0) + 1;
            }
          }
          expect(result.facets[name]).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('a kept answer corrected through writes', () => {
  // Words that arrive only with later writes: new typo and prefix derivations of asked words ("carpenters",
  // "karpenter", "oaks"), and a trade no document has when a filter on it is first compiled.
  const laterWords = ['carpenters', 'karpenter', 'oaks', 'limestone', 'joinery'];
  const laterDocument = (id: number) =>
    fc
      .record({
        document: documentArbitrary(id),
        title: fc.array(fc.constantFrom(...vocabulary, ...laterWords), { minLength: 1, maxLength: 3 }),
        trade: fc.option(fc.constantFrom(...trades, 'Masonry'), { nil: undefined }),
      })
      .map(({ document, title, trade }): SearchDocument => ({ ...document, title: title.join(' '), trade }));
  const stepArbitrary = fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .integer({ min: 0, max: 40 })
        .chain((n) => laterDocument(n))
        .map((d) => ({ upsert: [d] })),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.integer({ min: 0, max: 40 }), { minLength: 2, maxLength: 5 })
        .chain((ns) => fc.tuple(...ns.map((n) => laterDocument(n))))
        .map((documents) => ({ upsert: documents })),
    },
    {
      weight: 2,
      arbitrary: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 3 }).map((ns) => ({
        delete: ns.map((n) => `opening:${n}`),
      })),
    },
    { weight: 4, arbitrary: fc.record({ ask: fc.nat(5), page: fc.integer({ min: 1, max: 5 }) }) },
  );
  const askedArbitrary = queriesOf(
    [...vocabulary, 'carp', 'oak', 'carpenter', 'karpenter', 'lime'],
    fc.oneof(
      filtersArbitrary,
      fc.constant<SearchQuery['filters']>({ trade: ['Masonry'] }),
      fc.constant<SearchQuery['filters']>({ trade: ['Masonry', 'Roofing'] }),
    ),
  );

  it('answers every page after any run of writes exactly as a fresh pass over the index does', async () => {
    await fc.assert(
      fc.asyncProperty(
        writesArbitrary,
        fc.array(askedArbitrary, { minLength: 1, maxLength: 6 }),
        fc.array(stepArbitrary, { minLength: 1, maxLength: 40 }),
        fc.constantFrom(1000, 8),
        async (writes, queries, steps, compactAfter) => {
          const kept = createEmbeddedSearchEngine({ compactAfter });
          const fresh = createEmbeddedSearchEngine({ compactAfter, keptQueries: 0 });
          for (const write of writes) for (const index of [kept, fresh]) await apply(index, write);
          // Every query asked once, so that each is kept before the writes begin.
          for (const query of queries) await kept.search(query);
          for (const step of steps) {
            if ('upsert' in step) for (const index of [kept, fresh]) await index.upsert(step.upsert);
            else if ('delete' in step) for (const index of [kept, fresh]) await index.delete(step.delete);
            else {
              const asked = { ...(queries[step.ask % queries.length] as SearchQuery), page: step.page };
              expect(withoutTime(await kept.search(asked))).toEqual(withoutTime(await fresh.search(asked)));
            }
          }
          for (const query of queries) {
            expect(withoutTime(await kept.search(query))).toEqual(withoutTime(await fresh.search(query)));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('places an arrival past the end of a ranking that holds only the best hits where a fresh pass would', async () => {
    // 150 hits, of which the first pass ranks the best 100: a document ranked after them arrives, and a
    // page just past them must show the 101st best, not the newcomer.
    const oak = (n: number, day: number): SearchDocument => ({
      id: `opening:${n}`,
      type: 'opening',
      title: 'Oak',
      summary: '',
      body: '',
      url: `/jobs/${n}/`,
      skills: [],
      updatedAt: new Date(Date.UTC(2026, 0, 1 + day)).toISOString(),
    });
    const documents = Array.from({ length: 150 }, (_, n) => oak(n, 10 + n));
    const kept = createEmbeddedSearchEngine();
    const fresh = createEmbeddedSearchEngine({ keptQueries: 0 });
    const query: SearchQuery = { text: 'oak', sort: { field: 'updatedAt', direction: 'desc' }, pageSize: 1 };
    for (const index of [kept, fresh]) await index.upsert(documents);
    await kept.search({ ...query, page: 1 });
    for (const index of [kept, fresh]) await index.upsert([oak(500, 0)]);
    for (const page of [101, 1, 151]) {
      expect(withoutTime(await kept.search({ ...query, page }))).toEqual(
        withoutTime(await fresh.search({ ...query, page })),
      );
    }
    expect((await kept.search({ ...query, page: 101 })).hits[0]?.document.id).toBe('opening:49');
  });

  it('answers as a fresh pass after a write cuts a ranking kept for a deep page to its best thousand', async () => {
    const documents = Array.from(
      { length: 1200 },
      (_, n): SearchDocument => ({
        id: `opening:${n}`,
        type: 'opening',
        title: n % 3 === 0 ? 'Oak beam' : 'Oak',
        summary: '',
        body: '',
        url: `/jobs/${n}/`,
        skills: [],
        updatedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
      }),
    );
    const kept = createEmbeddedSearchEngine();
    const fresh = createEmbeddedSearchEngine({ keptQueries: 0 });
    for (const index of [kept, fresh]) await index.upsert(documents);
    const query: SearchQuery = { text: 'oak', facets: ['type'], pageSize: 100 };
    await kept.search({ ...query, page: 12 });
    const edit = { ...(documents[5] as SearchDocument), title: 'Oak beam', updatedAt: '2027-01-01T00:00:00.000Z' };
    for (const index of [kept, fresh]) await index.upsert([edit]);
    for (const page of [10, 1, 11, 12, 13]) {
      expect(withoutTime(await kept.search({ ...query, page }))).toEqual(
        withoutTime(await fresh.search({ ...query, page })),
      );
    }
  });
});

describe('a query kept for its later pages', () => {
  it('answers every page, in any order, exactly as a fresh pass does, however the index is written between', async () => {
    await fc.assert(
      fc.asyncProperty(
        writesArbitrary,
        fc.array(
          fc.record({ query: queryArbitrary, pages: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1 }) }),
        ),
        writesArbitrary,
        async (writes, asks, later) => {
          const kept = createEmbeddedSearchEngine({ compactAfter: 3 });
          const fresh = createEmbeddedSearchEngine({ compactAfter: 3, keptQueries: 0 });
          for (const write of writes) for (const index of [kept, fresh]) await apply(index, write);
          for (const [round, { query, pages }] of asks.entries()) {
            for (const page of pages) {
              const asked = { ...query, page };
              expect(withoutTime(await kept.search(asked))).toEqual(withoutTime(await fresh.search(asked)));
            }
            // A write between asks: what was kept before it must not answer after it.
            const write = later[round % later.length];
            if (write) for (const index of [kept, fresh]) await apply(index, write);
            expect(withoutTime(await kept.search({ ...query, page: pages[0] ?? 1 }))).toEqual(
              withoutTime(await fresh.search({ ...query, page: pages[0] ?? 1 })),
            );
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('ranks again for a page deeper than its first pass kept, as a fresh pass would', async () => {
    const documents = Array.from({ length: 250 }, (_, n) => ({
      id: `opening:${n}`,
      type: 'opening' as const,
      title: `Carpenter ${n % 7 === 0 ? 'oak' : 'pine'}`,
      summary: '',
      body: '',
      url: `/jobs/${n}/`,
      skills: [],
      updatedAt: new Date(Date.UTC(2026, 0, 1, 0, n % 97)).toISOString(),
    }));
    const kept = createEmbeddedSearchEngine();
    const fresh = createEmbeddedSearchEngine({ keptQueries: 0 });
    await kept.upsert(documents);
    await fresh.upsert(documents);
    const query: SearchQuery = { text: 'carpenter oak', sort: { field: 'updatedAt', direction: 'desc' }, pageSize: 20 };
    await kept.search({ ...query, page: 1 });
    for (const page of [6, 9, 13, 2]) {
      const deep = await kept.search({ ...query, page });
      expect(deep.hits.length).toBeGreaterThan(0);
      expect(withoutTime(deep)).toEqual(withoutTime(await fresh.search({ ...query, page })));
    }
  });

  it('keeps apart queries with the same words and other filters, facets or order', async () => {
    const index = createEmbeddedSearchEngine();
    const base = { summary: '', body: '', url: '/', skills: [] };
    await index.upsert([
      { ...base, id: 'course:oak', type: 'course', title: 'Oak', updatedAt: '2026-01-02' },
      { ...base, id: 'opening:oak', type: 'opening', title: 'Oak oak', trade: 'Carpentry', updatedAt: '2026-01-01' },
    ]);
    const found = async (query: SearchQuery) => {
      const result = await index.search(query);
      return { ids: result.hits.map((hit) => hit.document.id), facets: result.facets };
    };
    expect(await found({ text: 'oak' })).toEqual({ ids: ['course:oak', 'opening:oak'], facets: {} });
    expect(await found({ text: 'oak', filters: { type: ['opening'] } })).toEqual({ ids: ['opening:oak'], facets: {} });
    expect(await found({ text: 'oak', facets: ['trade'] })).toEqual({
      ids: ['course:oak', 'opening:oak'],
      facets: { trade: { Carpentry: 1 } },
    });
    expect(await found({ text: 'oak', sort: { field: 'updatedAt', direction: 'asc' } })).toEqual({
      ids: ['opening:oak', 'course:oak'],
      facets: {},
    });
  });

  it('answers a query asked again after a write with what the write changed', async () => {
    const index = createEmbeddedSearchEngine();
    const document = {
      id: 'opening:roofer',
      type: 'opening' as const,
      title: 'Roofer',
      summary: 'Slate roofs',
      body: '',
      url: '/jobs/roofer/',
      skills: ['Roof slating'],
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    await index.upsert([document]);
    const query: SearchQuery = { text: 'roofer', facets: ['skills'] };
    expect((await index.search(query)).facets.skills).toEqual({ 'Roof slating': 1 });
    await index.upsert([{ ...document, skills: ['Lime plastering'] }]);
    expect((await index.search(query)).facets.skills).toEqual({ 'Lime plastering': 1 });
    await index.delete([document.id]);
    expect(await index.search(query)).toMatchObject({ hits: [], total: 0, facets: { skills: {} } });
  });

  it('gives each caller facet counts of its own, so changing one answer changes no other', async () => {
    const index = createEmbeddedSearchEngine();
    await index.upsert([
      {
        id: 'course:oak',
        type: 'course',
        title: 'Oak',
        summary: '',
        body: '',
        url: '/',
        skills: [],
        updatedAt: '2026',
      },
    ]);
    const first = await index.search({ text: 'oak', facets: ['type'] });
    (first.facets.type as Record<string, number>).course = 99;
    expect((await index.search({ text: 'oak', facets: ['type'] })).facets.type).toEqual({ course: 1 });
  });
});
