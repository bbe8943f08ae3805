// A syndicate where pay for work can happen, built through the API: riverside (founded by `admin`,
// with `co-admin` made an admin too), `worker` a member who fills a position of it, `outsider` a
// member of nothing, a rate card with a skill line, an unpleasant line and a legacy service line, and
// credit of 1,000.00 Bound granted to the syndicate by the steward.
import { expect } from 'vitest';
import type { Services } from '#app/services.ts';
import { rateCardSchema } from '#domain/syndicates/syndicate.ts';
import { type ApiResponse, apiOnFreshTable, body } from './api-client.ts';
import { createPeople, readyToPay } from './innovation-world.ts';
import { opening, syndicate } from './write-world.ts';

type Call = Awaited<ReturnType<typeof apiOnFreshTable>>['call'];

export const rateCard = [
  { service: 'Bench repair', rate: { amount: 3000, currency: 'EUR', per: 'hour' } },
  {
    service: 'Fault finding',
    rate: { amount: 2000, currency: 'BOUND', per: 'hour' },
    skillId: 'repair-systematic-fault-finding',
    level: 'working',
  },
  {
    service: 'Clearing out flooded cellars',
    rate: { amount: 2001, currency: 'BOUND', per: 'hour' },
    skillId: 'repair-systematic-fault-finding',
    level: 'foundation',
    unpleasant: true,
  },
  { service: 'Sweeping up', rate: { amount: 1000, currency: 'BOUND', per: 'hour' } },
];

async function expectOk(answer: Promise<ApiResponse>, status: number) {
  const response = await answer;
  expect(response.status, JSON.stringify(response.body).slice(0, 400)).toBe(status);
  return response;
}

/** Makes `person` a member of the syndicate who fills a position of it; returns the opening's id. */
export async function hire(call: Call, person: string, syndicateId = 'riverside', admin = 'admin'): Promise<string> {
  await expectOk(call('POST', `/api/syndicates/${syndicateId}/join-requests`, person), 201);
  await expectOk(call('PUT', `/api/syndicates/${syndicateId}/members/${person}`, admin, { decision: 'approve' }), 200);
  const made = await expectOk(
    call('POST', `/api/syndicates/${syndicateId}/openings`, admin, { ...opening, positions: 5 }),
    201,
  );
  const id = String(body(made).id);
  await expectOk(call('PUT', `/api/openings/${id}/status`, admin, { status: 'open' }), 200);
  await expectOk(call('PUT', `/api/openings/${id}/applications/me`, person, { note: 'I can start Monday.' }), 200);
  await expectOk(call('PUT', `/api/openings/${id}/applicants/${person}/stage`, admin, { stage: 'offered' }), 200);
  await expectOk(call('PUT', `/api/openings/${id}/applications/me/offer`, person, { answer: 'accept' }), 200);
  return id;
}

export async function workWorld(): Promise<{ call: Call; services: Services; openingId: string }> {
  const world = await apiOnFreshTable();
  await createPeople(world.services, ['admin', 'co-admin', 'worker', 'outsider']);
  await expectOk(world.call('POST', '/api/syndicates', 'admin', { ...syndicate('riverside'), rateCard }), 201);
  await readyToPay(world.call, 'riverside', 'admin');
  return { ...world, openingId: await hire(world.call, 'worker') };
}

/**
 * Hires `person` into the syndicate, gives it the rate card above and logs 2 hours of theirs. The card is
 * stored as the members' vote would enact it (a syndicate of several members changes its card only so:
 * decisions.test.ts proves the vote itself).
 */
export async function loggedHours(
  { call, services }: { call: Call; services: Services },
  person: string,
  syndicateId: string,
  admin: string,
) {
  const openingId = await hire(call, person, syndicateId, admin);
  const current = await services.syndicates.get(syndicateId);
  if (!current) throw new Error(`No syndicate ${syndicateId}`);
  await services.syndicates.update({ ...current, rateCard: rateCardSchema().parse(rateCard) });
  const input = {
    syndicateId,
    for: { kind: 'position', openingId },
    date: '2026-11-02',
    hours: 2,
    service: 'Sweeping up',
    note: 'Swept the workshop.',
  };
  const workLogId = String(body(await expectOk(call('POST', '/api/work-logs', person, input), 201)).id);
  return { workLogId, openingId };
}
