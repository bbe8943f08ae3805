import { describe, expect, it } from 'vitest';
import { createEmbeddedSearchEngine } from '#adapters/search/embedded/engine.ts';
import { contentDocuments } from '#domain/search/documents.ts';
import { indexChangesFor } from '#domain/search/index-changes.ts';
import type { InnovationVersion } from '#domain/innovations/innovation.ts';
import { commons, fakeServices } from '../../support/services.ts';
import { createApi } from '#http/api.ts';

const lookups = {
  syndicate: async () => ({ name: 'Severn Sun', trade: 'renewable-energy' as const }),
  now: () => new Date('2026-11-21'),
};
const opening = {
  type: 'opening',
  id: 'o1',
  syndicateId: 's1',
  title: 'Solar installer',
  description: 'Mount **panels** on roofs.',
  skills: [{ skill: 'pv-module-mounting', level: 'working' }],
  pay: [{ amount: 2650, currency: 'GBP', per: 'hour' }],
  positions: 1,
  hoursPerWeek: 30,
  place: 'Bristol, GB',
  remote: false,
  status: 'open',
  validThrough: '2026-12-01',
  updatedAt: '2026-11-20T00:00:00.000Z',
};

describe('what a table change means for the index', () => {
  it('indexes a published opening under a stable id, with its markdown as plain text', async () => {
    const { upsert } = await indexChangesFor({ newItem: opening }, lookups);
    expect(upsert[0]).toMatchObject({
      id: 'opening:o1',
      type: 'opening',
      trade: 'renewable-energy',
      status: 'open',
      body: 'Mount panels on roofs.',
    });
  });

  it('keeps drafts out and removes deleted openings', async () => {
    expect(await indexChangesFor({ newItem: { ...opening, status: 'draft' } }, lookups)).toEqual({
      upsert: [],
      delete: ['opening:o1'],
    });
    expect(await indexChangesFor({ oldItem: opening }, lookups)).toEqual({ upsert: [], delete: ['opening:o1'] });
  });

  it('marks an open opening past its date as expired', async () => {
    const { upsert } = await indexChangesFor({ newItem: { ...opening, validThrough: '2026-11-01' } }, lookups);
    expect(upsert[0]?.status).toBe('expired');
  });

  describe('an innovation record', () => {
    const version = {
      type: 'innovation-version',
      innovationId: 'i1',
      version: 2,
      status: 'published',
      title: 'Two-person hoist check',
      problem: 'Hoist checks were skipped on **busy** shifts.',
      improvement: 'A five-point check card clipped to every sling.',
      practice: 'safe-moving-and-handling',
      skills: ['hoist-and-sling-use'],
      updatedAt: '2026-11-01T00:00:00.000Z',
      publishedAt: '2026-11-02T00:00:00.000Z',
    };
    const record = { type: 'innovation', id: 'i1', status: 'published', currentVersion: 2, title: 'x', skills: [] };
    const withVersions = {
      ...lookups,
      tradeOf: () => 'care',
      innovationVersion: async (id: string, n: number) =>
        (id === 'i1' && n === 2 ? version : null) as unknown as InnovationVersion | null,
    };

    it('is indexed from its current version, with its practice guide, trade and adoption', async () => {
      const { upsert } = await indexChangesFor({ newItem: record }, withVersions);
      expect(upsert[0]).toMatchObject({
        id: 'innovation:i1',
        type: 'innovation',
        trade: 'care',
        practice: 'safe-moving-and-handling',
        status: 'published',
        summary: 'Hoist checks were skipped on busy shifts.',
        updatedAt: '2026-11-02T00:00:00.000Z',
      });
    });

    it('becomes adopted in the index when a syndicate adopts it (the adoption changes only the record)', async () => {
      const { upsert } = await indexChangesFor(
        { oldItem: record, newItem: { ...record, adopterCount: 1 } },
        withVersions,
      );
      expect(upsert[0]?.status).toBe('adopted');
    });

    it('never enters while it is a draft, nor through a version item', async () => {
      const none = { upsert: [], delete: [] };
      expect(await indexChangesFor({ newItem: { ...record, status: 'draft' } }, withVersions)).toEqual(none);
      expect(await indexChangesFor({ newItem: version }, withVersions)).toEqual(none);
    });

    it('fails, to be retried, when its current version cannot be read', async () => {
      await expect(indexChangesFor({ newItem: { ...record, currentVersion: 3 } }, withVersions)).rejects.toThrow(
        /no published version 3/,
      );
    });
  });

  it('ignores private items such as people and credentials', async () => {
    expect(await indexChangesFor({ newItem: { type: 'person', id: 'p' } }, lookups)).toEqual({
      upsert: [],
      delete: [],
    });
    expect(await indexChangesFor({ newItem: { type: 'credential', id: 'c' } }, lookups)).toEqual({
      upsert: [],
      delete: [],
    });
  });

  it('refuses a malformed opening so the record is retried, not dropped', async () => {
    await expect(indexChangesFor({ newItem: { ...opening, skills: 'x' } }, lookups)).rejects.toThrow(/malformed/);
  });

  it('indexes every course, lesson and practice guide of the commons', () => {
    const documents = contentDocuments(commons, '2026-01-01T00:00:00.000Z');
    const lessons = [...commons.courses.values()].reduce((n, c) => n + c.lessons.length, 0);
    expect(documents).toHaveLength(commons.courses.size + lessons + commons.practices.size);
    expect(new Set(documents.map((d) => d.id)).size).toBe(documents.length);
  });
});

describe('GET /api/search', () => {
  async function api() {
    const search = createEmbeddedSearchEngine();
    await search.upsert(contentDocuments(commons, '2026-01-01T00:00:00.000Z'));
    return createApi(fakeServices({ search }));
  }
  const get = (rawQuery: string) => ({
    method: 'GET',
    path: '/api/search',
    rawQuery,
    headers: {},
    body: undefined,
    identity: null,
    requestId: 'r',
  });

  it('finds courses despite a typo and returns facet counts', async () => {
    const response = await (await api()).handle(get('q=bookkeping&type=course'));
    const body = JSON.parse(response.body);
    expect(body.items[0].document.type).toBe('course');
    expect(body.items[0].highlighted.title.toLowerCase()).toContain('<mark>bookkeeping</mark>');
    expect(body.facets.type).toEqual({ course: body.total });
  });

  it('names each bad parameter', async () => {
    const response = await (await api()).handle(get('type=spaceship&pageSize=1000'));
    expect(response.status).toBe(400);
    expect(
      JSON.parse(response.body)
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['query.pageSize', 'query.type']);
  });
});
