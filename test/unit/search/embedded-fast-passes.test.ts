// The embedded engine's fast pass for a search without words (bits for its total and facet counts, a
// presorted order for its page: placeholder.ts) against the plain pass (every hit tested, a heap), on
// random data large enough for every branch: hits, order, total and facet counts must be the same,
// through writes between searches, replacements, deletes and compactions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEmbeddedSearchEngine } from '#adapters/search/embedded/engine.ts';
import { SortedOrder } from '#adapters/search/embedded/sorted-order.ts';
import type { SearchDocument, SearchIndex, SearchQuery, SearchResult } from '#domain/search/search-port.ts';

const skillNames = ['Timber framing', 'Roof slating', 'Lime plastering', 'Bookkeeping', 'Pipe fitting'];
const trades = ['Carpentry', 'Roofing', 'Plastering'];
const types = ['opening', 'course', 'syndicate'] as const;
// Many places: a facet with more values than hits per word of bits is counted hit by hit, so that runs too.
const places = Array.from({ length: 80 }, (_, n) => `Town ${n}`);

/** A corpus of `size` documents from a seed: many ties in the sort fields, some without them. */
function corpus(seed: number, size: number, idRange: number): SearchDocument[] {
  let state = seed >>> 0;
  const rand = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const maybe = <T>(value: T): T | undefined => (rand() < 0.2 ? undefined : value);
  return Array.from({ length: size }, () => {
    const n = Math.floor(rand() * idRange);
    const document: SearchDocument = {
      id: `opening:${n}`,
      type: pick(types),
      title: `Oak ${pick(['slate', 'lime', 'roof'])}`,
      summary: '',
      body: '',
      url: `/jobs/${n}/`,
      skills: skillNames.filter(() => rand() < 0.3),
      updatedAt: new Date(Date.UTC(2026, 0, 1 + Math.floor(rand() * 6))).toISOString(),
    };
    const trade = maybe(pick(trades));
    if (trade !== undefined) document.trade = trade;
    const status = maybe(pick(['open', 'filled']));
    if (status !== undefined) document.status = status;
    const remote = maybe(rand() < 0.5);
    if (remote !== undefined) document.remote = remote;
    const pay = maybe(Math.floor(rand() * 10));
    if (pay !== undefined) document.pay = pay;
    const place = maybe(pick(places));
    if (place !== undefined) document.place = place;
    return document;
  });
}

const queryArbitrary: fc.Arbitrary<SearchQuery> = fc
  .record(
    {
      filters: fc.record(
        {
          type: fc.uniqueArray(fc.constantFrom(...types), { maxLength: 2 }),
          skills: fc.uniqueArray(fc.constantFrom(...skillNames, 'Unknown skill'), { maxLength: 2 }),
          trade: fc.uniqueArray(fc.constantFrom(...trades), { maxLength: 2 }),
          status: fc.uniqueArray(fc.constantFrom('open', 'filled'), { maxLength: 1 }),
          remote: fc.boolean(),
          pay: fc.record({ min: fc.integer({ min: 0, max: 9 }) }, { requiredKeys: [] }),
        },
        { requiredKeys: [] },
      ),
      facets: fc.uniqueArray(fc.constantFrom('type', 'skills', 'trade', 'remote', 'status', 'place' as const), {
        maxLength: 3,
      }),
      sort: fc.record({
        field: fc.constantFrom('updatedAt', 'pay', 'title' as const),
        direction: fc.constantFrom('asc', 'desc' as const),
      }),
      pageSize: fc.integer({ min: 1, max: 100 }),
      page: fc.integer({ min: 1, max: 4 }),
    },
    { requiredKeys: [] },
  )
  .map((query) => ({ ...query, text: '' }));

const withoutTime = ({ processingTimeMs: _, ...result }: SearchResult) => result;

async function writeBoth(indexes: SearchIndex[], documents: SearchDocument[], deletes: string[]) {
  for (const index of indexes) {
    for (let i = 0; i < documents.length; i += 50) await index.upsert(documents.slice(i, i + 50));
    await index.delete(deletes);
  }
}

