import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RuleViolationError } from '#domain/errors.ts';
import {
  consentState,
  consentsAfter,
  declined,
  invitedAfter,
  mayEdit,
  missingConsents,
  recordPeople,
  requiredConsents,
  roleIn,
  sameTerms,
  sharesWithout,
} from '#domain/innovations/consent.ts';
import type { PersonShare } from '#domain/innovations/innovation.ts';
import { WHOLE } from '#domain/ledger/shares.ts';

const terms = (...pairs: Array<[string, number]>): PersonShare[] =>
  pairs.map(([personId, basisPoints]) => ({ personId, basisPoints }));
const draft = (inventors: PersonShare[], acceptedBy: string[] = [], invited: string[] = []) => ({
  inventors,
  acceptedBy,
  invited,
});
const v1 = { inventors: terms(['ana', 7000], ['ben', 3000]), version: 1 };

describe('who must accept a draft', () => {
  it.each([
    ['a first draft: everyone it names', draft(terms(['ana', 5000], ['cy', 5000])), null, ['ana', 'cy']],
    ['a correction keeping the terms: its inventors, who agreed them before', draft(v1.inventors), v1, ['ana', 'ben']],
    [
      'a correction keeping the terms listed in another order',
      draft(terms(['ben', 3000], ['ana', 7000])),
      v1,
      ['ben', 'ana'],
    ],
    ['a correction changing the shares: everyone of both', draft(terms(['ben', 10_000])), v1, ['ben', 'ana']],
    [
      'a correction adding someone: the newcomer too',
      draft(terms(['ana', 6000], ['ben', 3000], ['cy', 1000])),
      v1,
      ['ana', 'ben', 'cy'],
    ],
  ])('%s', (_case, version, replaced, want) => {
    expect(requiredConsents(version, replaced)).toEqual(want);
  });

  it('names who has not accepted yet, and no one once all have', () => {
    expect(missingConsents(draft(terms(['ben', 10_000]), ['ben']), v1)).toEqual(['ana']);
    expect(missingConsents(draft(terms(['ben', 10_000]), ['ben', 'ana']), v1)).toEqual([]);
    expect(missingConsents(draft(terms(['ana', 5000], ['cy', 5000]), ['ana'], ['cy']), null)).toEqual(['cy']);
  });

  it('treats the same people with the same shares in any order as the same terms, and nothing else', () => {
    expect(sameTerms({ inventors: terms(['a', 1], ['b', 2]) }, { inventors: terms(['b', 2], ['a', 1]) })).toBe(true);
    expect(sameTerms({ inventors: terms(['a', 1], ['b', 2]) }, { inventors: terms(['a', 2], ['b', 1]) })).toBe(false);
    expect(sameTerms({ inventors: terms(['a', 1]) }, { inventors: terms(['a', 1], ['b', 0]) })).toBe(false);
    expect(sameTerms({ inventors: terms(['a', 1], ['b', 0]) }, { inventors: terms(['a', 1], ['c', 0]) })).toBe(false);
  });
});

describe('consents after an edit', () => {
  const before = draft(terms(['ana', 7000], ['ben', 3000]), ['ana', 'ben']);
  it.each([
    ['keeps them when the terms stay', before.inventors, null, 'ben', ['ana', 'ben']],
    ['resets them to the editor when a share changes', terms(['ana', 6000], ['ben', 4000]), null, 'ben', ['ben']],
    ['resets them when someone is added', terms(['ana', 7000], ['ben', 2000], ['cy', 1000]), null, 'ana', ['ana']],
    ['restores those of the replaced version when the terms return to its', v1.inventors, v1, 'ben', ['ana', 'ben']],
  ])('%s', (_case, inventors, replaced, editor, want) => {
    const changed = draft(terms(['ana', 5000], ['ben', 5000]), ['ben']);
    const start = replaced ? changed : before;
    expect(consentsAfter(start, inventors, replaced, editor).sort()).toEqual(want);
  });

  it('gives no one’s consent when a decline changes the terms', () => {
    expect(consentsAfter(before, terms(['ana', 10_000]), null, null)).toEqual([]);
  });
});

