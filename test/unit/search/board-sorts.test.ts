import { describe, expect, it } from 'vitest';
import { createEmbeddedSearchEngine } from '#adapters/search/embedded/engine.ts';
import type { Skill } from '#domain/content/commons.ts';
import { bestMatchBoard, bestMatchWindow } from '#domain/openings/best-match-board.ts';
import type { Seeker } from '#domain/openings/best-match.ts';
import type { Opening } from '#domain/openings/opening.ts';
import { searchBoard } from '#domain/openings/search-board.ts';
import { openingDocument } from '#domain/search/documents.ts';
import type { Syndicate } from '#domain/syndicates/syndicate.ts';
import { manyFrom } from '../../support/memory-pages.ts';
import { openOpening } from '../../support/open-opening.ts';

const now = new Date('2026-11-21T12:00:00Z');
const opening = (id: string, overrides: Partial<Opening> = {}) =>
  openOpening(id, { skills: [{ skill: 'framing', level: 'working' }], ...overrides });
const skills = (...ids: string[]) => ids.map((skill) => ({ skill, level: 'working' as const }));
const commons = {
  skills: new Map(
    ['framing', 'boarding', 'safety', 'haccp'].map((id) => [id, { id, label: id, trade: 'construction' } as Skill]),
  ),
};

async function setUp(openings: Opening[]) {
  const search = createEmbeddedSearchEngine();
  await search.upsert(openings.map((o) => openingDocument(o, { name: 'Leeds Build', trade: 'construction' }, now)));
  const table = new Map(openings.map((o) => [o.id, o]));
  return {
    search,
    openings: { getMany: manyFrom((id) => table.get(id)) },
    syndicates: { getMany: manyFrom<Syndicate>(() => undefined) },
    commons,
    now: () => now,
  };
}
const ids = (page: { items: Array<{ opening: Opening }> }) => page.items.map((item) => item.opening.id);

describe('sorting the job board', () => {
  // Updated in the reverse order of posting, so a sort by the last change would fail.
  const openings = [
    opening('a', {
      datePosted: '2026-11-03T00:00:00.000Z',
      validThrough: '2026-12-20',
      updatedAt: '2026-11-10T00:00:00Z',
    }),
    opening('b', {
      datePosted: '2026-11-05T00:00:00.000Z',
      validThrough: '2026-12-01',
      updatedAt: '2026-11-09T00:00:00Z',
    }),
    opening('c', {
      datePosted: '2026-11-04T00:00:00.000Z',
      validThrough: '2027-01-15',
      updatedAt: '2026-11-11T00:00:00Z',
    }),
  ];

  it('shows the newest posted first by default and when asked', async () => {
    const deps = await setUp(openings);
    expect(ids(await searchBoard(deps, {}, { limit: 20 }))).toEqual(['b', 'c', 'a']);
    expect(ids(await searchBoard(deps, { sort: 'newest', text: 'opening' }, { limit: 20 }))).toEqual(['b', 'c', 'a']);
  });

  it('shows the opening closing soonest first when asked', async () => {
    const deps = await setUp(openings);
    expect(ids(await searchBoard(deps, { sort: 'closing' }, { limit: 20 }))).toEqual(['b', 'a', 'c']);
  });
});

describe('the board ranked for me', () => {
  const seeker = (held: string[], goal: string[] = []): Seeker => ({
    held: new Set(held),
    goal: new Set(goal),
    goalPhrase: goal.length ? 'you aim for boarding' : undefined,
    shortage: new Set(),
  });

  it('lists the openings asking for a skill I hold or aim for, best match first, with the reason', async () => {
    const deps = await setUp([
      opening('half', { skills: skills('framing', 'safety'), datePosted: '2026-11-09T00:00:00Z' }),
      opening('all', { skills: skills('framing'), datePosted: '2026-11-01T00:00:00Z' }),
      opening('goal', { skills: skills('boarding', 'haccp'), datePosted: '2026-11-02T00:00:00Z' }),
      opening('none', { skills: skills('haccp'), datePosted: '2026-11-10T00:00:00Z' }),
    ]);
    const page = await bestMatchBoard(deps, {}, seeker(['framing'], ['boarding']), { limit: 2 });
    expect(ids(page)).toEqual(['goal', 'all']);
    expect(page.items[0]?.match.reason).toBe('You hold 0 of 2 skills; because you aim for boarding.');
    expect(page.total).toBe(3);
    const second = await bestMatchBoard(deps, {}, seeker(['framing'], ['boarding']), { limit: 2, cursor: page.next });
    expect(ids(second)).toEqual(['half']);
    expect(second.next).toBeUndefined();
    expect(second.previous).toBeDefined();
  });

  it('finds nothing to rank for a person with no skills and no goal, without searching', async () => {
    const deps = await setUp([opening('a')]);
    const page = await bestMatchBoard({ ...deps, search: undefined as never }, {}, seeker([]), { limit: 20 });
    expect(page).toMatchObject({ items: [], total: 0 });
  });

  it(`ranks at most the newest ${bestMatchWindow} matching openings, and says the window is full`, async () => {
    const many = Array.from({ length: bestMatchWindow + 5 }, (_, i) =>
      opening(`o${String(i).padStart(3, '0')}`, { datePosted: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString() }),
    );
    const deps = await setUp(many);
    const page = await bestMatchBoard(deps, {}, seeker(['framing']), { limit: 20 });
    expect(page.total).toBe(bestMatchWindow);
    expect(page.windowFull).toBe(true);
    expect(ids(page)[0]).toBe('o204');
  });
});