describe('a search without words, by bits and presorted orders', () => {
  it('answers exactly as the plain pass does: hits, order, total, facets, through writes between searches', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer(),
        fc.integer({ min: 0, max: 600 }),
        fc.array(queryArbitrary, { minLength: 1, maxLength: 4 }),
        fc.array(fc.record({ size: fc.nat(120), deletes: fc.array(fc.nat(700), { maxLength: 20 }) }), {
          maxLength: 3,
        }),
        async (seed, size, queries, later) => {
          // Compacting now and then, as a real index does once tombstones are worth it.
          const fast = createEmbeddedSearchEngine({ compactAfter: 40 });
          const plain = createEmbeddedSearchEngine({ compactAfter: 40, plainPasses: true });
          await writeBoth([fast, plain], corpus(seed, size, 700), []);
          for (const [round, write] of [{ size: 0, deletes: [] }, ...later].entries()) {
            if (round > 0) {
              const deletes = write.deletes.map((n) => `opening:${n}`);
              await writeBoth([fast, plain], corpus(seed + round, write.size, 700), deletes);
            }
            for (const query of queries) {
              expect(withoutTime(await fast.search(query))).toEqual(withoutTime(await plain.search(query)));
            }
          }
        },
      ),
      { numRuns: 120 },
    );
  });
});

describe('a presorted order', () => {
  it('walks its slots as sorting them all would, however many are added after it is made', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }), { maxLength: 60 }),
        fc.array(fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 8 }),
        (initial, added, pendingLimit) => {
          const values = initial.map((value) => value ?? Number.NaN);
          const before = (a: number, b: number) => {
            const va = values[a] as number;
            const vb = values[b] as number;
            if (Number.isNaN(va) || Number.isNaN(vb))
              return Number.isNaN(va) === Number.isNaN(vb) ? a - b : Number.isNaN(va) ? 1 : -1;
            return vb - va || a - b;
          };
          const order = new SortedOrder(values.length, before, pendingLimit);
          for (const value of added) {
            values.push(value ?? Number.NaN);
            order.add(values.length - 1);
          }
          const walked: number[] = [];
          order.walk((slot) => {
            walked.push(slot);
            return false;
          });
          expect(walked).toEqual(values.map((_, slot) => slot).sort(before));
          // A walk stops when told to.
          const firstThree: number[] = [];
          order.walk((slot) => firstThree.push(slot) >= 3);
          expect(firstThree).toEqual(walked.slice(0, 3));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('derivations kept between searches', () => {
  const vocabulary = ['oak', 'oaken', 'slate', 'slater', 'carpenter', 'carpentry', 'carpenters', 'karpenter', 'lime'];
  const textArbitrary = fc
    .array(fc.constantFrom(...vocabulary, 'carp', 'carpentr', 'slat', 'oka', 'carpenterz'), {
      minLength: 1,
      maxLength: 2,
    })
    .map((words) => words.join(' '));
  const documentArbitrary = (n: number) =>
    fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 3 }).map(
      (title): SearchDocument => ({
        id: `opening:${n}`,
        type: 'opening',
        title: title.join(' '),
        summary: '',
        body: '',
        url: `/jobs/${n}/`,
        skills: [],
        updatedAt: '2026-01-01T00:00:00.000Z',
      }),
    );

  it('answer as an index built afresh does, after writes that bring new words or drop old ones', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            write: fc.oneof(
              fc.nat(8).chain((n) => documentArbitrary(n).map((document) => ({ upsert: document }))),
              fc.nat(8).map((n) => ({ delete: `opening:${n}` })),
            ),
            text: textArbitrary,
          }),
          { minLength: 1, maxLength: 12 },
        ),
        async (steps) => {
          // Compacting at every tombstone, so that words left without documents are dropped.
          const lived = createEmbeddedSearchEngine({ compactAfter: 1 });
          const live = new Map<string, SearchDocument>();
          for (const { write, text } of steps) {
            if ('upsert' in write) {
              await lived.upsert([write.upsert]);
              live.set(write.upsert.id, write.upsert);
            } else {
              await lived.delete([write.delete]);
              live.delete(write.delete);
            }
            const afresh = createEmbeddedSearchEngine();
            await afresh.upsert([...live.values()]);
            const query = { text, pageSize: 100 };
            const ids = async (index: SearchIndex) =>
              (await index.search(query)).hits.map((hit) => hit.document.id).sort();
            expect(await ids(lived)).toEqual(await ids(afresh));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
