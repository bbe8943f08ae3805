// "Did you mean …?" for a search that found nothing: each query word the commons does not use is
// replaced by the nearest word it does (course titles, skills, trades), allowing more typos than the
// engine's own tolerance (none under 5 letters, which is why "solr" finds nothing). The page offers the
// suggestion only when searching for it finds something.

/** Lower case, without diacritics: "Café" and "cafe" are one word, as the search engine reads them. */
function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** The vocabulary suggestions are drawn from: every word of these texts, with how often it occurs. */
export function vocabularyOf(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const word of wordsOf(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

const maxWords = 10;

/** Edits allowed to reach a known word: one up to 4 letters, two up to 8, three beyond. */
function editBudget(word: string): number {
  return word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
}

/**
 * Optimal string alignment distance (insert, delete, substitute, swap two neighbours), stopping early
 * once every path costs more than `limit`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The query with each unknown word replaced by its nearest known word, or undefined if none changed. */
export function spellingSuggestion(query: string, vocabulary: ReadonlyMap<string, number>): string | undefined {
  let changed = false;
  // The engine reads the first 10 words of a query; so does this.
  const suggested = wordsOf(query)
    .slice(0, maxWords)
    .map((word) => {
      // Numbers, and words of one or two letters (any of which is a typo of many), stay as typed.
      if (vocabulary.has(word) || /^\d+$/.test(word) || word.length < 3) return word;
      const budget = editBudget(word);
      let best: { word: string; distance: number; count: number } | undefined;
      for (const [known, count] of vocabulary) {
        const distance = editDistance(word, known, budget);
        if (distance > budget) continue;
        // Nearest first; between equals, the word the commons uses most, then the alphabet (stable answers).
        if (
          !best ||
          distance < best.distance ||
          (distance === best.distance && (count > best.count || (count === best.count && known < best.word)))
        )
          best = { word: known, distance, count };
      }
      if (!best) return word;
      changed = true;
      return best.word;
    });
  return changed ? suggested.join(' ') : undefined;
}
