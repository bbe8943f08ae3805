import { describe, expect, it } from 'vitest';
import { translator } from '../../../functions/domain/i18n/catalogue.ts';
import { formats } from '../../../functions/domain/i18n/format.ts';
import type { Locale } from '../../../functions/domain/i18n/locales.ts';
import type { PersonShare } from '../../../functions/domain/innovations/innovation.ts';
import { awaiting, type ReportDecisions } from '../../../functions/domain/innovations/separation-of-duties.ts';
import { needsInWords } from '../../../site/src/lib/report-needs.ts';

const inventors: PersonShare[] = [
  { personId: 'ana', basisPoints: 6_667 },
  { personId: 'ben', basisPoints: 3_333 },
];
// Ben, an inventor who also reported it as an admin of the Mill, is the only one to have confirmed.
const pending: ReportDecisions = {
  reportedBy: 'ben',
  confirmations: [{ personId: 'ben', at: '2026-11-02T10:00:00.000Z' }],
  conflicted: ['ben'],
};
const inWords = (locale: Locale) => {
  const t = translator(locale);
  return needsInWords(t, formats(locale, t).number, pending, inventors, 'The Mill');
};

describe('what a pending value report waits for, on the record’s page', () => {
  it('says it in English word for word as the API does', () => {
    expect(inWords('en')).toEqual(awaiting(pending, inventors, 'The Mill'));
  });

  it('says it in Spanish and in Dutch, the confirmed share written the reader’s way', () => {
    expect(inWords('es')).toEqual([
      'la confirmación de inventores con más de la mitad de las participaciones (de momento, un 33,33 %)',
      'la decisión de alguien que no esté en ambos lados: un inventor que no administre The Mill, o alguien que administre The Mill y no sea inventor',
    ]);
    expect(inWords('nl')[0]).toBe(
      'bevestiging door uitvinders met meer dan de helft van de aandelen (tot nu toe 33,33%)',
    );
    expect(inWords('nl')[1]).toContain('geen beheerder van The Mill');
  });
});
