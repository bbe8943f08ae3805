// An innovation record's refusals (i18n/records/record-refusals.ts): every one in English, Spanish and
// Dutch, each language its own sentence naming what the English names.
import { describe, expect, it } from 'vitest';
import { locales } from '#domain/i18n/locales.ts';
import { type RecordRefusal, recordIssue, recordRefusalIn, recordWords } from '#domain/i18n/records/record-refusals.ts';

const every: RecordRefusal[] = [
  { key: 'invited', values: {} },
  { key: 'nothing-to-publish', values: {} },
  { key: 'last-inventor', values: {} },
  { key: 'too-many-versions', values: { most: 50 } },
  { key: 'published-inventor', values: { version: 3 } },
  { key: 'practice-or-skill', values: {} },
  { key: 'skill-twice', values: {} },
  { key: 'include-yourself', values: {} },
  { key: 'not-a-member', values: {} },
  { key: 'changed-meanwhile', values: {} },
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

  it('name who has not accepted yet as each language lists names, with the verb agreeing', () => {
    const two = { key: 'not-accepted', values: { names: ['Ana Ruiz', 'Ben Okafor'] } } as const;
    expect(recordRefusalIn(two, 'en')).toBe(
      'Not published: Ana Ruiz and Ben Okafor have not accepted these inventors and shares yet. Everyone named, and every inventor of the version a correction changes them in, must accept first.',
    );
    expect(recordRefusalIn(two, 'es')).toMatch(/^No se ha publicado: Ana Ruiz y Ben Okafor todavía no han aceptado /);
    expect(recordRefusalIn(two, 'nl')).toMatch(/^Niet gepubliceerd: Ana Ruiz en Ben Okafor hebben /);
    const one = { key: 'not-accepted', values: { names: ['Ana Ruiz'] } } as const;
    expect(recordRefusalIn(one, 'en')).toMatch(/^Not published: Ana Ruiz has not accepted /);
    expect(recordRefusalIn(one, 'es')).toMatch(/^No se ha publicado: Ana Ruiz todavía no ha aceptado /);
    expect(recordRefusalIn(one, 'nl')).toMatch(/^Niet gepubliceerd: Ana Ruiz heeft /);
    const three = { key: 'not-accepted', values: { names: ['Ana', 'Ben', 'Cy'] } } as const;
    expect(recordRefusalIn(three, 'en')).toMatch(/^Not published: Ana, Ben and Cy have /);
  });

  it('give a field issue its English and its words', () => {
    const { message, wordsIn } = recordIssue({ key: 'include-yourself', values: {} });
    expect(message).toBe('Include yourself: only inventors edit a draft.');
    expect(wordsIn('nl')).toBe('Zet jezelf erbij: alleen uitvinders bewerken een concept.');
  });
});
