// What a passed proposal changes, planned from what its closing read: a change that can no longer be
// made is said, never half made.
import { type NotEnactedMessage, notEnactedIn } from '#domain/i18n/work/not-enacted.ts';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { changeForLog, planEnactment, proposalHash, syndicateOf } from '#domain/decisions/enactment.ts';
import type { Proposal } from '#domain/decisions/proposal.ts';
import type { Membership, Syndicate } from '#domain/syndicates/syndicate.ts';

const at = '2026-03-05T00:00:00.000Z';
const base = {
  id: 'p1',
  scope: 'syndicate:mill',
  title: 'A change',
  description: '',
  days: 3,
  threshold: { num: 1, den: 2 },
  createdBy: 'ada',
  createdAt: at,
  status: 'open',
  tally: { yes: 0, no: 0, abstain: 0 },
} as const;
const membership = (role: 'admin' | 'member', status: Membership['status'] = 'active'): Membership => ({
  syndicateId: 'mill',
  personId: 'bo',
  role,
  status,
  requestedAt: '2026-01-01T00:00:00.000Z',
});
const syndicate = (adminCount: number) => ({ id: 'mill', adminCount, memberCount: 3 }) as Syndicate;
const admit = { ...base, kind: 'membership', change: { action: 'admit', personId: 'bo' } } as Proposal;
const remove = { ...base, kind: 'membership', change: { action: 'remove', personId: 'bo' } } as Proposal;

describe('planning what a passed proposal enacts', () => {
  it('admits a person with a pending request as an active member since the closing', () => {
    const plan = planEnactment(
      admit,
      { syndicate: syndicate(1), membership: membership('member', 'requested'), personExists: true },
      at,
      7,
    );
    expect(plan).toMatchObject({
      effect: {
        kind: 'membership',
        to: { status: 'active', role: 'member', memberSince: at, decidedBy: 'proposal:p1' },
      },
      enacted: { syndicate: 'mill', admit: 'bo' },
    });
  });

  it.each([
    [
      'admitting someone who became a member meanwhile',
      admit,
      { syndicate: syndicate(1), membership: membership('member'), personExists: true },
      /member already/,
    ],
    [
      'admitting someone whose account was deleted',
      admit,
      { syndicate: syndicate(1), membership: null, personExists: false },
      /no longer has an account/,
    ],
    ['removing someone who has left', remove, { syndicate: syndicate(2), membership: null }, /no longer a member/],
    ['removing the last admin', remove, { syndicate: syndicate(1), membership: membership('admin') }, /last admin/],
    [
      'anything in a syndicate that is gone',
      remove,
      { syndicate: null, membership: membership('member') },
      /no longer exists/,
    ],
  ] as const)('says why it changes nothing for %s', (_what, proposal, state, reason) => {
    const plan = planEnactment(proposal, state, at, 7);
    expect('notEnacted' in plan && plan.notEnacted).toMatch(reason);
    expect('notEnacted' in plan && plan.notEnacted).not.toMatch(/undefined|null/);
    // The English is the message's, so the page can say the same in Spanish and Dutch.
    if (!('notEnacted' in plan)) throw new Error('expected nothing to change');
    expect(notEnactedIn(plan.notEnactedMessage, 'en')).toBe(plan.notEnacted);
    expect(notEnactedIn(plan.notEnactedMessage, 'es')).not.toBe(plan.notEnacted);
  });

  it('says why nothing changed in Spanish and Dutch, naming the person', () => {
    const plan = planEnactment(remove, { syndicate: syndicate(1), membership: membership('admin') }, at, 7);
    if (!('notEnacted' in plan)) throw new Error('expected nothing to change');
    const person = 'bo';
    expect(plan.notEnactedMessage).toEqual({ key: 'last-admin', values: { person } });
    expect(plan.notEnacted).toBe(`${person} is the syndicate’s last admin: a syndicate always keeps one.`);
    expect(notEnactedIn(plan.notEnactedMessage, 'es')).toBe(
      `${person} es el último admin del colectivo, y un colectivo siempre conserva uno.`,
    );
    expect(notEnactedIn(plan.notEnactedMessage, 'nl')).toBe(
      `${person} is de laatste beheerder van het collectief, en een collectief houdt er altijd één.`,
    );
  });

  it('shows the stored English for a message this version cannot say', () => {
    const unknown = { key: 'from-a-later-version', values: {} } as unknown as NotEnactedMessage;
    expect(notEnactedIn(unknown, 'es')).toBeUndefined();
  });

  it('sets a credit limit as the negative of the credit, over the limit it read, with the log index', () => {
    const credit = {
      ...base,
      scope: 'commons',
      kind: 'credit-limit',
      change: { account: 'person:eli', credit: 2000n },
    } as Proposal;
    expect(planEnactment(credit, { account: { creditLimit: -500n } }, at, 9)).toMatchObject({
      effect: {
        kind: 'credit-limit',
        change: { accountId: 'person:eli', limit: -2000n, previous: -500n, logIndex: 9, by: 'proposal:p1' },
      },
      enacted: { account: 'person:eli', limit: '-2000', previous: '-500' },
    });
    const none = { ...credit, change: { account: 'person:eli', credit: 0n } } as Proposal;
    expect(planEnactment(none, { account: null }, at, 9)).toMatchObject({
      effect: { change: { limit: null, previous: null } },
    });
  });

  it('changes nothing for a sense check, and sets a rate card only on a syndicate that still exists', () => {
    const sense = { ...base, kind: 'sense-check' } as Proposal;
    expect(planEnactment(sense, {}, at, 1)).toEqual({ effect: { kind: 'none' }, enacted: null });
    const rateCard = [
      { service: 'Roofs', rate: { amount: 4500, currency: 'BOUND', per: 'hour' as const }, unpleasant: false },
    ];
    const card = { ...base, kind: 'rate-card', change: { rateCard } } as Proposal;
    expect(planEnactment(card, { syndicate: syndicate(1) }, at, 1)).toEqual({
      effect: { kind: 'rate-card', syndicateId: 'mill', rateCard },
      enacted: { syndicate: 'mill', rateCard },
    });
    expect(planEnactment(card, { syndicate: null }, at, 1)).toEqual({
      notEnacted: 'The syndicate no longer exists.',
      notEnactedMessage: { key: 'syndicate-gone', values: {} },
    });
  });

  it('admits someone who never asked with the closing as their request, and removes a member or one of two admins', () => {
    const admitted = planEnactment(admit, { syndicate: syndicate(1), membership: null, personExists: true }, at, 7);
    expect(admitted).toEqual({
      effect: {
        kind: 'membership',
        from: null,
        to: {
          syndicateId: 'mill',
          personId: 'bo',
          role: 'member',
          status: 'active',
          requestedAt: at,
          decidedAt: at,
          decidedBy: 'proposal:p1',
          memberSince: at,
        },
      },
      enacted: { syndicate: 'mill', admit: 'bo' },
    });
    const pending = planEnactment(
      admit,
      { syndicate: syndicate(1), membership: membership('member', 'requested'), personExists: true },
      at,
      7,
    );
    expect('effect' in pending && pending.effect.kind === 'membership' && pending.effect.to?.requestedAt).toBe(
      '2026-01-01T00:00:00.000Z',
    );
    for (const [who, admins] of [
      [membership('member'), 1],
      [membership('admin'), 2],
    ] as const) {
      expect(planEnactment(remove, { syndicate: syndicate(admins), membership: who }, at, 7)).toEqual({
        effect: { kind: 'membership', from: who, to: null },
        enacted: { syndicate: 'mill', remove: 'bo' },
      });
    }
  });
});

