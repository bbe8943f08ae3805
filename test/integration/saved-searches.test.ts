// Saved job-board searches on DynamoDB Local, through the API's router: saved, listed, renamed, their
// feed read by its private token alone, the token renewed (the old one stops), deleted (the token
// stops), at most 50 a person with nothing half-written, and what the alert sweeps read and record.
import { beforeAll, describe, expect, it } from 'vitest';
import { RuleViolationError } from '#domain/errors.ts';
import type { SavedSearch } from '#domain/openings/saved-search.ts';
import { newMatchesSince, savedSearchFeed } from '#domain/openings/saved-search-use-cases.ts';
import { openingDocument } from '#domain/search/documents.ts';
import { type ApiResponse, apiOnFreshTable, body } from '../support/api-client.ts';
import { rejected } from '../support/thrown.ts';
import { syndicateInput } from '../unit/innovations/fixtures.ts';
import { opening } from '../support/write-world.ts';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let services: Awaited<ReturnType<typeof apiOnFreshTable>>['services'];
const tokenOf = (response: ApiResponse) => String(body(response).feedUrl).split('/jobs/saved/')[1]?.split('/')[0] ?? '';
let openingId = '';

beforeAll(async () => {
  ({ call, services } = await apiOnFreshTable());
  for (const person of ['sam', 'other', 'many']) await call('GET', '/api/me', person);
  expect((await call('POST', '/api/syndicates', 'other', syndicateInput('repair-syn'))).status).toBe(201);
  openingId = body(await call('POST', '/api/syndicates/repair-syn/openings', 'other', opening)).id;
  expect((await call('PUT', `/api/openings/${openingId}/status`, 'other', { status: 'open' })).status).toBe(200);
  // The stream indexer does not run here: index the opening as it would.
  const published = await services.openings.get(openingId);
  if (!published) throw new Error('opening missing');
  await services.search.upsert([openingDocument(published, { name: 'Repair syndicate', trade: 'repair' }, new Date())]);
}, 60_000);

describe('a saved search', () => {
  it('is saved with a private feed address that reads its matches without signing in', async () => {
    const saved = await call('POST', '/api/me/saved-searches', 'sam', {
      name: 'Bench repair in Valencia',
      query: { q: 'repair bench', place: 'Valencia', sort: 'closing' },
    });
    expect(saved.status).toBe(201);
    expect(body(saved)).toMatchObject({ name: 'Bench repair in Valencia', alert: 'off' });
    expect(body(saved)).not.toHaveProperty('feedToken');
    expect(body(saved).boardUrl).toMatch(/\/jobs\/\?q=repair\+bench&place=Valencia&sort=closing$/);
    const token = tokenOf(saved);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const feed = await savedSearchFeed(services, token);
    expect(feed.page.items.map((item) => item.opening.id)).toEqual([openingId]);
    const list = body(await call('GET', '/api/me/saved-searches', 'sam'));
    expect(list.items.map((s: { id: string }) => s.id)).toEqual([body(saved).id]);
    expect(body(await call('GET', '/api/me/saved-searches', 'other')).items).toEqual([]);
  });

  it('gets a new feed address on request, and the old one stops answering', async () => {
    const saved = await call('POST', '/api/me/saved-searches', 'sam', { name: 'Repairs', query: { trade: 'repair' } });
    const old = tokenOf(saved);
    const renewed = await call('POST', `/api/me/saved-searches/${body(saved).id}/feed-address`, 'sam');
    expect(renewed.status).toBe(200);
    expect(tokenOf(renewed)).not.toBe(old);
    expect(await services.savedSearches.byFeedToken(old)).toBeNull();
    expect((await savedSearchFeed(services, tokenOf(renewed))).search.id).toBe(body(saved).id);
    expect((await call('POST', `/api/me/saved-searches/${body(saved).id}/feed-address`, 'other')).status).toBe(404);
  });

  it('is deleted with its feed address, and only by its owner', async () => {
    const saved = await call('POST', '/api/me/saved-searches', 'sam', { name: 'Gone soon', query: {} });
    const path = `/api/me/saved-searches/${body(saved).id}`;
    expect((await call('DELETE', path, 'other')).status).toBe(404);
    expect((await call('DELETE', path, 'sam')).status).toBe(204);
    expect(await services.savedSearches.byFeedToken(tokenOf(saved))).toBeNull();
    expect((await call('DELETE', path, 'sam')).status).toBe(404);
  });

  it('refuses a bad query by field and writes nothing', async () => {
    const before = body(await call('GET', '/api/me/saved-searches', 'sam')).items.length;
    const bad = await call('POST', '/api/me/saved-searches', 'sam', {
      name: '',
      query: { trade: 'astronaut', remote: 'yes', sort: 'pay' },
    });
    expect(bad.status).toBe(400);
    expect((body(bad).errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual([
      'body.name',
      'body.query.remote',
      'body.query.sort',
      'body.query.trade',
    ]);
    expect(body(await call('GET', '/api/me/saved-searches', 'sam')).items.length).toBe(before);
  });

  it('keeps at most the limit a person, refusing the next with nothing half-written', async () => {
    const at = new Date().toISOString();
    const make = (id: string): SavedSearch => ({
      id,
      personId: 'many',
      name: id,
      query: {},
      alert: 'off',
      feedToken: `${id.padEnd(43, 'x')}`,
      createdAt: at,
      updatedAt: at,
    });
    await services.savedSearches.create(make('first'), 2);
    await services.savedSearches.create(make('second'), 2);
    const refusal = await rejected(() => services.savedSearches.create(make('third'), 2), RuleViolationError);
    expect(refusal.rule).toBe('too-many-saved-searches');
    expect(await services.savedSearches.get('many', 'third')).toBeNull();
    expect(await services.savedSearches.byFeedToken('third'.padEnd(43, 'x'))).toBeNull();
    await services.savedSearches.remove(make('first'));
    await services.savedSearches.create(make('third'), 2);
  });
});

describe('what alerts read and record', () => {
  it('lists saved searches by alert frequency, following a change, and records when matches were sent', async () => {
    const saved = body(
      await call('POST', '/api/me/saved-searches', 'sam', {
        name: 'Daily repairs',
        query: { trade: 'repair' },
        alert: 'daily',
      }),
    );
    const daily = async () =>
      (await services.savedSearches.pageWithAlert('daily', { limit: 100 })).items.map((s) => s.id);
    expect(await daily()).toContain(saved.id);
    await call('PUT', `/api/me/saved-searches/${saved.id}`, 'sam', { alert: 'off' });
    expect(await daily()).not.toContain(saved.id);
    await call('PUT', `/api/me/saved-searches/${saved.id}`, 'sam', { alert: 'daily' });

    await services.savedSearches.markSent('sam', saved.id, '2026-12-02T08:00:00.000Z');
    await services.savedSearches.markSent('sam', saved.id, '2026-12-01T08:00:00.000Z');
    expect((await services.savedSearches.get('sam', saved.id))?.lastSentAt).toBe('2026-12-02T08:00:00.000Z');
  });

  it('finds the matches posted since a time, and none posted before it', async () => {
    const query = { trade: 'repair' as const };
    const before = await newMatchesSince(services, { query }, '2000-01-01T00:00:00.000Z');
    expect(before.items.map((item) => item.opening.id)).toEqual([openingId]);
    expect(before.more).toBe(false);
    expect((await newMatchesSince(services, { query }, new Date().toISOString())).items).toEqual([]);
  });
});
