// The embedded search engine: the port's contract, then the Meilisearch rules it reproduces in detail.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEmbeddedSearch } from '#adapters/search/embedded-search.ts';
import { createEmbeddedSearchEngine } from '#adapters/search/embedded/engine.ts';
import { TermDictionary } from '#adapters/search/embedded/term-dictionary.ts';
import { fieldBits, TermIndex } from '#adapters/search/embedded/term-index.ts';
import { parseQuery, typoBudget } from '#adapters/search/embedded/text.ts';
import type { SearchDocument, SearchResult } from '#domain/search/search-port.ts';
import { fixtures, searchPortContract } from '../contract/search-port.ts';

searchPortContract('the embedded engine', async () => createEmbeddedSearchEngine());

const ids = (result: SearchResult) => result.hits.map((hit) => hit.document.id).sort();

async function indexOf(documents: SearchDocument[], options?: { compactAfter: number }) {
  const index = createEmbeddedSearchEngine(options);
  await index.upsert(documents);
  return index;
}

describe('typo tolerance, as Meilisearch counts typos', () => {
  const titles = ['carpentry workshop', 'flooring', 'oak'];
  const documents = titles.map((title, i) => ({
    ...(fixtures[0] as SearchDocument),
    id: `opening:${i}`,
    title,
    summary: '',
    body: '',
    skills: [],
    trade: undefined,
  }));
  // A trailing space ends the last word, so these queries test typos without prefix matching.
  const cases: Array<[string, string, string[]]> = [
    ['counts a swap of neighbouring letters as one typo', 'floorign ', ['opening:1']],
    ['refuses a first-letter typo in a word of five to eight letters', 'glooring ', []],
    ['forgives two typos in a word of nine letters or more', 'carpintyr ', ['opening:0']],
    ['forgives a first-letter typo in a long word when the rest is exact', 'xarpentry ', ['opening:0']],
    ['counts a first-letter typo as two, leaving no room for another', 'xarpentyr ', []],
    ['refuses three typos in a long word', 'karpintyr ', []],
  ];
  for (const [title, text, expected] of cases) {
    it(title, async () => {
      expect(ids(await (await indexOf(documents)).search({ text }))).toEqual(expected);
    });
  }

  it('gives words their typo budget by length: none under 5, one under 9, two from 9', () => {
    expect(['oak', 'lime', 'plank', 'flooring', 'carpentry'].map(typoBudget)).toEqual([0, 0, 1, 1, 2]);
  });

  it('treats the last word as a prefix only while the query does not end in a separator', async () => {
    expect(parseQuery('oak stair').map((word) => word.prefix)).toEqual([false, true]);
    expect(parseQuery('oak stair ').map((word) => word.prefix)).toEqual([false, false]);
    const index = await indexOf(documents);
    expect(ids(await index.search({ text: 'carp' }))).toEqual(['opening:0']);
    expect(ids(await index.search({ text: 'carp ' }))).toEqual([]);
  });

  it('lets a prefix carry typos too, within the budget of its length', async () => {
    expect(ids(await (await indexOf(documents)).search({ text: 'carpn' }))).toEqual(['opening:0']);
  });
});

/** Damerau (optimal string alignment) distance, written the obvious way. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => i + j));
  const at = (i: number, j: number) => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = value;
    }
  }
  return at(a.length, b.length);
}

/** Meilisearch's derivation rule, applied to every word: the reference the dictionary walk must equal. */
function expectedDerivations(terms: string[], q: string, prefix: boolean): string[] {
  const budget = typoBudget(q);
  return terms
    .filter((term) => term !== q)
    .flatMap((term) => {
      const candidates = prefix ? Array.from({ length: term.length + 1 }, (_, j) => term.slice(0, j)) : [term];
      const typos = Math.min(...candidates.map((candidate) => distance(q, candidate)));
      if (term[0] !== q[0]) return typos <= 1 && budget === 2 ? [`${term}:2`] : [];
      return typos <= budget ? [`${term}:${typos}`] : [];
    })
    .sort();
}

describe('the dictionary walk', () => {
  it('finds exactly the derivations that checking every word finds', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 1, maxLength: 11 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 40 }), word, fc.boolean(), (terms, q, prefix) => {
        const dictionary = new TermDictionary();
        for (const term of terms) dictionary.add(term);
        const found = dictionary.derive({ text: q, typos: typoBudget(q), prefix });
        const got = found.map(({ term, typos }) => `${term}:${typos}`).sort();
        expect(got).toEqual(expectedDerivations(terms, q, prefix));
      }),
      { numRuns: 400 },
    );
  });

  it('stops at Meilisearch’s limit of 1000 prefix derivations', () => {
    const dictionary = new TermDictionary();
    for (let i = 0; i < 1500; i++) dictionary.add(`pre${i}`);
    expect(dictionary.derive({ text: 'pre', typos: 0, prefix: true })).toHaveLength(1000);
  });
});