describe('planning a change of role', () => {
  const make = { ...base, kind: 'membership', change: { action: 'make-admin', personId: 'bo' } } as Proposal;
  const unmake = { ...base, kind: 'membership', change: { action: 'unmake-admin', personId: 'bo' } } as Proposal;

  it('makes a member an admin, and an admin a member again while another admin remains', () => {
    expect(planEnactment(make, { syndicate: syndicate(1), membership: membership('member') }, at, 3)).toEqual({
      effect: {
        kind: 'membership',
        from: membership('member'),
        to: { ...membership('admin'), decidedAt: at, decidedBy: 'proposal:p1' },
      },
      enacted: { syndicate: 'mill', makeAdmin: 'bo' },
    });
    expect(planEnactment(unmake, { syndicate: syndicate(2), membership: membership('admin') }, at, 3)).toEqual({
      effect: {
        kind: 'membership',
        from: membership('admin'),
        to: { ...membership('member'), decidedAt: at, decidedBy: 'proposal:p1' },
      },
      enacted: { syndicate: 'mill', unmakeAdmin: 'bo' },
    });
  });

  it.each([
    [
      'making an admin of someone who is one already',
      make,
      { syndicate: syndicate(2), membership: membership('admin') },
      /an admin already/,
    ],
    ['making an admin of someone who left', make, { syndicate: syndicate(2), membership: null }, /no longer a member/],
    ['unmaking the last admin', unmake, { syndicate: syndicate(1), membership: membership('admin') }, /last admin/],
    [
      'unmaking someone who is no admin now',
      unmake,
      { syndicate: syndicate(1), membership: membership('member') },
      /no longer an admin/,
    ],
  ] as const)('says why it changes nothing for %s', (_what, proposal, state, reason) => {
    const plan = planEnactment(proposal, state, at, 3);
    expect('notEnacted' in plan && plan.notEnacted).toMatch(reason);
    expect('notEnacted' in plan && plan.notEnacted).not.toMatch(/undefined|null/);
  });
});

