// Every list the API answers is read a page at a time (issue 14, "Data access"): each GET route of
// `apiRoutes` that returns a list takes `?cursor=` and `?pageSize=`, returns `next` while there is
// more, never more than `pageSize` items, every item once over the walk, and refuses a forged cursor
// with a 400 naming `query.cursor`. One table of routes; each area's rows stay together.
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { encodeCursor } from '#domain/paging.ts';
import { contentDocuments } from '#domain/search/documents.ts';
import { apiRoutes } from '#http/api.ts';
import { type ApiResponse, apiOnFreshTable, body } from '../support/api-client.ts';

type Call = Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let call: Call;

interface ListRow {
  /** The route's path template, as in `apiRoutes`. */
  route: string;
  /** A path that answers a list of more than two pages at `pageSize`. */
  path: string;
  as: string | null;
  pageSize: number;
  /** What tells two items apart. */
  id: (item: Record<string, unknown>) => string;
}

const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const opening = (title: string) => ({
  title,
  description: 'Frame internal walls and hang fire doors with a team of eight. Work is shared at a Monday meeting.',
  skills: [{ skill: 'stud-wall-framing', level: 'working' }],
  positions: 2,
  hoursPerWeek: 32,
  pay: [{ amount: 4200, currency: 'EUR', per: 'hour' }],
  place: 'Rotterdam, NL',
  remote: false,
  employmentType: 'CONTRACTOR',
  validThrough: inAMonth,
});
const syndicate = (id: string) => ({
  id,
  name: `Syndicate ${id}`,
  trade: 'construction',
  description: 'Carpenters who share work fairly.',
  place: 'Rotterdam, NL',
  rateCard: [],
});
const people = ['p0', 'p1', 'p2', 'p3', 'p4'];
const openingIds: string[] = [];

async function ok(response: Promise<ApiResponse>, status = 200) {
  const answered = await response;
  expect(answered.status, JSON.stringify(answered.body)).toBe(status);
  return body(answered);
}

beforeAll(async () => {
  const api = await apiOnFreshTable();
  call = api.call;
  await api.services.search.upsert(contentDocuments(api.services.commons, '2026-01-01T00:00:00.000Z'));
  for (const id of ['riverside', 'alder', 'birch', 'cedar', 'damson']) {
    await ok(call('POST', '/api/syndicates', 'admin', syndicate(id)), 201);
  }
  for (let i = 0; i < 5; i++) {
    const created = await ok(
      call('POST', '/api/syndicates/riverside/openings', 'admin', opening(`Carpenter ${i}`)),
      201,
    );
    openingIds.push(String(created.id));
    await ok(call('PUT', `/api/openings/${created.id}/status`, 'admin', { status: 'open' }));
  }
  for (const person of people) {
    await ok(call('POST', '/api/syndicates/riverside/join-requests', person), 201);
    await ok(call('PUT', `/api/openings/${openingIds[0]}/applications/me`, person, { note: 'Hello' }));
  }
  for (const id of openingIds) await ok(call('PUT', `/api/openings/${id}/applications/me`, 'ada', { note: 'Hi' }));
}, 120_000);

const byId = (item: Record<string, unknown>) => String(item.id);

// Rows of issue 14's jobs, syndicates, learning, people, search and shortages lists.
const jobRows: ListRow[] = [
  { route: '/api/syndicates', path: '/api/syndicates', as: null, pageSize: 2, id: byId },
  { route: '/api/openings', path: '/api/openings', as: null, pageSize: 2, id: byId },
  {
    route: '/api/syndicates/{syndicateId}/openings',
    path: '/api/syndicates/riverside/openings',
    as: null,
    pageSize: 2,
    id: byId,
  },
  {
    route: '/api/syndicates/{syndicateId}/members',
    path: '/api/syndicates/riverside/members',
    as: 'admin',
    pageSize: 2,
    id: (item) => String(item.personId),
  },
  {
    route: '/api/me/applications',
    path: '/api/me/applications',
    as: 'ada',
    pageSize: 2,
    id: (item) => String(item.openingId),
  },
  {
    route: '/api/openings/{openingId}/applicants',
    path: '', // the first opening's, filled in once it exists
    as: 'admin',
    pageSize: 2,
    id: (item) => String((item.person as { id: string }).id),
  },
  { route: '/api/courses', path: '/api/courses', as: null, pageSize: 2, id: byId },
  { route: '/api/skills', path: '/api/skills', as: null, pageSize: 40, id: byId },
  {
    route: '/api/search',
    path: '/api/search?type=course',
    as: null,
    pageSize: 2,
    id: (item) => String((item.document as { id: string }).id),
  },
  { route: '/api/shortages', path: '/api/shortages', as: null, pageSize: 40, id: (item) => String(item.skill) },
];

const rows: ListRow[] = [...jobRows];

const withQuery = (path: string, query: string) => `${path}${path.includes('?') ? '&' : '?'}${query}`;
const pathOf = (row: ListRow) => row.path || `/api/openings/${openingIds[0]}/applicants`;

describe('the table of list routes', () => {
  it('holds every GET route that takes a cursor, and each of them takes a page size too', () => {
    const paged = apiRoutes.filter(
      (route) => route.method === 'GET' && route.query instanceof z.ZodObject && 'cursor' in route.query.shape,
    );
    expect(paged.map((route) => route.path).sort()).toEqual(rows.map((row) => row.route).sort());
    for (const route of paged) expect(Object.keys((route.query as z.ZodObject).shape)).toContain('pageSize');
  });
});

describe.each(rows)('GET $route', (row) => {
  it('walks more than two pages, never more than the page size, every item once', async () => {
    const seen: string[] = [];
    let pages = 0;
    let cursor: string | undefined;
    do {
      const query = `pageSize=${row.pageSize}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await ok(call('GET', withQuery(pathOf(row), query), row.as));
      const items = page.items as Array<Record<string, unknown>>;
      expect(items.length).toBeLessThanOrEqual(row.pageSize);
      if (page.next) expect(items.length).toBeGreaterThan(0);
      seen.push(...items.map(row.id));
      cursor = page.next as string | undefined;
      pages++;
    } while (cursor && pages < 100);
    expect(pages).toBeGreaterThan(2);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('gives a next cursor on the first page and none past the last', async () => {
    const first = await ok(call('GET', withQuery(pathOf(row), `pageSize=${row.pageSize}`), row.as));
    expect(first.next).toEqual(expect.any(String));
    expect(first.previous).toBeUndefined();
    const all = await ok(call('GET', withQuery(pathOf(row), 'pageSize=100'), row.as));
    if ((all.items as unknown[]).length < 100) expect(all.next).toBeUndefined();
  });

  it('refuses a forged cursor, or a page size past 100, with a 400 naming the field', async () => {
    for (const [query, field] of [
      ['cursor=v1.Zm9yZ2Vk', 'query.cursor'],
      [`cursor=${encodeCursor({ pk: 'PERSON#someone-else', sk: 'PROFILE' })}`, 'query.cursor'],
      ['pageSize=101', 'query.pageSize'],
    ] as const) {
      const response = await call('GET', withQuery(pathOf(row), query), row.as);
      expect(response.status, `${query}: ${JSON.stringify(response.body)}`).toBe(400);
      expect(JSON.stringify(response.body)).toContain(field);
    }
  });
});
