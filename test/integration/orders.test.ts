// Orders through the API, on the real store: a person and a syndicate (through its admin) order offers,
// the seller accepts or declines and delivers, the buyer confirms or disputes, and the payment lands
// once with the order named on both statements and in the registry log. Refusals name the field and
// change nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '#app/services.ts';
import { parseEvent } from '#domain/innovations/log-events.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { allEntries, createPeople, ledgerSums, readyToPay } from '../support/innovation-world.ts';
import { putOffer } from '../support/offers.ts';
import { tableSnapshot } from '../support/write-world.ts';
import { syndicateInput } from '../unit/innovations/fixtures.ts';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let services: Services;
let clock = new Date('2026-03-02T09:00:00.000Z');

const order = (as: string, input: Record<string, unknown>, headers: Record<string, string> = {}) =>
  call('POST', '/api/orders', as, input, headers);
const step = (as: string, id: string, action: string, extra: Record<string, unknown> = {}) =>
  call('PUT', `/api/orders/${id}/step`, as, { action, ...extra });
const statement = async (as: string) => body(await call('GET', '/api/me/statement', as));
const place = async (as: string, input: Record<string, unknown>) => {
  const placed = await order(as, input);
  expect(placed.status, JSON.stringify(placed.body)).toBe(201);
  return body(placed).id as string;
};

beforeAll(async () => {
  ({ call, services } = await apiOnFreshTable({ now: () => clock }));
  await createPeople(services, ['ada', 'bram', 'carla', 'co-admin', 'broke']);
  expect((await call('POST', '/api/syndicates', 'bram', syndicateInput('taller'))).status).toBe(201);
  await readyToPay(call, 'taller', 'bram');
  expect(
    (
      await call('PUT', '/api/people/carla/credit-limit', 'steward', {
        credit: 50_000,
        reason: 'Agreed at the members’ meeting.',
      })
    ).status,
  ).toBe(200);
  await putOffer(services, { id: 'ada-books', seller: 'person:ada', title: 'Bookkeeping', price: 2000n });
  await putOffer(services, { id: 'taller-repair', seller: 'syndicate:taller', unit: 'job', price: 4500n });
  await putOffer(services, { id: 'gone', seller: 'person:ada', status: 'withdrawn' });
  await putOffer(services, { id: 'old', seller: 'person:ada', expiresAt: '2026-01-01T00:00:00.000Z' });
});

