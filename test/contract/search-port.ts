// The search port's contract: behaviour every adapter (the embedded engine, Meilisearch) must show.
// It asserts hit sets and clear-cut top results, never an engine's exact ordering of near ties.
// `makeIndex` returns a new, empty index each call, as a process first meets it: nothing prepared (no
// settings sent, no setup call), since the port has none to make. Read-only tests share one, the others
// make their own.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchDocument, SearchIndex, SearchQuery, SearchResult } from '#domain/search/search-port.ts';

function document(id: string, fields: Partial<SearchDocument>): SearchDocument {
  const [type = 'opening'] = id.split(':') as [SearchDocument['type']];
  return {
    id,
    type,
    title: '',
    summary: '',
    body: '',
    url: `/${id.replace(':', '/')}/`,
    skills: [],
    updatedAt: '',
    ...fields,
  };
}

// Each word a test searches for occurs only where that test expects it.
export const fixtures: SearchDocument[] = [
  document('opening:staircase', {
    title: 'Oak staircase carpenter',
    summary: 'Build and fit a hardwood staircase in a listed house',
    body: 'You will shape treads and risers by hand with our workshop team.',
    skills: ['Stair building', 'Hand joinery'],
    trade: 'Carpentry',
    place: 'Leeds',
    remote: false,
    status: 'open',
    pay: 2400,
    payUnit: 'GBP/hour',
    hours: 37,
    updatedAt: '2026-03-04T09:00:00.000Z',
    posted: '2026-02-20T09:00:00.000Z',
    closes: '2026-04-30',
  }),
  document('opening:flooring', {
    title: 'Oak flooring fitter',
    summary: 'Lay and finish engineered boards in new homes',
    body: 'Sanding, oiling and making good. Van provided.',
    skills: ['Floor laying'],
    trade: 'Carpentry',
    place: 'York',
    remote: true,
    status: 'open',
    pay: 1900,
    payUnit: 'GBP/hour',
    hours: 20,
    // A training place: its kind, and the course it trains toward (the board's and a course page's filters).
    kind: 'training',
    course: 'oak-floors',
    updatedAt: '2026-03-02T09:00:00.000Z',
    posted: '2026-03-01T12:00:00.000Z',
    closes: '2026-05-15',
    // An opening of a followed remote syndicate: the instance it is at.
    origin: 'guildhall.york.example',
  }),
  document('opening:plaster', {
    title: 'Heritage plasterer',
    summary: 'Repair lime plaster in cottages',
    body: 'Haired mixes, laths and patience. We will train you in traditional methods.',
    skills: ['Lime plastering'],
    trade: 'Plastering',
    place: 'Bristol',
    remote: false,
    status: 'filled',
    pay: 2100,
    payUnit: 'GBP/day',
    hours: 40,
    updatedAt: '2026-03-03T09:00:00.000Z',
    posted: '2026-02-25T08:30:00.000Z',
    closes: '2026-03-31',
  }),
  document('course:slate', {
    title: 'Slate roofing basics',
    summary: 'Learn to hang natural slate on battens',
    body: 'Setting out, headlaps and nailing. A short course for beginners.',
    skills: ['Slating'],
    trade: 'Roofing',
    status: 'published',
    updatedAt: '2026-03-01T09:00:00.000Z',
  }),
  document('syndicate:cafe', {
    title: 'Café Collective of Leeds',
    summary: 'A worker cooperative that fits out small shops',
    body: 'We share tools, vans and a plasterer between members.',
    skills: ['Shopfitting'],
    place: 'Leeds',
    status: 'open',
    // Any document may carry a kind; the marketplace's offers and wants do (a service, a good, labour).
    kind: 'service',
    updatedAt: '2026-03-05T09:00:00.000Z',
  }),
  document('innovation:sink', {
    title: '<script>alert(1)</script> plumbing trick',
    summary: 'Pipes & "fittings" without solder',
    body: 'A push-fit method that saves time under a sink.',
    skills: ['Plumbing'],
    trade: 'Plumbing',
    practice: 'push-fit-joints',
    status: 'published',
    updatedAt: '2026-03-06T09:00:00.000Z',
  }),
];

const ids = (result: SearchResult) => result.hits.map((hit) => hit.document.id);
const idSet = (result: SearchResult) => ids(result).sort();

