// What the decisions and hiring pages say of a proposal and an application, in the reader's language:
// the same functions, given a page's words, speak Spanish or Dutch (numbers as each writes them), and
// without them still say the English the browser tests read.
import { describe, expect, it } from 'vitest';
import type { Proposal } from '#domain/decisions/proposal.ts';
import { translator } from '#domain/i18n/catalogue.ts';
import { confirmationsIn, declineReasonOptions } from '../../../site/src/lib/hiring-form.ts';
import { pageLanguage } from '../../../site/src/lib/i18n.ts';
import { changeInWords, passingInWords, stateInWords } from '../../../site/src/lib/proposal-view.ts';

const spanish = pageLanguage({ locale: 'es' });
const dutch = pageLanguage({ locale: 'nl' });
const creditLimit = {
  kind: 'credit-limit',
  status: 'open',
  closesAt: '2026-12-10T09:30:00.000Z',
  eligible: 5,
  threshold: { num: 1, den: 2 },
  change: { account: 'person:ana', credit: 123_450n },
} as unknown as Proposal;

describe('a proposal in words, in the reader’s language', () => {
  it('says what a credit limit changes with the amount written as each language writes it', () => {
    expect(changeInWords(creditLimit)).toBe('person:ana may go down to −1,234.50 Bound (its credit limit).');
    expect(changeInWords(creditLimit, spanish)).toBe(
      'person:ana puede bajar hasta −1234,50 Bound (su límite de crédito).',
    );
    expect(changeInWords(creditLimit, dutch)).toBe('person:ana mag tot −1.234,50 Bound zakken (de kredietlimiet).');
  });

  it('says how many yes votes it needs and until when it is open, in Spanish and Dutch', () => {
    expect(passingInWords(creditLimit, spanish)).toMatch(/^Se aprueba con al menos 3 votos a favor de los 5 miembros/);
    expect(passingInWords(creditLimit, dutch)).toMatch(/^Het is aangenomen met minstens 3 stemmen voor van de 5 leden/);
    expect(stateInWords(creditLimit, spanish)).toBe('Abierta a votación hasta el 2026-12-10 09:30 UTC.');
    expect(stateInWords(creditLimit)).toBe('Open for votes until 2026-12-10 09:30 UTC.');
  });
});

describe('the hiring loop’s confirmations, in the reader’s language', () => {
  it('asks before declining an applicant, and offers the reasons, in Dutch', () => {
    const nl = translator('nl');
    expect(confirmationsIn(nl).decline.title).toBe('Deze sollicitant afwijzen?');
    expect(confirmationsIn(nl).accept.consequence('Trap')).toContain('‘Trap’');
    expect(declineReasonOptions(nl).map((o) => o.value)).toContain('skills');
    expect(declineReasonOptions(nl)[0]?.label).toBe('De gevraagde vaardigheden sluiten niet goed genoeg aan');
  });
});
