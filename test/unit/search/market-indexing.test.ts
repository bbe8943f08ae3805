// Offers and wants in search: an open listing (as the stream delivers its item) becomes a document the
// marketplace finds by its facets; a withdrawn or expired one leaves; a record delivered twice leaves
// the index as once; and a listing's matches are the other side's open listings in its trade and skills.
import { describe, expect, it } from 'vitest';
import { createEmbeddedSearchEngine } from '#adapters/search/embedded/engine.ts';
import { marketPage, matchesOf } from '#domain/market/marketplace.ts';
import { indexChangesFor } from '#domain/search/index-changes.ts';
import type { SearchIndex } from '#domain/search/search-port.ts';

const lookups = { syndicate: async () => null, now: () => new Date('2026-12-06') };
// As the stream hands an item over: the price a plain number, the table's keys beside the fields.
const offerItem = (id: string, change: Record<string, unknown> = {}) => ({
  pk: `OFFER#${id}`,
  sk: 'OFFER',
  type: 'offer',
  id,
  seller: 'person:ada',
  title: `Bookkeeping ${id}`,
  description: 'Monthly **books**.',
  kind: 'service',
  trade: 'bookkeeping',
  skillIds: ['bookkeeping-fundamentals'],
  remote: true,
  unit: 'hour',
  price: 2500,
  status: 'open',
  createdAt: '2026-12-01T00:00:00.000Z',
  createdBy: 'ada',
  expiresAt: '2027-03-01T23:59:59.999Z',
  ...change,
});
const wantItem = (id: string, change: Record<string, unknown> = {}) => {
  const { seller: _seller, price: _price, ...rest } = offerItem(id);
  return {
    ...rest,
    pk: `WANT#${id}`,
    sk: 'WANT',
    type: 'want',
    buyer: 'person:bram',
    quantity: 1,
    demandHours: 12,
    unit: 'job',
    ...change,
  };
};

async function apply(
  search: SearchIndex,
  newItem: Record<string, unknown> | undefined,
  oldItem?: Record<string, unknown>,
) {
  const changes = await indexChangesFor({ newItem, oldItem }, lookups);
  if (changes.upsert.length > 0) await search.upsert(changes.upsert);
  if (changes.delete.length > 0) await search.delete(changes.delete);
  return changes;
}

describe('offers and wants in the search index', () => {
  it('makes an open offer a document with its facets, its price per unit and its page', async () => {
    const { upsert } = await indexChangesFor({ newItem: offerItem('o1') }, lookups);
    expect(upsert).toEqual([
      expect.objectContaining({
        id: 'offer:o1',
        type: 'offer',
        kind: 'service',
        trade: 'bookkeeping',
        skills: ['bookkeeping-fundamentals'],
        payUnit: 'hour',
        pay: 2500,
        remote: true,
        status: 'open',
        url: '/market/offers/o1/',
      }),
    ]);
    expect(upsert[0]?.body).toBe('Monthly books.');
  });

  it('takes a withdrawn, expired or deleted listing off the marketplace', async () => {
    for (const status of ['withdrawn', 'expired']) {
      expect(await indexChangesFor({ newItem: offerItem('o1', { status }) }, lookups)).toEqual({
        upsert: [],
        delete: ['offer:o1'],
      });
    }
    expect(await indexChangesFor({ oldItem: wantItem('w1') }, lookups)).toEqual({ upsert: [], delete: ['want:w1'] });
  });

  it('finds listings by each facet, counts them, and leaves the index as once when a record comes twice', async () => {
    const search = createEmbeddedSearchEngine();
    for (const item of [
      offerItem('o1'),
      offerItem('o1'),
      offerItem('o2', { kind: 'good', unit: 'item', remote: false, place: 'Leeds', trade: 'repair', skillIds: [] }),
      wantItem('w1'),
    ]) {
      await apply(search, item);
    }
    const page = (filters: Parameters<typeof marketPage>[1]) => marketPage(search, filters, { limit: 10 });
    const offers = await page({ side: 'offer' });
    expect(offers.items.map((hit) => hit.document.id).sort()).toEqual(['offer:o1', 'offer:o2']);
    expect(offers.facets.kind).toEqual({ good: 1, service: 1 });
    expect((await page({ side: 'offer', kind: 'good' })).items.map((hit) => hit.document.id)).toEqual(['offer:o2']);
    expect((await page({ side: 'offer', unit: 'hour' })).items.map((hit) => hit.document.id)).toEqual(['offer:o1']);
    expect((await page({ side: 'offer', remote: false })).items.map((hit) => hit.document.id)).toEqual(['offer:o2']);
    expect((await page({ side: 'offer', skill: 'bookkeeping-fundamentals' })).total).toBe(1);
    expect((await page({ side: 'want' })).items.map((hit) => hit.document.id)).toEqual(['want:w1']);
    await apply(search, offerItem('o1', { status: 'withdrawn' }), offerItem('o1'));
    expect((await page({ side: 'offer' })).total).toBe(1);
  });

  it('matches a listing with the other side’s open listings in its trade and skills, a few and their count', async () => {
    const search = createEmbeddedSearchEngine();
    for (let i = 0; i < 7; i++) await apply(search, offerItem(`o${i}`));
    await apply(search, offerItem('elsewhere', { trade: 'repair', skillIds: ['repair-systematic-fault-finding'] }));
    await apply(search, wantItem('other-want'));
    const matches = await matchesOf(search, {
      side: 'want',
      trade: 'bookkeeping',
      skillIds: ['bookkeeping-fundamentals'],
    });
    expect(matches.total).toBe(7);
    expect(matches.items).toHaveLength(5);
    expect(matches.items.every((document) => document.type === 'offer' && document.trade === 'bookkeeping')).toBe(true);
    const noSkill = await matchesOf(search, { side: 'offer', trade: 'bookkeeping', skillIds: [] });
    expect(noSkill.items.map((document) => document.id)).toEqual(['want:other-want']);
  });
});
