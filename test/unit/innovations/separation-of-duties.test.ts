import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlappingPeriod } from '#domain/innovations/adoption.ts';
import {
  awaiting,
  awaitingNeeds,
  confirmedShares,
  deciderRole,
  hasUnconflictedDecision,
  isConfirmedByDecisions,
  type ReportDecisions,
  reportParties,
} from '#domain/innovations/separation-of-duties.ts';
import { ForbiddenError, RuleViolationError } from '#domain/errors.ts';
import { checkGrant, creditGrantInputSchema, maxCredit } from '#domain/ledger/credit-grant.ts';
import { thrown } from '../../support/thrown.ts';

const shares = (...list: Array<[string, number]>) => list.map(([personId, basisPoints]) => ({ personId, basisPoints }));
const decision = (personId: string) => ({ personId, at: '2026-11-01T00:00:00.000Z' });
const report = (overrides: Partial<ReportDecisions> = {}): ReportDecisions => ({
  reportedBy: 'bram',
  conflicted: [],
  confirmations: [],
  ...overrides,
});

describe('who stands on both sides of a value report', () => {
  it.each([
    {
      what: 'an admin who is no inventor reports: nobody is conflicted',
      inventors: shares(['ana', 10_000]),
      reporterId: 'bram',
      adminInventors: [],
      adminCount: 1,
      conflicted: [],
      decidable: true,
    },
    {
      what: 'the sole inventor is the sole admin and reports: nobody else could decide it',
      inventors: shares(['mallory', 10_000]),
      reporterId: 'mallory',
      adminInventors: ['mallory'],
      adminCount: 1,
      conflicted: ['mallory'],
      decidable: false,
    },
    {
      what: 'the sole inventor reports, but another admin who is no inventor could decide it',
      inventors: shares(['ana', 10_000]),
      reporterId: 'ana',
      adminInventors: ['ana'],
      adminCount: 2,
      conflicted: ['ana'],
      decidable: true,
    },
    {
      what: 'an inventor-admin reports, and a co-inventor who is no admin could decide it',
      inventors: shares(['ana', 6_000], ['carol', 4_000]),
      reporterId: 'ana',
      adminInventors: ['ana'],
      adminCount: 1,
      conflicted: ['ana'],
      decidable: true,
    },
    {
      what: 'every inventor is an admin and one reports: nobody unconflicted is left',
      inventors: shares(['ana', 5_000], ['carol', 5_000]),
      reporterId: 'ana',
      adminInventors: ['ana', 'carol'],
      adminCount: 2,
      conflicted: ['ana', 'carol'],
      decidable: false,
    },
    {
      what: 'an admin who is no inventor reports while the inventors are admins too',
      inventors: shares(['ana', 5_000], ['carol', 5_000]),
      reporterId: 'bram',
      adminInventors: ['ana', 'carol'],
      adminCount: 3,
      conflicted: ['ana', 'carol'],
      decidable: true,
    },
  ])('$what', ({ inventors, reporterId, adminInventors, adminCount, conflicted, decidable }) => {
    const parties = reportParties({ inventors, reporterId, adminInventors: new Set(adminInventors), adminCount });
    expect(parties.conflicted).toEqual(conflicted);
    expect(parties.decidable).toBe(decidable);
  });

  it('keeps counting as conflicted an inventor recorded as such, though no longer an admin', () => {
    const parties = reportParties({
      inventors: shares(['ana', 5_000], ['carol', 5_000]),
      reporterId: 'ana',
      adminInventors: new Set(['ana']),
      adminCount: 1,
      conflicted: ['carol'],
    });
    expect(parties.conflicted).toEqual(['ana', 'carol']);
    expect(parties.decidable).toBe(false);
  });

  it('counts the reporter as conflicted when she is an inventor, even once she is no longer an admin', () => {
    const parties = reportParties({
      inventors: shares(['ana', 5_000], ['carol', 5_000]),
      reporterId: 'ana',
      adminInventors: new Set(),
      adminCount: 1,
    });
    expect(parties.conflicted).toEqual(['ana']);
    expect(parties.reporterConflicted).toBe(true);
    expect(parties.decidable).toBe(true);
  });
});

