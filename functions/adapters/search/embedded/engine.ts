// The embedded search engine: an in-process index behind the search port, behaving like Meilisearch with
// its defaults (typo tolerance by word length, prefix on the last word, `last` matching strategy) for
// the searchable fields title > summary > skills, trade > body. See match.ts for ranking, rank.ts for
// sorting, document-store.ts for what is kept (not the body: hits carry `body: ''`).
import type {
  FacetName,
  SearchDocument,
  SearchHit,
  SearchIndex,
  SearchQuery,
  SearchResult,
} from '#domain/search/search-port.ts';
import { setBit, wordsFor } from './bitsets.ts';
import { DocumentStore } from './document-store.ts';
import { compileFilters, filterValueCount } from './filters.ts';
import { highlight, marksFor } from './highlight.ts';
import { correctedWriteSize, KeptQueries, type Ranked, sameDerived } from './kept-queries.ts';
import { type Candidates, deriveWords, Matcher } from './match.ts';
import { Placeholder } from './placeholder.ts';
import { best, comparator } from './rank.ts';
import { fieldBits, maxSlots, TermIndex } from './term-index.ts';
import { parseQuery, words } from './text.ts';
import { synonymGroups, wordSynonyms } from '../synonyms.ts';

export interface EmbeddedSearchOptions {
  /**
   * Compact (drop deleted and replaced documents from the index) once tombstones reach this many and a
   * quarter of the live documents. Default 1000: compacting 100,000 documents takes about a quarter of a
   * second (bench machine), so it should not run on every small change.
   */
  compactAfter?: number;
  /**
   * How many recent queries keep their ranked hits, total, facet counts and derived words (page and page
   * size aside), corrected at every write (kept-queries.ts): a later page of one of them, or the same
   * query again, then costs its page, not another pass over every match. Default 32; 0 keeps none.
   */
  keptQueries?: number;
  /**
   * Every pass the plain way: a search without words tests its documents one by one and ranks them with a
   * heap, rather than reading bits and presorted orders (placeholder.ts). For tests that compare the two.
   */
  plainPasses?: boolean;
}

/** Meilisearch returns at most 100 values per facet (`maxValuesPerFacet`), in alphabetical order. */
const maxValuesPerFacet = 100;
const defaultPageSize = 20;
/** A query's first pass ranks at least this many hits, so that its next pages are kept too. */
const rankedAtLeast = 100;
const synonyms = wordSynonyms(synonymGroups);

