// The registry log's reads and a credit limit refused (i18n/records/registry-refusals.ts): every refusal
// in English, Spanish and Dutch, the size written as the reader groups digits.
import { describe, expect, it } from 'vitest';
import { locales } from '#domain/i18n/locales.ts';
import { type RegistryRefusal, registryRefusalIn, registryWords } from '#domain/i18n/records/registry-refusals.ts';

const every: RegistryRefusal[] = [
  { key: 'first-size', values: {} },
  { key: 'limit-positive', values: {} },
  { key: 'size-range', values: { size: 42 } },
  { key: 'leaf-below', values: { size: 42 } },
  { key: 'from-most', values: { size: 42 } },
];

describe('the registry log’s refusals', () => {
  it('are worded in each language, each its own, naming the size, never "undefined"', () => {
    for (const refusal of every) {
      const words = locales.map((locale) => registryRefusalIn(refusal, locale));
      expect(new Set(words).size).toBe(locales.length);
      for (const sentence of words) {
        expect(sentence).not.toMatch(/undefined/);
        for (const value of Object.values(refusal.values)) expect(sentence).toContain(String(value));
      }
    }
  });

  it('keep the English the API always answered and group a large size as the reader does', () => {
    const big = { key: 'from-most', values: { size: 200_000 } } as const;
    expect(registryWords(big).message).toBe("Enter at most the log's size, 200000.");
    expect(registryWords(big).wordsIn('es')).toBe('Introduce como máximo el tamaño del registro público, 200.000.');
    expect(registryWords(big).wordsIn('nl')).toBe('Vul hoogstens de grootte van het openbare register in, 200.000.');
  });
});
