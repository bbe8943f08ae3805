// A goal in the reader's words ("you aim for the Solar installer path and for A, B and C"): the
// domain's goalPhrase says it in English for the API and the board's reasons; a page says it in its
// language, with the catalogue's words and the language's own way of listing ("A, B y C").
import type { Translate } from '#domain/i18n/catalogue.ts';
import { intlTags, type Locale } from '#domain/i18n/locales.ts';
import type { Goal } from '#domain/people/goal.ts';

interface GoalNames {
  paths?: ReadonlyMap<string, { label: string }> | undefined;
  trades: ReadonlyArray<{ id: string; label: string }>;
  skills: ReadonlyMap<string, { label: string }>;
}

export function goalInWords(
  goal: Goal | undefined,
  names: GoalNames,
  t: Translate,
  locale: Locale,
): string | undefined {
  if (!goal) return undefined;
  const parts: string[] = [];
  const path = goal.path ? names.paths?.get(goal.path) : undefined;
  if (path) parts.push(t('goal.aim.path', path.label));
  const trade = goal.trade ? names.trades.find((candidate) => candidate.id === goal.trade) : undefined;
  if (trade) parts.push(t('goal.aim.trade', trade.label));
  const labels = goal.skills.map((skill) => names.skills.get(skill)?.label ?? skill);
  if (labels.length > 0) {
    parts.push(t('goal.aim.skills', new Intl.ListFormat(intlTags[locale], { type: 'conjunction' }).format(labels)));
  }
  return parts.length > 0 ? t('goal.aim', parts) : undefined;
}
