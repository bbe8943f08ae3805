// Filter, facet and sort fields kept column-wise by slot, so that a filter or a facet count over 100,000
// hits reads flat typed arrays instead of 100,000 objects.
import { setBit, widen, wordsFor } from './bitsets.ts';
import { SortedOrder } from './sorted-order.ts';
import { normalize } from './text.ts';

/**
 * A string field with any number of values per document (skills), or at most one (trade, place...).
 * Values are matched like Meilisearch filters match strings: without case or diacritics; a facet shows
 * the value as it was first written.
 */
export class KeywordColumn {
  readonly #ids = new Map<string, number>();
  readonly #labels: string[] = [];
  #starts = new Int32Array(1024);
  #counts = new Uint16Array(1024);
  #values = new Int32Array(1024);
  #used = 0;
  /**
   * Each value's slots, ascending (slots only grow): a filter reads the documents that have a value from
   * here instead of testing every slot in the index (tombstoned slots stay until compaction).
   */
  #slots: Uint32Array[] = [];
  #slotCounts: number[] = [];
  /**
   * Each slot's one value (-1: none) while no document has two: a facet count over a common word's hits
   * then reads one number a hit instead of three.
   */
  #only = new Int32Array(1024);
  #manyValued = false;
  /** Each value's slots as bits (bitsets.ts), made when a search first needs them and kept up to date. */
  #bits: (Uint32Array<ArrayBuffer> | undefined)[] = [];

