// The home page's reads: the figures from counters, the scarcest skills, openings asking them near the
// person, the newest courses and innovations. Real shortage ranking and embedded search; fakes for the rest.
import { describe, expect, it } from 'vitest';
import { createEmbeddedSearchEngine } from '#adapters/search/embedded/engine.ts';
import type { Course } from '#domain/content/commons.ts';
import { SearchUnavailableError } from '#domain/errors.ts';
import { type HomeDependencies, homePage, homeSizes, newestCourses } from '#domain/home/home-page.ts';
import type { InnovationRecord } from '#domain/innovations/innovation.ts';
import type { Opening } from '#domain/openings/opening.ts';
import type { PageRequest } from '#domain/paging.ts';
import { newPerson } from '#domain/people/person.ts';
import type { SearchIndex, SearchQuery } from '#domain/search/search-port.ts';
import { openingDocument } from '#domain/search/documents.ts';
import type { SkillAggregate } from '#domain/shortages/shortage-repository.ts';
import { wholeBoard } from '#domain/shortages/sources.ts';
import type { Syndicate } from '#domain/syndicates/syndicate.ts';
import { manyFrom, pagedFrom } from '../../support/memory-pages.ts';
import { openOpening } from '../../support/open-opening.ts';
import { commons } from '../../support/services.ts';

const now = new Date('2026-11-21T12:00:00Z');
const scarce = 'heat-pump-installation';
const alsoScarce = 'stud-wall-framing';
const asks = (skill: string) => [{ skill, level: 'working' as const }];

const openings: Opening[] = [
  openOpening('leeds-old', { skills: asks(scarce), datePosted: '2026-11-02' }),
  openOpening('leeds-new', { skills: asks(alsoScarce), datePosted: '2026-11-05' }),
  openOpening('rotterdam', { skills: asks(scarce), place: 'Rotterdam, NL', datePosted: '2026-11-03' }),
  // Asks a skill with no open positions in the index: not a shortage the page points to.
  openOpening('bookkeeping', { skills: asks('bookkeeping-fundamentals'), datePosted: '2026-11-20' }),
];

interface Calls {
  searches: SearchQuery[];
  innovationPages: PageRequest[];
}

async function setUp(overrides: Partial<HomeDependencies> = {}) {
  const engine = createEmbeddedSearchEngine();
  await engine.upsert(openings.map((o) => openingDocument(o, { name: 'Riverside', trade: 'construction' }, now)));
  const calls: Calls = { searches: [], innovationPages: [] };
  const search: Pick<SearchIndex, 'search'> = {
    search: (query) => {
      calls.searches.push(query);
      return engine.search(query);
    },
  };
  const innovation = (id: string) => ({ id, title: `Record ${id}` }) as InnovationRecord;
  const people = [
    newPerson({ id: 'in-rotterdam', name: 'Bram', email: 'b@x.test', place: 'Rotterdam', createdAt: '2026-01-01' }),
    newPerson({ id: 'in-valencia', name: 'Carmen', email: 'c@x.test', place: 'Valencia', createdAt: '2026-01-01' }),
    newPerson({ id: 'nowhere', name: 'Dev', email: 'd@x.test', place: ' ', createdAt: '2026-01-01' }),
  ];
  const deps: HomeDependencies = {
    commons,
    shortages: {
      listAggregates: async (): Promise<SkillAggregate[]> => [
        { skill: scarce, tally: { openings: 2, positions: 2, 'demand:2026-11-02': 60 } },
        { skill: alsoScarce, tally: { openings: 1, positions: 1, 'demand:2026-11-05': 30 } },
        { skill: 'bookkeeping-fundamentals', tally: { declared: 4 } },
        // Three openings on the board, though the skills' positions add up to more.
        { skill: wholeBoard, tally: { openings: 3, positions: 3 } },
      ],
    },
    search,
    openings: {
      getMany: manyFrom((id) => openings.find((o) => o.id === id)),
      pageOpenAsking: (skill, ...rest) =>
        pagedFrom(() => openings.filter((o) => o.skills.some((s) => s.skill === skill)))(...rest),
    },
    syndicates: { getMany: manyFrom<Syndicate>(() => undefined) },
    innovations: {
      publishedPage: async (request) => {
        calls.innovationPages.push(request);
        return { items: ['c', 'b', 'a'].slice(0, request.limit).map(innovation) };
      },
    },
    people: { get: async (id) => people.find((p) => p.id === id) ?? null },
    decisions: { commonsMembers: async () => 8 },
    learning: { credentialsIssued: async () => 5 },
    now: () => now,
    ...overrides,
  };
  return { deps, calls };
}

