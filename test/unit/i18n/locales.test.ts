import { describe, expect, it } from 'vitest';
import { localeOfPath, localizedPath, negotiateLocale } from '#domain/i18n/locales.ts';

describe('choosing a language', () => {
  it.each([
    ['nl-NL,nl;q=0.9,en;q=0.8', 'nl'],
    ['es-MX', 'es'],
    ['en-GB,en;q=0.9,es;q=0.5', 'en'],
    ['fr-FR,fr;q=0.9,es;q=0.4', 'es'],
    ['de, nl;q=0', undefined],
    ['es;q=0.2, nl;q=0.7', 'nl'],
    ['*', undefined],
    ['', undefined],
    [null, undefined],
    ['es;q=abc', 'es'],
  ])('prefers the language of Accept-Language %j among ours', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it.each([
    ['/es/jobs/', 'es', '/jobs/'],
    ['/nl/', 'nl', '/'],
    ['/nl', 'nl', '/'],
    ['/jobs/', 'en', '/jobs/'],
    ['/espresso/', 'en', '/espresso/'],
    ['/', 'en', '/'],
  ])('reads the language of %s from its prefix', (path, locale, rest) => {
    expect(localeOfPath(path)).toEqual({ locale, rest });
  });

  it('prefixes a path for Spanish and Dutch and leaves English unprefixed', () => {
    expect(localizedPath('es', '/jobs/')).toBe('/es/jobs/');
    expect(localizedPath('nl', '/')).toBe('/nl/');
    expect(localizedPath('en', '/jobs/')).toBe('/jobs/');
  });
});