describe('when the decisions confirm a report', () => {
  const inventors = shares(['ana', 7_000], ['ben', 3_000]);

  it('adds up the shares of the inventors who confirmed, once each', () => {
    expect(confirmedShares(report(), inventors)).toBe(0);
    expect(confirmedShares(report({ confirmations: [decision('ben')] }), inventors)).toBe(3_000);
    expect(confirmedShares(report({ confirmations: [decision('ana'), decision('ben')] }), inventors)).toBe(10_000);
    expect(confirmedShares(report({ confirmations: [decision('stranger')] }), inventors)).toBe(0);
  });

  it('needs more than half of the shares: exactly half is not enough', () => {
    const half = shares(['ana', 5_000], ['ben', 5_000]);
    expect(isConfirmedByDecisions(report({ confirmations: [decision('ana')] }), half)).toBe(false);
    expect(isConfirmedByDecisions(report({ confirmations: [decision('ana'), decision('ben')] }), half)).toBe(true);
    const justOver = shares(['ana', 5_001], ['ben', 4_999]);
    expect(isConfirmedByDecisions(report({ confirmations: [decision('ana')] }), justOver)).toBe(true);
    expect(isConfirmedByDecisions(report({ confirmations: [decision('ben')] }), justOver)).toBe(false);
  });

  it.each([
    ['an unconflicted reporter', report({ reportedBy: 'bram', conflicted: ['ana'] }), true],
    [
      'a conflicted reporter alone',
      report({ reportedBy: 'ana', conflicted: ['ana'], confirmations: [decision('ana')] }),
      false,
    ],
    [
      'a conflicted reporter and an unconflicted co-inventor’s confirmation',
      report({ reportedBy: 'ana', conflicted: ['ana'], confirmations: [decision('ana'), decision('ben')] }),
      true,
    ],
    [
      'a conflicted reporter and an admin’s endorsement',
      report({ reportedBy: 'ana', conflicted: ['ana'], endorsement: decision('bram') }),
      true,
    ],
    [
      'two conflicted inventors, one reporting',
      report({ reportedBy: 'ana', conflicted: ['ana', 'ben'], confirmations: [decision('ana'), decision('ben')] }),
      false,
    ],
  ])('counts a decision by someone on one side only: %s', (_what, decided, expected) => {
    expect(hasUnconflictedDecision(decided)).toBe(expected);
  });

  it('never confirms a report that only conflicted people decided, whatever their shares', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999 }), fc.boolean(), (anaShare, benConfirms) => {
        const people = shares(['ana', anaShare], ['ben', 10_000 - anaShare]);
        const decided = report({
          reportedBy: 'ana',
          conflicted: ['ana', 'ben'],
          confirmations: benConfirms ? [decision('ana'), decision('ben')] : [decision('ana')],
        });
        expect(isConfirmedByDecisions(decided, people)).toBe(false);
      }),
    );
  });

  it('says in words what a pending report still waits for', () => {
    const waits = awaiting(
      report({ reportedBy: 'ben', conflicted: ['ben'], confirmations: [decision('ben')] }),
      inventors,
      'Mill',
    );
    expect(waits).toEqual([
      'confirmation by inventors holding more than half of the shares (30% so far)',
      'a decision by someone who does not stand on both sides: an inventor who is not an admin of Mill, or an admin of Mill who is not an inventor',
    ]);
    expect(awaiting(report({ confirmations: [decision('ana')] }), inventors, 'Mill')).toEqual([]);
  });

  it('names what a pending report waits for as needs a page can word in any language', () => {
    const conflictedOnly = report({ reportedBy: 'ben', conflicted: ['ben'], confirmations: [decision('ben')] });
    expect(awaitingNeeds(conflictedOnly, inventors)).toEqual([
      { kind: 'shares', soFar: 3_000 },
      { kind: 'unconflicted' },
    ]);
    const unconflictedMinority = report({ reportedBy: 'bram', confirmations: [decision('ben')] });
    expect(awaitingNeeds(unconflictedMinority, inventors)).toEqual([{ kind: 'shares', soFar: 3_000 }]);
    const conflictedMajority = report({ reportedBy: 'ana', conflicted: ['ana'], confirmations: [decision('ana')] });
    expect(awaitingNeeds(conflictedMajority, inventors)).toEqual([{ kind: 'unconflicted' }]);
    expect(awaitingNeeds(report({ confirmations: [decision('ana')] }), inventors)).toEqual([]);
  });

  it('still waits for more confirmations when inventors holding exactly half have confirmed', () => {
    const half = shares(['ana', 5_000], ['ben', 5_000]);
    expect(awaiting(report({ confirmations: [decision('ana')] }), half, 'Mill')).toEqual([
      'confirmation by inventors holding more than half of the shares (50% so far)',
    ]);
  });
});

