// An opening's refusals in the reader's language (i18n/work/opening-refusals.ts): a change of status it
// cannot make, publishing past its date, and the rest, each in English, Spanish and Dutch.
import { describe, expect, it } from 'vitest';
import { RuleViolationError } from '#domain/errors.ts';
import { locales } from '#domain/i18n/locales.ts';
import { type OpeningRefusal, openingRefusalIn } from '#domain/i18n/work/opening-refusals.ts';
import { type Opening, transition } from '#domain/openings/opening.ts';
import { thrown } from '../../support/thrown.ts';

const now = new Date('2026-12-07T10:00:00Z');
const opening = (status: Opening['status'], validThrough = '2027-01-31') =>
  ({ id: 'o1', syndicateId: 'riverside', status, validThrough, filled: 0, positions: 1 }) as Opening;

describe('an opening’s refusals in the reader’s language', () => {
  it('says a change of status it cannot make with the statuses in the reader’s words', () => {
    const error = thrown(() => transition(opening('closed'), 'open', now), RuleViolationError);
    expect(error).toMatchObject({
      rule: 'opening-lifecycle',
      message: 'An opening that is closed cannot become open.',
    });
    expect(error.wordsIn?.('es')).toBe('Una vacante con el estado «cerrada» no puede pasar al estado «abierta».');
    expect(error.wordsIn?.('nl')).toBe('Een vacature met de status ‘gesloten’ kan niet de status ‘open’ krijgen.');
  });

  it('asks for a date in the future before publishing, in the reader’s words', () => {
    const error = thrown(() => transition(opening('draft', '2026-12-01'), 'open', now), RuleViolationError);
    expect(error).toMatchObject({ rule: 'opening-expired' });
    expect(error.wordsIn?.('es')).toContain('«Válida hasta»');
    expect(error.wordsIn?.('nl')).toContain('‘Geldig tot’');
  });

  it('words every refusal in each language, each its own, counting filled positions rightly', () => {
    const every: OpeningRefusal[] = [
      { key: 'closed-no-edit', values: {} },
      { key: 'not-taking', values: {} },
      { key: 'no-cv', values: {} },
      { key: 'expired', values: {} },
      { key: 'positions-filled', values: { filled: 1 } },
      { key: 'positions-filled', values: { filled: 3 } },
      { key: 'lifecycle', values: { from: 'filled', to: 'open' } },
    ];
    for (const refusal of every) {
      const words = locales.map((locale) => openingRefusalIn(refusal, locale));
      expect(new Set(words).size).toBe(locales.length);
      for (const sentence of words) expect(sentence).not.toMatch(/undefined/);
    }
    expect(openingRefusalIn(every[4] as OpeningRefusal, 'en')).toBe('1 position is already filled: keep at least 1.');
    expect(openingRefusalIn(every[5] as OpeningRefusal, 'es')).toBe('Ya hay 3 puestos cubiertos: deja al menos 3.');
  });
});
