// An innovation record's refusals (i18n/records/record-refusals.ts): every one in English, Spanish and
// Dutch, each language its own sentence naming what the English names.
import { describe, expect, it } from 'vitest';
import { locales } from '#domain/i18n/locales.ts';
import { type RecordRefusal, recordRefusalIn, recordWords } from '#domain/i18n/records/record-refusals.ts';

const every: RecordRefusal[] = [
  { key: 'invited', values: {} },
  { key: 'nothing-to-publish', values: {} },
  { key: 'last-inventor', values: {} },
  { key: 'too-many-versions', values: { most: 50 } },
  { key: 'published-inventor', values: { version: 3 } },
];

describe('an innovation record’s refusals', () => {
  it('are worded in each language, each its own, naming the count or version, never "undefined"', () => {
    for (const refusal of every) {
      const words = locales.map((locale) => recordRefusalIn(refusal, locale));
      expect(new Set(words).size).toBe(locales.length);
      for (const sentence of words) {
        expect(sentence).not.toMatch(/undefined/);
        for (const value of Object.values(refusal.values)) expect(sentence).toContain(String(value));
      }
    }
  });

  it('give an error its English, as the API always answered, and its words in the others', () => {
    const [message, { wordsIn }] = recordWords({ key: 'nothing-to-publish', values: {} });
    expect(message).toBe('This record has no draft to publish.');
    expect(wordsIn('es')).toBe('Este registro no tiene ningún borrador que publicar.');
  });
});
