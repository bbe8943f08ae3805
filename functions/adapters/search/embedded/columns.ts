// Filter, facet and sort fields kept column-wise by slot, so that a filter or a facet count over 100,000
// hits reads flat typed arrays instead of 100,000 objects.
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

  set(slot: number, values: readonly string[]): void {
    if (slot >= this.#starts.length) {
      this.#starts = grow(this.#starts, slot + 1);
      this.#counts = grow(this.#counts, slot + 1);
    }
    const unique = new Set(values.map((value) => this.#intern(value)));
    if (this.#used + unique.size > this.#values.length) this.#values = grow(this.#values, this.#used + unique.size);
    this.#starts[slot] = this.#used;
    this.#counts[slot] = unique.size;
    for (const id of unique) this.#values[this.#used++] = id;
  }

  #intern(value: string): number {
    const key = normalize(value);
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = this.#labels.length;
      this.#ids.set(key, id);
      this.#labels.push(value);
    }
    return id;
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

  hasAny(slot: number, flags: Uint8Array): boolean {
    const start = this.#starts[slot] as number;
    const end = start + (this.#counts[slot] as number);
    for (let i = start; i < end; i++) if (flags[this.#values[i] as number] === 1) return true;
    return false;
  }

  /** Counts each value over the given slots. */
  count(slots: ArrayLike<number>): Map<string, number> {
    const counts = new Int32Array(this.#labels.length);
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
    const values = new Int32Array(Math.max(1024, this.#used));
    let used = 0;
    for (let old = 0; old < remap.length; old++) {
      const slot = remap[old] as number;
      if (slot < 0) continue;
      const start = this.#starts[old] as number;
      const count = this.#counts[old] as number;
      starts[slot] = used;
      counts[slot] = count;
      values.set(this.#values.subarray(start, start + count), used);
      used += count;
    }
    this.#starts = starts;
    this.#counts = counts;
    this.#values = values;
    this.#used = used;
  }
}

/** A number per document (NaN when it has none), for range filters and sorting. */
export class NumberColumn {
  #values = new Float64Array(1024).fill(Number.NaN);

  set(slot: number, value: number | undefined): void {
    if (slot >= this.#values.length) {
      const grown = grow(this.#values, slot + 1);
      grown.fill(Number.NaN, this.#values.length);
      this.#values = grown;
    }
    this.#values[slot] = value ?? Number.NaN;
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
  }
}

type Growable = Int32Array | Uint16Array | Float64Array | Uint8Array;

/** A copy at least `minimum` long, grown by half so repeated single additions stay amortised. */
function grow<T extends Growable>(array: T, minimum: number): T {
  const length = Math.max(minimum, array.length + (array.length >> 1) + 16);
  const grown = new (array.constructor as new (length: number) => T)(length);
  grown.set(array);
  return grown;
}