describe('what the log fixes of a proposal', () => {
  it('names the syndicate of a syndicate scope, and none for the commons', () => {
    expect([syndicateOf({ scope: 'syndicate:mill' }), syndicateOf({ scope: 'commons' })]).toEqual(['mill', undefined]);
  });

  it('writes a credit limit’s amount as digits, a sense check’s change as null, and other changes as they are', () => {
    const credit = { ...base, kind: 'credit-limit', change: { account: 'person:eli', credit: 2000n } } as Proposal;
    expect(changeForLog(credit)).toEqual({ account: 'person:eli', credit: '2000' });
    expect(changeForLog({ ...base, kind: 'sense-check' } as Proposal)).toBeNull();
    expect(changeForLog(admit)).toEqual({ action: 'admit', personId: 'bo' });
  });

  it('writes a circle’s amount as digits, and its choice of nothing as null', () => {
    const circle = (amount: bigint | null) =>
      ({
        ...base,
        kind: 'resolve-disputed-report',
        change: { innovationId: 'card', reportId: 'r1', amount },
      }) as Proposal;
    expect(changeForLog(circle(600n))).toEqual({ innovationId: 'card', reportId: 'r1', amount: '600' });
    expect(changeForLog(circle(null))).toEqual({ innovationId: 'card', reportId: 'r1', amount: null });
  });

  it('hashes the title, description, kind, scope and change as canonical JSON (a known answer)', () => {
    const credit = { ...base, kind: 'credit-limit', change: { account: 'person:eli', credit: 2000n } } as Proposal;
    const canonical =
      '{"change":{"account":"person:eli","credit":"2000"},"description":"","kind":"credit-limit","scope":"syndicate:mill","title":"A change"}';
    expect(proposalHash(credit)).toBe(createHash('sha256').update(canonical).digest('base64'));
    expect(proposalHash({ ...credit, title: 'Another change' })).not.toBe(proposalHash(credit));
  });
});

describe('enacting the commons’ credit policy', () => {
  const change = { defaultCredit: 5000n, tiers: [{ months: 6, credit: 20_000n }] };
  const policy = { ...base, scope: 'commons', kind: 'credit-policy', change } as Proposal;

  it('writes the first policy as version 1, with the proposal, the time and the log index', () => {
    expect(planEnactment(policy, { policy: null }, at, 9)).toEqual({
      effect: {
        kind: 'credit-policy',
        policy: { ...change, version: 1, proposalId: 'p1', enactedAt: at, logIndex: 9 },
      },
      enacted: { creditPolicy: { defaultCredit: '5000', tiers: [{ months: 6, credit: '20000' }], version: 1 } },
    });
    expect(planEnactment(policy, {}, at, 9)).toMatchObject({ effect: { policy: { version: 1 } } });
  });

  it('writes a later policy as the version after the one the closing read', () => {
    expect(planEnactment(policy, { policy: { version: 4 } }, at, 9)).toMatchObject({
      effect: { policy: { version: 5 } },
      enacted: { creditPolicy: { version: 5 } },
    });
  });

  it('logs the policy’s amounts as digits', () => {
    expect(changeForLog(policy)).toEqual({ defaultCredit: '5000', tiers: [{ months: 6, credit: '20000' }] });
  });
});

describe('enacting an adoption', () => {
  const implementers = [
    { personId: 'bo', basisPoints: 6000 },
    { personId: 'cy', basisPoints: 4000 },
  ];
  const adopt = {
    ...base,
    kind: 'adopt-innovation',
    change: { innovationId: 'rack', implementers, note: 'In the workshop.' },
  } as Proposal;
  const version = { innovationId: 'rack', version: 2, inventors: [{ personId: 'ana', basisPoints: 10000 }] };
  const active = (personId: string) => ({ ...membership('member'), personId });
  const state = (over: Partial<NonNullable<Parameters<typeof planEnactment>[1]['adoption']>> = {}) => ({
    syndicate: syndicate(1),
    adoption: { version, existing: null, implementers: [active('bo'), active('cy')], ...over },
  });

  it('adopts the current published version with the proposed implementers, made by the proposal, and logs what a direct adoption logs', () => {
    expect(planEnactment(adopt, state(), at, 7)).toEqual({
      effect: {
        kind: 'adoption',
        adoption: {
          innovationId: 'rack',
          syndicateId: 'mill',
          version: 2,
          inventors: version.inventors,
          implementers,
          note: 'In the workshop.',
          adoptedAt: at,
          adoptedBy: 'proposal:p1',
          reported: [],
          rev: 0,
        },
      },
      enacted: {
        adoption: { innovationId: 'rack', syndicateId: 'mill', version: 2, inventors: version.inventors, implementers },
      },
    });
  });

  it.each([
    ['a record the syndicate adopted meanwhile', state({ existing: { adoptedAt: at } }), /adopted this record already/],
    ['a record no longer published', state({ version: null }), /no longer published/],
    ['an implementer who has left', state({ implementers: [active('bo'), null] }), /cy no longer implement/],
    ['a syndicate that is gone', { ...state(), syndicate: null }, /no longer exists/],
  ] as const)('changes nothing for %s, and says why', (_what, read, reason) => {
    const plan = planEnactment(adopt, read, at, 7);
    expect('notEnacted' in plan && plan.notEnacted).toMatch(reason);
    expect('notEnacted' in plan && plan.notEnacted).not.toMatch(/undefined|null/);
  });
});
