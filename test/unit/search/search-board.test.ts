import { describe, expect, it } from 'vitest';
import { createEmbeddedSearchEngine } from '#adapters/search/embedded/engine.ts';
import type { Opening } from '#domain/openings/opening.ts';
import { boardPage, searchBoard } from '#domain/openings/search-board.ts';
import { SearchUnavailableError } from '#domain/errors.ts';
import type { SearchIndex } from '#domain/search/search-port.ts';
import { openingDocument } from '#domain/search/documents.ts';

const now = new Date('2026-11-21T12:00:00Z');
const opening = (id: string, title: string, overrides: Partial<Opening> = {}): Opening => ({
  id,
  syndicateId: 's1',
  title,
  description: 'Shared work, fair pay.',
  skills: [{ skill: 'heat-pump-installation', level: 'working' }],
  positions: 1,
  hoursPerWeek: 30,
  pay: [{ amount: 3000, currency: 'GBP', per: 'hour' }],
  place: 'Leeds, GB',
  remote: false,
  applicantCountries: [],
  employmentType: 'CONTRACTOR',
  validThrough: '2026-12-31',
  status: 'open',
  filled: 0,
  version: 1,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  createdBy: 'x',
  ...overrides,
});

async function setUp(stored: Opening[], indexed: Opening[]) {
  const search = createEmbeddedSearchEngine();
  await search.upsert(indexed.map((o) => openingDocument(o, { name: 'Leeds Heat', trade: 'renewable-energy' }, now)));
  const table = new Map(stored.map((o) => [o.id, o]));
  return {
    search,
    openings: { get: async (id: string) => table.get(id) ?? null },
    syndicates: { list: async () => [] },
    now: () => now,
  };
}

describe('the job board through search', () => {
  it('finds openings by words with a typo, and shows each as the table has it now', async () => {
    const fitter = opening('a', 'Heat pump fitter');
    const deps = await setUp([{ ...fitter, filled: 0, title: 'Heat pump fitter (updated)' }], [fitter]);
    const page = await searchBoard(deps, { text: 'heat pmup' }, 1, 20);
    expect(page.items.map((item) => item.opening.title)).toEqual(['Heat pump fitter (updated)']);
  });

  it('drops what the index still lists but the table no longer does: expired or gone', async () => {
    const live = opening('a', 'Heat pump fitter');
    const expired = opening('b', 'Heat pump surveyor');
    const deps = await setUp(
      [live, { ...expired, validThrough: '2026-11-01' }],
      [live, expired, opening('c', 'Heat pump gone')],
    );
    const page = await searchBoard(deps, { skill: 'heat-pump-installation' }, 1, 20);
    expect(page.items.map((item) => item.opening.id)).toEqual(['a']);
  });
});

describe('the job board while search is unavailable', () => {
  const down = (error: Error) => ({ search: async () => Promise.reject(error) }) as unknown as SearchIndex;
  const table = (openings: Opening[]) => ({
    get: async (id: string) => openings.find((o) => o.id === id) ?? null,
    listByStatus: async () => openings.filter((o) => o.status === 'open'),
    listBySyndicate: async () => openings,
  });

  it('answers from the table with every filter but the words, a page at a time, and says so', async () => {
    const openings = [
      opening('a', 'Heat pump fitter', { datePosted: '2026-11-03' }),
      opening('b', 'Heat pump surveyor', { datePosted: '2026-11-02' }),
      opening('c', 'Roofer', { datePosted: '2026-11-01', skills: [{ skill: 'roofing', level: 'working' }] }),
      opening('d', 'Expired fitter', { validThrough: '2026-11-01' }),
    ];
    const deps = {
      search: down(new SearchUnavailableError('Meilisearch could not be reached to search.')),
      openings: table(openings),
      syndicates: { list: async () => [] },
      now: () => now,
    };
    const first = await boardPage(deps, { text: 'anything', skill: 'heat-pump-installation' }, 1, 1);
    expect(first).toMatchObject({ searchDown: true, total: 2, page: 1, pageSize: 1 });
    expect(first.items.map((item) => item.opening.id)).toEqual(['a']);
    const second = await boardPage(deps, { text: 'anything', skill: 'heat-pump-installation' }, 2, 1);
    expect(second.items.map((item) => item.opening.id)).toEqual(['b']);
  });

  it('does not hide other failures behind the fallback', async () => {
    const deps = {
      search: down(new Error('a bug')),
      openings: table([]),
      syndicates: { list: async () => [] },
      now: () => now,
    };
    await expect(boardPage(deps, {}, 1, 20)).rejects.toThrow('a bug');
  });

  it('reports search as up when it answers', async () => {
    const fitter = opening('a', 'Heat pump fitter');
    const deps = { ...(await setUp([fitter], [fitter])), openings: { ...table([fitter]) } };
    expect(await boardPage(deps, { text: 'heat' }, 1, 20)).toMatchObject({ searchDown: false, total: 1 });
  });
});
