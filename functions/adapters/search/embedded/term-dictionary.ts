// The sorted list of words that typo tolerance and prefix search look through, and the rules that pick
// a query word's derivations: Meilisearch's (milli `compute_derivations.rs`), which are
// - typos are Damerau-Levenshtein edits (a swap of two neighbours is one typo);
// - a typo on the first letter counts as two, so a one-typo word keeps its first letter and a two-typo
//   word may change its first letter only if the rest is at most one edit away;
// - a prefix word matches words that start with it, or, with typos, words that start with something
//   within its typo budget;
// - at most 1000 prefix, 150 one-typo and 50 two-typo derivations, in dictionary order.
//
// The walk is a trie walk done on a sorted array: consecutive words share their edit-distance rows up to
// their common prefix, and a branch whose row is already over budget is skipped with a binary search.
import type { QueryWord } from './text.ts';

export const derivationLimits = { prefix: 1000, oneTypo: 150, twoTypos: 50 } as const;

/** Words longer than this get no typo tolerance (Meilisearch's limit is 250 bytes). */
const maxTypoWordLength = 48;

export interface Derivation {
  term: string;
  typos: number;
}

/** How many query words keep their derivations until the dictionary changes. */
const keptDerivations = 256;

export class TermDictionary {
  #sorted: string[] = [];
  #pending: string[] = [];
  /**
   * Recent query words' derivations, until a word is added or dropped: they depend on the words alone,
   * so a write that brings no new word (most do not) leaves them true, and a search after it skips the
   * dictionary walk.
   */
  readonly #derived = new Map<string, readonly Derivation[]>();

  /** Adds a word not yet in the dictionary (the caller keeps words unique). */
  add(term: string): void {
    this.#pending.push(term);
    this.#derived.clear();
  }

  /** Keeps only the words `keep` accepts, in order (used when the index is compacted). */
  retain(keep: (term: string) => boolean): void {
    this.#sorted = this.sorted().filter(keep);
    this.#derived.clear();
  }

  /** Every word in the dictionary that `word` matches, except the word itself, with its typo count. */
  derive(word: QueryWord): readonly Derivation[] {
    const key = `${word.typos}${word.prefix ? 'p' : 'w'}${word.text}`;
    let found = this.#derived.get(key);
    if (found === undefined) {
      found = this.#derive(word);
      if (this.#derived.size >= keptDerivations) this.#derived.delete(this.#derived.keys().next().value as string);
      this.#derived.set(key, found);
    }
    return found;
  }

  /** The words in code-unit order; words added since the last call are merged in first. */
  sorted(): string[] {
    if (this.#pending.length > 0) {
      this.#sorted = mergeSorted(this.#sorted, this.#pending.sort());
      this.#pending = [];
    }
    return this.#sorted;
  }

  #derive(word: QueryWord): Derivation[] {
    const terms = this.sorted();
    const found: Derivation[] = [];
    const q = word.text;
    const budget = q.length > maxTypoWordLength ? 0 : word.typos;
    const counts = [0, 0, 0];
    const limits = [word.prefix ? derivationLimits.prefix : 0, derivationLimits.oneTypo, derivationLimits.twoTypos];
    const visit = (index: number, typos: number): boolean => {
      const term = terms[index] as string;
      const counted = counts[typos] as number;
      if (term !== q && counted < (limits[typos] as number)) {
        counts[typos] = counted + 1;
        found.push({ term, typos });
      }
      return counts.some((count, typos) => typos <= budget && count < (limits[typos] as number));
    };
    if (budget === 0) {
      if (word.prefix) {
        const start = lowerBound(terms, q, 0, terms.length);
        const end = prefixEnd(terms, q, start, terms.length);
        for (let i = start; i < end; i++) if (!visit(i, 0)) break;
      }
      return found;
    }
    const first = q.slice(0, 1);
    const blockStart = lowerBound(terms, first, 0, terms.length);
    const blockEnd = prefixEnd(terms, first, blockStart, terms.length);
    scan(terms, blockStart, blockEnd, q, budget, word.prefix, visit);
    if (budget === 2) {
      // Other first letters: the first-letter typo spends both typos, so the rest must be one edit away.
      const otherFirst = (index: number) => visit(index, 2);
      scan(terms, 0, blockStart, q, 1, word.prefix, otherFirst);
      scan(terms, blockEnd, terms.length, q, 1, word.prefix, otherFirst);
    }
    return found;
  }
}

