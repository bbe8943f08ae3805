// A syndicate adopts an innovation record by its members' vote: the adopt-innovation proposal enacts the
// same adoption a direct one writes (its log entry on the record's own log), once however many closes
// race; once the syndicate has more than one member, an admin can no longer adopt alone.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '#app/services.ts';
import { parseEvent } from '#domain/innovations/log-events.ts';
import { tableSnapshot } from '../support/write-world.ts';
import { body, type Call, innovationSteps, innovationWorld } from '../support/innovation-world.ts';
import { reportInput, syndicateInput } from '../unit/innovations/fixtures.ts';

const clock = { now: new Date('2026-03-01T09:00:00.000Z') };
const later = (days: number) => {
  clock.now = new Date(clock.now.getTime() + days * 86_400_000);
};
let call: Call;
let services: Services;
const steps = innovationSteps(() => call);

const proposeAdoption = (as: string, innovationId: string, change: Record<string, unknown> = {}) =>
  call('POST', '/api/proposals', as, {
    kind: 'adopt-innovation',
    scope: 'syndicate:mill',
    title: 'Adopt the improved drying rack',
    change: { innovationId, implementers: [{ personId: 'admin' }, { personId: 'member' }], ...change },
  });
const vote = (as: string, id: string, choice: string) => call('PUT', `/api/proposals/${id}/votes/me`, as, { choice });
const close = (as: string, id: string) => call('POST', `/api/proposals/${id}/closing`, as);

async function recordEntries(innovationId: string) {
  const head = await services.registryLog.head();
  const entries = await Promise.all(
    Array.from({ length: head?.treeSize ?? 0 }, (_, i) => services.registryLog.entry(i)),
  );
  return entries.filter((entry) => entry?.innovationId === innovationId).map((entry) => parseEvent(entry?.data ?? ''));
}

beforeAll(async () => {
  ({ call, services } = await innovationWorld(clock));
  later(1);
});

describe('adopting a record in a syndicate of several members', () => {
  it('is refused to an admin acting alone, pointing to a proposal, and writes nothing', async () => {
    const id = await steps.published();
    const before = await tableSnapshot(services.config.TABLE_NAME);
    const direct = await call('PUT', `/api/innovations/${id}/adoptions/mill`, 'admin', {
      implementers: [{ personId: 'admin' }],
    });
    expect([direct.status, body(direct).rule]).toEqual([422, 'adoption-by-vote']);
    expect(body(direct).detail).toMatch(/adopt-innovation proposal/);
    expect(await tableSnapshot(services.config.TABLE_NAME)).toBe(before);
  });

  it('passes with half the members voting yes and writes the adoption, logged on the record, once for ten racing closes', async () => {
    const id = await steps.published();
    const opened = await proposeAdoption('member', id, { note: 'We build these racks now.' });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const proposal = body(opened);
    expect(proposal).toMatchObject({
      eligible: 2,
      change: {
        innovationId: id,
        implementers: [
          { personId: 'admin', basisPoints: 5000 },
          { personId: 'member', basisPoints: 5000 },
        ],
      },
    });
    expect((await vote('admin', proposal.id, 'yes')).status).toBe(200);
    later(3);
    const closes = await Promise.all(Array.from({ length: 10 }, () => close('stranger', proposal.id)));
    expect(closes.map((c) => c.status)).toEqual(Array(10).fill(200));
    expect(closes.filter((c) => body(c).closedNow)).toHaveLength(1);
    for (const c of closes) expect(body(c).proposal).toMatchObject({ status: 'enacted', outcome: 'passed' });

    const adoption = await services.innovations.getAdoption(id, 'mill');
    expect(adoption).toMatchObject({
      version: 1,
      inventors: [
        { personId: 'ana', basisPoints: 7000 },
        { personId: 'ben', basisPoints: 3000 },
      ],
      implementers: proposal.change.implementers,
      note: 'We build these racks now.',
      adoptedBy: `proposal:${proposal.id}`,
    });
    expect((await services.innovations.get(id))?.adopterCount).toBe(1);
    const closings = (await recordEntries(id)).filter((event) => event?.kind === 'proposal-closed');
    expect(closings).toEqual([
      expect.objectContaining({
        outcome: 'passed',
        innovationId: id,
        enacted: {
          adoption: {
            innovationId: id,
            syndicateId: 'mill',
            version: 1,
            inventors: adoption?.inventors,
            implementers: adoption?.implementers,
          },
        },
      }),
    ]);
    // What follows an adoption works on it as on a direct one: its admin reports the value it created.
    const reported = await call('POST', `/api/innovations/${id}/adoptions/mill/reports`, 'admin', {
      ...reportInput(500),
      periodFrom: '2026-02-01',
      periodTo: '2026-02-28',
    });
    expect(reported.status, JSON.stringify(reported.body)).toBe(201);
  });

  it('refuses to propose a record that is not published, one adopted already, or a non-member implementer, naming the field', async () => {
    const id = await steps.published();
    const missing = await proposeAdoption('admin', 'no-such-record');
    expect([missing.status, body(missing).errors?.[0]?.field]).toEqual([422, 'body.change.innovationId']);
    const outsider = await proposeAdoption('admin', id, { implementers: [{ personId: 'stranger' }] });
    expect([outsider.status, body(outsider).errors?.[0]?.field]).toEqual([422, 'body.change.implementers.0.personId']);
    const noChange = await call('POST', '/api/proposals', 'admin', {
      kind: 'adopt-innovation',
      scope: 'syndicate:mill',
      title: 'Adopt something',
    });
    expect([noChange.status, body(noChange).errors?.[0]?.field]).toEqual([400, 'body.change']);
    const commons = await call('POST', '/api/proposals', 'admin', {
      kind: 'adopt-innovation',
      scope: 'commons',
      title: 'Adopt it everywhere',
      change: { innovationId: id, implementers: [{ personId: 'admin' }] },
    });
    expect([commons.status, body(commons).errors?.[0]?.field]).toEqual([422, 'body.scope']);

    const first = body(await proposeAdoption('admin', id));
    const second = body(await proposeAdoption('member', id));
    for (const p of [first, second]) expect((await vote('admin', p.id, 'yes')).status).toBe(200);
    later(3);
    expect(body(await close('ana', first.id)).proposal.status).toBe('enacted');
    const twice = body(await close('ana', second.id)).proposal;
    expect(twice).toMatchObject({ status: 'closed', outcome: 'passed' });
    expect(twice.notEnacted).toMatch(/adopted this record already/);
    // Kept as a message too, for a client (and the proposal's page) to word in its reader's language.
    expect(twice.notEnactedMessage).toEqual({
      key: 'adopted-already',
      values: { syndicate: expect.any(String), at: expect.any(String) },
    });
    expect((await services.innovations.get(id))?.adopterCount).toBe(1);
    const again = await proposeAdoption('admin', id);
    expect([again.status, body(again).errors?.[0]?.message]).toEqual([
      422,
      expect.stringMatching(/adopted this record already/),
    ]);
  });

  it('is still made directly by the admin of a syndicate of one', async () => {
    const id = await steps.published();
    expect((await call('POST', '/api/syndicates', 'ana', syndicateInput('solo'))).status).toBe(201);
    const direct = await call('PUT', `/api/innovations/${id}/adoptions/solo`, 'ana', {
      implementers: [{ personId: 'ana' }],
    });
    expect(direct.status, JSON.stringify(direct.body)).toBe(201);
  });
});
