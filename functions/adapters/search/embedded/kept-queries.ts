// Recent queries' answers, kept up to date through writes. A fresh pass over a query's matches costs its
// hits (16,666 postings, a top-k and five facets counted over every hit for `carpenter` at 100,000
// openings); a write changes one document. So a kept answer is not forgotten at a write but corrected: a
// document that leaves takes its hit, its facet values and its place in the ranking with it; one that
// arrives is matched against the query alone (its words, as match.ts scores them, and the filters) and,
// when it is a hit, counted and put where the order puts it. The answer after any write is then what a
// fresh pass would give, and a popular query keeps costing its page while the index is written.
//
// What cannot be corrected is forgotten, and the next search runs a fresh pass:
// - a query whose words derive differently after a write brought new words (a new typo or prefix match):
//   checked when it is next asked (the engine), so a write pays no dictionary walk; until then its
//   corrections used the old derivations, and are dropped with it;
// - everything at a compaction (slots are renumbered) and at a write of many documents at once (a reindex:
//   correcting every kept answer per document would cost more than the passes it saves);
// - a kept ranking that loses a hit it held is one shorter, one longer than 1,000 is cut to its best 1,000
//   at a write, and a page past its end runs a fresh pass.
import type { FacetName, SearchQuery, SearchResult } from '#domain/search/search-port.ts';
import { clearBit, hasBit, setBit, widen, wordsFor } from './bitsets.ts';
import type { DocumentStore } from './document-store.ts';
import { type CompiledFilters, compileFilters, filterValueCount } from './filters.ts';
import type { Marks } from './highlight.ts';
import { type Derived, documentKey } from './match.ts';
import { comparator } from './rank.ts';
import type { QueryWord } from './text.ts';

/** One query's answer (page and page size aside): what a pass over its matches found, corrected since. */
export interface Ranked {
  query: Omit<SearchQuery, 'page' | 'pageSize'>;
  /** The best hits' slots, best first: a prefix of the full order (at least the pages asked), or every hit. */
  slots: Uint32Array;
  /** Each ranked slot's relevance (match.ts: words matched, then points), parallel to `slots`. */
  keys: Float64Array;
  total: number;
  /** Every hit, as bits (bitsets.ts): a document that leaves is looked up here. */
  hits: Uint32Array<ArrayBuffer>;
  /** Each asked facet's count by value, uncapped and unsorted. */
  counts: Map<FacetName, Map<string, number>>;
  /** The facets as results show them (sorted, capped), made when first shown and dropped when counts change. */
  shown?: SearchResult['facets'] | undefined;
  derived: Derived[][];
  marks: Marks;
  queryWords: QueryWord[];
  /** The filters as compiled, and their columns' value count then (filters.ts `filterValueCount`). */
  filters: CompiledFilters | null;
  filtersAt: number;
  /** The index's word count when `derived` was last found true: new words may derive the query otherwise. */
  termsAt: number;
}

/** Writes of more documents than this forget every kept query rather than correct each one per document. */
export const correctedWriteSize = 64;
/**
 * A kept ranking is cut to its best this many at a write, so that correcting it costs a bounded amount
 * however deep a page was asked (a prefix of the order is still the order; a deeper page ranks afresh).
 */
export const correctedRanking = 1000;

/** The most recently asked queries' answers, the least recent dropped first. */
export class KeptQueries {
  readonly #entries = new Map<string, Ranked>();
  readonly #size: number;

  constructor(size: number) {
    this.#size = size;
  }