const ids = (page: Awaited<ReturnType<typeof homePage>>) => page.openings.items.map((item) => item.opening.id);

describe('the home page', () => {
  it('shows the commons’ figures from the counters kept: members, credentials, and each open position once', async () => {
    const { deps } = await setUp();
    expect((await homePage(deps)).figures).toEqual({ members: 8, openPositions: 3, credentialsIssued: 5 });
  });

  it('shows a signed-out visitor the openings asking the scarcest skills anywhere, newest posted first', async () => {
    const { deps } = await setUp();
    const page = await homePage(deps);
    expect(page.shortages.map((s) => s.skill)).toEqual([scarce, alsoScarce]);
    expect(page.openings).toMatchObject({ near: false, place: undefined });
    expect(ids(page)).toEqual(['leeds-new', 'rotterdam', 'leeds-old']);
  });

  it('shows a signed-in person the openings asking shortage skills near the place on their profile', async () => {
    const { deps } = await setUp();
    const page = await homePage(deps, { personId: 'in-rotterdam' });
    expect(page.openings).toMatchObject({ near: true, place: 'Rotterdam' });
    expect(ids(page)).toEqual(['rotterdam']);
  });

  it('shows openings anywhere, and keeps the place to say so, when none is near the person', async () => {
    const { deps } = await setUp();
    const page = await homePage(deps, { personId: 'in-valencia' });
    expect(page.openings).toMatchObject({ near: false, place: 'Valencia' });
    expect(ids(page)).toEqual(['leeds-new', 'rotterdam', 'leeds-old']);
    const blank = await homePage(deps, { personId: 'nowhere' });
    expect(blank.openings).toMatchObject({ near: false, place: undefined });
  });

  it('reads a few of each list, however large the commons: one page of innovations, a few search hits', async () => {
    const { deps, calls } = await setUp();
    await homePage(deps, { personId: 'in-valencia' });
    expect(calls.innovationPages).toEqual([{ limit: homeSizes.innovations }]);
    expect(calls.searches.length).toBeLessThanOrEqual(2);
    for (const query of calls.searches) {
      expect(query).toMatchObject({ page: 1, pageSize: homeSizes.openings });
      expect(query.filters).toMatchObject({ type: ['opening'], status: ['open'] });
    }
  });

  it('still shows openings asking the scarcest skill from the table while search is down', async () => {
    const down = { search: async () => Promise.reject(new SearchUnavailableError('Search could not be reached.')) };
    const { deps } = await setUp({ search: down });
    const page = await homePage(deps, { personId: 'in-rotterdam' });
    expect(page.openings.near).toBe(false);
    expect(ids(page).sort()).toEqual(['leeds-old', 'rotterdam']);
  });

  it('shows no openings, rather than any, when no skill has open positions', async () => {
    const { deps } = await setUp({ shortages: { listAggregates: async () => [] } });
    const page = await homePage(deps);
    expect(page.shortages).toEqual([]);
    expect(page.openings.items).toEqual([]);
    expect(page.figures.openPositions).toBe(0);
  });
});

describe('the newest courses', () => {
  const course = (title: string, published?: string) => ({ title, published }) as Course;

  it('lists the most recently published first, and courses without a date after every dated one', () => {
    const courses = [course('Welding'), course('Care', '2026-11-21'), course('Plumbing', '2026-12-06'), course('Bees')];
    expect(newestCourses(courses, 4).map((c) => c.title)).toEqual(['Plumbing', 'Care', 'Bees', 'Welding']);
  });

  it('names the newest courses of the commons, each with its day', () => {
    const newest = newestCourses(commons.courses.values());
    expect(newest).toHaveLength(homeSizes.courses);
    for (const shown of newest) expect(shown.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
