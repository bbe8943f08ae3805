// Text rules shared by indexing, querying and highlighting, so that a word is the same word in all three.
// They follow Meilisearch's tokenizer (charabia) for Latin scripts: a word is a run of letters and digits,
// compared without case or diacritics ("Café" and "cafe" are one word).

const NON_ASCII = /[\u0080-\uffff]/;
const COMBINING_MARKS = /\p{M}/gu;
const WORD = /[\p{L}\p{N}]+/gu;
// Most text is ASCII; its plain character class is several times faster than the Unicode one.
const ASCII_WORD = /[a-z0-9]+/g;
// Highlighting keeps combining marks inside a word so that a decomposed "é" does not split it.
const DISPLAY_WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Meilisearch stops reading a query after 10 words; so do we. */
export const maxQueryWords = 10;

export function normalize(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** The normalized words of a text, in order, repeats included. */
export function words(text: string): string[] {
  const normalized = normalize(text);
  return normalized.match(NON_ASCII.test(normalized) ? WORD : ASCII_WORD) ?? [];
}

export interface QueryWord {
  text: string;
  /** Typos this word may carry: Meilisearch's defaults (under 5 characters none, under 9 one, else two). */
  typos: 0 | 1 | 2;
  /** Only the last word matches as a prefix, and only while the person is still typing it. */
  prefix: boolean;
}

export function parseQuery(text: string): QueryWord[] {
  const found = words(text).slice(0, maxQueryWords);
  // A query that ends in a separator ("oak ") has a finished last word, as in Meilisearch.
  const lastIsPrefix = !/[^\p{L}\p{N}\p{M}]$/u.test(text);
  return found.map((word, index) => ({
    text: word,
    typos: typoBudget(word),
    prefix: lastIsPrefix && index === found.length - 1,
  }));
}

export function typoBudget(word: string): 0 | 1 | 2 {
  const length = codePointLength(word);
  if (length < 5) return 0;
  return length < 9 ? 1 : 2;
}

function codePointLength(word: string): number {
  let length = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 0xdc00 || code > 0xdfff) length++;
  }
  return length;
}

export interface DisplayWord {
  start: number;
  end: number;
  normalized: string;
}

/** Words of a text as shown, with their offsets, for highlighting. */
export function displayWords(text: string): DisplayWord[] {
  const found: DisplayWord[] = [];
  for (const match of text.matchAll(DISPLAY_WORD)) {
    found.push({ start: match.index, end: match.index + match[0].length, normalized: normalize(match[0]) });
  }
  return found;
}

/** How many characters of `word` (as shown) it takes to cover `normalizedLength` normalized characters. */
export function displayLengthOf(word: string, normalizedLength: number): number {
  let covered = 0;
  let index = 0;
  for (const char of word) {
    if (covered >= normalizedLength) break;
    covered += normalize(char).length;
    index += char.length;
  }
  // Trailing combining marks belong to the last covered letter.
  while (index < word.length && /\p{M}/u.test(word[index] ?? '')) index++;
  return index;
}
