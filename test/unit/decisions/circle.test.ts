// The restorative circle's rules: the panel's seeded, bounded draw; its roll and how many may vote;
// an amount never above the reported one; what a passed circle settles, and what it leaves alone.
import { notEnactedIn } from '#domain/i18n/work/not-enacted.ts';
import { describe, expect, it } from 'vitest';
import {
  checkCircleChange,
  circleRoll,
  drawKey,
  type DrawPage,
  drawPanel,
  drawStart,
  maxDrawn,
} from '#domain/decisions/circle.ts';
import type { DecisionDependencies } from '#domain/decisions/dependencies.ts';
import { planEnactment } from '#domain/decisions/enactment.ts';
import type { Proposal } from '#domain/decisions/proposal.ts';
import { ValidationError } from '#domain/errors.ts';
import type { Adoption, ValueReport } from '#domain/innovations/adoption.ts';
import type { Membership, Syndicate } from '#domain/syndicates/syndicate.ts';

/** A commons of `ids` in draw order, counting how many people each draw reads. */
function commonsOf(ids: string[]) {
  const ordered = ids
    .map((personId) => ({ personId, key: drawKey(personId) }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
  const counter = { read: 0 };
  const page: DrawPage = async (after, limit) => {
    const got = ordered.filter((p) => p.key > after).slice(0, limit);
    counter.read += got.length;
    return got;
  };
  return { page, counter, ordered };
}
const people = (n: number) => Array.from({ length: n }, (_, i) => `person-${i}`);
const none = async () => new Set<string>();

describe('drawing a panel', () => {
  it('draws the same three for the same seed, and others for another seed', async () => {
    const { page } = commonsOf(people(40));
    const first = await drawPanel(page, 'proposal-a', none);
    expect(first).toHaveLength(3);
    expect(await drawPanel(page, 'proposal-a', none)).toEqual(first);
    expect(await drawPanel(page, 'proposal-b', none)).not.toEqual(first);
  });

  it('starts where the seed places it: the first three people after that place', async () => {
    const { page, ordered } = commonsOf(people(40));
    const start = drawStart('proposal-a');
    const after = ordered.filter((p) => p.key > start).map((p) => p.personId);
    const wrapped = [...after, ...ordered.map((p) => p.personId)].slice(0, 3);
    expect(await drawPanel(page, 'proposal-a', none)).toEqual(wrapped);
  });

  it('skips everyone conflicted', async () => {
    const { page } = commonsOf(people(40));
    const first = await drawPanel(page, 'seed', none);
    const conflicted = new Set(first.slice(0, 2));
    const panel = await drawPanel(page, 'seed', async (ids) => new Set(ids.filter((id) => conflicted.has(id))));
    expect(panel).toHaveLength(3);
    for (const person of conflicted) expect(panel).not.toContain(person);
    expect(panel[0]).toBe(first[2]);
  });

  it('goes round the commons once and draws fewer than three when fewer stand on neither side', async () => {
    const { page } = commonsOf(people(6));
    const free = new Set(['person-2', 'person-4']);
    const panel = await drawPanel(page, 'seed', async (ids) => new Set(ids.filter((id) => !free.has(id))));
    expect([...panel].sort()).toEqual(['person-2', 'person-4']);
  });

  it('never draws anyone twice, whatever the seed', async () => {
    const { page } = commonsOf(people(5));
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f']) {
      const panel = await drawPanel(page, seed, none, { size: 5 });
      expect(new Set(panel).size).toBe(panel.length);
      expect(panel).toHaveLength(5);
    }
  });

  it('reads at most a bounded number of people, however large the commons and however many are conflicted', async () => {
    const { page, counter } = commonsOf(people(5000));
    const panel = await drawPanel(page, 'seed', async (ids) => new Set(ids));
    expect(panel).toEqual([]);
    expect(counter.read).toBeLessThanOrEqual(maxDrawn);
  });
});

const report = (status: ValueReport['status'], amount = 1000n) =>
  ({ id: 'r1', innovationId: 'rec', syndicateId: 'mill', amount, status, rev: 2 }) as ValueReport;
const adoption = {
  innovationId: 'rec',
  syndicateId: 'mill',
  inventors: [
    { personId: 'ana', basisPoints: 7000 },
    { personId: 'ben', basisPoints: 3000 },
  ],
  implementers: [{ personId: 'admin', basisPoints: 10000 }],
} as Adoption;
const active = (personId: string) =>
  ({ syndicateId: 'mill', personId, role: 'member', status: 'active', requestedAt: '2026-01-01' }) as Membership;

/** Narrow fakes: the report and adoption above, the mill with `members`, and `commons` to draw from. */
function world(status: ValueReport['status'], members: string[], commons: string[]) {
  return {
    innovations: {
      getReport: async () => report(status),
      getAdoption: async () => adoption,
      get: async () => null,
      getVersion: async () => null,
    },
    syndicates: {
      get: async () => ({ id: 'mill', memberCount: members.length, adminCount: 1 }) as Syndicate,
      getMembership: async (_: string, personId: string) => (members.includes(personId) ? active(personId) : null),
    },
    people: { get: async () => null, drawPage: commonsOf(commons).page },
  } satisfies Pick<DecisionDependencies, 'innovations' | 'syndicates' | 'people'>;
}
const change = { innovationId: 'rec', reportId: 'r1', amount: 600n };
const circle = (amount: bigint | null = 600n) =>
  ({
    id: 'c1',
    kind: 'resolve-disputed-report',
    scope: 'syndicate:mill',
    title: 'Settle it',
    description: '',
    days: 3,
    threshold: { num: 1, den: 2 },
    createdBy: 'ana',
    createdAt: '2026-11-01T00:00:00.000Z',
    status: 'open',
    tally: { yes: 0, no: 0, abstain: 0 },
    change: { ...change, amount },
  }) as Proposal & { kind: 'resolve-disputed-report' };

describe('the circle’s roll', () => {
  it('names every inventor, draws a panel from neither side and counts members, outside inventors and panel once each', async () => {
    // ben is an inventor and a member: counted among the members, named among the inventors.
    const deps = world('disputed', ['admin', 'member', 'ben'], ['ana', 'ben', 'admin', 'member', 'x', 'y', 'z', 'w']);
    const roll = await circleRoll(deps, circle());
    expect(roll.circle.inventors).toEqual(['ana', 'ben']);
    expect(roll.circle.panel).toHaveLength(3);
    for (const person of roll.circle.panel) expect(['x', 'y', 'z', 'w']).toContain(person);
    expect(roll.eligible).toBe(3 + 1 + 3);
  });

  it('sits a smaller panel when the commons has fewer than three on neither side', async () => {
    const roll = await circleRoll(world('disputed', ['admin'], ['ana', 'ben', 'admin', 'x']), circle());
    expect(roll.circle.panel).toEqual(['x']);
    expect(roll.eligible).toBe(1 + 2 + 1);
  });

  it('refuses to open on a report no longer disputed', async () => {
    await expect(circleRoll(world('settled', [], []), circle())).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('the amount a circle may propose', () => {
  it('accepts the reported amount, less, or none', async () => {
    const deps = world('disputed', [], []);
    for (const amount of [1000n, 1n, null]) {
      await expect(checkCircleChange(deps, 'syndicate:mill', { ...change, amount })).resolves.toMatchObject({ amount });
    }
  });

  it('refuses more than was reported, naming the amount', async () => {
    const refused = checkCircleChange(world('disputed', [], []), 'syndicate:mill', { ...change, amount: 1001n });
    await expect(refused).rejects.toMatchObject({ issues: [{ field: 'body.change.amount' }] });
  });
});

describe('what a passed circle enacts', () => {
  const accounts = new Map([
    ['syndicate:mill', { accountId: 'syndicate:mill', balance: 0n, creditLimit: -100_000n }],
  ] as const);
  const state = (status: ValueReport['status']) => ({
    report: { report: report(status), adoption, accounts, policy: null },
  });

  it('settles the disputed report at the voted amount, over it still disputed', () => {
    const plan = planEnactment(circle(), state('disputed'), '2026-11-06T00:00:00.000Z', 9);
    if (!('effect' in plan) || plan.effect.kind !== 'settlement') throw new Error('expected a settlement');
    expect(plan.effect.write).toMatchObject({ over: 'disputed', report: { status: 'settled', resolvedBy: 'c1' } });
    expect(plan.effect.write.report.settlement).toMatchObject({ value: 600n, inventorsTotal: 300n, logIndex: 9 });
    expect(plan.enacted).toMatchObject({ settlement: { reportId: 'r1', value: '600' } });
  });

  it('settles at nothing for none, moving no Bound', () => {
    const plan = planEnactment(circle(null), state('disputed'), '2026-11-06T00:00:00.000Z', 9);
    if (!('effect' in plan) || plan.effect.kind !== 'settlement') throw new Error('expected a settlement');
    expect(plan.effect.write).toMatchObject({ payer: null, payees: [], entries: [] });
  });

  it('changes nothing, saying why, when the report is no longer disputed', () => {
    expect(planEnactment(circle(), state('settled'), '2026-11-06T00:00:00.000Z', 9)).toEqual({
      notEnacted: 'The value report is no longer disputed (it is settled).',
      notEnactedMessage: { key: 'report-not-disputed', values: { status: 'settled' } },
    });
  });

  it('changes nothing, saying why, when the syndicate’s credit cannot pay it', () => {
    const poor = {
      report: {
        ...state('disputed').report,
        accounts: new Map([
          ['syndicate:mill', { accountId: 'syndicate:mill', balance: 0n, creditLimit: -10n }],
        ] as const),
      },
    };
    const plan = planEnactment(circle(), poor, '2026-11-06T00:00:00.000Z', 9);
    expect(plan).toMatchObject({
      notEnacted: expect.stringMatching(
        /^The syndicate cannot pay it now: Account "syndicate:mill" would be left at -\d+ minor units, below its credit limit of -10\.$/,
      ),
      notEnactedMessage: { key: 'cannot-pay', values: { account: 'syndicate:mill', limit: '-10' } },
    });
    if (!('notEnacted' in plan)) throw new Error('expected nothing to change');
    expect(notEnactedIn(plan.notEnactedMessage, 'es')).toMatch(
      /^El colectivo no puede pagarlo ahora: la cuenta «syndicate:mill» quedaría en -\d+ centésimas de Bound, por debajo de su límite de crédito de -10\.$/,
    );
  });
});
