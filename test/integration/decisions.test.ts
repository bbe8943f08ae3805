// Deciding together through the API, on the real store: a syndicate votes its rate card and it is the
// card the syndicate shows; the commons votes a credit limit and the payer's floor moves; who may vote
// is fixed when a proposal opens; a changed vote moves one count; racing closes enact once.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '#app/services.ts';
import { closeDueProposals } from '#domain/decisions/close-proposal.ts';
import { parseEvent } from '#domain/innovations/log-events.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { createPeople } from '../support/innovation-world.ts';
import { tableSnapshot } from '../support/write-world.ts';
import { syndicateInput } from '../unit/innovations/fixtures.ts';

const clock = { now: new Date('2026-03-01T09:00:00.000Z') };
const later = (days: number) => {
  clock.now = new Date(clock.now.getTime() + days * 86_400_000);
};
let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let services: Services;

const propose = (as: string, input: Record<string, unknown>, headers: Record<string, string> = {}) =>
  call('POST', '/api/proposals', as, input, headers);
const vote = (as: string, id: string, choice: string, reason?: string) =>
  call('PUT', `/api/proposals/${id}/votes/me`, as, { choice, ...(reason ? { reason } : {}) });
const close = (as: string, id: string) => call('POST', `/api/proposals/${id}/closing`, as);
const rateCard = [
  { service: 'Roof repair', rate: { amount: 4500, currency: 'BOUND', per: 'hour' }, unpleasant: false },
];

async function join(syndicateId: string, founder: string, person: string) {
  await call('POST', `/api/syndicates/${syndicateId}/join-requests`, person);
  const approved = await call('PUT', `/api/syndicates/${syndicateId}/members/${person}`, founder, {
    decision: 'approve',
  });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
}

async function closedEntries(proposalId: string) {
  const head = await services.registryLog.head();
  const entries = await Promise.all(
    Array.from({ length: head?.treeSize ?? 0 }, (_, i) => services.registryLog.entry(i)),
  );
  return entries
    .map((entry) => parseEvent(entry?.data ?? ''))
    .filter((event) => event?.kind === 'proposal-closed' && event.proposalId === proposalId);
}

beforeAll(async () => {
  ({ call, services } = await apiOnFreshTable({ now: () => clock.now }));
  await createPeople(services, ['bram', 'ada', 'carla', 'dev', 'eli', 'outsider']);
  expect((await call('POST', '/api/syndicates', 'bram', syndicateInput('riverside'))).status).toBe(201);
  for (const person of ['ada', 'carla', 'dev']) await join('riverside', 'bram', person);
  later(1);
});

