// Sets of slots as bits in 32-bit words (bit `slot & 31` of word `slot >>> 5`), as Meilisearch keeps its
// sets in bitmaps: a search without words then costs the index's words (slots / 32) for its total and for
// each facet value's count, not its hits one by one.

/** Words needed for `slotCount` slots. */
export function wordsFor(slotCount: number): number {
  return (slotCount + 31) >>> 5;
}

/** A copy of `bits` at least `words` long (the new words empty), or `bits` itself when it is. */
export function widen(bits: Uint32Array<ArrayBuffer>, words: number): Uint32Array<ArrayBuffer> {
  if (bits.length >= words) return bits;
  const wider = new Uint32Array(Math.max(words, bits.length + (bits.length >> 1) + 8));
  wider.set(bits);
  return wider;
}

export function setBit(bits: Uint32Array, slot: number): void {
  const word = slot >>> 5;
  bits[word] = (bits[word] as number) | (1 << (slot & 31));
}

export function clearBit(bits: Uint32Array, slot: number): void {
  const word = slot >>> 5;
  bits[word] = (bits[word] as number) & ~(1 << (slot & 31));
}

export function hasBit(bits: Uint32Array, slot: number): boolean {
  return (((bits[slot >>> 5] as number) >>> (slot & 31)) & 1) === 1;
}

/** Set bits in one 32-bit word. */
export function popcount32(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** How many slots are in `bits` (its first `words` words). */
export function cardinality(bits: Uint32Array, words: number): number {
  let total = 0;
  for (let i = 0; i < words; i++) total += popcount32(bits[i] as number);
  return total;
}

/** How many slots are in both sets, over their first `words` words. */
export function andCardinality(a: Uint32Array, b: Uint32Array, words: number): number {
  let total = 0;
  const end = Math.min(words, a.length, b.length);
  for (let i = 0; i < end; i++) total += popcount32((a[i] as number) & (b[i] as number));
  return total;
}

/** The slots of `bits`, ascending, into `out` from 0, stopping at `limit`; returns how many. */
export function slotsOf(bits: Uint32Array, words: number, out: Uint32Array, limit: number): number {
  let n = 0;
  for (let i = 0; i < words && n < limit; i++) {
    let word = bits[i] as number;
    while (word !== 0 && n < limit) {
      const low = word & -word;
      out[n++] = (i << 5) + (31 - Math.clz32(low));
      word ^= low;
    }
  }
  return n;
}
