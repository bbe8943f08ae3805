// Wraps the words a query matched in <mark>, and HTML-escapes everything else, so a title such as
// "<script>" reaches the page as text. Like Meilisearch, a word matched exactly or with typos is marked
// whole, and a word matched as a prefix is marked as far as the prefix goes ("<mark>carp</mark>entry").
import type { Derived } from './match.ts';
import { escapeHtml } from '#domain/content/html.ts';
import { displayLengthOf, displayWords, type QueryWord } from './text.ts';

/** Normalized word → normalized characters to mark, from every query word's derivations. */
export type Marks = Map<string, number>;

export function marksFor(derivedWords: readonly Derived[][]): Marks {
  const marks: Marks = new Map();
  for (const derived of derivedWords) {
    for (const { term, highlight } of derived) marks.set(term, Math.max(marks.get(term) ?? 0, highlight));
  }
  return marks;
}

export function highlight(text: string, marks: Marks, words: readonly QueryWord[]): string {
  const prefix = words.at(-1)?.prefix ? words.at(-1)?.text : undefined;
  let html = '';
  let shown = 0;
  for (const word of displayWords(text)) {
    let length = marks.get(word.normalized);
    // Derivations stop at Meilisearch's limits (1000 prefixes); a shown word that starts with the prefix
    // still matched.
    if (length === undefined && prefix !== undefined && word.normalized.startsWith(prefix)) length = prefix.length;
    if (length === undefined) continue;
    const original = text.slice(word.start, word.end);
    const end = word.start + displayLengthOf(original, length);
    html += `${escapeHtml(text.slice(shown, word.start))}<mark>${escapeHtml(text.slice(word.start, end))}</mark>`;
    shown = end;
  }
  return html + escapeHtml(text.slice(shown));
}
