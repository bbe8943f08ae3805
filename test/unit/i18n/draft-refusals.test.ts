// A record draft's content and a plan's people refused (i18n/records/draft-refusals.ts): every refusal in
// English, Spanish and Dutch, each language its own sentence naming the guide or skill the English names.
import { describe, expect, it } from 'vitest';
import { commonsIssues, resolveShares } from '#domain/innovations/innovation.ts';
import { locales } from '#domain/i18n/locales.ts';
import { type DraftRefusal, draftRefusalIn, draftWords } from '#domain/i18n/records/draft-refusals.ts';
import { ValidationError } from '#domain/errors.ts';
import { thrown } from '../../support/thrown.ts';

const every: DraftRefusal[] = [
  { key: 'shares-whole', values: {} },
  { key: 'share-everyone', values: {} },
  { key: 'not-active-member', values: {} },
  { key: 'unknown-practice', values: { id: 'lime-mortar' } },
  { key: 'unknown-skill', values: { id: 'tiling-99' } },
];

describe('a record draft’s refusals', () => {
  it('are worded in each language, each its own, naming the guide or skill, never "undefined"', () => {
    for (const refusal of every) {
      const words = locales.map((locale) => draftRefusalIn(refusal, locale));
      expect(new Set(words).size).toBe(locales.length);
      for (const sentence of words) {
        expect(sentence).not.toMatch(/undefined/);
        for (const value of Object.values(refusal.values)) expect(sentence).toContain(`"${value}"`);
      }
    }
  });

  it('reach the field issue an unknown skill is refused with, in English as the API always answered', () => {
    const known = { practices: new Map(), skills: new Map([['carpentry', {}]]) };
    const [issue] = commonsIssues({ practice: undefined, skills: ['tiling-99'] }, known);
    expect(issue?.field).toBe('body.skills.0');
    expect(issue?.message).toBe('unknown skill "tiling-99"');
    expect(issue?.wordsIn?.('es')).toBe('no hay ninguna competencia "tiling-99"');
    expect(issue?.wordsIn?.('nl')).toBe('er is geen vaardigheid "tiling-99"');
  });

  it('reach the error shares that do not make a whole are refused with', () => {
    const error = thrown(
      () =>
        resolveShares(
          [
            { personId: 'a', basisPoints: 5000 },
            { personId: 'b', basisPoints: 4000 },
          ],
          'body.inventors',
        ),
      ValidationError,
    );
    expect(error.message).toBe(draftWords({ key: 'shares-whole', values: {} }).message);
    expect(error.wordsIn?.('es')).toBe('Las participaciones no suman un todo.');
  });
});
