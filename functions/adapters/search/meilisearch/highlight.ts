// Highlighted text as safe HTML. Meilisearch returns `_formatted` text as it was stored, with its tags
// around matched words and nothing escaped, so a title such as "<script>" would reach the page as markup.
// Meilisearch is therefore asked for placeholder tags (private-use characters, which escaping leaves
// alone); the text is escaped first and only then are the placeholders swapped for <mark>.

export const highlightPreTag = '\u{E000}';
export const highlightPostTag = '\u{E001}';

import { escapeHtml } from '#domain/content/html.ts';

/**
 * `formatted` with its matches in <mark> and everything else escaped. When `formatted` is not exactly
 * `original` plus balanced placeholder tags (the original itself holds a placeholder character, or the
 * engine cropped or changed the text), marks cannot be told from text: the original is shown unmarked.
 */
export function highlightedHtml(formatted: unknown, original: string): string {
  if (typeof formatted !== 'string' || !isOriginalWithTags(formatted, original)) return escapeHtml(original);
  return escapeHtml(formatted).replaceAll(highlightPreTag, '<mark>').replaceAll(highlightPostTag, '</mark>');
}

function isOriginalWithTags(formatted: string, original: string): boolean {
  let open = false;
  let plain = '';
  for (const char of formatted) {
    if (char === highlightPreTag || char === highlightPostTag) {
      if (open !== (char === highlightPostTag)) return false;
      open = !open;
    } else {
      plain += char;
    }
  }
  return !open && plain === original;
}
