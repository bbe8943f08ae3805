// The marketplace's rules, on fakes: who may list for a syndicate, a rate-card service's price against
// a sole trader's own, a want's hours of work, the fields that must go together, and the expiry sweep
// (only what expired, bounded, and the same when run again).
import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '#domain/errors.ts';
import { expireListings, maxPages } from '#domain/market/expire-listings.ts';
import { effectiveListingStatus, expiryOf, listingIssues } from '#domain/market/listing.ts';
import { createOffer, createWant, type MarketDependencies, withdrawListing } from '#domain/market/market-use-cases.ts';
import { type Offer, offerInputSchema, offerPrice, rateForService } from '#domain/market/offer.ts';
import { demandHoursOf, wantInputSchema } from '#domain/market/want.ts';
import { cardPrice } from '#domain/ledger/market-price.ts';
import { memoryMarket } from '../../support/memory-market.ts';
import { memorySyndicates } from '../../support/memory-syndicates.ts';
import { rejected, thrown } from '../../support/thrown.ts';

const now = new Date('2026-12-06T12:00:00.000Z');
const card = {
  name: 'Taller Común',
  rateCard: [
    { service: 'Bike repair', rate: { amount: 3000, currency: 'BOUND', per: 'hour' as const }, unpleasant: false },
    { service: 'Wheel truing', rate: { amount: 150, currency: 'HOURS', per: 'job' as const }, unpleasant: false },
    { service: 'Bench day', rate: { amount: 200, currency: 'EUR', per: 'day' as const }, unpleasant: false },
  ],
};

const fieldsOf = (run: () => unknown) => thrown(run, ValidationError).issues.map((issue) => issue.field);

describe('the price of an offer', () => {
  it('says why a rate card’s rate cannot price it as the card says it, in the reader’s language', () => {
    for (const [service, rate] of [
      ['Bench day', { amount: 200, currency: 'EUR', per: 'day' }],
      ['Bench hour', { amount: 200, currency: 'EUR', per: 'hour' }],
      ['Bench job', { amount: 200, currency: 'EUR', per: 'job' }],
    ] as const) {
      const syndicate = { ...card, rateCard: [{ service, rate, unpleasant: false }] };
      const [issue] = thrown(() => offerPrice({ service, unit: 'hour' }, { syndicate }, 2000n), ValidationError).issues;
      expect(issue?.message).toBe((cardPrice(rate, 2000n) as { problem: string }).problem);
      expect(issue?.wordsIn?.('es')).toContain(rate.per === 'day' ? 'por día' : 'en EUR');
      expect(issue?.wordsIn?.('nl')).toContain(rate.per === 'day' ? 'per dag' : 'in EUR');
    }
  });

  it('names in Spanish the syndicate whose rate card lacks the service', () => {
    const [issue] = thrown(
      () => offerPrice({ service: 'Welding', unit: 'hour' }, { syndicate: card }, 2000n),
      ValidationError,
    ).issues;
    expect(issue).toMatchObject({
      field: 'body.service',
      message: 'Taller Común’s rate card has no service "Welding".',
    });
    expect(issue?.wordsIn?.('es')).toBe('Las tarifas de Taller Común no tienen ningún servicio "Welding".');
  });

  it('is the sole trader’s own', () => {
    expect(offerPrice({ price: 2500n, unit: 'hour' }, {}, 2000n)).toEqual({ price: 2500n, unit: 'hour' });
  });

  it('is the syndicate’s own outside its rate card', () => {
    expect(offerPrice({ price: 800n, unit: 'item' }, { syndicate: card }, 2000n)).toEqual({
      price: 800n,
      unit: 'item',
    });
  });

  it('is the rate card’s rate for one of its services, found whatever the case and spaces', () => {
    expect(offerPrice({ service: '  bike REPAIR ', unit: 'hour' }, { syndicate: card }, 2000n)).toEqual({
      price: 3000n,
      unit: 'hour',
      service: '  bike REPAIR ',
    });
    expect(offerPrice({ service: 'Wheel truing', unit: 'job' }, { syndicate: card }, 2000n)).toMatchObject({
      price: 3000n,
    });
  });

  it.each([
    ['no price from a sole trader', { unit: 'hour' as const }, {}, 'body.price'],
    ['a service from a sole trader', { service: 'Bike repair', unit: 'hour' as const }, {}, 'body.service'],
    ['a service not on the card', { service: 'Welding', unit: 'hour' as const }, { syndicate: card }, 'body.service'],
    ['a card rate per day', { service: 'Bench day', unit: 'hour' as const }, { syndicate: card }, 'body.service'],
    [
      'a price beside the card’s',
      { service: 'Bike repair', price: 1n, unit: 'hour' as const },
      { syndicate: card },
      'body.price',
    ],
    [
      'another unit than the card’s',
      { service: 'Bike repair', unit: 'job' as const },
      { syndicate: card },
      'body.unit',
    ],
  ])('refuses %s, naming the field', (_what, input, seller, field) => {
    expect(fieldsOf(() => offerPrice(input, seller, 2000n))).toEqual([field]);
  });

  it('reads a rate by the service’s name alone, whatever else a rate card entry carries', () => {
    const extended = {
      rateCard: [{ service: 'Plastering', rate: card.rateCard[0]?.rate, skill: 'x', unpleasant: true }],
    };
    expect(rateForService(extended as never, 'plastering')).toEqual(card.rateCard[0]?.rate);
    expect(rateForService(extended as never, 'Plaster')).toBeUndefined();
  });
});