describe('the term index', () => {
  it('renumbers postings when it compacts and forgets words left without documents', () => {
    const index = new TermIndex();
    index.add(0, new Map([['oak', fieldBits.title]]));
    index.add(1, new Map([['elm', fieldBits.body | fieldBits.summary]]));
    index.add(2, new Map([['oak', fieldBits.skills]]));
    index.compact(Int32Array.from([-1, 0, 1]));
    expect([...index.postings('elm')]).toEqual([(0 << 5) | fieldBits.body | fieldBits.summary]);
    expect([...index.postings('oak')]).toEqual([(1 << 5) | fieldBits.skills]);
    index.compact(Int32Array.from([0, -1]));
    expect(index.has('oak')).toBe(false);
    expect(index.dictionary.sorted()).toEqual(['elm']);
  });
});

describe('the embedded engine', () => {
  it('counts in the total every document that matches the first word, as Meilisearch’s `last` strategy does', async () => {
    const index = await indexOf(fixtures);
    const result = await index.search({ text: 'oak staircase', facets: ['type'] });
    expect(result.total).toBe(2);
    expect(result.facets).toEqual({ type: { opening: 2 } });
  });

  it('ranks an exact word above a typo, whatever the field', async () => {
    const base = fixtures[1] as SearchDocument;
    const index = await indexOf([
      { ...base, id: 'opening:typo', title: 'Plasterer', summary: '', body: '' },
      { ...base, id: 'opening:exact', title: 'Fitter', summary: '', body: 'plastered' },
    ]);
    const result = await index.search({ text: 'plastered' });
    expect(result.hits.map((hit) => hit.document.id)).toEqual(['opening:exact', 'opening:typo']);
  });

  it('marks a prefix match only as far as the prefix, and keeps accents in the marked text', async () => {
    const index = await indexOf(fixtures);
    const [carpentry] = (await index.search({ text: 'carpe' })).hits;
    expect(carpentry?.highlighted.title).toBe('Oak staircase <mark>carpe</mark>nter');
    const [cafe] = (await index.search({ text: 'cafe collective' })).hits;
    expect(cafe?.highlighted.title).toBe('<mark>Café</mark> <mark>Collective</mark> of Leeds');
  });

  it('sorts by title and puts documents without the sort field last in both directions', async () => {
    const index = await indexOf(fixtures);
    const byTitle = await index.search({ text: '', sort: { field: 'title', direction: 'asc' }, pageSize: 2 });
    expect(byTitle.hits.map((hit) => hit.document.title)).toEqual([
      '<script>alert(1)</script> plumbing trick',
      'Café Collective of Leeds',
    ]);
    for (const direction of ['asc', 'desc'] as const) {
      const byPay = await index.search({ text: '', sort: { field: 'pay', direction } });
      expect(byPay.hits.slice(3).every((hit) => hit.document.pay === undefined)).toBe(true);
    }
  });

  it('returns no hits past the last page, with the total still counted', async () => {
    const result = await (await indexOf(fixtures)).search({ text: '', page: 9, pageSize: 5 });
    expect(result).toMatchObject({ hits: [], total: fixtures.length, page: 9, pageSize: 5 });
  });

  it('finds nothing for a filter value no document has', async () => {
    const result = await (await indexOf(fixtures)).search({
      text: '',
      filters: { place: ['Atlantis'] },
      facets: ['place'],
    });
    expect(result).toMatchObject({ hits: [], total: 0, facets: { place: {} } });
  });

  it('does not keep the body, and gives hits an empty one', async () => {
    const [hit] = (await (await indexOf(fixtures)).search({ text: 'headlaps' })).hits;
    expect(hit?.document.body).toBe('');
  });

  it('forgets replaced and deleted documents when it compacts, and keeps the others findable', async () => {
    const index = await indexOf(fixtures, { compactAfter: 1 });
    for (const word of ['zebra', 'yodel', 'xylem', 'waltz', 'vixen']) {
      await index.upsert(fixtures.map((fixture) => ({ ...fixture, summary: `${fixture.summary} ${word}` })));
    }
    await index.delete(['course:slate']);
    expect((await index.health()).documents).toBe(fixtures.length - 1);
    expect((await index.search({ text: 'vixen' })).total).toBe(fixtures.length - 1);
    expect((await index.search({ text: 'zebra' })).total).toBe(0);
    expect(ids(await index.search({ text: 'oak', filters: { remote: true }, facets: ['place'] }))).toEqual([
      'opening:flooring',
    ]);
    expect((await index.search({ text: '', facets: ['trade'] })).facets.trade).toEqual({
      Carpentry: 2,
      Plastering: 1,
      Plumbing: 1,
    });
    expect((await index.search({ text: 'headlaps' })).total).toBe(0);
  });

  it('is one index per process, however many callers create it', async () => {
    const [first, second] = [createEmbeddedSearch(), createEmbeddedSearch()];
    expect(first).toBe(second);
    const document = { ...(fixtures[0] as SearchDocument), id: 'opening:shared-by-callers' };
    await first.upsert([document]);
    expect((await second.listIds()).map(({ id }) => id)).toContain(document.id);
    await second.delete([document.id]);
  });
});
