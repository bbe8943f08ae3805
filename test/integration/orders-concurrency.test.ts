// Confirmations of one order racing on DynamoDB Local, which serialises transactions and never raises
// a conflict itself: what is proved is that the conditions alone (the payment's id made from the
// order's, the order's status, the log's head) make a hundred confirmations one payment. Each racer
// asks again after a 503, as a careful client would: a confirmation is the same however often it is made.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '#app/services.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { untilAnswered } from '../support/busy.ts';
import { allEntries, createPeople, ledgerSums } from '../support/innovation-world.ts';
import { putOffer } from '../support/offers.ts';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let services: Services;
let clock = new Date();

beforeEach(async () => {
  clock = new Date();
  ({ call, services } = await apiOnFreshTable({ now: () => clock }, { WRITE_RATE_LIMIT: 100_000 }));
  await createPeople(services, ['ada', 'carla']);
  const granted = await call('PUT', '/api/people/carla/credit-limit', 'steward', {
    credit: 10_000,
    reason: 'A hundred Bound of credit, agreed.',
  });
  expect(granted.status).toBe(200);
  await putOffer(services, { id: 'ada-books', seller: 'person:ada', price: 2500n });
});

async function deliveredOrder() {
  const placed = await call('POST', '/api/orders', 'carla', { offerId: 'ada-books', quantity: 2 });
  const id = body(placed).id as string;
  for (const action of ['accept', 'deliver']) {
    expect((await call('PUT', `/api/orders/${id}/step`, 'ada', { action })).status).toBe(200);
  }
  return id;
}

describe('confirmations racing', () => {
  it('pays an order once when it is confirmed 100 times at once', async () => {
    const id = await deliveredOrder();
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        untilAnswered(() => call('PUT', `/api/orders/${id}/step`, 'carla', { action: 'confirm' }), {
          repeatable: true,
        }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(100).fill(200));
    expect(answers.filter((answer) => body(answer).paidNow)).toHaveLength(1);
    expect(new Set(answers.map((answer) => body(answer).payment?.id))).toEqual(new Set([`order-${id}`]));
    expect(await allEntries(services, 'person:ada')).toHaveLength(1);
    expect((await services.ledger.getAccounts(['person:ada'])).get('person:ada')?.balance).toBe(5000n);
    expect((await services.ledger.totals()).payments).toBe(1);
    expect(await ledgerSums(services)).toEqual({ balances: 0n, kept: 0n });
  }, 300_000);

  it('pays a due order once when the buyer, the seller and the sweep confirm it at once', async () => {
    const id = await deliveredOrder();
    clock = new Date(clock.getTime() + 8 * 86_400_000);
    const { confirmDueOrders } = await import('#domain/orders/confirm-due-orders.ts');
    const [sweep, ...answers] = await Promise.all([
      confirmDueOrders(services),
      ...Array.from({ length: 20 }, (_, n) =>
        untilAnswered(() => call('PUT', `/api/orders/${id}/step`, n % 2 ? 'ada' : 'carla', { action: 'confirm' }), {
          repeatable: true,
        }),
      ),
    ]);
    expect(answers.map((answer) => [answer.status, body(answer).detail])).toEqual(Array(20).fill([200, undefined]));
    const paid = answers.filter((answer) => body(answer).paidNow).length + sweep.confirmed.length;
    expect(paid).toBe(1);
    expect(await allEntries(services, 'person:ada')).toHaveLength(1);
    expect((await services.ledger.totals()).payments).toBe(1);
  }, 300_000);
});
