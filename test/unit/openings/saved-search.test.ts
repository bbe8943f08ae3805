import { describe, expect, it } from 'vitest';
import { createEmbeddedSearchEngine } from '#adapters/search/embedded/engine.ts';
import { ConflictError, NotFoundError } from '#domain/errors.ts';
import type { Opening } from '#domain/openings/opening.ts';
import {
  boardQueryOf,
  isFeedToken,
  type SavedSearch,
  type SavedSearchRepository,
  savedSearchView,
} from '#domain/openings/saved-search.ts';
import { newMatchesSince, ownSavedSearch, saveSearch } from '#domain/openings/saved-search-use-cases.ts';
import { openingDocument } from '#domain/search/documents.ts';
import type { Syndicate } from '#domain/syndicates/syndicate.ts';
import { savedQueryFromForm } from '../../../site/src/lib/saved-search-form.ts';
import { manyFrom } from '../../support/memory-pages.ts';
import { openOpening } from '../../support/open-opening.ts';
import { rejected } from '../../support/thrown.ts';

/** Keeps the adapter's promise that matters here: a second create of one id is a ConflictError. */
function memoryRepository(): Pick<SavedSearchRepository, 'create' | 'get'> & { stored: Map<string, SavedSearch> } {
  const stored = new Map<string, SavedSearch>();
  return {
    stored,
    async create(search) {
      const key = `${search.personId}/${search.id}`;
      if (stored.has(key)) throw new ConflictError('taken');
      stored.set(key, search);
    },
    async get(personId, id) {
      return stored.get(`${personId}/${id}`) ?? null;
    },
  };
}
const now = new Date('2026-12-06T10:00:00Z');
const sam = { personId: 'sam' };

describe('saving a search', () => {
  it('answers the search stored by an earlier run of the same request, with its first feed token', async () => {
    const savedSearches = memoryRepository();
    let secret = 0;
    const deps = {
      savedSearches: savedSearches as unknown as SavedSearchRepository,
      newId: () => 'same-id',
      newSecret: () => `secret-${++secret}`,
      now: () => now,
    };
    const input = { name: 'Heat pumps', query: { q: 'heat pump' }, alert: 'daily' as const };
    const first = await saveSearch(deps, sam, input);
    const again = await saveSearch(deps, sam, input);
    expect(again).toEqual(first);
    expect(again.feedToken).toBe('secret-1');
    expect(savedSearches.stored.size).toBe(1);
  });

  it('finds only your own saved search: anyone else’s id is not found', async () => {
    const savedSearches = memoryRepository();
    const deps = { savedSearches: savedSearches as unknown as SavedSearchRepository };
    await savedSearches.create(
      { id: 'a', personId: 'sam', name: 'x', query: {}, alert: 'off', feedToken: 't', createdAt: '', updatedAt: '' },
      50,
    );
    expect((await ownSavedSearch(deps, sam, 'a')).id).toBe('a');
    await rejected(() => ownSavedSearch(deps, { personId: 'eve' }, 'a'), NotFoundError);
  });

  it('shows its owner the board and feed addresses, never the bare token or the owner’s id', () => {
    const view = savedSearchView(
      {
        id: 'a',
        personId: 'sam',
        name: 'x',
        query: { q: 'heat pump', remote: false, sort: 'closing' },
        alert: 'off',
        feedToken: 'T'.repeat(43),
        createdAt: '',
        updatedAt: '',
      },
      'https://guildhall.example',
    );
    expect(view).not.toHaveProperty('feedToken');
    expect(view).not.toHaveProperty('personId');
    expect(view.boardUrl).toBe('https://guildhall.example/jobs/?q=heat+pump&remote=false&sort=closing');
    expect(view.feedUrl).toBe(`https://guildhall.example/jobs/saved/${'T'.repeat(43)}/feed.xml`);
  });

  it.each([
    ['A'.repeat(43), true],
    ['a_b-c'.padEnd(43, '0'), true],
    ['A'.repeat(42), false],
    ['A'.repeat(44), false],
    [`${'A'.repeat(42)}/`, false],
    [undefined, false],
  ])('takes %s as a feed token: %s', (token, ok) => {
    expect(isFeedToken(token)).toBe(ok);
  });

  it('reads the board’s search from the form that saves it, leaving the checks to the command', () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({
      q: ' heat pump ',
      trade: 'care',
      remote: 'false',
      payUnit: '',
      sort: 'match',
    })) {
      form.set(k, v);
    }
    expect(savedQueryFromForm(form)).toEqual({ q: 'heat pump', trade: 'care', remote: false, sort: 'match' });
    form.set('remote', 'maybe');
    expect(savedQueryFromForm(form).remote).toBe('maybe');
  });

  it('writes a saved query as the board’s query string', () => {
    expect(boardQueryOf({})).toBe('');
    expect(boardQueryOf({ skill: 'pv-system-sizing', place: 'Leeds' })).toBe('?skill=pv-system-sizing&place=Leeds');
  });
});

