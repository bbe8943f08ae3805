// The embedded search engine: an in-process index behind the search port, behaving like Meilisearch with
// its defaults (typo tolerance by word length, prefix on the last word, `last` matching strategy) for
// the searchable fields title > summary > skills, trade > body. See match.ts for ranking, rank.ts for
// sorting, document-store.ts for what is kept (not the body: hits carry `body: ''`).
import type { FacetName, SearchDocument, SearchHit, SearchIndex, SearchResult } from '#domain/search/search-port.ts';
import { DocumentStore } from './document-store.ts';
import { compileFilters } from './filters.ts';
import { highlight, marksFor } from './highlight.ts';
import { type Candidates, deriveWords, everything, Matcher } from './match.ts';
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
}

/** Meilisearch returns at most 100 values per facet (`maxValuesPerFacet`), in alphabetical order. */
const maxValuesPerFacet = 100;
const defaultPageSize = 20;
const synonyms = wordSynonyms(synonymGroups);

export function createEmbeddedSearchEngine(options: EmbeddedSearchOptions = {}): SearchIndex {
  const compactAfter = options.compactAfter ?? 1000;
  const store = new DocumentStore();
  const index = new TermIndex();
  const matcher = new Matcher();

  function compactIfWorthIt(): void {
    const dead = store.tombstones;
    if (dead >= compactAfter && dead * 4 >= store.size) index.compact(store.compact());
  }

  return {
    async upsert(documents) {
      for (const document of documents) {
        if (store.slotCount >= maxSlots) index.compact(store.compact());
        const slot = store.add(document);
        index.add(slot, fieldMasks(document));
      }
      compactIfWorthIt();
    },

    async delete(ids) {
      for (const id of ids) store.remove(id);
      compactIfWorthIt();
    },

    async search(query) {
      const started = performance.now();
      const filters = compileFilters(store, query.filters);
      const queryWords = parseQuery(query.text);
      const derived = deriveWords(index, queryWords, synonyms);
      let candidates: Candidates;
      if (filters === null) candidates = { slots: new Uint32Array(0), keys: new Float64Array(0) };
      else if (queryWords.length === 0) candidates = everything(filters.test, store.slotCount, filters.slots);
      else candidates = matcher.match(index, derived, filters.test, store.slotCount);
      const page = Math.max(1, Math.floor(query.page ?? 1));
      const pageSize = Math.min(100, Math.max(1, Math.floor(query.pageSize ?? defaultPageSize)));
      const order = best(candidates.slots.length, page * pageSize, comparator(store, candidates, query.sort));
      const marks = marksFor(derived);
      const hits: SearchHit[] = [];
      for (const i of order.slice((page - 1) * pageSize)) {
        const stored = store.document(candidates.slots[i] as number);
        if (stored === undefined) continue;
        hits.push({
          document: { ...stored, skills: [...stored.skills], body: '' },
          highlighted: {
            title: highlight(stored.title, marks, queryWords),
            summary: highlight(stored.summary, marks, queryWords),
          },
        });
      }
      return {
        hits,
        total: candidates.slots.length,
        page,
        pageSize,
        facets: facetCounts(store, candidates.slots, query.facets ?? []),
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

function facetCounts(store: DocumentStore, slots: Uint32Array, names: readonly FacetName[]): SearchResult['facets'] {
  const facets: SearchResult['facets'] = {};
  for (const name of names) {
    const counts = [...store.keywords[name].count(slots)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    facets[name] = Object.fromEntries(counts.slice(0, maxValuesPerFacet));
  }
  return facets;
}