describe('invitations', () => {
  it('invites everyone newly named, and never the editor or the replaced version’s inventors', () => {
    expect(invitedAfter(null, terms(['ana', 5000], ['cy', 5000]), null, 'ana')).toEqual(['cy']);
    expect(invitedAfter(draft(v1.inventors), terms(['ana', 5000], ['ben', 4000], ['cy', 1000]), v1, 'ana')).toEqual([
      'cy',
    ]);
  });

  it('keeps those who joined joined and those invited invited, whoever edits', () => {
    const before = draft(terms(['ana', 4000], ['ben', 3000], ['cy', 3000]), ['ana', 'ben'], ['cy']);
    expect(invitedAfter(before, terms(['ana', 5000], ['ben', 2000], ['cy', 3000]), null, 'ben')).toEqual(['cy']);
    // Taken off and named again, someone is asked again.
    expect(invitedAfter(draft(terms(['ana', 10_000])), terms(['ana', 5000], ['ben', 5000]), null, 'ana')).toEqual([
      'ben',
    ]);
  });

  it('lets a joined inventor or a left-out inventor of the published version edit, and no one invited', () => {
    const version = draft(terms(['ben', 5000], ['cy', 5000]), ['ben'], ['cy']);
    expect(roleIn(version, v1, 'ben')).toBe('inventor');
    expect(roleIn(version, v1, 'cy')).toBe('invited');
    expect(roleIn(version, v1, 'ana')).toBe('removed');
    expect(roleIn(version, v1, 'dee')).toBeNull();
    expect(roleIn(version, null, 'ana')).toBeNull();
    expect([mayEdit('inventor'), mayEdit('removed'), mayEdit('invited'), mayEdit(null)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('declining', () => {
  it('takes the decliner off, rescales the others and asks them again', () => {
    const version = draft(terms(['ana', 6000], ['ben', 3000], ['cy', 1000]), ['ana', 'ben'], ['cy']);
    expect(declined(version, null, 'cy')).toEqual({
      inventors: terms(['ana', 6667], ['ben', 3333]),
      invited: [],
      acceptedBy: [],
    });
  });

  it('refuses to take off an inventor of the published version, or the last inventor who joined', () => {
    const rule = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        if (error instanceof RuleViolationError) return error.rule;
        throw error;
      }
      return 'accepted';
    };
    expect(rule(() => declined(draft(terms(['ana', 5000], ['cy', 5000]), [], ['cy']), v1, 'ana'))).toBe(
      'published-inventor',
    );
    expect(rule(() => declined(draft(terms(['ana', 5000], ['cy', 5000]), ['ana'], ['cy']), null, 'ana'))).toBe(
      'last-inventor',
    );
    expect(rule(() => declined(draft(terms(['cy', 10_000]), ['cy']), v1, 'cy'))).toBe('last-inventor');
    expect(rule(() => declined(draft(terms(['ana', 5000], ['cy', 5000]), ['ana'], ['cy']), null, 'cy'))).toBe(
      'accepted',
    );
  });
});

describe('a departing share', () => {
  it.each([
    [
      'in proportion, the leftover point to the larger remainder',
      terms(['a', 6000], ['b', 3000], ['c', 1000]),
      'c',
      terms(['a', 6667], ['b', 3333]),
    ],
    [
      'equal remainders to the smaller id',
      terms(['b', 2500], ['a', 2500], ['c', 5000]),
      'c',
      terms(['b', 5000], ['a', 5000]),
    ],
    [
      'three ways, from a zero-share leaver',
      terms(['a', 3334], ['b', 3333], ['c', 3333], ['d', 0]),
      'd',
      terms(['a', 3334], ['b', 3333], ['c', 3333]),
    ],
    [
      'equally, when the others held nothing',
      terms(['a', 0], ['b', 0], ['c', 10_000]),
      'c',
      terms(['a', 5000], ['b', 5000]),
    ],
    ['keeps a zero share at zero', terms(['a', 0], ['b', 4000], ['c', 6000]), 'c', terms(['a', 0], ['b', 10_000])],
  ])('is spread %s', (_case, inventors, leaver, want) => {
    expect(sharesWithout(inventors, leaver)).toEqual(want);
  });

  it('leaves shares that still sum to 10,000, each within one point of its exact proportion', () => {
    const holders = fc
      .uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 20 })
      .chain((ids) =>
        fc.array(fc.nat({ max: WHOLE }), { minLength: ids.length - 1, maxLength: ids.length - 1 }).map((cuts) => {
          const points = [0, ...cuts.sort((a, b) => a - b), WHOLE];
          return ids.map((personId, i) => ({ personId, basisPoints: (points[i + 1] ?? 0) - (points[i] ?? 0) }));
        }),
      );
    fc.assert(
      fc.property(holders, fc.nat(), (inventors, pick) => {
        const leaver = inventors[pick % inventors.length]?.personId ?? '';
        const after = sharesWithout(inventors, leaver);
        expect(after.reduce((sum, share) => sum + share.basisPoints, 0)).toBe(WHOLE);
        expect(after.map((share) => share.personId)).toEqual(
          inventors.map((i) => i.personId).filter((id) => id !== leaver),
        );
        const others = inventors.filter((i) => i.personId !== leaver);
        const held = others.reduce((sum, i) => sum + i.basisPoints, 0);
        for (const [index, share] of after.entries()) {
          const exact = held === 0 ? WHOLE / others.length : ((others[index]?.basisPoints ?? 0) * WHOLE) / held;
          expect(Math.abs(share.basisPoints - exact)).toBeLessThan(1);
          expect(share.basisPoints).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('what the record shows', () => {
  it('lists as inventors only those who joined a first draft, and the published ones once it is public', () => {
    const version = draft(terms(['ana', 5000], ['cy', 5000]), ['ana'], ['cy']);
    expect(recordPeople(null, version)).toEqual({ inventorIds: ['ana'], draftPeopleIds: ['ana', 'cy'] });
    expect(recordPeople(v1, version)).toEqual({ inventorIds: ['ana', 'ben'], draftPeopleIds: ['ana', 'cy'] });
    expect(recordPeople(v1, null)).toEqual({ inventorIds: ['ana', 'ben'], draftPeopleIds: undefined });
  });

  it('says whether a draft may be published and who it waits for', () => {
    expect(consentState(draft(v1.inventors, ['ana', 'ben']), v1)).toEqual({
      changesTerms: false,
      required: ['ana', 'ben'],
      missing: [],
      invited: [],
      mayPublish: true,
    });
    expect(consentState(draft(terms(['ben', 10_000]), ['ben']), v1)).toMatchObject({
      changesTerms: true,
      missing: ['ana'],
      mayPublish: false,
    });
  });
});