describe('a syndicate’s rate card, decided by its members', () => {
  it('opens with the members counted, passes with half of them voting yes, and is the card the syndicate shows', async () => {
    const opened = await propose('ada', {
      kind: 'rate-card',
      scope: 'syndicate:riverside',
      title: 'New roof repair rate',
      change: { rateCard },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const proposal = body(opened);
    expect(proposal).toMatchObject({ status: 'open', eligible: 4, threshold: { num: 1, den: 2 } });
    for (const person of ['ada', 'bram']) expect((await vote(person, proposal.id, 'yes')).status).toBe(200);
    expect(body(await vote('carla', proposal.id, 'no', 'Too steep for neighbours.')).proposal.tally).toEqual({
      yes: 2,
      no: 1,
      abstain: 0,
    });
    expect((await close('dev', proposal.id)).status).toBe(409);
    later(3);
    const closed = await close('outsider', proposal.id);
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(body(closed).proposal).toMatchObject({ status: 'enacted', outcome: 'passed' });
    expect(body(await call('GET', '/api/syndicates/riverside', null)).rateCard).toEqual(rateCard);
    expect(await closedEntries(proposal.id)).toEqual([
      expect.objectContaining({
        outcome: 'passed',
        tally: { yes: 2, no: 1, abstain: 0 },
        eligible: 4,
        enacted: { syndicate: 'riverside', rateCard },
      }),
    ]);
  });

  it('refuses a vote from someone who is not a member, or who joined after it opened, and after its window', async () => {
    const proposal = body(
      await propose('bram', { kind: 'sense-check', scope: 'syndicate:riverside', title: 'Shall we meet on Fridays?' }),
    );
    later(0.01);
    await join('riverside', 'bram', 'eli');
    const outsider = await vote('outsider', proposal.id, 'yes');
    expect([outsider.status, body(outsider).detail]).toEqual([
      403,
      expect.stringMatching(/Only members of syndicate riverside/),
    ]);
    const newcomer = await vote('eli', proposal.id, 'yes');
    expect([newcomer.status, body(newcomer).detail]).toEqual([
      403,
      expect.stringMatching(/after this proposal opened/),
    ]);
    expect((await vote('dev', proposal.id, 'yes')).status).toBe(200);
    later(3);
    const late = await vote('ada', proposal.id, 'yes');
    expect([late.status, body(late).detail]).toEqual([409, expect.stringMatching(/Voting on this proposal closed/)]);
    expect(body(await call('GET', `/api/proposals/${proposal.id}`, null)).tally).toEqual({ yes: 1, no: 0, abstain: 0 });
  });

  it('counts a changed vote once, moving one count, and keeps the voter’s reason', async () => {
    const proposal = body(
      await propose('bram', { kind: 'sense-check', scope: 'syndicate:riverside', title: 'Buy a shared van?' }),
    );
    await vote('ada', proposal.id, 'yes');
    await vote('ada', proposal.id, 'yes');
    await vote('ada', proposal.id, 'no', 'Changed my mind after the costs.');
    const after = body(await vote('ada', proposal.id, 'abstain'));
    expect(after.proposal.tally).toEqual({ yes: 0, no: 0, abstain: 1 });
    expect(body(await call('GET', `/api/proposals/${proposal.id}`, null)).tally).toEqual({ yes: 0, no: 0, abstain: 1 });
    expect(body(await call('GET', `/api/proposals/${proposal.id}/votes/me`, 'ada')).vote).toMatchObject({
      choice: 'abstain',
    });
  });

  it.each([
    ['no kind', { scope: 'commons', title: 'About the hall' }, 'body.kind', /Choose one of: sense-check, rate-card/],
    [
      'a rate card without its card',
      { kind: 'rate-card', scope: 'syndicate:riverside', title: 'New prices' },
      'body.change',
      /needs its change: the new rate card/,
    ],
    [
      'a window that is not a number of days',
      { kind: 'sense-check', scope: 'commons', title: 'About the hall', days: 'soon' },
      'body.days',
      /whole number of days/,
    ],
    [
      'a change for a sense check',
      { kind: 'sense-check', scope: 'commons', title: 'About the hall', change: {} },
      'body.change',
      /does not take this field/,
    ],
  ])('refuses a proposal with %s in a sentence naming the field', async (_what, input, field, message) => {
    const refused = await propose('bram', input);
    expect(refused.status).toBe(400);
    expect(body(refused).errors).toEqual([{ field, message: expect.stringMatching(message) }]);
  });

  it('refuses a vote that is not yes, no or abstain, naming the choice', async () => {
    const refused = await call('PUT', '/api/proposals/anything/votes/me', 'bram', { choice: 'maybe' });
    expect([refused.status, body(refused).errors]).toEqual([
      400,
      [{ field: 'body.choice', message: 'Choose yes, no or abstain.' }],
    ]);
  });

  it('refuses a proposal from a non-member and a kind in the wrong scope, naming the field, and writes nothing', async () => {
    const before = await tableSnapshot(services.config.TABLE_NAME);
    const stranger = await propose('outsider', {
      kind: 'rate-card',
      scope: 'syndicate:riverside',
      title: 'My own prices for you',
      change: { rateCard },
    });
    expect(stranger.status).toBe(403);
    const wrong = await propose('bram', {
      kind: 'rate-card',
      scope: 'commons',
      title: 'Prices for all',
      change: { rateCard },
    });
    expect([wrong.status, body(wrong).errors?.[0]?.field]).toEqual([422, 'body.scope']);
    const short = await propose('bram', { kind: 'sense-check', scope: 'commons', title: 'A quick one', days: 1 });
    expect([short.status, body(short).errors?.[0]?.field]).toEqual([422, 'body.days']);
    expect(await tableSnapshot(services.config.TABLE_NAME)).toBe(before);
  });
});

describe('a rate card edited directly', () => {
  it('is refused once the syndicate has more than one member, and nothing changes; a one-member syndicate edits its own', async () => {
    const { id: _id, ...edit } = syndicateInput('riverside');
    const card = [{ service: 'Gutters', rate: { amount: 3000, currency: 'BOUND', per: 'hour' } }];
    const before = await tableSnapshot(services.config.TABLE_NAME);
    const refused = await call('PUT', '/api/syndicates/riverside', 'bram', { ...edit, rateCard: card });
    expect([refused.status, body(refused).rule]).toEqual([422, 'rate-card-by-vote']);
    expect(await tableSnapshot(services.config.TABLE_NAME)).toBe(before);
    const current = body(await call('GET', '/api/syndicates/riverside', null)).rateCard;
    const kept = await call('PUT', '/api/syndicates/riverside', 'bram', {
      ...edit,
      place: 'Leiden, NL',
      rateCard: current,
    });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);

    expect((await call('POST', '/api/syndicates', 'dev', syndicateInput('solo'))).status).toBe(201);
    const { id: _solo, ...soloEdit } = syndicateInput('solo');
    expect((await call('PUT', '/api/syndicates/solo', 'dev', { ...soloEdit, rateCard: card })).status).toBe(200);
  });
});

describe('a credit limit, decided by the commons', () => {
  it('moves the payer’s floor when half of all members vote yes, and its holder cannot vote on it', async () => {
    const refused = await call('POST', '/api/payments', 'eli', { to: 'person:ada', amount: 500, memo: 'Seedlings' });
    expect(body(refused).rule).toBe('credit-limit');
    const proposal = body(
      await propose('ada', {
        kind: 'credit-limit',
        scope: 'commons',
        title: 'Credit for Eli’s market stall',
        change: { account: 'person:eli', credit: 20_000 },
      }),
    );
    expect(proposal.eligible).toBe(6);
    const own = await vote('eli', proposal.id, 'yes');
    expect([own.status, body(own).rule]).toEqual([422, 'conflict-of-interest']);
    for (const person of ['ada', 'bram', 'carla']) expect((await vote(person, proposal.id, 'yes')).status).toBe(200);
    later(3);
    expect(body(await close('dev', proposal.id)).proposal).toMatchObject({ status: 'enacted', outcome: 'passed' });
    expect((await services.ledger.getAccounts(['person:eli'])).get('person:eli')?.creditLimit).toBe(-20_000n);
    const paid = await call('POST', '/api/payments', 'eli', { to: 'person:ada', amount: 500, memo: 'Seedlings' });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
  });

  it('is rejected, and changes nothing, when the yes votes fall one short of half the members', async () => {
    const proposal = body(
      await propose('ada', {
        kind: 'credit-limit',
        scope: 'commons',
        title: 'More credit for Dev’s workshop',
        change: { account: 'person:dev', credit: 50_000 },
      }),
    );
    for (const person of ['ada', 'bram']) await vote(person, proposal.id, 'yes');
    for (const person of ['carla', 'eli']) await vote(person, proposal.id, 'no');
    later(3);
    expect(body(await close('dev', proposal.id)).proposal).toMatchObject({ status: 'closed', outcome: 'rejected' });
    expect((await services.ledger.getAccounts(['person:dev'])).get('person:dev')?.creditLimit).toBeUndefined();
  });
});

describe('the commons’ member count', () => {
  it('counts a person once when made twice, and one fewer once when a deletion removes the profile twice', async () => {
    const before = await services.decisions.commonsMembers();
    await createPeople(services, ['counted']);
    await createPeople(services, ['counted']);
    expect(await services.decisions.commonsMembers()).toBe(before + 1);
    await services.personData.removeProfile('counted');
    await services.personData.removeProfile('counted');
    expect(await services.decisions.commonsMembers()).toBe(before);
  });
});

describe('closing', () => {
  it('enacts once when twenty closes race, with one log entry, and the others answer with the closed proposal', async () => {
    const proposal = body(
      await propose('bram', {
        kind: 'membership',
        scope: 'syndicate:riverside',
        title: 'Welcome Outsider to Riverside',
        change: { action: 'admit', personId: 'outsider' },
      }),
    );
    for (const person of ['bram', 'ada', 'carla']) await vote(person, proposal.id, 'yes');
    later(3);
    const closes = await Promise.all(Array.from({ length: 20 }, () => close('dev', proposal.id)));
    expect(closes.map((c) => c.status)).toEqual(Array(20).fill(200));
    expect(closes.filter((c) => body(c).closedNow)).toHaveLength(1);
    expect(await closedEntries(proposal.id)).toHaveLength(1);
    const syndicate = body(await call('GET', '/api/syndicates/riverside', null));
    expect(syndicate.memberCount).toBe(6);
    expect((await services.syndicates.getMembership('riverside', 'outsider'))?.status).toBe('active');
  });

  it('makes a member an admin when half the members vote for it, and refuses to propose it for an admin', async () => {
    const already = await propose('ada', {
      kind: 'membership',
      scope: 'syndicate:riverside',
      title: 'Bram as admin',
      change: { action: 'make-admin', personId: 'bram' },
    });
    expect([already.status, body(already).errors?.[0]]).toEqual([
      422,
      { field: 'body.change.personId', message: 'bram is an admin already.' },
    ]);
    const proposal = body(
      await propose('ada', {
        kind: 'membership',
        scope: 'syndicate:riverside',
        title: 'Carla as admin',
        change: { action: 'make-admin', personId: 'carla' },
      }),
    );
    for (const person of ['ada', 'bram', 'dev']) await vote(person, proposal.id, 'yes');
    later(3);
    expect(body(await close('eli', proposal.id)).proposal).toMatchObject({ status: 'enacted', outcome: 'passed' });
    expect(await services.syndicates.getMembership('riverside', 'carla')).toMatchObject({
      role: 'admin',
      status: 'active',
    });
    expect(body(await call('GET', '/api/syndicates/riverside', null)).adminCount).toBe(2);
  });

  it('is done by the sweep for every proposal whose window ended, and not for one still open', async () => {
    const due = body(
      await propose('ada', { kind: 'sense-check', scope: 'commons', title: 'Open the hall on Sundays?' }),
    );
    const notYet = body(
      await propose('ada', { kind: 'sense-check', scope: 'commons', title: 'A longer question', days: 10 }),
    );
    later(4);
    const report = await closeDueProposals(services);
    expect(report.failed).toEqual([]);
    expect(body(await call('GET', `/api/proposals/${due.id}`, null))).toMatchObject({
      status: 'closed',
      outcome: 'without-quorum',
      closedBy: 'sweep',
    });
    expect(body(await call('GET', `/api/proposals/${notYet.id}`, null)).status).toBe('open');
    const closed = body(await call('GET', '/api/proposals?scope=commons&status=closed', null));
    expect(closed.items.map((p: { id: string }) => p.id)).toContain(due.id);
  });
});