export function createEmbeddedSearchEngine(options: EmbeddedSearchOptions = {}): SearchIndex {
  const compactAfter = options.compactAfter ?? 1000;
  const store = new DocumentStore();
  const index = new TermIndex();
  const matcher = new Matcher();
  const kept = new KeptQueries(options.keptQueries ?? 32);
  const placeholder = options.plainPasses === true ? undefined : new Placeholder();

  /** One pass over the matches: the best `limit` hits' slots in order, the total, the facet counts. */
  function run(query: Omit<SearchQuery, 'page' | 'pageSize'>, limit: number): Ranked {
    const filters = compileFilters(store, query.filters);
    const queryWords = parseQuery(query.text);
    const derived = deriveWords(index, queryWords, synonyms);
    const kept = {
      query,
      derived,
      marks: marksFor(derived),
      queryWords,
      filters,
      filtersAt: filterValueCount(store, query.filters),
      termsAt: index.termCount,
    };
    if (filters !== null && queryWords.length === 0 && placeholder !== undefined) {
      const pass = placeholder.run(store, filters, query.sort, limit, query.facets ?? []);
      if (pass !== undefined) {
        const { slots, total, counts, hits } = pass;
        return { ...kept, slots, keys: new Float64Array(slots.length), total, counts, hits };
      }
    }
    let candidates: Candidates;
    if (filters === null) candidates = { slots: new Uint32Array(0), keys: new Float64Array(0) };
    else if (queryWords.length === 0) candidates = matcher.everything(filters.test, store.slotCount, filters.slots());
    else candidates = matcher.match(index, derived, filters.test, store.slotCount);
    const order = best(candidates.slots.length, limit, comparator(store, candidates, query.sort));
    const hits = new Uint32Array(wordsFor(store.slotCount));
    for (const slot of candidates.slots) setBit(hits, slot);
    const counts = new Map<FacetName, Map<string, number>>();
    for (const name of query.facets ?? []) counts.set(name, store.keywords[name].count(candidates.slots));
    return {
      ...kept,
      slots: Uint32Array.from(order, (i) => candidates.slots[i] as number),
      keys: Float64Array.from(order, (i) => candidates.keys[i] as number),
      total: candidates.slots.length,
      counts,
      hits,
    };
  }

  function compactIfWorthIt(): void {
    const dead = store.tombstones;
    if (dead >= compactAfter && dead * 4 >= store.size) {
      index.compact(store.compact());
      // Slots are renumbered: the kept answers' slots and bits no longer name their documents.
      kept.clear();
    }
  }

  return {
    async upsert(documents) {
      // A write of many documents forgets the kept answers; a smaller one corrects them document by document.
      if (documents.length > correctedWriteSize) kept.clear();
      try {
        for (const document of documents) {
          if (store.slotCount >= maxSlots) {
            index.compact(store.compact());
            kept.clear();
          }
          const replaced = store.slotOf(document.id);
          const masks = fieldMasks(document);
          const slot = store.add(document);
          index.add(slot, masks);
          if (replaced !== undefined) kept.left(store, replaced);
          kept.arrived(store, slot, masks);
        }
      } catch (error) {
        // A write that stops part way leaves no kept answer older than the index.
        kept.clear();
        throw error;
      }
      compactIfWorthIt();
    },

    async delete(ids) {
      for (const id of ids) {
        const slot = store.slotOf(id);
        if (slot === undefined) continue;
        store.remove(id);
        kept.left(store, slot);
      }
      compactIfWorthIt();
    },

    async search(query) {
      const started = performance.now();
      const page = Math.max(1, Math.floor(query.page ?? 1));
      const pageSize = Math.min(100, Math.max(1, Math.floor(query.pageSize ?? defaultPageSize)));
      const wanted = page * pageSize;
      const { page: _page, pageSize: _pageSize, ...asked } = query;
      const key = keyOf(asked);
      let ranked = kept.get(key);
      if (ranked !== undefined && ranked.termsAt !== index.termCount) {
        // Words arrived since it was kept: its corrections are true only if its words derive as they did.
        if (sameDerived(deriveWords(index, ranked.queryWords, synonyms), ranked.derived))
          ranked.termsAt = index.termCount;
        else ranked = undefined;
      }
      if (ranked === undefined || (ranked.slots.length < wanted && ranked.slots.length < ranked.total)) {
        ranked = run(asked, Math.max(wanted, rankedAtLeast));
        kept.set(key, ranked);
      }
      const { marks, queryWords } = ranked;
      const hits: SearchHit[] = [];
      for (const slot of ranked.slots.subarray((page - 1) * pageSize, wanted)) {
        const stored = store.document(slot);
        if (stored === undefined) continue;
        hits.push({
          document: { ...stored, skills: [...stored.skills], body: '' },
          highlighted: {
            title: highlight(stored.title, marks, queryWords),
            summary: highlight(stored.summary, marks, queryWords),
          },
        });
      }
      const facets: SearchResult['facets'] = {};
      ranked.shown ??= facetsOf(ranked.counts);
      for (const [name, counts] of Object.entries(ranked.shown)) {
        facets[name as FacetName] = { ...counts };
      }
      return {
        hits,
        total: ranked.total,
        page,
        pageSize,
        facets,
        processingTimeMs: Math.round(performance.now() - started),
      } satisfies SearchResult;
    },

    async get(ids) {
      return [...new Set(ids)].flatMap((id) => {
        const stored = store.byId(id);
        return stored ? [{ ...stored, skills: [...stored.skills], body: '' }] : [];
      });
    },

    async listIds() {
      return store.ids();
    },

    async health() {
      return { engine: 'embedded', documents: store.size };
    },
  };
}

/** Each word of a document with the fields it occurs in, as posting masks. */
function fieldMasks(document: SearchDocument): Map<string, number> {
  const masks = new Map<string, number>();
  const mark = (text: string, bit: number) => {
    for (const word of words(text)) masks.set(word, (masks.get(word) ?? 0) | bit);
  };
  mark(document.title, fieldBits.title);
  mark(document.summary, fieldBits.summary);
  for (const skill of document.skills) mark(skill, fieldBits.skills);
  if (document.trade !== undefined) mark(document.trade, fieldBits.trade);
  mark(document.body, fieldBits.body);
  return masks;
}

/** Each facet's counts as results show them. */
function facetsOf(counts: Ranked['counts']): SearchResult['facets'] {
  const facets: SearchResult['facets'] = {};
  for (const [name, byValue] of counts) facets[name] = facetOf(byValue);
  return facets;
}

/** A facet's counts as Meilisearch shows them: values in alphabetical order, at most 100. */
function facetOf(counts: Map<string, number>): Record<string, number> {
  const sorted = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(sorted.slice(0, maxValuesPerFacet));
}

/** A query without its page: every page of one query shares its ranking, total and facet counts. */
function keyOf(query: Omit<SearchQuery, 'page' | 'pageSize'>): string {
  return JSON.stringify([query.text, query.filters ?? null, query.facets ?? null, query.sort ?? null]);
}
