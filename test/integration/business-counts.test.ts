// The business counts the job board and the ledger make, through the API against DynamoDB Local: an
// application is counted when one is submitted (not when the same person applies again), a fill when an
// offer is accepted (not declined, not accepted twice), a settlement and a payment per inventor paid
// when a report is settled (not when it is settled again), and a payment per payment in Bound made.
import { beforeEach, describe, expect, it } from 'vitest';
import type { BusinessCount } from '#platform/metrics.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { innovationSteps, innovationWorld } from '../support/innovation-world.ts';
import { opening, syndicate } from '../support/write-world.ts';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let counted: BusinessCount[];
let openingId: string;

beforeEach(async () => {
  counted = [];
  ({ call } = await apiOnFreshTable({ count: (name) => counted.push(name) }));
  expect((await call('POST', '/api/syndicates', 'admin', syndicate('riverside'))).status).toBe(201);
  const created = await call('POST', '/api/syndicates/riverside/openings', 'admin', opening);
  openingId = String(body(created).id);
  expect((await call('PUT', `/api/openings/${openingId}/status`, 'admin', { status: 'open' })).status).toBe(200);
  counted.length = 0;
});

const apply = (as: string, note = 'I can start Monday.') =>
  call('PUT', `/api/openings/${openingId}/applications/me`, as, { note });

describe('business counts of the job board', () => {
  it('counts an application once however often the person applies, and again after a withdrawal', async () => {
    expect((await apply('ada')).status).toBe(200);
    expect((await apply('ada', 'Me again.')).status).toBe(200);
    expect(counted).toEqual(['applications']);
    expect((await call('DELETE', `/api/openings/${openingId}/applications/me`, 'ada')).status).toBe(200);
    expect(body(await apply('ada', 'Free again.')).status).toBe('submitted');
    expect(counted).toEqual(['applications', 'applications']);
  });

  it('counts a fill for an accepted offer only: not a declined one, a second accept, or a stranger’s', async () => {
    await apply('ada');
    await apply('bo');
    for (const person of ['ada', 'bo'])
      await call('PUT', `/api/openings/${openingId}/applicants/${person}/stage`, 'admin', { stage: 'offered' });
    counted.length = 0;
    const answer = (as: string, value: string) =>
      call('PUT', `/api/openings/${openingId}/applications/me/offer`, as, { answer: value });
    expect((await answer('stranger', 'accept')).status).toBe(404);
    expect((await answer('ada', 'accept')).status).toBe(200);
    expect((await answer('ada', 'accept')).status).toBe(409);
    expect((await answer('bo', 'decline')).status).toBe(200);
    expect(counted).toEqual(['fills']);
  });
});

describe('business counts of the Bound ledger', () => {
  it('counts a settlement and a payment to each inventor when a confirmation settles a report, once', async () => {
    const counted: BusinessCount[] = [];
    const world = await innovationWorld(
      { now: new Date('2026-11-21T12:00:00.000Z') },
      {
        count: (name) => counted.push(name),
      },
    );
    const { adoptedAndReported } = innovationSteps(() => world.call);
    const { id, reportId } = await adoptedAndReported(1001);
    counted.length = 0;
    // Ana holds 70% of the shares: her confirmation settles the report, paying Ana and Ben.
    const decided = await world.call('PUT', `/api/innovations/${id}/reports/${reportId}/decision`, 'ana', {
      decision: 'confirm',
    });
    expect(body(decided).report.status).toBe('settled');
    expect(counted).toEqual(['settlements', 'payments', 'payments']);
    const again = await world.call('POST', `/api/innovations/${id}/reports/${reportId}/settlement`, 'admin');
    expect(body(again)).toMatchObject({ settledNow: false, report: { status: 'settled' } });
    expect(counted).toEqual(['settlements', 'payments', 'payments']);
  });

  it('counts a payment once: not for a refusal, a retry with its key, or a request accepted again', async () => {
    const counted: BusinessCount[] = [];
    const world = await innovationWorld(
      { now: new Date('2026-11-21T12:00:00.000Z') },
      { count: (n) => counted.push(n) },
    );
    counted.length = 0;
    const pay = (amount: number) =>
      world.call(
        'POST',
        '/api/payments',
        'admin',
        { from: 'syndicate:mill', to: 'person:ana', amount, memo: 'Parts' },
        {
          'idempotency-key': `pay-${amount}`,
        },
      );
    expect((await pay(500)).status).toBe(201);
    expect((await pay(500)).headers['idempotent-replayed']).toBe('true');
    expect((await pay(999_999_999)).status).toBe(422);
    expect(counted).toEqual(['payments']);
    const asked = await world.call('POST', '/api/payment-requests', 'ana', {
      payer: 'syndicate:mill',
      amount: 100,
      memo: 'Invoice',
    });
    const accept = () =>
      world.call('PUT', `/api/payment-requests/${body(asked).id}/decision`, 'admin', { decision: 'accept' });
    expect(body(await accept()).paidNow).toBe(true);
    expect(body(await accept()).paidNow).toBe(false);
    expect(counted).toEqual(['payments', 'payments']);
  });
});
