// Orders' and the market's refusals in the reader's language over the API against DynamoDB Local (issue
// 19): an order of a withdrawn offer, a step of the other side's, a step the status no longer allows, a
// listing's last day out of range and an offer's price set by a person's rate-card service, each in
// Spanish or Dutch by Accept-Language, with Content-Language; the fields and statuses unchanged.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '#app/services.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { createPeople } from '../support/innovation-world.ts';
import { putOffer } from '../support/offers.ts';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let services: Services;
const clock = new Date('2026-03-02T09:00:00.000Z');

const es = { 'accept-language': 'es' };
const nl = { 'accept-language': 'nl-NL,nl;q=0.9' };
const offer = (change: Record<string, unknown>) => ({
  title: 'Bookkeeping by the hour',
  description: 'Monthly books for small co-operatives.',
  kind: 'service',
  trade: 'bookkeeping',
  skillIds: ['bookkeeping-fundamentals'],
  remote: true,
  unit: 'hour',
  price: 2500,
  ...change,
});

beforeAll(async () => {
  ({ call, services } = await apiOnFreshTable({ now: () => clock }));
  await createPeople(services, ['ada', 'carla']);
  await putOffer(services, { id: 'ada-books', seller: 'person:ada', price: 2000n });
  await putOffer(services, { id: 'gone', seller: 'person:ada', status: 'withdrawn' });
});

describe('orders’ refusals in Spanish and Dutch', () => {
  it('refuses a withdrawn offer in Spanish, beside the same field', async () => {
    const refused = await call('POST', '/api/orders', 'carla', { offerId: 'gone', quantity: 1 }, es);
    expect(refused.status).toBe(422);
    expect(refused.headers['content-language']).toBe('es');
    expect(body(refused)).toMatchObject({
      detail: 'La oferta no admite pedidos.',
      errors: [{ field: 'body.offerId', message: 'Esta oferta se retiró: ya no admite pedidos.' }],
    });
  });

  it('refuses a step of the other side’s and one the status no longer allows in Dutch, and in English without Accept-Language', async () => {
    const placed = await call('POST', '/api/orders', 'carla', { offerId: 'ada-books', quantity: 2 });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    const step = (as: string, action: string, headers: Record<string, string> = {}) =>
      call('PUT', `/api/orders/${body(placed).id}/step`, as, { action }, headers);
    const sellerCancels = await step('ada', 'cancel', nl);
    expect(sellerCancels.status).toBe(403);
    expect(sellerCancels.headers['content-language']).toBe('nl');
    expect(body(sellerCancels).detail).toBe(
      'Alleen de koper annuleert een bestelling, zolang die op de verkoper wacht.',
    );
    expect((await step('ada', 'accept')).status).toBe(200);
    const again = await step('ada', 'accept', nl);
    expect(again.status).toBe(409);
    expect(body(again).detail).toBe('Deze bestelling is geaccepteerd: ze kan nu niet worden geaccepteerd.');
    expect(body(await step('ada', 'accept')).detail).toBe('This order is accepted: it cannot be accepted now.');
  });
});

describe('the market’s refusals in Spanish and Dutch', () => {
  it('says the days a listing may last to as a Spanish reader writes them', async () => {
    const refused = await call('POST', '/api/offers', 'ada', offer({ expiresOn: '2020-01-01' }), {
      ...es,
      'idempotency-key': 'offer-es-1',
    });
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.headers['content-language']).toBe('es');
    expect(body(refused).errors).toEqual([
      {
        field: 'body.expiresOn',
        message: 'Elige un último día entre hoy (2 de marzo de 2026) y dentro de 365 días (2 de marzo de 2027).',
      },
    ]);
  });

  it('says why an offer’s price cannot be set so in Dutch', async () => {
    const refused = await call('POST', '/api/offers', 'ada', offer({ service: 'Bike repair' }), {
      ...nl,
      'idempotency-key': 'offer-nl-1',
    });
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.headers['content-language']).toBe('nl');
    expect(body(refused).detail).toBe('De prijs van het aanbod kan niet zo worden ingesteld.');
    expect(body(refused).errors[0].field).toBe('body.service');
  });
});
