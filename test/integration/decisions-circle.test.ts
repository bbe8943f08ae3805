// A disputed value report goes to a restorative circle: its parties (the record's inventors, the
// syndicate's members) and a panel of three drawn from the commons vote on an amount; when the circle
// passes, the closing settles the report at that amount in its own transaction with its log entry, once
// however many closes race; a rejected circle leaves the report disputed; only the circle votes.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '#app/services.ts';
import { parseEvent } from '#domain/innovations/log-events.ts';
import { body, type Call, createPeople, innovationSteps, innovationWorld } from '../support/innovation-world.ts';
import { tableSnapshot } from '../support/write-world.ts';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { personKeys } from '#adapters/dynamodb/keys.ts';
import { backfillPeopleDraw } from '#adapters/dynamodb/people-draw-backfill.ts';
import { drawKey } from '#domain/decisions/circle.ts';
import { newPerson } from '#domain/people/person.ts';
import { documentClient } from '../support/dynamodb.ts';

const clock = { now: new Date('2026-11-05T09:00:00.000Z') };
const later = (days: number) => {
  clock.now = new Date(clock.now.getTime() + days * 86_400_000);
};
let call: Call;
let services: Services;
const steps = innovationSteps(() => call);
/** Members of the commons who are neither inventors nor members of the mill ('stranger' is the world's): the panel is drawn from them. */
const outsiders = ['olu', 'pia', 'quin', 'rosa', 'stranger'];

