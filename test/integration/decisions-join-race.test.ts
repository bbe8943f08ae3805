// The rules that say a syndicate of more than one member decides by vote (`adoption-by-vote`,
// `rate-card-by-vote`) hold in the write, not only when the request is read: a member whose join lands
// between the check and the write turns the direct change away with the rule, and nothing is written.
// Each race is made certain by a repository that lets the join land just before the real write.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '#app/services.ts';
import { createApi } from '#http/api.ts';
import { callerFor } from '../support/api-client.ts';
import { body, type Call, innovationSteps, innovationWorld } from '../support/innovation-world.ts';
import { syndicateInput } from '../unit/innovations/fixtures.ts';

const clock = { now: new Date('2026-03-01T09:00:00.000Z') };
let call: Call;
let services: Services;
const steps = innovationSteps(() => call);

/** A syndicate of one (its admin `admin`) with a join request from `ben` waiting for the admin. */
async function soloWithRequest(id: string) {
  expect((await call('POST', '/api/syndicates', 'admin', syndicateInput(id))).status).toBe(201);
  expect((await call('POST', `/api/syndicates/${id}/join-requests`, 'ben')).status).toBe(201);
}
/** The admin approves ben's request: the join that races the direct change. */
const join = async (id: string) => {
  const approved = await call('PUT', `/api/syndicates/${id}/members/ben`, 'admin', { decision: 'approve' });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
};

beforeAll(async () => {
  ({ call, services } = await innovationWorld(clock));
});

describe('a member joining while an admin changes something alone', () => {
  it('turns a direct adoption away with adoption-by-vote when the join lands between the check and the write', async () => {
    await soloWithRequest('solo-adopt');
    const id = await steps.published();
    let joined = false;
    const racing = callerFor(
      createApi({
        ...services,
        innovations: {
          ...services.innovations,
          // The rule was read with one member; the join lands now, just before the adoption's write.
          async adopt(adoption, log, options) {
            if (!joined) {
              joined = true;
              await join('solo-adopt');
            }
            return services.innovations.adopt(adoption, log, options);
          },
        },
      }),
    );
    const answer = await racing('PUT', `/api/innovations/${id}/adoptions/solo-adopt`, 'admin', {
      implementers: [{ personId: 'admin' }],
    });
    expect(joined).toBe(true);
    expect([answer.status, body(answer).rule], JSON.stringify(answer.body)).toEqual([422, 'adoption-by-vote']);
    expect(await services.innovations.getAdoption(id, 'solo-adopt')).toBeNull();
    expect((await services.innovations.get(id))?.adopterCount ?? 0).toBe(0);
  });

  it('still adopts directly for a syndicate that stays at one member', async () => {
    expect((await call('POST', '/api/syndicates', 'admin', syndicateInput('solo-quiet'))).status).toBe(201);
    const id = await steps.published();
    const answer = await call('PUT', `/api/innovations/${id}/adoptions/solo-quiet`, 'admin', {
      implementers: [{ personId: 'admin' }],
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  });

  it('turns a direct rate-card change away with rate-card-by-vote when the join lands between the check and the write', async () => {
    await soloWithRequest('solo-card');
    let joined = false;
    const racing = callerFor(
      createApi({
        ...services,
        syndicates: {
          ...services.syndicates,
          async update(syndicate) {
            if (!joined) {
              joined = true;
              await join('solo-card');
            }
            return services.syndicates.update(syndicate);
          },
        },
      }),
    );
    const card = [{ service: 'Bench repair', rate: { amount: 9900, currency: 'EUR', per: 'hour' }, unpleasant: false }];
    const { id: _id, ...fields } = syndicateInput('solo-card');
    const answer = await racing('PUT', '/api/syndicates/solo-card', 'admin', { ...fields, rateCard: card });
    expect(joined, JSON.stringify(answer.body)).toBe(true);
    expect([answer.status, body(answer).rule], JSON.stringify(answer.body)).toEqual([422, 'rate-card-by-vote']);
    expect((await services.syndicates.get('solo-card'))?.rateCard).toEqual([]);
  });
});
