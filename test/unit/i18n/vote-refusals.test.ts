// A vote's and a draft's refusals (i18n/work/vote-refusals.ts): every one in English, Spanish and Dutch,
// moments written as the reader writes them (in UTC), the English as the API has always answered.
import { describe, expect, it } from 'vitest';
import { locales } from '#domain/i18n/locales.ts';
import { type VoteRefusal, voteRefusalIn, voteWords } from '#domain/i18n/work/vote-refusals.ts';
import { checkOpen } from '#domain/decisions/vote.ts';
import { ConflictError } from '#domain/errors.ts';
import type { Proposal } from '#domain/decisions/proposal.ts';
import { thrown } from '../../support/thrown.ts';

const every: VoteRefusal[] = [
  { key: 'draft', values: {} },
  { key: 'conflict', values: {} },
  { key: 'not-on-circle', values: {} },
  { key: 'open-already', values: {} },
  { key: 'opened-meanwhile', values: {} },
  { key: 'closed', values: { at: '2026-12-01T09:30:00.000Z' } },
  { key: 'not-member', values: { scope: 'commons' } },
  { key: 'not-member', values: { scope: 'syndicate:riverside' } },
  { key: 'joined-after', values: { since: '2026-12-02T08:00:00.000Z', openedAt: '2026-12-01T08:00:00.000Z' } },
  { key: 'stale', values: { version: 2, read: 1 } },
  { key: 'policy', values: {} },
  { key: 'secret-names', values: {} },
  { key: 'open-until', values: { at: '2026-12-08T17:00:00.000Z' } },
  { key: 'not-member-open', values: { scope: 'syndicate:riverside' } },
  { key: 'secret', values: { scope: 'commons' } },
  { key: 'not-party', values: { scope: 'syndicate:riverside' } },
  { key: 'not-published', values: { id: 'rec-7' } },
  { key: 'adopted', values: { syndicate: 'riverside' } },
  { key: 'circle-most', values: { amount: 125_000n } },
  { key: 'scope-kind', values: { kind: 'membership', scopes: ['syndicate'] } },
  { key: 'scope-kind', values: { kind: 'sense-check', scopes: ['commons', 'syndicate'] } },
  { key: 'min-days', values: { kind: 'credit-limit', days: 3 } },
  { key: 'credit-max', values: { amount: 10_000_000n } },
  { key: 'no-holder', values: { holder: 'person', account: 'nobody-7' } },
  { key: 'no-holder', values: { holder: 'syndicate', account: 'nobody-7' } },
  { key: 'nobody', values: { person: 'nobody-7' } },
  { key: 'member-already', values: { person: 'nobody-7' } },
  { key: 'is-not-member', values: { person: 'nobody-7' } },
  { key: 'admin-already', values: { person: 'nobody-7' } },
  { key: 'not-admin', values: { person: 'nobody-7' } },
  { key: 'not-steward', values: { person: 'nobody-7' } },
  { key: 'no-report', values: { report: 'rep-3', record: 'rec-7' } },
  { key: 'circle-scope', values: { syndicate: 'riverside' } },
  { key: 'not-disputed', values: { status: 'confirmed' } },
];

