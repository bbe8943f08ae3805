// A goal and a recommendation's reason in the page's language: the catalogue's `goal.*` and `reason.*`
// filled into the parts the domain joins (domain/shortages/reason-words.ts, whose English is the API's).
import type { Translate } from '#domain/i18n/catalogue.ts';
import { type GoalWords, listJoinedBy, type ReasonWords, sentenceOf } from '#domain/shortages/reason-words.ts';

export function recommendationWords(t: Translate): { goal: GoalWords; reason: ReasonWords } {
  const list = listJoinedBy(t('words.and'));
  return {
    goal: {
      path: (label) => t('goalWords.path', label),
      trade: (label) => t('goalWords.trade', label),
      skills: (labels) => t('goalWords.skills', list(labels)),
      phrase: (parts) => t('goalWords.phrase', parts.join(t('words.and'))),
    },
    reason: {
      asked: (positions, syndicates, skill) => t('reason.asked', positions, syndicates, skill),
      noneAsked: t('reason.noneAsked'),
      needsNothing: t('reason.needsNothing'),
      holdPrerequisites: (held, total) => t('reason.holdPrerequisites', held, total),
      buildsOn: (skill) => t('reason.buildsOn', skill),
      unlocks: (openings) => t('reason.unlocks', openings),
      alreadyHold: (skills) => t('reason.alreadyHold', skills),
      inShortage: (skills) => t('reason.inShortage', list(skills), skills.length),
      because: (goal, skills) => t('reason.because', goal, list(skills)),
      sentence: sentenceOf,
    },
  };
}
