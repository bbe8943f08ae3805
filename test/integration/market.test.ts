// Offers and wants through the API, on the real store: listing once per Idempotency-Key, what is refused
// (naming the field) with nothing written, a syndicate's rate card pricing its offers, withdrawal by the
// owner alone, an account's own lists, the sweep's expiry, and the marketplace found by facet with the
// other side's matches.
import { beforeAll, describe, expect, it } from 'vitest';
import { offerKey, wantKey } from '#adapters/dynamodb/keys.ts';
import type { Services } from '#app/services.ts';
import { reconcile, reindex } from '#app/search-sync.ts';
import { expireListings } from '#domain/market/expire-listings.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { documentClient } from '../support/dynamodb.ts';
import { tableSnapshot } from '../support/write-world.ts';
import { syndicateInput } from '../unit/innovations/fixtures.ts';
import { GetCommand } from '@aws-sdk/lib-dynamodb';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let services: Services;
let refusals = 0;

const offer = (change: Record<string, unknown> = {}) => ({
  title: 'Bookkeeping by the hour',
  description: 'Monthly books, **VAT returns** and year-end accounts for small co-operatives.',
  kind: 'service',
  trade: 'bookkeeping',
  skillIds: ['bookkeeping-fundamentals'],
  remote: true,
  unit: 'hour',
  price: 2500,
  ...change,
});
const want = (change: Record<string, unknown> = {}) => ({
  title: 'Someone to keep our books',
  description: 'A small food co-op needs its books kept.',
  kind: 'service',
  trade: 'bookkeeping',
  skillIds: ['bookkeeping-fundamentals'],
  place: 'Valencia, ES',
  unit: 'job',
  quantity: 1,
  hours: 12,
  ...change,
});
const stored = async (key: { pk: string; sk: string }) =>
  (await documentClient().send(new GetCommand({ TableName: services.config.TABLE_NAME, Key: key }))).Item;

beforeAll(async () => {
  ({ call, services } = await apiOnFreshTable());
  for (const person of ['ada', 'bram', 'carla']) await call('GET', '/api/me', person);
  const taller = {
    ...syndicateInput('taller'),
    rateCard: [
      { service: 'Bike repair', rate: { amount: 3000, currency: 'BOUND', per: 'hour' } },
      { service: 'Wheel truing', rate: { amount: 150, currency: 'HOURS', per: 'job' } },
      { service: 'Bench day', rate: { amount: 20000, currency: 'EUR', per: 'day' } },
    ],
  };
  expect((await call('POST', '/api/syndicates', 'bram', taller)).status).toBe(201);
});

describe('listing an offer', () => {
  it('lists once for a retried request with the same Idempotency-Key, stored as other parts read it', async () => {
    const key = { 'idempotency-key': 'offer-once-1' };
    const first = await call('POST', '/api/offers', 'ada', offer(), key);
    const second = await call('POST', '/api/offers', 'ada', offer(), key);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    const made = body(first).offer;
    expect(body(second).offer.id).toBe(made.id);
    expect(made).toMatchObject({ seller: 'person:ada', price: '2500', priceInHours: '1.25', status: 'open' });
    const mine = body(await call('GET', '/api/me/offers', 'ada'));
    expect(mine.items.filter((item: { title: string }) => item.title === 'Bookkeeping by the hour')).toHaveLength(1);
    const item = await stored(offerKey(made.id));
    expect(item).toMatchObject({
      type: 'offer',
      id: made.id,
      seller: 'person:ada',
      title: 'Bookkeeping by the hour',
      kind: 'service',
      unit: 'hour',
      price: 2500,
      skillIds: ['bookkeeping-fundamentals'],
      trade: 'bookkeeping',
      status: 'open',
    });
    // The table's TTL attribute is `expiresAt`: a number there would let DynamoDB delete the offer.
    expect(typeof item?.expiresAt).toBe('string');
  });

  it.each([
    ['no price from a sole trader', { price: undefined }, 422, 'body.price', /Give a price/],
    ['a zero price', { price: 0 }, 400, 'body.price', /more than zero/],
    ['a fraction of a minor unit', { price: 12.5 }, 400, 'body.price', /fraction/],
    ['an unknown kind', { kind: 'favour' }, 400, 'body.kind', /./],
    ['an unknown unit', { unit: 'day' }, 400, 'body.unit', /./],
    ['a skill not in the commons', { skillIds: ['juggling'] }, 422, 'body.skillIds.0', /No skill "juggling"/],
    ['no place and not remote', { remote: false }, 422, 'body.place', /remote/],
    ['labour without a skill', { kind: 'labour', skillIds: [] }, 422, 'body.skillIds', /at least one skill/],
    ['a last day in the past', { expiresOn: '2020-01-01' }, 422, 'body.expiresOn', /last day/],
    ['a title of spaces', { title: '     ' }, 400, 'body.title', /visible/],
    ['a status the server keeps', { status: 'open' }, 400, 'body.status', /does not take this field/],
    ['a rate-card service for a person', { service: 'Bike repair' }, 422, 'body.service', /syndicate/],
    ['someone else’s account', { seller: 'person:bram' }, 403, undefined, /yourself/],
  ])('refuses %s, naming the field, and writes nothing', async (_what, change, status, field, message) => {
    const before = await tableSnapshot(services.config.TABLE_NAME);
    // A key, so an idempotency claim is among what must not be left behind.
    const key = { 'idempotency-key': `bad-offer-${++refusals}` };
    const refused = await call('POST', '/api/offers', 'ada', offer(change), key);
    expect(refused.status, JSON.stringify(refused.body)).toBe(status);
    if (field) {
      const issue = body(refused).errors?.find((e: { field: string }) => e.field === field);
      expect(issue?.message, JSON.stringify(refused.body)).toMatch(message);
    } else {
      expect(body(refused).detail).toMatch(message);
    }
    expect(await tableSnapshot(services.config.TABLE_NAME)).toBe(before);
  });
});