describe('an order from ordering to payment', () => {
  it('pays the seller the total once the buyer confirms, with the order named on both statements and in the log', async () => {
    const id = await place('bram', { offerId: 'ada-books', quantity: 3, buyer: 'syndicate:taller' });
    const placed = body(await call('GET', `/api/orders/${id}`, 'ada'));
    expect(placed).toMatchObject({
      buyer: 'syndicate:taller',
      seller: 'person:ada',
      orderedBy: 'bram',
      title: 'Bookkeeping',
      unitPrice: '2000',
      quantity: 3,
      total: '6000',
      demandHours: 3,
      skillIds: ['bookkeeping'],
      status: 'ordered',
    });
    // A later price change does not change the order.
    await putOffer(services, { id: 'ada-books', seller: 'person:ada', title: 'Bookkeeping', price: 9900n });
    expect(body(await step('ada', id, 'accept')).order.status).toBe('accepted');
    const delivered = body(await step('ada', id, 'deliver')).order;
    expect(delivered).toMatchObject({ status: 'delivered', dueAt: '2026-03-09T09:00:00.000Z' });
    const confirmed = await step('co-admin', id, 'confirm');
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(body(confirmed)).toMatchObject({
      order: { status: 'confirmed', paymentId: `order-${id}` },
      payment: { from: 'syndicate:taller', to: 'person:ada', amount: '6000', orderId: id, by: 'co-admin' },
      paidNow: true,
    });
    const ada = await statement('ada');
    expect(ada.account.balance).toBe('6000');
    expect(ada.items.at(-1)).toMatchObject({ counterparty: 'syndicate:taller', amount: '6000', orderId: id });
    const taller = body(await call('GET', '/api/syndicates/taller/statement', null));
    expect(taller.items.at(-1)).toMatchObject({ counterparty: 'person:ada', amount: '-6000', orderId: id });
    // Both lines name the offer's trade, which the economy counts the volume under.
    expect((await allEntries(services, 'person:ada')).at(-1)).toMatchObject({ orderId: id, trade: 'accounting' });
    expect((await allEntries(services, 'syndicate:taller')).at(-1)).toMatchObject({ trade: 'accounting' });
    const csv = String((await call('GET', '/api/me/statement?format=csv', 'ada')).body);
    expect(csv).toContain(`,order-${id},Order ${id}: 3 × Bookkeeping,${id}`);
    const entry = await services.registryLog.entry(body(confirmed).payment.logIndex);
    expect(parseEvent(entry?.data ?? '')).toMatchObject({ kind: 'payment', orderId: id, requestId: null });
    const again = await step('co-admin', id, 'confirm');
    expect([again.status, body(again).paidNow]).toEqual([200, false]);
    expect(await ledgerSums(services)).toEqual({ balances: 0n, kept: 0n });
  });

  it('shows in the buyer’s and the seller’s lists, and to nobody else', async () => {
    const id = await place('carla', { offerId: 'taller-repair', quantity: 1 });
    expect(body(await call('GET', '/api/me/orders', 'carla')).items[0]).toMatchObject({ id, total: '4500' });
    expect(body(await call('GET', '/api/syndicates/taller/orders?side=selling', 'co-admin')).items[0]).toMatchObject({
      id,
    });
    expect((await call('GET', '/api/syndicates/taller/orders?side=selling', 'carla')).status).toBe(404);
    expect((await call('GET', `/api/orders/${id}`, 'broke')).status).toBe(404);
    expect((await step('broke', id, 'accept')).status).toBe(404);
  });

  it('orders once for a retried request with the same Idempotency-Key', async () => {
    const key = { 'idempotency-key': 'order-once-1' };
    const input = { offerId: 'ada-books', quantity: 2 };
    const [first, second] = [await order('carla', input, key), await order('carla', input, key)];
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(body(second).id).toBe(body(first).id);
    const mine = body(await call('GET', '/api/me/orders?pageSize=100', 'carla')).items;
    expect(mine.filter((o: { id: string }) => o.id === body(first).id)).toHaveLength(1);
  });

  it.each([
    ['a zero quantity', { quantity: 0 }, 400, 'body.quantity', /at least one/],
    ['a negative quantity', { quantity: -2 }, 400, 'body.quantity', /at least one/],
    ['a fractional quantity', { quantity: 1.5 }, 400, 'body.quantity', /whole number/],
    ['a withdrawn offer', { offerId: 'gone' }, 422, 'body.offerId', /withdrawn/],
    ['an expired offer', { offerId: 'old' }, 422, 'body.offerId', /expired/],
    ['an offer nobody listed', { offerId: 'nowhere' }, 422, 'body.offerId', /No offer/],
    ['a total past what one payment moves', { quantity: 10_000, offerId: 'huge' }, 422, 'body.quantity', /more than/],
    ['more units than the offer holds', { quantity: 3, offerId: 'two-left' }, 422, 'body.quantity', /holds 2 at most/],
    ['a status the server keeps', { status: 'confirmed' }, 400, 'body.status', /does not take this field/],
  ])('refuses %s, naming the field, and changes nothing', async (_what, change, status, field, message) => {
    await putOffer(services, { id: 'huge', seller: 'person:ada', price: 999_999_999_999n });
    await putOffer(services, { id: 'two-left', seller: 'person:ada', quantity: 2 });
    const before = await tableSnapshot(services.config.TABLE_NAME);
    const refused = await order('carla', { offerId: 'ada-books', quantity: 1, ...change });
    expect(refused.status, JSON.stringify(refused.body)).toBe(status);
    const issue = body(refused).errors?.find((e: { field: string }) => e.field === field);
    expect(issue?.message, JSON.stringify(refused.body)).toMatch(message);
    expect(await tableSnapshot(services.config.TABLE_NAME)).toBe(before);
  });

  it('refuses ordering your own offer, or an admin ordering from their own syndicate, for anyone', async () => {
    for (const [who, input] of [
      ['ada', { offerId: 'ada-books', quantity: 1 }],
      ['bram', { offerId: 'taller-repair', quantity: 1 }],
      ['bram', { offerId: 'taller-repair', quantity: 1, buyer: 'syndicate:taller' }],
    ] as const) {
      const refused = await order(who, input);
      expect([refused.status, body(refused).errors?.[0]?.field], `${who} ${JSON.stringify(input)}`).toEqual([
        422,
        'body.offerId',
      ]);
    }
    expect((await order('carla', { offerId: 'ada-books', quantity: 1, buyer: 'syndicate:taller' })).status).toBe(403);
  });
});

