// A member's recommendations in their language: the words for a goal, a course's reason and a match's
// reason (i18n/learning/reason-words.ts, the page's and the API's alike), in Spanish and Dutch as those
// languages say them.
import { describe, expect, it } from 'vitest';
import { matchWordsIn, type RecommendationWords } from '#domain/i18n/learning/reason-words.ts';
import { goalWordsEn, type MatchWords, matchWordsEn, reasonWordsEn } from '#domain/shortages/reason-words.ts';
import { recommendationWords } from '../../../site/src/lib/recommendation-words.ts';

const parts = (words: RecommendationWords & { match: MatchWords }): string[] => {
  const labels = ['Wiring', 'Testing'];
  return [
    words.goal.path('Electrician'),
    words.goal.trade('Construction'),
    words.goal.skills(labels),
    words.goal.phrase(labels),
    ...[1, 2].flatMap((n) => [
      words.reason.asked(n, n, 'Wiring'),
      words.reason.holdPrerequisites(1, n),
      words.reason.unlocks(n),
      words.reason.alreadyHold(n),
      words.match.hold(1, n),
    ]),
    words.reason.noneAsked,
    words.reason.needsNothing,
    words.reason.buildsOn('Wiring'),
    words.reason.inShortage(labels),
    words.reason.because('X', labels),
    words.match.because('X'),
    words.match.inShortage(labels),
  ];
};

describe('a recommendation in words', () => {
  it('has every part in Spanish and Dutch, each its own, never "undefined"', () => {
    const english = parts({ ...recommendationWords('en'), match: matchWordsIn('en') });
    expect(english).toEqual(parts({ goal: goalWordsEn, reason: reasonWordsEn, match: matchWordsEn }));
    for (const locale of ['es', 'nl'] as const) {
      const words = parts({ ...recommendationWords(locale), match: matchWordsIn(locale) });
      words.forEach((part, i) => {
        expect(part).not.toBe(english[i]);
        expect(part).not.toMatch(/undefined|NaN/);
      });
    }
  });

  it('says a reason and a goal in Spanish and Dutch', () => {
    const spanish = recommendationWords('es');
    const reason = spanish.reason;
    expect(
      reason.sentence([
        reason.because(spanish.goal.phrase([spanish.goal.trade('Construcción')]), ['Tabiques']),
        reason.asked(1, 1, 'Tabiques'),
        reason.inShortage(['Tabiques', 'Yeso']),
      ]),
    ).toBe(
      'Como buscas trabajar en construcción, enseña Tabiques; 1 puesto abierto en 1 colectivo pide Tabiques; Tabiques y Yeso escasean.',
    );
    const dutch = recommendationWords('nl');
    expect(dutch.reason.sentence([dutch.reason.holdPrerequisites(1, 2), dutch.reason.unlocks(3)])).toBe(
      'Je beheerst 1 van de 2 vereiste vaardigheden; na deze cursus kom je in aanmerking voor 3 vacatures meer.',
    );
  });
});
