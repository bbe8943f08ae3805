import { describe, expect, it } from 'vitest';
import { createEmbeddedSearchEngine } from '#adapters/search/embedded/engine.ts';
import type { Opening } from '#domain/openings/opening.ts';
import { searchBoard } from '#domain/openings/search-board.ts';
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