describe('the steps of an order', () => {
  it('lets the seller decline and the buyer cancel only while it waits, each on their own side', async () => {
    const declined = await place('carla', { offerId: 'ada-books', quantity: 1 });
    expect((await step('carla', declined, 'decline')).status).toBe(403);
    expect(body(await step('ada', declined, 'decline')).order.status).toBe('declined');
    expect((await step('ada', declined, 'accept')).status).toBe(409);
    const cancelled = await place('carla', { offerId: 'ada-books', quantity: 1 });
    expect((await step('ada', cancelled, 'cancel')).status).toBe(403);
    expect(body(await step('carla', cancelled, 'cancel')).order.status).toBe('cancelled');
  });

  it('stops at a dispute with its reason; the seller refunds without payment, or the buyer withdraws it and pays', async () => {
    const start = BigInt((await statement('ada')).account.balance);
    const [refunded, withdrawn] = [
      await place('carla', { offerId: 'ada-books', quantity: 1 }),
      await place('carla', { offerId: 'ada-books', quantity: 2 }),
    ];
    for (const id of [refunded, withdrawn]) {
      await step('ada', id, 'accept');
      await step('ada', id, 'deliver');
      const noReason = await step('carla', id, 'dispute');
      expect([noReason.status, body(noReason).errors?.[0]?.field]).toEqual([422, 'body.reason']);
      const disputed = body(await step('carla', id, 'dispute', { reason: 'Two invoices were missed.' })).order;
      expect(disputed).toMatchObject({ status: 'disputed', disputeReason: 'Two invoices were missed.' });
    }
    expect(body(await step('ada', refunded, 'refund')).order.status).toBe('refunded');
    expect((await step('carla', refunded, 'confirm')).status).toBe(409);
    const confirmed = body(await step('carla', withdrawn, 'confirm')).order;
    expect(confirmed.status).toBe('confirmed');
    // Only the confirmed order paid: two units at the offer's price when ordered.
    expect(BigInt((await statement('ada')).account.balance) - start).toBe(BigInt(confirmed.total));
    expect(confirmed.total).toBe((BigInt(confirmed.unitPrice) * 2n).toString());
  });

  it('refuses a confirmation past the buyer’s credit limit with 422, leaving the order delivered to confirm later', async () => {
    const id = await place('broke', { offerId: 'ada-books', quantity: 1 });
    await step('ada', id, 'accept');
    await step('ada', id, 'deliver');
    const before = await tableSnapshot(services.config.TABLE_NAME);
    const refused = await step('broke', id, 'confirm');
    expect([refused.status, body(refused).rule]).toEqual([422, 'credit-limit']);
    expect(await tableSnapshot(services.config.TABLE_NAME)).toBe(before);
    expect(body(await call('GET', `/api/orders/${id}`, 'broke')).status).toBe('delivered');
  });

  it('counts an undisputed delivery as confirmed past its window: either side may then confirm, and none may dispute', async () => {
    const id = await place('carla', { offerId: 'ada-books', quantity: 1 });
    await step('ada', id, 'accept');
    await step('ada', id, 'deliver');
    expect((await step('ada', id, 'confirm')).status).toBe(403);
    clock = new Date(clock.getTime() + 7 * 86_400_000);
    const late = await step('carla', id, 'dispute', { reason: 'Too late.' });
    expect([late.status, body(late).rule]).toEqual([422, 'dispute-window-closed']);
    const confirmed = await step('ada', id, 'confirm');
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(body(confirmed)).toMatchObject({ order: { status: 'confirmed', lapsed: true }, payment: { by: 'carla' } });
  });
});
