import { describe, expect, it } from 'vitest';
import { memoryShortageRepository, memorySourceTable } from '#domain/shortages/memory-repository.ts';
import { refreshSource } from '#domain/shortages/refresh-source.ts';
import { createApi } from '#http/api.ts';
import { commons, fakeServices } from '../../support/services.ts';

async function api() {
  const table = memorySourceTable();
  table.openings.set('o1', {
    id: 'o1',
    syndicateId: 's1',
    status: 'open',
    positions: 2,
    filled: 0,
    hoursPerWeek: 40,
    skills: [{ skill: 'door-hanging' }],
    validThrough: '2026-12-31',
    datePosted: '2026-11-21T09:00:00.000Z',
    createdAt: '2026-11-21T09:00:00.000Z',
    version: 2,
  });
  const shortages = memoryShortageRepository(table);
  await refreshSource({ shortages, commons }, { kind: 'opening', openingId: 'o1' });
  const router = createApi(fakeServices({ shortages }));
  return (path: string, query = '', headers: Record<string, string> = {}) =>
    router.handle({
      method: 'GET',
      path,
      rawQuery: query,
      headers,
      body: undefined,
      identity: null,
      requestId: 't',
    });
}

describe('GET /api/shortages', () => {
  it('answers JSON with the method, the scarcest skills with their inputs, and the trades', async () => {
    const response = await (await api())('/api/shortages');
    expect(response.status).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    const body = JSON.parse(response.body);
    expect(body.method.formula).toBe('score = demand / (supply + 1)');
    expect(body.items[0]).toMatchObject({
      rank: 1,
      skill: 'door-hanging',
      score: 2,
      demand: 2,
      supply: 0,
      inputs: { openings: 1, positions: 2 },
    });
    expect(body.trades[0]).toMatchObject({ rank: 1, trade: 'construction' });
  });

  it('pages the ranking scarcest first, while the CSV holds every skill at once', async () => {
    const call = await api();
    const ranks: number[] = [];
    let cursor: string | undefined;
    do {
      const body = JSON.parse((await call('/api/shortages', `pageSize=40${cursor ? `&cursor=${cursor}` : ''}`)).body);
      expect(body.items.length).toBeLessThanOrEqual(40);
      ranks.push(...body.items.map((s: { rank: number }) => s.rank));
      cursor = body.next;
    } while (cursor);
    expect(ranks).toEqual(Array.from({ length: commons.skills.size }, (_, i) => i + 1));
    const csv = (await call('/api/shortages', 'format=csv')).body.trim().split('\r\n');
    expect(csv).toHaveLength(commons.skills.size + 1);
  });

  it('answers CSV with ?format=csv, one row per skill', async () => {
    const response = await (await api())('/api/shortages', 'format=csv');
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const [header, first] = response.body.split('\r\n');
    expect(header?.split(',')[0]).toBe('rank');
    expect(first).toMatch(/^1,door-hanging,[^,]+,construction,1,2,2,0,1,2,0,0,0,/);
  });

  it('answers CSV to Accept: text/csv as well', async () => {
    const response = await (await api())('/api/shortages', '', { accept: 'text/csv' });
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.body.split('\r\n')[0]?.split(',')[0]).toBe('rank');
  });

  it('filters by trade, and refuses a trade that does not exist', async () => {
    const call = await api();
    const care = JSON.parse((await call('/api/shortages', 'trade=care')).body);
    expect(new Set(care.items.map((s: { trade: string }) => s.trade))).toEqual(new Set(['care']));
    expect((await call('/api/shortages', 'trade=piracy')).status).toBe(400);
  });

  it('serves the trend as a list of daily snapshots', async () => {
    const response = await (await api())('/api/shortages/trend', 'days=7');
    expect(JSON.parse(response.body)).toEqual({ items: [] });
  });
});
