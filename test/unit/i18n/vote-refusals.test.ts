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
});