describe('who may decide a report', () => {
  const inventors = shares(['ana', 6_000], ['ben', 4_000]);
  it.each([
    ['an inventor', 'ana', false, 'inventor'],
    ['a co-inventor', 'ben', false, 'inventor'],
    ['an inventor who is also an admin', 'ana', true, 'inventor'],
    ['the reporter', 'bram', true, 'reporter'],
    ['another admin', 'carol', true, 'admin'],
    ['a member or stranger', 'dan', false, null],
  ] as const)('%s', (_what, personId, isAdmin, role) => {
    expect(deciderRole(personId, { reportedBy: 'bram' }, inventors, isAdmin)).toBe(role);
  });
});

describe('one report per period', () => {
  const reported = [{ reportId: 'r1', from: '2026-10-01', to: '2026-10-31' }];
  it.each([
    ['the same period', '2026-10-01', '2026-10-31', 'r1'],
    ['a period ending on its first day', '2026-09-01', '2026-10-01', 'r1'],
    ['a period starting on its last day', '2026-10-31', '2026-11-30', 'r1'],
    ['a period inside it', '2026-10-10', '2026-10-12', 'r1'],
    ['a period around it', '2026-09-01', '2026-12-31', 'r1'],
    ['the month before', '2026-09-01', '2026-09-30', undefined],
    ['the month after', '2026-11-01', '2026-11-30', undefined],
  ])('%s', (_what, periodFrom, periodTo, overlapping) => {
    expect(overlappingPeriod(reported, { periodFrom, periodTo })?.reportId).toBe(overlapping);
  });
});

describe('granting credit', () => {
  const base = {
    stewardId: 'grace',
    stewards: ['grace'],
    removed: [],
    accountId: 'syndicate:mill' as const,
    memberOf: false,
  };
  const removal = { personId: 'grace', proposalId: 'p7', at: '2026-03-01T00:00:00.000Z', logIndex: 4 };

  it('lets a steward grant credit to an account that is not hers', () => {
    expect(() => checkGrant(base, 100_000n)).not.toThrow();
    expect(() => checkGrant(base, maxCredit)).not.toThrow();
  });

  it.each([
    ['someone who is not a steward', { ...base, stewardId: 'mallory' }, 100n, undefined, 'ask one of them'],
    [
      'a steward the commons removed by vote, though the configuration still names her',
      { ...base, removed: [removal] },
      100n,
      undefined,
      'removed you as a steward by vote (proposal p7)',
    ],
    [
      'a steward, to her own account',
      { ...base, accountId: 'person:grace' as const },
      100n,
      'conflict-of-interest',
      'another steward must decide it',
    ],
    [
      'a steward, to a syndicate she belongs to',
      { ...base, memberOf: true },
      100n,
      'conflict-of-interest',
      'another steward must decide it',
    ],
    [
      'a steward, more than one grant may give',
      base,
      maxCredit + 1n,
      'credit-too-large',
      'One grant gives at most 1000000000000 minor units of credit.',
    ],
  ])('refuses %s, saying why', (_what, grant, credit, rule, says) => {
    const refusal = thrown(() => checkGrant(grant, credit), rule ? RuleViolationError : ForbiddenError);
    if (rule) expect((refusal as RuleViolationError).rule).toBe(rule);
    expect(refusal.message).toContain(says);
  });

  it('reads credit as whole minor units, zero or more, as a number or digits', () => {
    const parse = (credit: unknown) => creditGrantInputSchema().safeParse({ credit, reason: 'Agreed by the members.' });
    expect(parse(0).data?.credit).toBe(0n);
    expect(parse('123456').data?.credit).toBe(123_456n);
    for (const bad of [-1, 1.5, '-1', '01', '1e3', '0x10', '', ' 1', null])
      expect(parse(bad).success, String(bad)).toBe(false);
  });
});
