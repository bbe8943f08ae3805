// The API's problem titles: every kind of problem has its own title in each language, so a Spanish or
// Dutch reader never gets an English title beside a translated detail.
import { describe, expect, it } from 'vitest';
import { type ProblemSlug, problemTitle } from '#domain/i18n/learning/problem-titles.ts';
import { locales } from '#domain/i18n/locales.ts';
import { problemFor } from '#http/problem.ts';
import { ForbiddenError, NotFoundError, RuleViolationError } from '#domain/errors.ts';
import { formRefusal } from '../../../site/src/lib/command-form.ts';
import { requestLanguage } from '../../../site/src/lib/i18n.ts';

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
  'method-not-allowed',
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

// A rule that keeps its sentence as a message (the assessor rule, the rate card's) gives its error the
// words in every language: the API's detail and the site's forms say it in the reader's language.
describe('a refusal kept as a message', () => {
  const refused = () =>
    new RuleViolationError('no-rate', 'The card has no line.', {
      wordsIn: (locale) =>
        ({ en: 'The card has no line.', es: 'Las tarifas no tienen línea.', nl: 'Geen regel.' })[locale],
    });

  it('is the problem’s detail in the reader’s language, and its English unchanged', () => {
    expect(problemFor(refused(), { exposeInternals: false }).problem.detail).toBe('The card has no line.');
    expect(problemFor(refused(), { exposeInternals: false, locale: 'es' }).problem).toMatchObject({
      detail: 'Las tarifas no tienen línea.',
      rule: 'no-rate',
    });
    expect(problemFor(new ForbiddenError('Not yours.'), { exposeInternals: false, locale: 'nl' }).problem.detail).toBe(
      'Not yours.',
    );
  });

  it('is what a form shows on a page in that language', () => {
    requestLanguage.run('nl', () => {
      expect(formRefusal(refused())).toMatchObject({
        status: 422,
        message: 'Geen regel.',
        errors: { form: 'Geen regel.' },
      });
    });
    expect(formRefusal(refused())?.message).toBe('The card has no line.');
  });
});