describe('a vote’s and a draft’s refusals', () => {
  it('are worded in each language, each its own, never "undefined" or "Invalid Date"', () => {
    for (const refusal of every) {
      const words = locales.map((locale) => voteRefusalIn(refusal, locale));
      expect(new Set(words).size).toBe(locales.length);
      for (const sentence of words) expect(sentence).not.toMatch(/undefined|Invalid Date/);
    }
  });

  it('write when voting closed as the reader writes a moment, in English as it was stored', () => {
    const closed = every[5] as VoteRefusal;
    expect(voteRefusalIn(closed, 'en')).toBe('Voting on this proposal closed at 2026-12-01T09:30:00.000Z.');
    expect(voteRefusalIn(closed, 'es')).toBe(
      'La votación de esta propuesta se cerró el 1 de diciembre de 2026 a las 9:30 UTC.',
    );
    expect(voteRefusalIn(closed, 'nl')).toBe('De stemming over dit voorstel sloot op 1 december 2026 om 09:30 UTC.');
  });

  it('reach the error a closed proposal refuses a vote with', () => {
    const proposal = { status: 'closed', closedAt: '2026-12-01T09:30:00.000Z' } as Proposal;
    const error = thrown(() => checkOpen(proposal, new Date('2026-12-07T10:00:00Z')), ConflictError);
    expect(error.message).toBe(voteWords(every[5] as VoteRefusal)[0]);
    expect(error.wordsIn?.('es')).toBe(voteRefusalIn(every[5] as VoteRefusal, 'es'));
  });

  it('name the syndicate, the record and the amount they refuse, the amount grouped as the reader groups digits', () => {
    for (const refusal of every) {
      for (const locale of locales) {
        const sentence = voteRefusalIn(refusal, locale);
        if ('scope' in refusal.values && refusal.values.scope !== 'commons') expect(sentence).toContain('riverside');
        if ('syndicate' in refusal.values) expect(sentence).toContain(refusal.values.syndicate);
        if ('id' in refusal.values) expect(sentence).toContain('"rec-7"');
      }
    }
    const most = { key: 'circle-most', values: { amount: 125_000n } } as const;
    expect(voteRefusalIn(most, 'en')).toBe(
      'A circle may settle at most the reported 125000 minor units (or less, or nothing).',
    );
    expect(voteRefusalIn(most, 'es')).toContain('125.000 unidades menores');
    expect(voteRefusalIn(most, 'nl')).toContain('125.000 kleinste eenheden');
  });

  it('say until when a proposal is open as the reader writes a moment, and the commons in their words', () => {
    const until = { key: 'open-until', values: { at: '2026-12-08T17:00:00.000Z' } } as const;
    expect(voteRefusalIn(until, 'en')).toBe(
      'Voting on this proposal is open until 2026-12-08T17:00:00.000Z; it can be closed then.',
    );
    expect(voteRefusalIn(until, 'es')).toContain('hasta el 8 de diciembre de 2026 a las 17:00 UTC');
    expect(voteRefusalIn(until, 'nl')).toContain('tot 8 december 2026 om 17:00 UTC');
    const secret = { key: 'secret', values: { scope: 'commons' } } as const;
    expect(voteRefusalIn(secret, 'en')).toContain('only members of the commons see the counts');
    expect(voteRefusalIn(secret, 'es')).toContain('solo los miembros del procomún ven el recuento');
    expect(voteRefusalIn(secret, 'nl')).toContain('alleen leden van de commons zien de tellingen');
  });

  it('word a proposal’s and a circle’s checks with the kind, the person, the report and the days they name', () => {
    for (const refusal of every) {
      for (const locale of locales) {
        const sentence = voteRefusalIn(refusal, locale);
        if ('person' in refusal.values || 'account' in refusal.values) expect(sentence).toContain('nobody-7');
        if ('report' in refusal.values) expect(sentence).toMatch(/"rep-3".*"rec-7"/);
        if ('scopes' in refusal.values) expect(sentence).toContain('"syndicate:<id>"');
      }
    }
    const days = { key: 'min-days', values: { kind: 'credit-limit', days: 3 } } as const;
    expect(voteRefusalIn(days, 'en')).toBe('A proposal on an account’s credit limit stays open at least 3 days.');
    expect(voteRefusalIn(days, 'es')).toBe(
      'Una propuesta sobre el límite de crédito de una cuenta queda abierta al menos 3 días.',
    );
    expect(voteRefusalIn(days, 'nl')).toBe(
      'Een voorstel over de kredietlimiet van een rekening staat minstens 3 dagen open.',
    );
    const both = { key: 'scope-kind', values: { kind: 'sense-check', scopes: ['commons', 'syndicate'] } } as const;
    expect(voteRefusalIn(both, 'en')).toBe(
      'A proposal on a sense check (decides nothing by itself) is decided in "commons" or "syndicate:<id>".',
    );
    expect(voteRefusalIn(both, 'es')).toContain('se decide en "commons" o "syndicate:<id>"');
    expect(voteRefusalIn(both, 'nl')).toContain('wordt beslist in "commons" of "syndicate:<id>"');
    const credit = { key: 'credit-max', values: { amount: 10_000_000n } } as const;
    expect(voteRefusalIn(credit, 'en')).toBe('One credit limit gives at most 10000000 minor units.');
    expect(voteRefusalIn(credit, 'es')).toContain('10.000.000 unidades menores');
    expect(voteRefusalIn(credit, 'nl')).toContain('10.000.000 kleinste eenheden');
    const status = { key: 'not-disputed', values: { status: 'confirmed' } } as const;
    expect(voteRefusalIn(status, 'en')).toBe('Only a disputed report goes to a circle; this one is confirmed.');
    expect(voteRefusalIn(status, 'es')).toContain('este está confirmado');
    expect(voteRefusalIn(status, 'nl')).toContain('dit is bevestigd');
  });
});