async function disputed(amount = 1000) {
  const { id, reportId } = await steps.adoptedAndReported(amount);
  const answer = await call('PUT', `/api/innovations/${id}/reports/${reportId}/decision`, 'ben', {
    decision: 'dispute',
    reason: 'The hours saved were counted twice.',
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return { id, reportId };
}
const openCircle = (as: string, change: Record<string, unknown>, scope = 'syndicate:mill') =>
  call('POST', '/api/proposals', as, {
    kind: 'resolve-disputed-report',
    scope,
    title: 'Settle the drying-rack report',
    change,
  });
const vote = (as: string, id: string, choice: string) => call('PUT', `/api/proposals/${id}/votes/me`, as, { choice });
const close = (as: string, id: string) => call('POST', `/api/proposals/${id}/closing`, as);

beforeAll(async () => {
  ({ call, services } = await innovationWorld(clock));
  await createPeople(
    services,
    outsiders.filter((person) => person !== 'stranger'),
  );
  later(1);
});

describe('a restorative circle on a disputed report', () => {
  it('opens with the inventors, the members and a panel of three who stand on neither side', async () => {
    const { id, reportId } = await disputed();
    const opened = await openCircle('ana', { innovationId: id, reportId, amount: 600 });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const proposal = body(opened);
    expect(proposal.circle.inventors).toEqual(['ana', 'ben']);
    expect(proposal.circle.panel).toHaveLength(3);
    for (const person of proposal.circle.panel) expect(outsiders).toContain(person);
    // The mill's two members, the two inventors (not members) and the panel.
    expect(proposal.eligible).toBe(7);
  });

  it('settles the report at the amount it passed, once for ten racing closes, logged with the closing', async () => {
    const { id, reportId } = await disputed(1000);
    const proposal = body(await openCircle('admin', { innovationId: id, reportId, amount: 600 }));
    const [first, second] = proposal.circle.panel;
    for (const person of ['ana', 'admin', first, second]) {
      expect((await vote(person, proposal.id, 'yes')).status).toBe(200);
    }
    const before = await services.ledger.getAccounts(['syndicate:mill', 'person:ana', 'person:ben']);
    later(3);
    const closes = await Promise.all(Array.from({ length: 10 }, () => close('stranger', proposal.id)));
    expect(closes.map((c) => c.status)).toEqual(Array(10).fill(200));
    expect(closes.filter((c) => body(c).closedNow)).toHaveLength(1);
    const report = await services.innovations.getReport(id, reportId);
    expect(report).toMatchObject({ status: 'settled', amount: 1000n, resolvedBy: proposal.id });
    expect(report?.settlement).toMatchObject({ value: 600n, inventorsTotal: 300n });
    const after = await services.ledger.getAccounts(['syndicate:mill', 'person:ana', 'person:ben']);
    const moved = (account: 'syndicate:mill' | 'person:ana' | 'person:ben') =>
      (after.get(account)?.balance ?? 0n) - (before.get(account)?.balance ?? 0n);
    expect([moved('syndicate:mill'), moved('person:ana'), moved('person:ben')]).toEqual([-300n, 210n, 90n]);
    const head = await services.registryLog.head();
    const events = await Promise.all(
      Array.from({ length: head?.treeSize ?? 0 }, (_, i) => services.registryLog.entry(i)),
    );
    const closings = events
      .map((entry) => parseEvent(entry?.data ?? ''))
      .filter((event) => event?.kind === 'proposal-closed' && event.proposalId === proposal.id);
    expect(closings).toHaveLength(1);
    expect(closings[0]).toMatchObject({
      innovationId: id,
      enacted: { settlement: { reportId, value: '600', transfers: [{ amount: '210' }, { amount: '90' }] } },
    });
    const winner = closes.find((c) => body(c).closedNow);
    expect(report?.settlement?.logIndex).toBe(winner && body(winner).proposal.closeLogIndex);
  });

  it('closes the report with nothing owed when the circle passes none, moving no Bound', async () => {
    const { id, reportId } = await disputed(500);
    const proposal = body(await openCircle('ben', { innovationId: id, reportId, amount: null }));
    for (const person of ['ana', 'ben', 'member', proposal.circle.panel[0]]) await vote(person, proposal.id, 'yes');
    const before = await services.ledger.getAccounts(['syndicate:mill']);
    later(3);
    expect(body(await close('stranger', proposal.id)).proposal).toMatchObject({ status: 'enacted' });
    expect(await services.innovations.getReport(id, reportId)).toMatchObject({
      status: 'settled',
      settlement: { value: 0n, inventorsTotal: 0n },
    });
    expect((await services.ledger.getAccounts(['syndicate:mill'])).get('syndicate:mill')?.balance).toBe(
      before.get('syndicate:mill')?.balance,
    );
  });

  it('leaves the report disputed when the circle rejects it', async () => {
    const { id, reportId } = await disputed();
    const proposal = body(await openCircle('ana', { innovationId: id, reportId, amount: 1000 }));
    await vote('ana', proposal.id, 'yes');
    for (const person of ['ben', 'admin', 'member']) await vote(person, proposal.id, 'no');
    later(3);
    expect(body(await close('ana', proposal.id)).proposal).toMatchObject({ status: 'closed', outcome: 'rejected' });
    expect(await services.innovations.getReport(id, reportId)).toMatchObject({ status: 'disputed' });
  });

  it('lets only the circle vote: a member of the commons off the panel is refused, and nothing is written', async () => {
    const { id, reportId } = await disputed();
    const proposal = body(await openCircle('member', { innovationId: id, reportId, amount: 10 }));
    const offPanel = outsiders.find((p) => !proposal.circle.panel.includes(p)) ?? '';
    const before = await tableSnapshot(services.config.TABLE_NAME);
    const refused = await vote(offPanel, proposal.id, 'yes');
    expect(refused.status).toBe(403);
    expect(body(refused).detail).toMatch(/Only the circle votes/);
    expect(await tableSnapshot(services.config.TABLE_NAME)).toBe(before);
    // Beside the refusal, the same call from someone on the roll by name is counted.
    expect((await vote(proposal.circle.panel[0], proposal.id, 'yes')).status).toBe(200);
    expect((await vote('ben', proposal.id, 'yes')).status).toBe(200);
  });

  it('refuses an amount above the reported one, a report not disputed, the wrong scope and a stranger opening it', async () => {
    const { id, reportId } = await disputed(400);
    const above = await openCircle('ana', { innovationId: id, reportId, amount: 401 });
    expect([above.status, body(above).errors?.[0]?.field]).toEqual([422, 'body.change.amount']);
    const scope = await openCircle('ana', { innovationId: id, reportId, amount: 1 }, 'syndicate:other');
    expect(scope.status).toBe(403);
    const stranger = await openCircle('stranger', { innovationId: id, reportId, amount: 1 });
    expect(stranger.status).toBe(403);
    const pending = await steps.adoptedAndReported(300);
    const notDisputed = await openCircle('ana', { innovationId: pending.id, reportId: pending.reportId, amount: 1 });
    expect([notDisputed.status, body(notDisputed).errors?.[0]?.field]).toEqual([422, 'body.change.reportId']);
  });
});

describe('the panel draw', () => {
  it('places people made before it was kept, once, so a circle can draw them', async () => {
    const client = documentClient();
    const table = services.config.TABLE_NAME;
    const early = newPerson({ id: 'early-bird', name: 'Early Bird', createdAt: '2025-01-01T00:00:00.000Z' });
    await client.send(
      new PutCommand({ TableName: table, Item: { ...personKeys(early.id), type: 'person', ...early } }),
    );
    const key = drawKey(early.id);
    const justBefore = (await services.people.drawPage('', 100)).filter((p) => p.key < key).at(-1)?.key ?? '';
    expect((await services.people.drawPage(justBefore, 1)).map((p) => p.personId)).not.toContain(early.id);
    expect(await backfillPeopleDraw(client, table)).toEqual({ found: 1, placed: 1 });
    expect(await services.people.drawPage(justBefore, 1)).toEqual([{ personId: early.id, key }]);
    expect(await backfillPeopleDraw(client, table)).toEqual({ found: 0, placed: 0 });
    client.destroy();
  });
});