describe('a syndicate’s offer', () => {
  it('takes the rate card’s rate for one of its services, and its own price otherwise', async () => {
    const repair = await call('POST', '/api/offers', 'bram', {
      ...offer({ price: undefined, trade: 'repair', skillIds: [], title: 'Bike repair at the bench' }),
      seller: 'syndicate:taller',
      service: 'bike repair',
    });
    expect(repair.status, JSON.stringify(repair.body)).toBe(201);
    expect(body(repair).offer).toMatchObject({ seller: 'syndicate:taller', price: '3000', unit: 'hour' });
    const truing = await call('POST', '/api/offers', 'bram', {
      ...offer({ price: undefined, trade: 'repair', skillIds: [], unit: 'job', title: 'Wheel truing, any bike' }),
      seller: 'syndicate:taller',
      service: 'Wheel truing',
    });
    // 1.50 hours of agreed work at the default 20.00 Bound an hour.
    expect(body(truing).offer).toMatchObject({ price: '3000', unit: 'job', priceInHours: '1.50' });
    const own = await call('POST', '/api/offers', 'bram', {
      ...offer({
        kind: 'good',
        trade: 'repair',
        skillIds: [],
        unit: 'item',
        price: 800,
        title: 'Second-hand inner tubes',
      }),
      seller: 'syndicate:taller',
    });
    expect(body(own).offer).toMatchObject({ price: '800', unit: 'item' });
    const page = body(await call('GET', '/api/syndicates/taller/offers', 'bram'));
    expect(page.items.map((item: { title: string }) => item.title)).toEqual([
      'Second-hand inner tubes',
      'Wheel truing, any bike',
      'Bike repair at the bench',
    ]);
  });

  it.each([
    ['a price beside a rate-card service', { service: 'Bike repair', price: 100 }, 'body.price'],
    ['a service the card does not have', { service: 'Welding', price: undefined }, 'body.service'],
    ['a rate per day in euros', { service: 'Bench day', price: undefined }, 'body.service'],
    ['another unit than the card’s', { service: 'Bike repair', price: undefined, unit: 'job' }, 'body.unit'],
  ])('refuses %s, naming the field', async (_what, change, field) => {
    const refused = await call('POST', '/api/offers', 'bram', { ...offer(change), seller: 'syndicate:taller' });
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(body(refused).errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('may be listed only by an admin of the syndicate, and its list read only by its admins', async () => {
    const refused = await call('POST', '/api/offers', 'carla', { ...offer(), seller: 'syndicate:taller' });
    expect(refused.status).toBe(403);
    expect((await call('GET', '/api/syndicates/taller/offers', 'carla')).status).toBe(404);
  });
});

describe('a want', () => {
  it('keeps the hours of work it represents: its quantity by the hour, else the estimate given', async () => {
    const byHour = body(
      await call('POST', '/api/wants', 'carla', want({ unit: 'hour', quantity: 6, hours: undefined })),
    );
    expect(byHour.want).toMatchObject({ buyer: 'person:carla', demandHours: 6, quantity: 6, status: 'open' });
    const job = body(await call('POST', '/api/wants', 'carla', want()));
    expect(job.want.demandHours).toBe(12);
    const item = await stored(wantKey(job.want.id));
    expect(item).toMatchObject({ type: 'want', buyer: 'person:carla', unit: 'job', quantity: 1, demandHours: 12 });
  });

  it('refuses a service want without its hours, naming the field, and writes nothing', async () => {
    const before = await tableSnapshot(services.config.TABLE_NAME);
    const refused = await call('POST', '/api/wants', 'carla', want({ hours: undefined }));
    expect(refused.status).toBe(422);
    expect(body(refused).errors[0].field).toBe('body.hours');
    expect(await tableSnapshot(services.config.TABLE_NAME)).toBe(before);
  });
});

describe('withdrawal and expiry', () => {
  it('lets the owner withdraw once, and nobody else at all', async () => {
    const made = body(await call('POST', '/api/offers', 'ada', offer({ title: 'Payroll for small crews' }))).offer;
    expect((await call('POST', `/api/offers/${made.id}/withdraw`, 'carla')).status).toBe(404);
    const withdrawn = await call('POST', `/api/offers/${made.id}/withdraw`, 'ada');
    expect(withdrawn.status).toBe(200);
    expect(body(withdrawn)).toMatchObject({ status: 'withdrawn', withdrawnBy: 'ada' });
    expect((await call('POST', `/api/offers/${made.id}/withdraw`, 'ada')).status).toBe(409);
    expect(await stored(offerKey(made.id))).not.toHaveProperty('gsi2pk');
  });

  it('marks open listings past their instant expired in the sweep, and only those', async () => {
    const soon = body(
      await call('POST', '/api/wants', 'carla', want({ title: 'Books for one month', expiresOn: today() })),
    );
    const later = body(await call('POST', '/api/wants', 'carla', want({ title: 'Books for one year' })));
    const tomorrow = new Date(Date.now() + 2 * 86_400_000);
    const report = await expireListings({ ...services, now: () => tomorrow });
    expect(report.expired.wants).toContain(soon.want.id);
    expect(report.expired.wants).not.toContain(later.want.id);
    expect(body(await call('GET', `/api/wants/${soon.want.id}`, null)).status).toBe('expired');
    expect((await stored(wantKey(soon.want.id)))?.status).toBe('expired');
    const again = await expireListings({ ...services, now: () => tomorrow });
    expect(again.expired.wants).not.toContain(soon.want.id);
  });
});

describe('the marketplace', () => {
  it('is rebuilt from the open listings alone, found by facet, with each listing’s matches on the other side', async () => {
    const offered = body(await call('POST', '/api/offers', 'ada', offer({ title: 'Year-end accounts' }))).offer;
    const wanted = body(await call('POST', '/api/wants', 'carla', want({ title: 'Accounts for our co-op' }))).want;
    await reindex(services);
    expect((await reconcile(services)).missing).toEqual([]);
    const page = body(await call('GET', '/api/market?side=offer&kind=service&trade=bookkeeping&pageSize=100', null));
    const found = page.items.map((hit: { document: { id: string } }) => hit.document.id);
    expect(found).toContain(`offer:${offered.id}`);
    // Withdrawn and expired offers are not on the marketplace.
    expect(page.items.every((hit: { document: { status: string } }) => hit.document.status === 'open')).toBe(true);
    expect(page.facets.kind).toMatchObject({ service: expect.any(Number) });
    const none = body(await call('GET', '/api/market?side=offer&kind=labour&trade=bookkeeping', null));
    expect(none.items.map((hit: { document: { id: string } }) => hit.document.id)).not.toContain(`offer:${offered.id}`);
    const matches = body(await call('GET', `/api/wants/${wanted.id}/matches`, null));
    expect(matches.total).toBeGreaterThanOrEqual(1);
    expect(matches.items.map((document: { id: string }) => document.id)).toContain(`offer:${offered.id}`);
    expect(matches.items.length).toBeLessThanOrEqual(5);
  });

  it('refuses a filter it does not know with a 400 naming it', async () => {
    const refused = await call('GET', '/api/market?side=offer&kind=favour', null);
    expect(refused.status).toBe(400);
    expect(body(refused).errors[0].field).toBe('query.kind');
  });
});

describe('an account deleted', () => {
  it('takes its offers and wants with it, and its data download holds them before', async () => {
    await call('GET', '/api/me', 'dora');
    const offered = body(await call('POST', '/api/offers', 'dora', offer({ title: 'Dora’s bookkeeping' }))).offer;
    const wanted = body(await call('POST', '/api/wants', 'dora', want({ title: 'Dora needs a ledger' }))).want;
    const download = JSON.stringify(body(await call('GET', '/api/me/export', 'dora')));
    expect(download).toContain(offered.id);
    expect(download).toContain(wanted.id);
    const deleted = await call('DELETE', '/api/me', 'dora');
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect(await stored(offerKey(offered.id))).toBeUndefined();
    expect(await stored(wantKey(wanted.id))).toBeUndefined();
    expect((await call('GET', `/api/offers/${offered.id}`, null)).status).toBe(404);
  });
});

const today = () => new Date().toISOString().slice(0, 10);