export function searchPortContract(name: string, makeIndex: () => Promise<SearchIndex>): void {
  describe(`${name} keeps the search port's contract`, () => {
    describe('searching', () => {
      let index: SearchIndex;
      const search = (query: SearchQuery) => index.search(query);
      beforeAll(async () => {
        index = await makeIndex();
        await index.upsert(fixtures);
      });

      it('finds a document by a word of its title', async () => {
        expect(idSet(await search({ text: 'staircase' }))).toEqual(['opening:staircase']);
      });

      it('finds a document by a word of its body', async () => {
        expect(idSet(await search({ text: 'headlaps' }))).toEqual(['course:slate']);
      });

      it('forgives one typo in a word of five to eight letters', async () => {
        expect(idSet(await search({ text: 'floaring' }))).toEqual(['opening:flooring']);
      });

      it('forgives no typo in a word of under five letters', async () => {
        expect((await search({ text: 'lome' })).total).toBe(0);
        expect(idSet(await search({ text: 'lime' }))).toEqual(['opening:plaster']);
      });

      it('matches the last word as a prefix while it is being typed', async () => {
        expect(idSet(await search({ text: 'oak stairca' }))).toContain('opening:staircase');
        expect(idSet(await search({ text: 'roofi' }))).toEqual(['course:slate']);
      });

      it('finds a document by a synonym of a query word from the trades vocabulary', async () => {
        const pv = document('course:pv-survey', { title: 'Photovoltaic array survey', skills: [] });
        await index.upsert([pv]);
        try {
          // Three typos by Meilisearch's count (a first letter changed, a letter missing): only the synonym reaches it.
          expect(idSet(await search({ text: 'fotovoltaic' }))).toEqual(['course:pv-survey']);
        } finally {
          await index.delete([pv.id]);
        }
      });

      it('matches only the last word as a prefix', async () => {
        expect((await search({ text: 'stairca oak' })).total).toBe(0);
      });

      it('ranks a document with all the words above one with only the first', async () => {
        const result = await search({ text: 'oak staircase' });
        expect(ids(result)[0]).toBe('opening:staircase');
        expect(ids(result)).toContain('opening:flooring');
      });

      it('drops words from the end of the query first, so the leading words weigh most', async () => {
        // Flooring matches "oak fitter"; the staircase matches "oak" and "staircase", but not "fitter".
        expect(ids(await search({ text: 'oak fitter staircase' }))[0]).toBe('opening:flooring');
      });

      it('ranks a match in the title above a match in the body', async () => {
        expect(ids(await search({ text: 'plasterer' }))).toEqual(['opening:plaster', 'syndicate:cafe']);
      });

      it('ignores case and diacritics', async () => {
        expect(idSet(await search({ text: 'CAFE' }))).toEqual(['syndicate:cafe']);
        expect(idSet(await search({ text: 'flóoring' }))).toEqual(['opening:flooring']);
      });

      it('returns every document for an empty query (placeholder search)', async () => {
        const result = await search({ text: '' });
        expect(result.total).toBe(fixtures.length);
        expect(idSet(result)).toEqual(fixtures.map((fixture) => fixture.id).sort());
      });

      it('returns the fields a result shows', async () => {
        const [hit] = (await search({ text: 'staircase' })).hits;
        const { body: _body, ...shown } = fixtures[0] as SearchDocument;
        expect(hit?.document).toMatchObject(shown);
      });

      const filterCases: Array<[string, SearchQuery['filters'], string[]]> = [
        ['type', { type: ['course', 'syndicate'] }, ['course:slate', 'syndicate:cafe']],
        ['skills (any of)', { skills: ['Slating', 'Floor laying'] }, ['course:slate', 'opening:flooring']],
        ['trade (any of)', { trade: ['Plastering', 'Roofing'] }, ['course:slate', 'opening:plaster']],
        ['place', { place: ['Leeds'] }, ['opening:staircase', 'syndicate:cafe']],
        ['remote', { remote: true }, ['opening:flooring']],
        ['status', { status: ['filled'] }, ['opening:plaster']],
        ['pay unit', { payUnit: ['GBP/day'] }, ['opening:plaster']],
        ['practice guide', { practice: ['push-fit-joints'] }, ['innovation:sink']],
        ['kind (any of)', { kind: ['service', 'labour'] }, ['syndicate:cafe']],
        ['kind', { kind: ['training'] }, ['opening:flooring']],
        ['course', { course: ['oak-floors', 'no-such-course'] }, ['opening:flooring']],
        ['pay range, both ends included', { pay: { min: 2100, max: 2400 } }, ['opening:plaster', 'opening:staircase']],
        ['hours range, both ends included', { hours: { min: 20, max: 37 } }, ['opening:flooring', 'opening:staircase']],
        ['several filters at once', { trade: ['Carpentry'], remote: false }, ['opening:staircase']],
      ];
      for (const [filter, filters, expected] of filterCases) {
        it(`narrows results by ${filter}`, async () => {
          expect(idSet(await search({ text: '', filters }))).toEqual(expected);
        });
      }

      it('narrows a text search by a filter', async () => {
        expect(idSet(await search({ text: 'oak', filters: { remote: true } }))).toEqual(['opening:flooring']);
      });

      it('counts facet values over all filtered hits, not only the page shown', async () => {
        const result = await search({
          text: '',
          filters: { status: ['open', 'filled'] },
          facets: ['type', 'trade', 'remote', 'place'],
          pageSize: 1,
        });
        expect(result.hits).toHaveLength(1);
        expect(result.facets).toEqual({
          type: { opening: 3, syndicate: 1 },
          trade: { Carpentry: 2, Plastering: 1 },
          remote: { false: 2, true: 1 },
          place: { Bristol: 1, Leeds: 2, York: 1 },
        });
      });

      it('sorts by a field in either direction', async () => {
        const filters = { type: ['opening' as const] };
        const ascending = await search({ text: '', filters, sort: { field: 'pay', direction: 'asc' } });
        expect(ids(ascending)).toEqual(['opening:flooring', 'opening:plaster', 'opening:staircase']);
        const descending = await search({ text: '', filters, sort: { field: 'updatedAt', direction: 'desc' } });
        expect(ids(descending)).toEqual(['opening:staircase', 'opening:plaster', 'opening:flooring']);
      });

      it('sorts openings by posting date, newest first, and by closing date, soonest first', async () => {
        // The order differs from updatedAt's, so a sort that fell back to it would fail here.
        const filters = { type: ['opening' as const] };
        const newest = await search({ text: '', filters, sort: { field: 'posted', direction: 'desc' } });
        expect(ids(newest)).toEqual(['opening:flooring', 'opening:plaster', 'opening:staircase']);
        const closing = await search({ text: '', filters, sort: { field: 'closes', direction: 'asc' } });
        expect(ids(closing)).toEqual(['opening:plaster', 'opening:staircase', 'opening:flooring']);
      });

      it('puts documents without a posting date after those with one, in either direction', async () => {
        for (const direction of ['asc', 'desc'] as const) {
          const result = await search({
            text: '',
            filters: { type: ['opening', 'course'] },
            sort: { field: 'posted', direction },
          });
          expect(ids(result).at(-1)).toBe('course:slate');
        }
      });

      it('pages through the hits with a total that counts them all', async () => {
        const sort = { field: 'updatedAt' as const, direction: 'asc' as const };
        const pages = await Promise.all([1, 2, 3, 4].map((page) => search({ text: '', sort, page, pageSize: 2 })));
        expect(pages.map((page) => page.total)).toEqual([6, 6, 6, 6]);
        expect(pages.map((page) => page.hits.length)).toEqual([2, 2, 2, 0]);
        expect(pages.flatMap(ids)).toEqual([
          'course:slate',
          'opening:flooring',
          'opening:plaster',
          'opening:staircase',
          'syndicate:cafe',
          'innovation:sink',
        ]);
        expect(pages[1]).toMatchObject({ page: 2, pageSize: 2 });
      });

      it('wraps matched words in <mark> in the title and summary', async () => {
        const [hit] = (await search({ text: 'staircase' })).hits;
        expect(hit?.highlighted).toEqual({
          title: 'Oak <mark>staircase</mark> carpenter',
          summary: 'Build and fit a hardwood <mark>staircase</mark> in a listed house',
        });
      });

      it('escapes HTML in highlighted text, so a title cannot inject a script', async () => {
        const [hit] = (await search({ text: 'plumbing' })).hits;
        expect(hit?.highlighted).toEqual({
          title: '&lt;script&gt;alert(1)&lt;/script&gt; <mark>plumbing</mark> trick',
          summary: 'Pipes &amp; &quot;fittings&quot; without solder',
        });
      });
    });

    describe('a new index', () => {
      // Issue 13, D10: `npm start` filled a Meilisearch index that never received its settings, and every
      // faceted search failed until the reindex was run by hand.
      it('answers a faceted, filtered and sorted search right after its first write', async () => {
        const index = await makeIndex();
        await index.upsert(fixtures);
        const result = await index.search({
          text: 'oak',
          filters: { trade: ['Carpentry'], pay: { min: 1000 } },
          facets: ['type', 'trade', 'remote', 'skills'],
          sort: { field: 'pay', direction: 'desc' },
        });
        expect(ids(result)).toEqual(['opening:staircase', 'opening:flooring']);
        expect(result.facets).toEqual({
          type: { opening: 2 },
          trade: { Carpentry: 2 },
          remote: { false: 1, true: 1 },
          skills: { 'Floor laying': 1, 'Hand joinery': 1, 'Stair building': 1 },
        });
        expect((await index.health()).degraded).toBeUndefined();
      });
    });

    describe('keeping the index in step with the table', () => {
      it('keeps one document per id however often it is upserted', async () => {
        const index = await makeIndex();
        const first = fixtures[0] as SearchDocument;
        await index.upsert([first]);
        await index.upsert([{ ...first, title: 'Walnut staircase carpenter', updatedAt: '2026-04-01T09:00:00.000Z' }]);
        expect(await index.listIds()).toEqual([{ id: first.id, updatedAt: '2026-04-01T09:00:00.000Z' }]);
        expect(idSet(await index.search({ text: 'walnut' }))).toEqual([first.id]);
        expect((await index.search({ text: 'oak' })).total).toBe(0);
        expect((await index.health()).documents).toBe(1);
      });

      it('no longer finds a deleted document, and ignores unknown ids', async () => {
        const index = await makeIndex();
        await index.upsert(fixtures);
        await index.delete(['opening:flooring', 'opening:never-indexed']);
        expect((await index.search({ text: 'flooring' })).total).toBe(0);
        expect((await index.listIds()).map(({ id }) => id).sort()).toEqual(
          fixtures
            .map(({ id }) => id)
            .filter((id) => id !== 'opening:flooring')
            .sort(),
        );
        expect((await index.health()).documents).toBe(fixtures.length - 1);
      });
    });

    describe('reading documents by id', () => {
      it('keeps a remote opening’s instance (origin) and its link to it, in hits and by id', async () => {
        const index = await makeIndex();
        const remote = document('opening:remote-f1-n1', {
          title: 'Roofer wanted in Valencia',
          url: 'https://guildhall.valencia.example/jobs/o1/',
          origin: 'guildhall.valencia.example',
          status: 'open',
          updatedAt: '2026-03-01T09:00:00.000Z',
        });
        await index.upsert([...fixtures, remote]);
        const [hit] = (await index.search({ text: 'roofer valencia' })).hits;
        expect(hit?.document).toMatchObject({ id: remote.id, origin: remote.origin, url: remote.url });
        expect(await index.get([remote.id])).toEqual([{ ...remote, body: '' }]);
        // Everything of this instance has none.
        expect((await index.get([(fixtures[0] as SearchDocument).id]))[0]).not.toHaveProperty('origin');
      });

      it('gives back the documents asked for by id, without their body, and leaves unknown ids out', async () => {
        const index = await makeIndex();
        await index.upsert(fixtures);
        const [first, second] = fixtures as [SearchDocument, SearchDocument];
        const found = await index.get([second.id, 'opening:never-indexed', first.id, first.id]);
        expect(found.map(({ id }) => id).sort()).toEqual([first.id, second.id].sort());
        expect(found.find(({ id }) => id === first.id)).toEqual({ ...first, body: '' });
        expect(await index.get([])).toEqual([]);
      });

      it('no longer gives back a deleted document', async () => {
        const index = await makeIndex();
        await index.upsert(fixtures);
        const first = fixtures[0] as SearchDocument;
        await index.delete([first.id]);
        expect(await index.get([first.id])).toEqual([]);
      });
    });
  });
}
