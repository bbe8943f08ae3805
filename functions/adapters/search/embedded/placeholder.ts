// A search without words (Meilisearch's placeholder search) over bits: its hits are the live slots ANDed
// with each list filter's values (bitsets.ts), so its total is a count of bits and a facet value's count
// that of an AND, costs that follow the index's words (slots / 32) rather than the hits; sorted by a
// number column it reads that column's presorted order (sorted-order.ts) until its page is full. It
// answers exactly as the plain pass does (same hits, order, total and facet counts), and declines (the
// plain pass runs) where the plain one is cheaper or it cannot: a range filter, a sort by title, or a list
// filter whose documents are fewer than the index's words.
import type { FacetName, SearchQuery } from '#domain/search/search-port.ts';
import { andCardinality, cardinality, hasBit, slotsOf, wordsFor } from './bitsets.ts';
import type { DocumentStore } from './document-store.ts';
import type { CompiledFilters } from './filters.ts';
import { best, comparator } from './rank.ts';

export interface PlaceholderPass {
  /** The best `limit` hits' slots, in order. */
  slots: Uint32Array;
  total: number;
  /** Each facet's count by value, in the column's value order (unsorted, uncapped). */
  counts: Map<FacetName, Map<string, number>>;
  /** Every hit, as bits of its own (the pass's are scratch). */
  hits: Uint32Array<ArrayBuffer>;
}

export class Placeholder {
  #hits = new Uint32Array(0);
  #scratch = new Uint32Array(0);
  #slots = new Uint32Array(0);

  /** The pass, or undefined where the plain one should run instead. */
  run(
    store: DocumentStore,
    filters: CompiledFilters,
    sort: SearchQuery['sort'],
    limit: number,
    facets: readonly FacetName[],
  ): PlaceholderPass | undefined {
    const slotCount = store.slotCount;
    const words = wordsFor(slotCount);
    if (filters.ranged || sort?.field === 'title' || filters.narrowestSize < words) return undefined;
    if (this.#hits.length < words) {
      this.#hits = new Uint32Array(words + (words >> 1) + 32);
      this.#scratch = new Uint32Array(this.#hits.length);
      this.#slots = new Uint32Array(this.#hits.length * 32);
    }
    const hits = this.#hits;
    const scratch = this.#scratch;
    hits.set(store.aliveBits.subarray(0, words));
    for (const { column, flags } of filters.lists) {
      column.bitsOfAny(flags, words, scratch);
      for (let i = 0; i < words; i++) hits[i] = (hits[i] as number) & (scratch[i] as number);
    }
    const total = cardinality(hits, words);
    // Every hit's slot, ascending, read once when something needs them all.
    let all: Uint32Array | undefined;
    const everyHit = () => (all ??= this.#slots.subarray(0, slotsOf(hits, words, this.#slots, total)));

    let slots: Uint32Array;
    if (sort === undefined) {
      // Every hit ties: slot order.
      slots = new Uint32Array(Math.min(limit, total));
      slotsOf(hits, words, slots, slots.length);
    } else if (total > limit && limit * slotCount <= 4 * total * total) {
      // Hits are common enough that the page fills within a few times `limit` slots of the order.
      slots = new Uint32Array(limit);
      let n = 0;
      store.numbers[sort.field].order(sort.direction, slotCount).walk((slot) => {
        if (hasBit(hits, slot)) slots[n++] = slot;
        return n >= limit;
      });
    } else {
      const candidates = { slots: everyHit(), keys: new Float64Array(total) };
      const order = best(total, limit, comparator(store, candidates, sort));
      slots = Uint32Array.from(order, (i) => candidates.slots[i] as number);
    }

    const counts = new Map<FacetName, Map<string, number>>();
    for (const name of facets) {
      const column = store.keywords[name];
      counts.set(
        name,
        // An AND of bits per value costs the index's words each; counting hit by hit, the hits once.
        column.valueCount * words <= total ? column.countBits(hits, words, andCardinality) : column.count(everyHit()),
      );
    }
    return { slots, total, counts, hits: hits.slice(0, words) };
  }
}