describe('new matches for an alert', () => {
  const opening = (id: string, datePosted: string) =>
    openOpening(id, { title: `Heat pump fitter ${id}`, createdAt: datePosted, updatedAt: datePosted, datePosted });

  async function world(openings: Opening[]) {
    const search = createEmbeddedSearchEngine();
    await search.upsert(
      openings.map((o) => openingDocument(o, { name: 'Leeds Heat', trade: 'renewable-energy' }, now)),
    );
    return {
      search,
      openings: { getMany: manyFrom((id) => openings.find((o) => o.id === id)) },
      syndicates: { getMany: manyFrom<Syndicate>(() => undefined) },
      now: () => now,
    };
  }
  const openings = [
    opening('old', '2026-12-01T09:00:00.000Z'),
    opening('mid', '2026-12-03T09:00:00.000Z'),
    opening('new', '2026-12-05T09:00:00.000Z'),
  ];
  const ids = (found: { items: Array<{ opening: Opening }> }) => found.items.map((item) => item.opening.id);

  it('finds the openings posted after a time, newest first, and none posted at or before it', async () => {
    const deps = await world(openings);
    const found = await newMatchesSince(deps, { query: { q: 'heat pump' } }, '2026-12-03T09:00:00.000Z');
    expect(ids(found)).toEqual(['new']);
    expect(found.more).toBe(false);
  });

  it('stops at its limit and says there were more', async () => {
    const deps = await world(openings);
    const found = await newMatchesSince(
      deps,
      { query: { skill: 'heat-pump-installation' } },
      '2026-11-01T00:00:00Z',
      2,
    );
    expect(ids(found)).toEqual(['new', 'mid']);
    expect(found.more).toBe(true);
  });

  it('alerts a learner of new training places only, or of those toward one course, as the form saved them', async () => {
    const place = (id: string, courseId: string) => ({
      ...opening(id, '2026-12-04T09:00:00.000Z'),
      kind: 'training' as const,
      training: { courseId, mentorId: 'lotte' },
    });
    const deps = await world([...openings, place('pv', 'solar-pv-basics'), place('heat', 'heat-pump-basics')]);
    const form = new FormData();
    form.set('kind', 'training');
    const query = savedQueryFromForm(form);
    expect(query).toEqual({ kind: 'training' });
    const since = '2026-11-01T00:00:00Z';
    expect(ids(await newMatchesSince(deps, { query: { kind: 'training' } }, since)).sort()).toEqual(['heat', 'pv']);
    expect(ids(await newMatchesSince(deps, { query: { course: 'solar-pv-basics' } }, since))).toEqual(['pv']);
    expect(ids(await newMatchesSince(deps, { query: { kind: 'job' } }, since))).toEqual(['new', 'mid', 'old']);
  });
});
