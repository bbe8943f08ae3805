// The inverted index: for each word, the documents (slots) that contain it and in which fields.
//
// Why our own and not MiniSearch's: MiniSearch keeps a Map of document to term frequency per word per
// field, and its AND builds a full result Map per word before intersecting. On bench/search.ts's 100,000
// openings, tuned (AND, Meilisearch's typo budget, prefix on the last word, boosts) it measured 529 MB of
// heap and a p95 of 228 ms for plain words; this index, 150 MB and under 10 ms. Meilisearch does not rank
// by term frequency, so one 32-bit number per (word, document) is enough: the slot in the high bits and a
// field mask in the low five, in typed arrays. Every field, the body included, gets typo tolerance and
// prefix matching: with these lists it costs little (see match.ts for how the lists are walked).
import { TermDictionary } from './term-dictionary.ts';

/** Searchable fields in order of importance, one bit each in a posting. */
export const fieldBits = { title: 1, summary: 2, skills: 4, trade: 8, body: 16 } as const;
export const fieldBitCount = 5;
export const fieldMask = (1 << fieldBitCount) - 1;
/** 2^27 slots: far beyond what one process should hold, and it keeps postings within 32 bits. */
export const maxSlots = 2 ** (32 - fieldBitCount);

export class TermIndex {
  readonly #ids = new Map<string, number>();
  #terms: string[] = [];
  #lists: Uint32Array[] = [];
  #lengths: number[] = [];
  readonly dictionary = new TermDictionary();

  /** Records that document `slot` holds each word in the fields of its mask. Slots only ever grow. */
  add(slot: number, masks: Map<string, number>): void {
    for (const [term, mask] of masks) {
      let id = this.#ids.get(term);
      if (id === undefined) {
        id = this.#terms.length;
        this.#ids.set(term, id);
        this.#terms.push(term);
        this.#lists.push(new Uint32Array(2));
        this.#lengths.push(0);
        this.dictionary.add(term);
      }
      this.#append(id, (slot << fieldBitCount) | mask);
    }
  }

  #append(id: number, posting: number): void {
    let list = this.#lists[id] as Uint32Array;
    const length = this.#lengths[id] as number;
    if (length === list.length) {
      // Grow by half, not double: the lists hold most of the index's memory, and slack is waste.
      const grown = new Uint32Array(length + (length >> 1) + 2);
      grown.set(list);
      list = grown;
      this.#lists[id] = list;
    }
    list[length] = posting;
    this.#lengths[id] = length + 1;
  }

  /** The postings of a word (slot << 5 | field mask), or an empty list. */
  postings(term: string): Uint32Array {
    const id = this.#ids.get(term);
    if (id === undefined) return empty;
    return (this.#lists[id] as Uint32Array).subarray(0, this.#lengths[id]);
  }

  has(term: string): boolean {
    return this.#ids.has(term);
  }

  get termCount(): number {
    return this.#terms.length;
  }

  /**
   * Renumbers slots after the document store drops deleted and replaced documents: `remap[old]` is the
   * new slot, or -1 for a dropped one. Words left with no document are forgotten.
   */
  compact(remap: Int32Array): void {
    const terms: string[] = [];
    const lists: Uint32Array[] = [];
    const lengths: number[] = [];
    this.#ids.clear();
    for (let id = 0; id < this.#terms.length; id++) {
      const list = this.#lists[id] as Uint32Array;
      const length = this.#lengths[id] as number;
      let kept = 0;
      for (let i = 0; i < length; i++) {
        const posting = list[i] as number;
        const slot = remap[posting >>> fieldBitCount] ?? -1;
        if (slot >= 0) list[kept++] = (slot << fieldBitCount) | (posting & fieldMask);
      }
      if (kept === 0) continue;
      this.#ids.set(this.#terms[id] as string, terms.length);
      terms.push(this.#terms[id] as string);
      lists.push(kept < list.length >> 1 ? list.slice(0, kept) : list);
      lengths.push(kept);
    }
    this.#terms = terms;
    this.#lists = lists;
    this.#lengths = lengths;
    this.dictionary.retain((term) => this.#ids.has(term));
  }
}

const empty = new Uint32Array(0);

/** The best field of a posting's mask, as a rank: title 4, summary 3, skills or trade 2, body 1. */
export const fieldRank = new Uint8Array(1 << fieldBitCount).map((_, mask) => {
  if (mask & fieldBits.title) return 4;
  if (mask & fieldBits.summary) return 3;
  if (mask & (fieldBits.skills | fieldBits.trade)) return 2;
  return mask & fieldBits.body ? 1 : 0;
});
