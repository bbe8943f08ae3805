// The API's problem titles: every kind of problem has its own title in each language, so a Spanish or
// Dutch reader never gets an English title beside a translated detail.
import { describe, expect, it } from 'vitest';
import { type ProblemSlug, problemTitle } from '#domain/i18n/learning/problem-titles.ts';
import { locales } from '#domain/i18n/locales.ts';
import { problemFor } from '#http/problem.ts';
import { NotFoundError, RuleViolationError } from '#domain/errors.ts';

const slugs: ProblemSlug[] = [
  'validation',
  'unauthenticated',
  'forbidden',
  'not-found',
  'conflict',
  'payload-too-large',
  'unsupported-media-type',
  'unprocessable',
  'rule-violation',
  'rate-limited',
  'busy',
  'store-unavailable',
  'search-unavailable',
  'not-configured',
];

describe('a problem’s title', () => {
  it('is worded in Spanish and Dutch for every kind of problem, each different from the English and the others', () => {
    for (const locale of locales.filter((locale) => locale !== 'en')) {
      const titles = slugs.map((slug) => problemTitle(slug, locale));
      expect(
        titles.every((title, i) => title.length > 0 && title !== problemTitle(slugs[i] as ProblemSlug, 'en')),
      ).toBe(true);
      expect(new Set(titles).size).toBe(slugs.length);
    }
  });

  it('is chosen by the reader’s language while the type and status stay the same', () => {
    const english = problemFor(new NotFoundError('course', 'x'), { exposeInternals: false });
    const dutch = problemFor(new NotFoundError('course', 'x'), { exposeInternals: false, locale: 'nl' });
    expect(english.problem).toMatchObject({ title: 'Not found', status: 404 });
    expect(dutch.problem).toMatchObject({ title: 'Niet gevonden', status: 404, type: english.problem.type });
    expect(
      problemFor(new RuleViolationError('x', 'A rule.'), { exposeInternals: false, locale: 'es' }).problem.title,
    ).toBe('El cambio incumple una regla');
  });
});