describe('a want’s hours of work', () => {
  it.each([
    ['by the hour: its quantity', { unit: 'hour' as const, quantity: 6, kind: 'labour' as const }, 6],
    ['by the hour, the same hours given', { unit: 'hour' as const, quantity: 6, hours: 6, kind: 'labour' as const }, 6],
    ['by the job: the estimate', { unit: 'job' as const, quantity: 1, hours: 12.345, kind: 'service' as const }, 12.35],
    ['a good with no estimate: none', { unit: 'item' as const, quantity: 3, kind: 'good' as const }, 0],
    ['a good with one', { unit: 'item' as const, quantity: 3, hours: 2, kind: 'good' as const }, 2],
  ])('%s', (_what, input, hours) => {
    expect(demandHoursOf(input)).toBe(hours);
  });

  it.each([
    ['a service by the job without hours', { unit: 'job' as const, quantity: 1, kind: 'service' as const }],
    ['labour by the item without hours', { unit: 'item' as const, quantity: 1, kind: 'labour' as const }],
    [
      'hours that disagree with the quantity',
      { unit: 'hour' as const, quantity: 6, hours: 4, kind: 'labour' as const },
    ],
    ['more hours by the hour than one want asks', { unit: 'hour' as const, quantity: 10_001, kind: 'labour' as const }],
  ])('refuses %s, naming body.hours', (_what, input) => {
    expect(fieldsOf(() => demandHoursOf(input))).toEqual(['body.hours']);
  });
});

describe('the fields a listing keeps together', () => {
  const known = (skill: string) => skill !== 'juggling';
  it('takes a remote listing without a place, and a placed one not remote', () => {
    expect(listingIssues({ remote: true, kind: 'service', skillIds: [] }, known)).toEqual([]);
    expect(listingIssues({ place: 'Leeds', remote: false, kind: 'good', skillIds: [] }, known)).toEqual([]);
  });

  it('names each problem: no place, labour without a skill, an unknown skill, a skill twice', () => {
    const issues = listingIssues({ remote: false, kind: 'labour', skillIds: [] }, known);
    expect(issues.map((i) => i.field)).toEqual(['body.place', 'body.skillIds']);
    const skills = listingIssues({ remote: true, kind: 'service', skillIds: ['a', 'juggling', 'a'] }, known);
    expect(skills.map((i) => i.field)).toEqual(['body.skillIds.1', 'body.skillIds.2']);
  });

  it('stays open to the end of its last day, 90 days by default, at most a year ahead', () => {
    expect(expiryOf(undefined, now)).toBe('2027-03-06T23:59:59.999Z');
    expect(expiryOf('2026-12-06', now)).toBe('2026-12-06T23:59:59.999Z');
    expect(expiryOf('2027-12-06', now)).toBe('2027-12-06T23:59:59.999Z');
    expect(fieldsOf(() => expiryOf('2026-12-05', now))).toEqual(['body.expiresOn']);
    expect(fieldsOf(() => expiryOf('2027-12-07', now))).toEqual(['body.expiresOn']);
  });

  it('reads as expired once its instant passed, even before the sweep wrote it down', () => {
    const listing = { status: 'open' as const, expiresAt: '2026-12-06T12:00:00.000Z' };
    expect(effectiveListingStatus(listing, new Date('2026-12-06T11:59:59.999Z'))).toBe('open');
    expect(effectiveListingStatus(listing, now)).toBe('expired');
    expect(effectiveListingStatus({ ...listing, status: 'withdrawn' as const }, now)).toBe('withdrawn');
  });
});

