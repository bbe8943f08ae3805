// The message catalogue is complete in every language, and nothing in it was left in English by mistake.
import { describe, expect, it } from 'vitest';
import { areas } from '#domain/i18n/areas.ts';
import { catalogue, translator } from '#domain/i18n/catalogue.ts';
import { en as coreEn } from '#domain/i18n/en.ts';
import { locales } from '#domain/i18n/locales.ts';
import { fieldNamesEn, plainEn } from '#domain/i18n/plain-en.ts';
import { fieldNamesEs, plainEs } from '#domain/i18n/plain-es.ts';
import { fieldNamesNl, plainNl } from '#domain/i18n/plain-nl.ts';

/**
 * Words that are rightly the same as the English: brand and unit names, and Dutch words English shares
 * ("Menu", "Open", "per week"). Anything else that reads as the English is a translation forgotten.
 */
const coreSameOnPurpose: Record<string, readonly string[]> = {
  es: ['money.bound', 'course.minutes'],
  nl: [
    'money.bound',
    'course.minutes',
    'layout.menu',
    'opening.status.open',
    'money.per',
    'opening.perWeek',
    'money.period.week',
    'per',
    'syndicate.status',
    'jobs.nameIn',
  ],
};
/** The core's list, and each area's own (its es.ts and nl.ts export `sameAsEnglish`). */
const sameOnPurpose: Record<string, readonly string[]> = {
  es: [...(coreSameOnPurpose.es ?? []), ...Object.values(areas).flatMap((area) => area.es.sameAsEnglish)],
  nl: [...(coreSameOnPurpose.nl ?? []), ...Object.values(areas).flatMap((area) => area.nl.sameAsEnglish)],
};

const text = (value: unknown) => (typeof value === 'function' ? value.toString() : String(value));

describe('the message catalogue', () => {
  const english = catalogue.en;

  it('keeps each key in one part only, so joining the core and the areas never replaces a message', () => {
    const parts = [coreEn, ...Object.values(areas).map((area) => area.en)];
    const keys = parts.flatMap((part) => Object.keys(part));
    const twice = keys.filter((key, index) => keys.indexOf(key) !== index);
    expect(twice).toEqual([]);
    expect(Object.keys(english)).toHaveLength(keys.length);
  });
  for (const locale of locales.filter((l) => l !== 'en')) {
    const messages = catalogue[locale];

    it(`has every English key in ${locale}, and no key English lacks`, () => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    });

    it(`gives text where English gives text and a function where English takes values, in ${locale}`, () => {
      for (const key of Object.keys(english) as Array<keyof typeof english>) {
        expect([key, typeof messages[key]]).toEqual([key, typeof english[key]]);
      }
    });

    it(`leaves nothing in English by mistake in ${locale}`, () => {
      const same = (Object.keys(english) as Array<keyof typeof english>).filter(
        (key) => text(messages[key]) === text(english[key]) && !sameOnPurpose[locale]?.includes(key),
      );
      expect(same).toEqual([]);
    });
  }

  it('says a plain-words sentence, a field name, in every language, none left in English by mistake', () => {
    for (const [locale, plain, fields] of [
      ['es', plainEs, fieldNamesEs],
      ['nl', plainNl, fieldNamesNl],
    ] as const) {
      expect(Object.keys(plain).sort()).toEqual(Object.keys(plainEn).sort());
      expect(Object.keys(fields).sort()).toEqual(Object.keys(fieldNamesEn).sort());
      const same = [
        ...Object.entries(plain).filter(([key, value]) => plainEn[key as keyof typeof plainEn] === value),
        ...Object.entries(fields).filter(([key, value]) => fieldNamesEn[key as keyof typeof fieldNamesEn] === value),
      ].map(([key]) => key);
      expect(same.filter((key) => !sameOnPurpose[locale]?.includes(key))).toEqual([]);
    }
  });

  it('keeps every placeholder of a plain-words sentence in its translations', () => {
    const names = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(plainEn) as Array<keyof typeof plainEn>) {
      expect([key, names(plainEs[key])]).toEqual([key, names(plainEn[key])]);
      expect([key, names(plainNl[key])]).toEqual([key, names(plainEn[key])]);
    }
  });

  it('fills a message’s values in each language', () => {
    expect(translator('en')('jobs.total', 1, false)).toBe('1 open opening.');
    expect(translator('es')('jobs.total', 3, false)).toBe('3 ofertas abiertas.');
    expect(translator('nl')('jobs.total', 1, true)).toBe(
      '1 open vacature vraagt om een vaardigheid die je hebt of nastreeft.',
    );
    expect(translator('es')('layout.signIn')).toBe('Entrar');
  });
});
