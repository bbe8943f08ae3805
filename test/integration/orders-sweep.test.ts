// The sweep that counts undisputed deliveries as confirmed once their window passes, on the real
// store: it pays each due order once, leaves disputed and not-yet-due orders alone, leaves an order
// its buyer cannot pay delivered (to try again), and reads a bounded number of pages a run.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '#app/services.ts';
import { confirmDueOrders } from '#domain/orders/confirm-due-orders.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { createPeople, ledgerSums } from '../support/innovation-world.ts';
import { putOffer } from '../support/offers.ts';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let services: Services;
let clock = new Date('2026-05-01T08:00:00.000Z');
const days = (n: number) => {
  clock = new Date(clock.getTime() + n * 86_400_000);
};

beforeAll(async () => {
  ({ call, services } = await apiOnFreshTable({ now: () => clock }, { ORDER_DISPUTE_WINDOW_DAYS: 3 }));
  await createPeople(services, ['ada', 'carla', 'broke']);
  const granted = await call('PUT', '/api/people/carla/credit-limit', 'steward', {
    credit: 100_000,
    reason: 'Agreed at the members’ meeting.',
  });
  expect(granted.status).toBe(200);
  await putOffer(services, { id: 'ada-books', seller: 'person:ada', price: 1000n });
});

async function delivered(buyer: string) {
  const id = body(await call('POST', '/api/orders', buyer, { offerId: 'ada-books', quantity: 1 })).id as string;
  for (const action of ['accept', 'deliver']) await call('PUT', `/api/orders/${id}/step`, 'ada', { action });
  return id;
}
const statusOf = async (id: string) => (await services.orders.getOrder(id))?.status;

describe('the sweep of due orders', () => {
  it('pays the due ones once, a bounded number of pages a run, and leaves the rest as they are', async () => {
    const due = [await delivered('carla'), await delivered('carla'), await delivered('carla')];
    const disputed = await delivered('carla');
    await call('PUT', `/api/orders/${disputed}/step`, 'carla', { action: 'dispute', reason: 'Half done.' });
    const unpaid = await delivered('broke');
    days(2);
    const notYet = await delivered('carla');
    days(1);

    // One page of two a run: the first run takes the two longest due, the next the rest.
    const first = await confirmDueOrders(services, { maxPages: 1, pageSize: 2 });
    expect(first.checked).toBe(2);
    const second = await confirmDueOrders(services, { maxPages: 10, pageSize: 2 });
    expect([...first.confirmed, ...second.confirmed].sort()).toEqual([...due].sort());
    expect(second.refused).toEqual([unpaid]);
    for (const id of due) {
      expect(await services.orders.getOrder(id)).toMatchObject({ status: 'confirmed', lapsed: true });
    }
    expect([await statusOf(disputed), await statusOf(unpaid), await statusOf(notYet)]).toEqual([
      'disputed',
      'delivered',
      'delivered',
    ]);
    expect((await services.ledger.getAccounts(['person:ada'])).get('person:ada')?.balance).toBe(3000n);

    // Run again: nothing is paid twice; the unpaid order is tried again and still refused.
    const third = await confirmDueOrders(services);
    expect([third.confirmed, third.refused]).toEqual([[], [unpaid]]);
    days(3);
    expect((await confirmDueOrders(services)).confirmed).toEqual([notYet]);
    expect((await services.ledger.totals()).payments).toBe(4);
    expect(await ledgerSums(services)).toEqual({ balances: 0n, kept: 0n });
  });
});
