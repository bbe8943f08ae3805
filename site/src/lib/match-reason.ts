// Why an opening suits the signed-in person, in the page's language: best-match.ts words the same
// reason in English for the API (`match.reason`); the board words it from the match's skills instead.
import type { Translate } from '#domain/i18n/catalogue.ts';
import type { Match } from '#domain/openings/best-match.ts';

export function matchReason(
  t: Translate,
  match: Pick<Match, 'held' | 'missing' | 'aimedFor' | 'inShortage'>,
  label: (skill: string) => string,
  goalPhrase?: string | undefined,
): string {
  // held and missing split the opening's distinct skills, so together they are all it asks for.
  const parts = [t('match.hold', match.held.length, match.held.length + match.missing.length)];
  if (match.aimedFor.length > 0 && goalPhrase) parts.push(t('match.because', goalPhrase));
  if (match.inShortage.length > 0)
    parts.push(t('match.inShortage', t('common.list', match.inShortage.map(label)), match.inShortage.length === 1));
  return `${parts.join('; ')}.`;
}
