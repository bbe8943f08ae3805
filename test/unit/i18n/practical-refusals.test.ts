// Practical work's refusals (i18n/learning/practical-refusals.ts): every one in English, Spanish and
// Dutch, each language its own sentence naming what the English names, the tasks listed as it lists.
import { describe, expect, it } from 'vitest';
import { locales } from '#domain/i18n/locales.ts';
import { type PracticalRefusal, practicalRefusalIn, practicalWords } from '#domain/i18n/learning/practical-refusals.ts';

const every: PracticalRefusal[] = [
  { key: 'credential-held', values: { course: 'Food hygiene basics' } },
  { key: 'quiz-not-passed', values: { course: 'Food hygiene basics' } },
  { key: 'too-many-images', values: { most: 6 } },
  { key: 'other-trade', values: { syndicate: 'Harbour Care' } },
  { key: 'evidence-missing', values: { tasks: ['Clean down', 'Probe a chicken'] } },
  { key: 'evidence-kept', values: {} },
  { key: 'signed-off', values: {} },
  { key: 'no-new-evidence', values: {} },
  { key: 'issued', values: {} },
];

describe('practical work’s refusals', () => {
  it('are worded in each language, each its own, naming what they name, never "undefined"', () => {
    for (const refusal of every) {
      const words = locales.map((locale) => practicalRefusalIn(refusal, locale));
      expect(new Set(words).size).toBe(locales.length);
      for (const sentence of words) {
        expect(sentence).not.toMatch(/undefined/);
        for (const value of Object.values(refusal.values).flat()) expect(sentence).toContain(String(value));
      }
    }
  });

  it('list the tasks without evidence as each language lists them', () => {
    const missing = every[4] as PracticalRefusal;
    expect(practicalRefusalIn(missing, 'en')).toBe(
      'Describe your evidence for every task before asking for an assessment: “Clean down”, “Probe a chicken” have none yet.',
    );
    expect(practicalRefusalIn(missing, 'es')).toContain('«Clean down» y «Probe a chicken» no tienen ninguna todavía.');
    expect(practicalRefusalIn(missing, 'nl')).toContain('‘Clean down’ en ‘Probe a chicken’ hebben er nog geen.');
  });

  it('give an error its English message and its words in the others', () => {
    const [message, { wordsIn }] = practicalWords({ key: 'issued', values: {} });
    expect(message).toBe('The credential for this course is issued already.');
    expect(wordsIn('nl')).toBe('Het diploma voor deze cursus is al uitgereikt.');
  });
});
