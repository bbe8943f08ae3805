// A syndicate's refusals (i18n/work/syndicate-refusals.ts): a reserved address, a rate card that changes
// only by vote, a request decided already, the last admin; each in English, Spanish and Dutch, the
// English as the API has always answered.
import { describe, expect, it } from 'vitest';
import { locales } from '#domain/i18n/locales.ts';
import { lastAdminWords, type SyndicateRefusal, syndicateRefusalIn } from '#domain/i18n/work/syndicate-refusals.ts';
import { RuleViolationError } from '#domain/errors.ts';
import { lastAdminError } from '#domain/syndicates/syndicate-use-cases.ts';

const every: SyndicateRefusal[] = [
  { key: 'reserved', values: { id: 'admin' } },
  { key: 'rate-card-by-vote', values: { name: 'Riverside Builders', members: 1200 } },
  { key: 'decided', values: { approved: true } },
  { key: 'decided', values: { approved: false } },
];

describe('a syndicate’s refusals', () => {
  it('are worded in each language, each its own, never "undefined"', () => {
    for (const refusal of every) {
      const words = locales.map((locale) => syndicateRefusalIn(refusal, locale));
      expect(new Set(words).size, refusal.key).toBe(locales.length);
      for (const sentence of words) expect(sentence).not.toMatch(/undefined|NaN/);
    }
  });

  it('carry the syndicate’s name and its members, counted as the reader counts', () => {
    const byVote = every[1] as SyndicateRefusal;
    expect(syndicateRefusalIn(byVote, 'en')).toMatch(/^Riverside Builders has 1200 members: its rate card changes/);
    expect(syndicateRefusalIn(byVote, 'es')).toMatch(/^Riverside Builders tiene 1200 miembros: sus tarifas/);
    expect(syndicateRefusalIn(byVote, 'nl')).toMatch(/^Riverside Builders heeft 1\.200 leden: de tariefkaart/);
    expect(syndicateRefusalIn(every[0] as SyndicateRefusal, 'es')).toContain('«admin»');
    expect(syndicateRefusalIn(every[3] as SyndicateRefusal, 'nl')).toBe('Dat verzoek is al afgewezen.');
  });

  it('reach the error the store gives when the last admin would go', () => {
    const error = lastAdminError();
    expect(error).toBeInstanceOf(RuleViolationError);
    expect(error.message).toBe('A syndicate always keeps at least one admin: make someone else admin first.');
    expect(error.wordsIn?.('es')).toBe(
      'Un colectivo siempre conserva al menos un admin: nombra admin a otra persona antes.',
    );
    expect(error.wordsIn?.('nl')).toBe(lastAdminWords.wordsIn('nl'));
    expect(error.wordsIn?.('nl')).not.toBe(error.message);
  });
});
