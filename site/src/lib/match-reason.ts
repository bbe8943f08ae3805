// Why an opening suits the signed-in person, in the page's language: the board words it from the match's
// skills and the goal as the page says it, with best-match.ts's rule (the API's `match.reason`).
import { matchWordsIn } from '#domain/i18n/learning/reason-words.ts';
import type { Locale } from '#domain/i18n/locales.ts';
import { type Match, matchReasonOf } from '#domain/openings/best-match.ts';

export function matchReason(
  locale: Locale,
  match: Pick<Match, 'held' | 'missing' | 'aimedFor' | 'inShortage'>,
  label: (skill: string) => string,
  goalPhrase?: string | undefined,
): string {
  return matchReasonOf(match, label, goalPhrase, matchWordsIn(locale));
}