  set(slot: number, values: readonly string[]): void {
    if (slot >= this.#starts.length) {
      this.#starts = grow(this.#starts, slot + 1);
      this.#counts = grow(this.#counts, slot + 1);
    }
    if (slot >= this.#only.length) this.#only = grow(this.#only, slot + 1);
    const unique = new Set(values.map((value) => this.#intern(value)));
    if (unique.size > 1) this.#manyValued = true;
    this.#only[slot] = unique.size === 1 ? ([...unique][0] as number) : -1;
    if (this.#used + unique.size > this.#values.length) this.#values = grow(this.#values, this.#used + unique.size);
    this.#starts[slot] = this.#used;
    this.#counts[slot] = unique.size;
    for (const id of unique) {
      this.#values[this.#used++] = id;
      this.#addSlot(id, slot);
    }
  }

  #addSlot(id: number, slot: number): void {
    let list = this.#slots[id] as Uint32Array;
    const length = this.#slotCounts[id] as number;
    if (length === list.length) list = this.#slots[id] = grow(list, length + 1);
    list[length] = slot;
    this.#slotCounts[id] = length + 1;
    const bits = this.#bits[id];
    if (bits !== undefined) {
      const wider = widen(bits, wordsFor(slot + 1));
      this.#bits[id] = wider;
      setBit(wider, slot);
    }
  }

  /** How many values the column has seen. */
  get valueCount(): number {
    return this.#labels.length;
  }

  /** A value's slots as bits, at least `words` words long (tombstones included). */
  bitsOf(id: number, words: number): Uint32Array {
    let bits = this.#bits[id];
    if (bits === undefined) {
      bits = new Uint32Array(words);
      const list = this.#slots[id] as Uint32Array;
      const length = this.#slotCounts[id] as number;
      for (let i = 0; i < length; i++) setBit(bits, list[i] as number);
    } else bits = widen(bits, words);
    this.#bits[id] = bits;
    return bits;
  }

  /** The slots holding any flagged value, as bits `words` words long, in `into` (tombstones included). */
  bitsOfAny(flags: Uint8Array, words: number, into: Uint32Array): void {
    into.fill(0, 0, words);
    for (let id = 0; id < flags.length; id++) {
      if (flags[id] !== 1) continue;
      const bits = this.bitsOf(id, words);
      for (let i = 0; i < words; i++) into[i] = (into[i] as number) | (bits[i] as number);
    }
  }

  /** Each value's count among the slots of `hits` (bits): a facet over a search without words. */
  countBits(hits: Uint32Array, words: number, andCount: (a: Uint32Array, b: Uint32Array, words: number) => number) {
    const counts = new Int32Array(this.#labels.length);
    for (let id = 0; id < counts.length; id++) counts[id] = andCount(this.bitsOf(id, words), hits, words);
    return this.#found(counts);
  }

  #intern(value: string): number {
    const key = normalize(value);
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = this.#labels.length;
      this.#ids.set(key, id);
      this.#labels.push(value);
      this.#slots.push(new Uint32Array(4));
      this.#slotCounts.push(0);
    }
    return id;
  }

  /** The values of a slot (a tombstoned one's too, until compaction), as facets show them. */
  valuesOf(slot: number): string[] {
    const start = this.#starts[slot] ?? 0;
    const end = start + (this.#counts[slot] ?? 0);
    const values: string[] = [];
    for (let i = start; i < end; i++) values.push(this.#labels[this.#values[i] as number] as string);
    return values;
  }

  /** Flags the ids of the given values (unknown values flag nothing); null when none is known. */
  flags(values: readonly string[]): Uint8Array | null {
    const flags = new Uint8Array(this.#labels.length);
    let known = false;
    for (const value of values) {
      const id = this.#ids.get(normalize(value));
      if (id !== undefined) {
        flags[id] = 1;
        known = true;
      }
    }
    return known ? flags : null;
  }

  /** How many slots hold any of the flagged values (tombstones included): what reading them would cost. */
  slotCountOf(flags: Uint8Array): number {
    let total = 0;
    for (let id = 0; id < flags.length; id++) if (flags[id] === 1) total += this.#slotCounts[id] as number;
    return total;
  }

  /** The slots that hold any of the flagged values, ascending, each once (tombstones included). */
  slotsOf(flags: Uint8Array): Uint32Array {
    const lists: Uint32Array[] = [];
    for (let id = 0; id < flags.length; id++) {
      if (flags[id] === 1) lists.push((this.#slots[id] as Uint32Array).subarray(0, this.#slotCounts[id]));
    }
    if (lists.length === 1) return lists[0] as Uint32Array;
    const all = new Uint32Array(lists.reduce((sum, list) => sum + list.length, 0));
    let at = 0;
    for (const list of lists) {
      all.set(list, at);
      at += list.length;
    }
    // A document with two of the values is in two lists: sorted, its repeats sit together.
    all.sort();
    let kept = 0;
    for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[kept++] = all[i] as number;
    return all.subarray(0, kept);
  }

  hasAny(slot: number, flags: Uint8Array): boolean {
    if (!this.#manyValued) return flags[this.#only[slot] as number] === 1;
    const start = this.#starts[slot] as number;
    const end = start + (this.#counts[slot] as number);
    for (let i = start; i < end; i++) if (flags[this.#values[i] as number] === 1) return true;
    return false;
  }

  /** Counts each value over the given slots. */
  count(slots: ArrayLike<number>): Map<string, number> {
    const counts = new Int32Array(this.#labels.length);
    if (!this.#manyValued) {
      const only = this.#only;
      for (let s = 0; s < slots.length; s++) {
        const id = only[slots[s] as number] as number;
        if (id >= 0) counts[id] = (counts[id] as number) + 1;
      }
      return this.#found(counts);
    }
    // The columns in locals: read once, not once per hit (a search for a common word counts thousands).
    const starts = this.#starts;
    const sizes = this.#counts;
    const values = this.#values;
    for (let s = 0; s < slots.length; s++) {
      const slot = slots[s] as number;
      const start = starts[slot] as number;
      const end = start + (sizes[slot] as number);
      for (let i = start; i < end; i++) {
        const id = values[i] as number;
        counts[id] = (counts[id] as number) + 1;
      }
    }
    return this.#found(counts);
  }

  #found(counts: Int32Array): Map<string, number> {
    const found = new Map<string, number>();
    counts.forEach((count, id) => {
      if (count > 0) found.set(this.#labels[id] as string, count);
    });
    return found;
  }

  /** Moves kept slots down (`remap[old]` is the new slot or -1) and packs the values again. */
  compact(remap: Int32Array, slotCount: number): void {
    const starts = new Int32Array(Math.max(1024, slotCount));
    const counts = new Uint16Array(starts.length);
    const only = new Int32Array(starts.length);
    const values = new Int32Array(Math.max(1024, this.#used));
    let used = 0;
    for (let old = 0; old < remap.length; old++) {
      const slot = remap[old] as number;
      if (slot < 0) continue;
      const start = this.#starts[old] as number;
      const count = this.#counts[old] as number;
      starts[slot] = used;
      counts[slot] = count;
      only[slot] = this.#only[old] as number;
      values.set(this.#values.subarray(start, start + count), used);
      used += count;
    }
    this.#starts = starts;
    this.#counts = counts;
    this.#only = only;
    this.#values = values;
    this.#used = used;
    this.#bits = [];
    for (let id = 0; id < this.#slots.length; id++) {
      const list = this.#slots[id] as Uint32Array;
      const length = this.#slotCounts[id] as number;
      let kept = 0;
      // Kept slots keep their order, so each list stays ascending.
      for (let i = 0; i < length; i++) {
        const slot = remap[list[i] as number] ?? -1;
        if (slot >= 0) list[kept++] = slot;
      }
      this.#slotCounts[id] = kept;
    }
  }
}

/** A number per document (NaN when it has none), for range filters and sorting. */
export class NumberColumn {
  #values = new Float64Array(1024).fill(Number.NaN);
  /** The slots in each direction's sort order, made on first use (sorted-order.ts). */
  #orders: { asc?: SortedOrder; desc?: SortedOrder } = {};

  /** Sets a new slot's value (slots only grow). */
  set(slot: number, value: number | undefined): void {
    if (slot >= this.#values.length) {
      const grown = grow(this.#values, slot + 1);
      grown.fill(Number.NaN, this.#values.length);
      this.#values = grown;
    }
    this.#values[slot] = value ?? Number.NaN;
    this.#orders.asc?.add(slot);
    this.#orders.desc?.add(slot);
  }

  /**
   * The slots below `slotCount` in the order a sort by this column ranks them when relevance ties (a
   * search without words): by value, those without one last, ties by slot.
   */
  order(direction: 'asc' | 'desc', slotCount: number): SortedOrder {
    const sign = direction === 'asc' ? 1 : -1;
    this.#orders[direction] ??= new SortedOrder(slotCount, (a, b) => {
      const va = this.get(a);
      const vb = this.get(b);
      const missingA = Number.isNaN(va);
      const missingB = Number.isNaN(vb);
      if (missingA || missingB) return missingA === missingB ? a - b : missingA ? 1 : -1;
      return (va - vb) * sign || a - b;
    });
    return this.#orders[direction];
  }

  get(slot: number): number {
    return this.#values[slot] ?? Number.NaN;
  }

  /** Inclusive range; a document without a value never passes. */
  within(slot: number, min: number, max: number): boolean {
    const value = this.#values[slot] as number;
    return value >= min && value <= max;
  }

  compact(remap: Int32Array, slotCount: number): void {
    const values = new Float64Array(Math.max(1024, slotCount)).fill(Number.NaN);
    for (let old = 0; old < remap.length; old++) {
      const slot = remap[old] as number;
      if (slot >= 0) values[slot] = this.#values[old] as number;
    }
    this.#values = values;
    this.#orders = {};
  }
}

type Growable = Int32Array | Uint32Array | Uint16Array | Float64Array | Uint8Array;

/** A copy at least `minimum` long, grown by half so repeated single additions stay amortised. */
function grow<T extends Growable>(array: T, minimum: number): T {
  const length = Math.max(minimum, array.length + (array.length >> 1) + 16);
  const grown = new (array.constructor as new (length: number) => T)(length);
  grown.set(array);
  return grown;
}
