// What a search that found nothing offers instead: a spelling it would find something for, checked with
// one more search (never offered blind), drawn from the words the commons itself uses.
import type { SearchParams } from '#http/routes/queries.ts';
import { toSearchQuery } from '#http/routes/queries.ts';
import { searchPage } from '#domain/search/search-page.ts';
import type { SearchIndex } from '#domain/search/search-port.ts';
import { spellingSuggestion, vocabularyOf } from '#domain/search/spelling.ts';
import { getCommons } from './commons.ts';

let vocabulary: Map<string, number> | undefined;

/** Every word of the trades, skills and courses (titles and summaries): read once per process. */
function commonsVocabulary(): Map<string, number> {
  if (!vocabulary) {
    const commons = getCommons();
    vocabulary = vocabularyOf([
      ...commons.trades.map((trade) => trade.label),
      ...[...commons.skills.values()].map((skill) => skill.label),
      ...[...commons.courses.values()].flatMap((course) => [course.title, course.summary]),
    ]);
  }
  return vocabulary;
}

/** A respelled query that finds something with the same filters, or undefined. */
export async function suggestedSpelling(search: SearchIndex, params: SearchParams): Promise<string | undefined> {
  const candidate = params.q ? spellingSuggestion(params.q, commonsVocabulary()) : undefined;
  if (!candidate) return undefined;
  const found = await searchPage(search, toSearchQuery({ ...params, q: candidate }), { limit: 1 });
  return found.total > 0 ? candidate : undefined;
}