/**
 * Calls `visit(index, distance)` for each term in terms[from, to) within `budget` edits of `q` (of a
 * prefix of the term when `prefix`), in order, until `visit` returns false.
 */
export function scan(
  terms: readonly string[],
  from: number,
  to: number,
  q: string,
  budget: number,
  prefix: boolean,
  visit: (index: number, distance: number) => boolean,
): void {
  const width = q.length + 1;
  const maxDepth = q.length + budget;
  // rows[d * width + j]: edits between the term's first d letters and the query's first j letters.
  const rows = new Int32Array((maxDepth + 1) * width);
  // best[d]: the fewest edits between the whole query and any prefix of the term up to length d.
  const best = new Int32Array(maxDepth + 1);
  for (let j = 0; j < width; j++) rows[j] = j;
  best[0] = q.length;
  let previous = '';
  let valid = 0;
  let i = from;
  while (i < to) {
    const term = terms[i] as string;
    let depth = 0;
    const shared = Math.min(valid, term.length, previous.length);
    while (depth < shared && term.charCodeAt(depth) === previous.charCodeAt(depth)) depth++;
    const deepest = Math.min(term.length, maxDepth);
    let pruned = -1;
    for (let d = depth + 1; d <= deepest && pruned < 0; d++) {
      const min = fillRow(rows, width, d, term, q);
      best[d] = Math.min(best[d - 1] as number, rows[d * width + width - 1] as number);
      // Nothing below this branch can come back under budget, unless the query is already matched as a
      // prefix of this branch.
      if (min > budget && !(prefix && (best[d] as number) <= budget)) pruned = d;
    }
    previous = term;
    if (pruned >= 0) {
      valid = pruned;
      i = prefixEnd(terms, term.slice(0, pruned), i + 1, to);
      continue;
    }
    valid = deepest;
    // Longer words than the query plus its budget can only match as prefixes.
    const whole = term.length > maxDepth ? budget + 1 : (rows[deepest * width + width - 1] as number);
    const distance = prefix ? (best[deepest] as number) : whole;
    if (distance <= budget && !visit(i, distance)) return;
    i++;
  }
}

/** Computes row `d` of the Damerau (optimal string alignment) table; returns the row's minimum. */
function fillRow(rows: Int32Array, width: number, d: number, term: string, q: string): number {
  const c = term.charCodeAt(d - 1);
  const before = d > 1 ? term.charCodeAt(d - 2) : -1;
  const row = d * width;
  const up = row - width;
  rows[row] = d;
  let min = d;
  for (let j = 1; j < width; j++) {
    const qc = q.charCodeAt(j - 1);
    let value = (rows[up + j - 1] as number) + (qc === c ? 0 : 1);
    const deletion = (rows[row + j - 1] as number) + 1;
    if (deletion < value) value = deletion;
    const insertion = (rows[up + j] as number) + 1;
    if (insertion < value) value = insertion;
    if (j > 1 && qc === before && q.charCodeAt(j - 2) === c) {
      const swap = (rows[up - width + j - 2] as number) + 1;
      if (swap < value) value = swap;
    }
    rows[row + j] = value;
    if (value < min) min = value;
  }
  return min;
}

function lowerBound(terms: readonly string[], key: string, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((terms[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The end of the run of terms starting with `prefix` that begins at `from`. */
function prefixEnd(terms: readonly string[], prefix: string, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((terms[mid] as string).startsWith(prefix)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function mergeSorted(a: string[], b: string[]): string[] {
  const merged = new Array<string>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length)
    merged[k++] = (a[i] as string) <= (b[j] as string) ? (a[i++] as string) : (b[j++] as string);
  while (i < a.length) merged[k++] = a[i++] as string;
  while (j < b.length) merged[k++] = b[j++] as string;
  return merged;
}