describe('listing for a syndicate', () => {
  let deps: MarketDependencies & { market: ReturnType<typeof memoryMarket> };
  let ids = 0;
  beforeEach(async () => {
    const syndicates = memorySyndicates();
    const founded = { id: 'taller', ...card, trade: 'repair' as const, description: 'x'.repeat(20), place: 'Valencia' };
    await syndicates.create(
      { ...founded, createdAt: now.toISOString(), createdBy: 'bram', memberCount: 1, adminCount: 1 },
      { syndicateId: 'taller', personId: 'bram', role: 'admin', status: 'active', requestedAt: now.toISOString() },
    );
    deps = {
      market: memoryMarket(),
      syndicates,
      commons: { skills: new Map([['bike-repair', {} as never]]) },
      config: { AGREED_HOURLY_RATE: 2000 },
      now: () => now,
      newId: () => `id-${++ids}`,
    };
  });
  const offer = (change: Record<string, unknown> = {}) =>
    offerInputSchema().parse({
      title: 'Bike repair at the bench',
      description: 'Brakes, gears, wheels.',
      kind: 'service',
      trade: 'repair',
      place: 'Valencia, ES',
      unit: 'hour',
      seller: 'syndicate:taller',
      service: 'Bike repair',
      ...change,
    });

  it('lets its admin list at the rate card’s rate, with the price in hours beside it', async () => {
    const { offer: made, created } = await createOffer(deps, { personId: 'bram' }, offer());
    expect(created).toBe(true);
    expect(made).toMatchObject({ seller: 'syndicate:taller', price: 3000n, priceInHours: '1.50', createdBy: 'bram' });
  });

  it('refuses anyone else with 403, and writes nothing', async () => {
    await rejected(() => createOffer(deps, { personId: 'carla' }, offer()), ForbiddenError);
    expect(deps.market.offers.all()).toEqual([]);
  });

  it('answers a retry of the same id with what the first run made', async () => {
    deps.newId = () => 'same';
    const first = await createOffer(deps, { personId: 'bram' }, offer());
    const again = await createOffer(deps, { personId: 'bram' }, offer({ title: 'Changed title' }));
    expect(again).toEqual({ offer: first.offer, created: false });
  });

  it('lets only an admin withdraw a syndicate’s listing, once', async () => {
    const want = wantInputSchema().parse({
      title: 'Brake pads, fitted',
      description: 'For the delivery bikes.',
      kind: 'service',
      trade: 'repair',
      place: 'Valencia, ES',
      unit: 'job',
      buyer: 'syndicate:taller',
      hours: 3,
    });
    const { want: made } = await createWant(deps, { personId: 'bram' }, want);
    await rejected(() => withdrawListing(deps, { personId: 'carla' }, 'want', made.id), NotFoundError);
    expect(await withdrawListing(deps, { personId: 'bram' }, 'want', made.id)).toMatchObject({ status: 'withdrawn' });
    await rejected(() => withdrawListing(deps, { personId: 'bram' }, 'want', made.id), ConflictError);
  });
});

describe('the expiry sweep', () => {
  const listing = (id: string, expiresAt: string): Offer => ({
    id,
    seller: 'person:ada',
    title: id,
    description: 'd',
    kind: 'good',
    trade: 'repair',
    skillIds: [],
    remote: true,
    unit: 'item',
    price: 100n,
    status: 'open',
    createdAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'ada',
    expiresAt,
  });

  it('marks only the open listings whose instant passed, and finds nothing more when run again', async () => {
    const market = memoryMarket();
    await market.offers.create(listing('past', '2026-12-05T23:59:59.999Z'));
    await market.offers.create(listing('now', now.toISOString()));
    await market.offers.create(listing('later', '2026-12-07T23:59:59.999Z'));
    const report = await expireListings({ market, now: () => now });
    expect(report).toEqual({ expired: { offers: ['past'], wants: [] }, skipped: [], more: false });
    expect((await market.offers.get('past'))?.status).toBe('expired');
    expect((await market.offers.get('later'))?.status).toBe('open');
    expect((await expireListings({ market, now: () => now })).expired.offers).toEqual([]);
  });

  it('leaves a listing its owner closed meanwhile as it is', async () => {
    const market = memoryMarket();
    await market.offers.create(listing('raced', '2026-12-01T00:00:00.000Z'));
    const read = market.offers.openExpiringBefore.bind(market.offers);
    market.offers.openExpiringBefore = async (instant, request) => {
      const page = await read(instant, request);
      for (const item of page.items) await market.offers.close({ ...item, status: 'withdrawn' });
      return page;
    };
    const report = await expireListings({ market, now: () => now });
    expect(report.skipped).toEqual(['raced']);
    expect((await market.offers.get('raced'))?.status).toBe('withdrawn');
  });

  it('reads at most its bound of pages a run and says more are left, which the next run marks', async () => {
    const market = memoryMarket();
    const count = maxPages * 100 + 3;
    for (let i = 0; i < count; i++) {
      await market.wants.create({
        ...listing(`w${String(i).padStart(5, '0')}`, '2026-12-01T00:00:00.000Z'),
        buyer: 'person:ada',
        quantity: 1,
        demandHours: 0,
      } as never);
    }
    const first = await expireListings({ market, now: () => now });
    expect(first.expired.wants).toHaveLength(maxPages * 100);
    expect(first.more).toBe(true);
    expect(market.wants.expiryReads).toBe(maxPages);
    const second = await expireListings({ market, now: () => now });
    expect(second.expired.wants).toHaveLength(3);
    expect(second.more).toBe(false);
  });
});
