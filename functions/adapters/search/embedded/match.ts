// Meilisearch's `last` matching strategy over the term index. The candidates are the documents that
// match the first query word (Meilisearch's universe: it removes every word but the first); each is
// ranked first by how many of the query's words it matches from the start (all words, then all but the
// last, and so on), then by Meilisearch's later rules, folded into points per word and summed:
//   fewer typos ((2 − typos) × 100)  >  better field (title 40, summary 30, skills/trade 20, body 10)
//   >  the word itself rather than a longer word it prefixes (1).
// Proximity is not ranked: it would need word positions, which would double the index.
//
// Why it is fast: words are walked in query order over flat, slot-indexed scratch arrays; a document
// that missed an earlier word is skipped at once, so the work is the length of the postings read, with
// no per-word result sets to build and intersect.
import type { SlotTest } from './filters.ts';
import { type TermIndex, fieldBitCount, fieldMask, fieldRank } from './term-index.ts';
import type { QueryWord } from './text.ts';

export interface Derived {
  term: string;
  /** Typo points, exactness included: (2 − typos) × 100, plus 1 for the query word itself. */
  points: number;
  /** How many normalized characters of the term to highlight: the prefix typed, or the whole word. */
  highlight: number;
}

/**
 * Each query word's derivations that exist in the index: the word itself, its one-word synonyms (as
 * Meilisearch, whole query words only, counted as exact), typo variants, prefixes.
 */
export function deriveWords(
  index: TermIndex,
  words: readonly QueryWord[],
  synonyms: ReadonlyMap<string, readonly string[]> = new Map(),
): Derived[][] {
  return words.map((word) => {
    const derived: Derived[] = [];
    if (index.has(word.text)) derived.push({ term: word.text, points: 201, highlight: word.text.length });
    for (const synonym of synonyms.get(word.text) ?? []) {
      if (index.has(synonym)) derived.push({ term: synonym, points: 200, highlight: synonym.length });
    }
    for (const { term, typos } of index.dictionary.derive(word)) {
      // A word that starts with the typed prefix is marked as far as the prefix; a typo variant, whole.
      const partial = word.prefix && term.startsWith(word.text);
      derived.push({ term, points: (2 - typos) * 100, highlight: partial ? word.text.length : term.length });
    }
    return derived;
  });
}

/** Words matched (from the first) × 4096 + points: room for 10 words of at most 241 points each. */
export const wordsWeight = 4096;
const fieldPoints = Uint8Array.from(fieldRank, (rank) => rank * 10);
const rejected = 1;

export interface Candidates {
  slots: Uint32Array;
  /** Relevance of each candidate, parallel to `slots`. */
  keys: Float64Array;
}

/**
 * Matches a query over flat scratch arrays it keeps from one query to the next. The candidates it returns
 * are views of those arrays, valid until its next call: a search of a common word no longer allocates (and
 * leaves the collector) a megabyte of typed arrays per call.
 */
export class Matcher {
  #count = new Uint8Array(0);
  #score = new Uint16Array(0);
  #best = new Uint8Array(0);
  #universe = new Uint32Array(0);
  #touched = new Uint32Array(0);
  #keys = new Float64Array(0);

  /** Candidates for the derived words among the slots that pass `test`. */
  match(index: TermIndex, derivedWords: readonly Derived[][], test: SlotTest, slotCount: number): Candidates {
    this.#resize(slotCount);
    const count = this.#count;
    const score = this.#score;
    const best = this.#best;
    let universeSize = 0;
    for (let w = 0; w < derivedWords.length; w++) {
      const out = w === 0 ? this.#universe : this.#touched;
      const rejectedSlots: number[] = [];
      let n = 0;
      for (const { term, points } of derivedWords[w] ?? []) {
        const postings = index.postings(term);
        for (let i = 0; i < postings.length; i++) {
          const posting = postings[i] as number;
          const slot = posting >>> fieldBitCount;
          const current = best[slot] as number;
          if (w === 0) {
            if (current === rejected) continue;
            if (current === 0 && !test(slot)) {
              best[slot] = rejected;
              rejectedSlots.push(slot);
              continue;
            }
          } else if (count[slot] !== w) continue;
          const value = points + (fieldPoints[posting & fieldMask] as number);
          if (current === 0) out[n++] = slot;
          if (value > current) best[slot] = value;
        }
      }
      for (const slot of rejectedSlots) best[slot] = 0;
      for (let i = 0; i < n; i++) {
        const slot = out[i] as number;
        count[slot] = w + 1;
        score[slot] = (score[slot] as number) + (best[slot] as number);
        best[slot] = 0;
      }
      if (w === 0) universeSize = n;
      // A document that misses this word cannot be credited with any later one.
      if (n === 0) break;
    }
    const slots = this.#universe.subarray(0, universeSize);
    const keys = this.#keys.subarray(0, universeSize);
    for (let i = 0; i < universeSize; i++) {
      const slot = slots[i] as number;
      keys[i] = (count[slot] as number) * wordsWeight + (score[slot] as number);
      count[slot] = 0;
      score[slot] = 0;
    }
    return { slots, keys };
  }

  #resize(slotCount: number): void {
    if (this.#count.length >= slotCount) return;
    const size = slotCount + (slotCount >> 1) + 1024;
    this.#count = new Uint8Array(size);
    this.#score = new Uint16Array(size);
    this.#best = new Uint8Array(size);
    this.#universe = new Uint32Array(size);
    this.#touched = new Uint32Array(size);
    this.#keys = new Float64Array(size);
  }

  /**
   * Every slot that passes `test`, all equally relevant: a placeholder search. With `among` (a list
   * filter's slots, ascending) only those are tested, so the cost follows the filter's documents rather
   * than the index's.
   */
  everything(test: SlotTest, slotCount: number, among?: Uint32Array): Candidates {
    this.#resize(slotCount);
    const buffer = this.#universe;
    let n = 0;
    if (among !== undefined) {
      for (let i = 0; i < among.length; i++) {
        const slot = among[i] as number;
        if (test(slot)) buffer[n++] = slot;
      }
    } else {
      for (let slot = 0; slot < slotCount; slot++) if (test(slot)) buffer[n++] = slot;
    }
    const keys = this.#keys.subarray(0, n);
    keys.fill(0);
    return { slots: buffer.subarray(0, n), keys };
  }
}

/**
 * One document's relevance key as Matcher.match computes it, from the document's words (each with the
 * mask of the fields it occurs in): undefined when it misses the first query word (not a candidate);
 * 0 for a query without words. For answers kept through writes (kept-queries.ts).
 */
export function documentKey(
  derivedWords: readonly Derived[][],
  masks: ReadonlyMap<string, number>,
): number | undefined {
  let matched = 0;
  let score = 0;
  for (const derived of derivedWords) {
    let best = 0;
    for (const { term, points } of derived) {
      const mask = masks.get(term);
      if (mask === undefined) continue;
      const value = points + (fieldPoints[mask & fieldMask] as number);
      if (value > best) best = value;
    }
    if (best === 0) break;
    matched++;
    score += best;
  }
  if (derivedWords.length > 0 && matched === 0) return undefined;
  return matched * wordsWeight + score;
}

/** Every slot that passes `test` (among `among`'s, when given), in arrays of its own: see Matcher.everything. */
export function everything(test: SlotTest, slotCount: number, among?: Uint32Array): Candidates {
  return new Matcher().everything(test, slotCount, among);
}
