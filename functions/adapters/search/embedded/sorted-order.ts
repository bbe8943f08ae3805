// A number column's slots in one sort's order (Meilisearch's sort: by the value in the direction asked,
// documents without the value last, ties by insertion order), kept up to date as documents are added, so
// a search without words sorted by the column reads its order from the top and stops once its page is
// full, instead of ranking every hit. Built on its first use; new slots wait in a small sorted run that is
// merged in once it grows, so a write costs a binary search, not a sort of the index.

/** Slots added since the last merge, at most this many by default, before they join the main order. */
const defaultPendingLimit = 1024;

export class SortedOrder {
  #main: Uint32Array;
  #pending: number[] = [];
  readonly #before: (a: number, b: number) => number;
  readonly #pendingLimit: number;

  /** `before(a, b)` is negative when slot `a` comes first; slots 0 to `slotCount` − 1 are every slot so far. */
  constructor(slotCount: number, before: (a: number, b: number) => number, pendingLimit = defaultPendingLimit) {
    this.#before = before;
    this.#pendingLimit = pendingLimit;
    this.#main = Uint32Array.from({ length: slotCount }, (_, i) => i).sort(before);
  }

  /** A new slot (slots only grow). */
  add(slot: number): void {
    const pending = this.#pending;
    let low = 0;
    let high = pending.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.#before(pending[middle] as number, slot) < 0) low = middle + 1;
      else high = middle;
    }
    pending.splice(low, 0, slot);
    if (pending.length >= this.#pendingLimit) this.#merge();
  }

  /**
   * Calls `visit` with each slot in order until it returns true (enough found) or every slot is read.
   */
  walk(visit: (slot: number) => boolean): void {
    const main = this.#main;
    const pending = this.#pending;
    const before = this.#before;
    let i = 0;
    let j = 0;
    while (i < main.length || j < pending.length) {
      let slot: number;
      if (j >= pending.length || (i < main.length && before(main[i] as number, pending[j] as number) < 0)) {
        slot = main[i++] as number;
      } else slot = pending[j++] as number;
      if (visit(slot)) return;
    }
  }

  #merge(): void {
    const merged = new Uint32Array(this.#main.length + this.#pending.length);
    let n = 0;
    this.walk((slot) => {
      merged[n++] = slot;
      return false;
    });
    this.#main = merged;
    this.#pending = [];
  }
}
