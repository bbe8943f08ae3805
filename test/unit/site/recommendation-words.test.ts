// A member's recommendations in their language: the site's words for a goal and a course's reason read,
// in English, exactly as the API's, and in Spanish and Dutch as those languages say them.
import { describe, expect, it } from 'vitest';
import { translator } from '#domain/i18n/catalogue.ts';
import { goalWordsEn, reasonWordsEn } from '#domain/shortages/reason-words.ts';
import { recommendationWords } from '../../../site/src/lib/recommendation-words.ts';

const english = recommendationWords(translator('en'));

describe('a recommendation in words', () => {
  it('reads in English exactly as the API words it', () => {
    for (const labels of [['Wiring'], ['Wiring', 'Testing'], ['Wiring', 'Testing', 'Isolation']]) {
      expect(english.goal.skills(labels)).toBe(goalWordsEn.skills(labels));
      expect(english.goal.phrase(labels)).toBe(goalWordsEn.phrase(labels));
      expect(english.reason.inShortage(labels)).toBe(reasonWordsEn.inShortage(labels));
      expect(english.reason.because('you aim for X', labels)).toBe(reasonWordsEn.because('you aim for X', labels));
    }
    expect(english.goal.path('Electrician')).toBe(goalWordsEn.path('Electrician'));
    expect(english.goal.trade('Construction')).toBe(goalWordsEn.trade('Construction'));
    for (const n of [1, 2]) {
      expect(english.reason.asked(n, n, 'Wiring')).toBe(reasonWordsEn.asked(n, n, 'Wiring'));
      expect(english.reason.holdPrerequisites(1, n)).toBe(reasonWordsEn.holdPrerequisites(1, n));
      expect(english.reason.unlocks(n)).toBe(reasonWordsEn.unlocks(n));
      expect(english.reason.alreadyHold(n)).toBe(reasonWordsEn.alreadyHold(n));
    }
    expect(english.reason.buildsOn('Wiring')).toBe(reasonWordsEn.buildsOn('Wiring'));
    expect(english.reason.noneAsked).toBe(reasonWordsEn.noneAsked);
    expect(english.reason.needsNothing).toBe(reasonWordsEn.needsNothing);
  });

  it('says a reason and a goal in Spanish and Dutch', () => {
    const spanish = recommendationWords(translator('es'));
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
    const dutch = recommendationWords(translator('nl'));
    expect(dutch.reason.sentence([dutch.reason.holdPrerequisites(1, 2), dutch.reason.unlocks(3)])).toBe(
      'Je beheerst 1 van de 2 vereiste vaardigheden; na deze cursus kom je in aanmerking voor 3 vacatures meer.',
    );
  });
});
