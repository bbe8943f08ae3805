import { describe, expect, it } from 'vitest';
import { createEmbeddedSearchEngine } from '#adapters/search/embedded/engine.ts';
import type { Opening } from '#domain/openings/opening.ts';
import type { Syndicate } from '#domain/syndicates/syndicate.ts';
import { boardPage, searchBoard } from '#domain/openings/search-board.ts';
import { SearchUnavailableError } from '#domain/errors.ts';
import type { SearchIndex } from '#domain/search/search-port.ts';
import { openingDocument } from '#domain/search/documents.ts';
import { manyFrom, pagedFrom } from '../../support/memory-pages.ts';
import { openOpening } from '../../support/open-opening.ts';

const now = new Date('2026-11-21T12:00:00Z');
const opening = (id: string, title: string, overrides: Partial<Opening> = {}) =>
  openOpening(id, { title, ...overrides });

async function setUp(stored: Opening[], indexed: Opening[]) {
  const search = createEmbeddedSearchEngine();
  await search.upsert(indexed.map((o) => openingDocument(o, { name: 'Leeds Heat', trade: 'renewable-energy' }, now)));
  const table = new Map(stored.map((o) => [o.id, o]));
  return {
    search,
    openings: { getMany: manyFrom((id) => table.get(id)) },
    syndicates: { getMany: manyFrom<Syndicate>(() => undefined) },
    now: () => now,
  };
}

describe('the job board through search', () => {
  it('finds openings by words with a typo, and shows each as the table has it now', async () => {
    const fitter = opening('a', 'Heat pump fitter');
    const deps = await setUp([{ ...fitter, filled: 0, title: 'Heat pump fitter (updated)' }], [fitter]);
    const page = await searchBoard(deps, { text: 'heat pmup' }, { limit: 20 });
    expect(page.items.map((item) => item.opening.title)).toEqual(['Heat pump fitter (updated)']);
  });

  it('drops what the index still lists but the table no longer does: expired or gone', async () => {
    const live = opening('a', 'Heat pump fitter');
    const expired = opening('b', 'Heat pump surveyor');
    const deps = await setUp(
      [live, { ...expired, validThrough: '2026-11-01' }],
      [live, expired, opening('c', 'Heat pump gone')],
    );
    const page = await searchBoard(deps, { skill: 'heat-pump-installation' }, { limit: 20 });
    expect(page.items.map((item) => item.opening.id)).toEqual(['a']);
  });

  it('lists jobs or training places by kind, and the training places toward one course', async () => {
    const place = (id: string, courseId: string) =>
      opening(id, `Trainee ${id}`, { kind: 'training', training: { courseId, mentorId: 'lotte' } });
    // An opening stored before training places has no kind: it is a job.
    const job = opening('job', 'Heat pump fitter');
    const openings = [job, place('pv', 'solar-pv-basics'), place('heat', 'heat-pump-basics')];
    const deps = await setUp(openings, openings);
    const ids = async (filter: Parameters<typeof searchBoard>[1]) =>
      (await searchBoard(deps, filter, { limit: 20 })).items.map((item) => item.opening.id).sort();
    expect(await ids({ kind: 'training' })).toEqual(['heat', 'pv']);
    expect(await ids({ kind: 'job' })).toEqual(['job']);
    expect(await ids({ course: 'solar-pv-basics' })).toEqual(['pv']);
    expect(await ids({})).toEqual(['heat', 'job', 'pv']);
  });
});

describe('the job board while search is unavailable', () => {
  const down = (error: Error) => ({ search: async () => Promise.reject(error) }) as unknown as SearchIndex;
  const table = (openings: Opening[]) => ({
    getMany: manyFrom((id) => openings.find((o) => o.id === id)),
    pageByStatus: (_status: string, ...rest: Parameters<ReturnType<typeof pagedFrom<Opening>>>) =>
      pagedFrom(() => openings.filter((o) => o.status === 'open'))(...rest),
    pageBySyndicate: (_id: string, ...rest: Parameters<ReturnType<typeof pagedFrom<Opening>>>) =>
      pagedFrom(() => openings)(...rest),
    pageOpenAsking: (skill: string, ...rest: Parameters<ReturnType<typeof pagedFrom<Opening>>>) =>
      pagedFrom(() => openings.filter((o) => o.status === 'open' && o.skills.some((s) => s.skill === skill)))(...rest),
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
      syndicates: { getMany: manyFrom<Syndicate>(() => undefined) },
      now: () => now,
    };
    const filter = { text: 'anything', skill: 'heat-pump-installation' };
    const first = await boardPage(deps, filter, { limit: 1 });
    expect(first).toMatchObject({ searchDown: true });
    expect(first.items.map((item) => item.opening.id)).toEqual(['a']);
    const second = await boardPage(deps, filter, { limit: 1, cursor: first.next });
    expect(second.items.map((item) => item.opening.id)).toEqual(['b']);
    expect(second.next).toBeUndefined();
  });

  it('filters by kind and course from the table as search does', async () => {
    const openings = [
      opening('a', 'Heat pump fitter'),
      opening('b', 'Heat pump trainee', {
        kind: 'training',
        training: { courseId: 'heat-pump-basics', mentorId: 'm' },
      }),
      opening('c', 'PV trainee', { kind: 'training', training: { courseId: 'solar-pv-basics', mentorId: 'm' } }),
    ];
    const deps = {
      search: down(new SearchUnavailableError('Meilisearch could not be reached to search.')),
      openings: table(openings),
      syndicates: { getMany: manyFrom<Syndicate>(() => undefined) },
      now: () => now,
    };
    const ids = async (filter: Parameters<typeof boardPage>[1]) =>
      (await boardPage(deps, filter, { limit: 20 })).items.map((item) => item.opening.id);
    expect(await ids({ kind: 'job' })).toEqual(['a']);
    expect(await ids({ kind: 'training' })).toEqual(['b', 'c']);
    expect(await ids({ kind: 'training', course: 'solar-pv-basics' })).toEqual(['c']);
  });

  it('does not hide other failures behind the fallback', async () => {
    const deps = {
      search: down(new Error('a bug')),
      openings: table([]),
      syndicates: { getMany: manyFrom<Syndicate>(() => undefined) },
      now: () => now,
    };
    await expect(boardPage(deps, {}, { limit: 20 })).rejects.toThrow('a bug');
  });

  it('reports search as up when it answers', async () => {
    const fitter = opening('a', 'Heat pump fitter');
    const deps = { ...(await setUp([fitter], [fitter])), openings: { ...table([fitter]) } };
    expect(await boardPage(deps, { text: 'heat' }, { limit: 20 })).toMatchObject({ searchDown: false, total: 1 });
  });
});
