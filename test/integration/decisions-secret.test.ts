// A secret vote through the API, on the real store: a membership proposal keeps its votes secret. While
// it is open its counts are its members' alone; once it closes everyone reads the counts, and still
// nobody (its voters, its proposer, an admin) reads who voted how. A vote that is not secret stays open
// to read, names and all. (authorization-matrix.test.ts refuses the open counts to each kind of outsider.)
import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '#app/services.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { createPeople } from '../support/innovation-world.ts';
import { syndicateInput } from '../unit/innovations/fixtures.ts';

const clock = { now: new Date('2026-03-01T09:00:00.000Z') };
const later = (days: number) => {
  clock.now = new Date(clock.now.getTime() + days * 86_400_000);
};
let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let services: Services;
const everyone = [null, 'outsider', 'bram', 'ada', 'carla', 'dev'];

beforeAll(async () => {
  ({ call, services } = await apiOnFreshTable({ now: () => clock.now }));
  await createPeople(services, ['bram', 'ada', 'carla', 'dev', 'outsider']);
  expect((await call('POST', '/api/syndicates', 'bram', syndicateInput('riverside'))).status).toBe(201);
  for (const person of ['ada', 'carla', 'dev']) {
    await call('POST', '/api/syndicates/riverside/join-requests', person);
    await call('PUT', `/api/syndicates/riverside/members/${person}`, 'bram', { decision: 'approve' });
  }
  later(1);
});

describe('a secret vote', () => {
  it('keeps its counts to its members until it closes, then shows them to all, and names no voter, ever', async () => {
    const proposed = await call('POST', '/api/proposals', 'ada', {
      kind: 'membership',
      scope: 'syndicate:riverside',
      title: 'Carla as an admin',
      change: { action: 'make-admin', personId: 'carla' },
    });
    expect(body(proposed)).toMatchObject({ status: 'open', secret: true });
    const id = body(proposed).id;
    for (const [person, choice] of [
      ['ada', 'yes'],
      ['bram', 'yes'],
      ['dev', 'no'],
    ] as const) {
      const voted = await call('PUT', `/api/proposals/${id}/votes/me`, person, { choice });
      expect(voted.status, person).toBe(200);
    }
    expect(body(await call('GET', `/api/proposals/${id}`, null)).tally).toBeUndefined();
    expect(body(await call('GET', `/api/proposals/${id}/tally`, 'carla')).tally).toEqual({ yes: 2, no: 1, abstain: 0 });
    expect((await call('GET', `/api/proposals/${id}/tally`, 'outsider')).status).toBe(403);

    later(3);
    const closed = await call('POST', `/api/proposals/${id}/closing`, 'outsider');
    expect(body(closed).proposal).toMatchObject({ status: 'enacted', tally: { yes: 2, no: 1, abstain: 0 } });
    for (const person of everyone) {
      expect(body(await call('GET', `/api/proposals/${id}`, person)).tally, String(person)).toEqual({
        yes: 2,
        no: 1,
        abstain: 0,
      });
      if (person) expect((await call('GET', `/api/proposals/${id}/tally`, person)).status, person).toBe(200);
      const names = await call('GET', `/api/proposals/${id}/votes`, person);
      expect(names.status, `${person} → who voted how`).toBe(403);
    }
    const listed = body(await call('GET', '/api/proposals?scope=syndicate:riverside&status=closed', null)).items;
    expect(listed.find((p: { id: string }) => p.id === id)?.tally).toEqual({ yes: 2, no: 1, abstain: 0 });
    // Each voter still reads their own vote.
    expect(body(await call('GET', `/api/proposals/${id}/votes/me`, 'dev')).vote).toMatchObject({ choice: 'no' });
  });

  it('is a membership’s, not a rate card’s: a rate card’s voters are named while it is open', async () => {
    const proposed = await call('POST', '/api/proposals', 'ada', {
      kind: 'rate-card',
      scope: 'syndicate:riverside',
      title: 'A dearer roof repair',
      change: { rateCard: [{ service: 'Roof repair', rate: { amount: 5000, currency: 'BOUND', per: 'hour' } }] },
    });
    const id = body(proposed).id;
    expect(body(proposed).secret).toBeUndefined();
    await call('PUT', `/api/proposals/${id}/votes/me`, 'bram', { choice: 'yes', reason: 'Roofs are hard.' });
    expect(body(await call('GET', `/api/proposals/${id}`, null)).tally).toEqual({ yes: 1, no: 0, abstain: 0 });
    expect(body(await call('GET', `/api/proposals/${id}/votes`, null)).items).toEqual([
      expect.objectContaining({ personId: 'bram', choice: 'yes', reason: 'Roofs are hard.' }),
    ]);
  });

  it('follows its kind when a draft is edited: secret as a membership, and not once edited back to a sense check', async () => {
    const draft = body(
      await call('POST', '/api/proposals', 'ada', {
        kind: 'sense-check',
        scope: 'syndicate:riverside',
        title: 'A question first',
        draft: true,
      }),
    );
    expect(draft.secret).toBeUndefined();
    const membership = {
      kind: 'membership',
      scope: 'syndicate:riverside',
      title: 'Dev as an admin',
      change: { action: 'make-admin', personId: 'dev' },
    };
    const edited = await call('PUT', `/api/proposals/${draft.id}`, 'ada', { ...membership, version: 0 });
    expect(body(edited)).toMatchObject({ kind: 'membership', secret: true, version: 1 });
    const back = await call('PUT', `/api/proposals/${draft.id}`, 'ada', {
      kind: 'sense-check',
      scope: 'syndicate:riverside',
      title: 'A question after all',
      version: 1,
    });
    expect(body(back)).toMatchObject({ kind: 'sense-check', version: 2 });
    expect(body(back).secret).toBeUndefined();
    expect(body(back).change).toBeUndefined();
  });
});