  get(key: string): Ranked | undefined {
    const found = this.#entries.get(key);
    if (found !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, found);
    }
    return found;
  }

  set(key: string, ranked: Ranked): void {
    if (this.#size <= 0) return;
    this.#entries.delete(key);
    this.#entries.set(key, ranked);
    if (this.#entries.size > this.#size) this.#entries.delete(this.#entries.keys().next().value as string);
  }

  clear(): void {
    this.#entries.clear();
  }

  /** Document `slot` left the index (deleted, or replaced by a new slot): its hit leaves every answer. */
  left(store: DocumentStore, slot: number): void {
    for (const ranked of this.#entries.values()) {
      bound(ranked);
      if (!hasBit(ranked.hits, slot)) continue;
      clearBit(ranked.hits, slot);
      ranked.total--;
      this.#count(store, ranked, slot, -1);
      const at = ranked.slots.indexOf(slot);
      if (at >= 0) {
        ranked.slots = without(ranked.slots, at);
        ranked.keys = without(ranked.keys, at);
      }
    }
  }

  /** Document `slot` arrived with these words (each word's field mask): a hit where it matches. */
  arrived(store: DocumentStore, slot: number, masks: ReadonlyMap<string, number>): void {
    for (const ranked of this.#entries.values()) {
      bound(ranked);
      const valuesAt = filterValueCount(store, ranked.query.filters);
      if (ranked.filtersAt !== valuesAt) {
        // A filter value unknown when it was compiled may be known now.
        ranked.filters = compileFilters(store, ranked.query.filters);
        ranked.filtersAt = valuesAt;
      }
      if (ranked.filters === null || !ranked.filters.test(slot)) continue;
      const key = documentKey(ranked.derived, masks);
      if (key === undefined) continue;
      const complete = ranked.slots.length === ranked.total;
      ranked.hits = widen(ranked.hits, wordsFor(slot + 1));
      setBit(ranked.hits, slot);
      ranked.total++;
      this.#count(store, ranked, slot, 1);
      const at = placeOf(store, ranked, slot, key);
      // Past the last ranked hit of an incomplete ranking, its place is unknown (and not needed yet).
      if (at < ranked.slots.length || complete) {
        ranked.slots = within(ranked.slots, at, slot);
        ranked.keys = within(ranked.keys, at, key);
      }
    }
  }

  #count(store: DocumentStore, ranked: Ranked, slot: number, by: 1 | -1): void {
    for (const [name, counts] of ranked.counts) {
      for (const value of store.keywords[name].valuesOf(slot)) {
        const count = (counts.get(value) ?? 0) + by;
        if (count > 0) counts.set(value, count);
        else counts.delete(value);
      }
    }
    ranked.shown = undefined;
  }
}

/** Where the order puts `slot` among the ranked hits: the index of the first one it ranks before. */
function placeOf(store: DocumentStore, ranked: Ranked, slot: number, key: number): number {
  const size = ranked.slots.length;
  const slots = new Uint32Array(size + 1);
  slots.set(ranked.slots);
  slots[size] = slot;
  const keys = new Float64Array(size + 1);
  keys.set(ranked.keys);
  keys[size] = key;
  const compare = comparator(store, { slots, keys }, ranked.query.sort);
  let low = 0;
  let high = size;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(size, middle) < 0) high = middle;
    else low = middle + 1;
  }
  return low;
}

function within<T extends Uint32Array | Float64Array>(array: T, at: number, value: number): T {
  const grown = new (array.constructor as new (length: number) => T)(array.length + 1);
  grown.set(array.subarray(0, at));
  grown[at] = value;
  grown.set(array.subarray(at), at + 1);
  return grown;
}

function without<T extends Uint32Array | Float64Array>(array: T, at: number): T {
  const shrunk = new (array.constructor as new (length: number) => T)(array.length - 1);
  shrunk.set(array.subarray(0, at));
  shrunk.set(array.subarray(at + 1), at);
  return shrunk;
}

function bound(ranked: Ranked): void {
  if (ranked.slots.length <= correctedRanking) return;
  ranked.slots = ranked.slots.slice(0, correctedRanking);
  ranked.keys = ranked.keys.slice(0, correctedRanking);
}

/** Whether a query's words derive as they did (the same terms, points and marks, in the same order). */
export function sameDerived(a: readonly Derived[][], b: readonly Derived[][]): boolean {
  if (a.length !== b.length) return false;
  return a.every((word, w) => {
    const other = b[w] as Derived[];
    return (
      word.length === other.length &&
      word.every(
        (d, i) => d.term === other[i]?.term && d.points === other[i]?.points && d.highlight === other[i]?.highlight,
      )
    );
  });
}
