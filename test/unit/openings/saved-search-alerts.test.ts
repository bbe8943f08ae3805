import { describe, expect, it } from 'vitest';
import { createEmbeddedSearchEngine } from '#adapters/search/embedded/engine.ts';
import type { Notification } from '#domain/notifications/notification.ts';
import type { Opening } from '#domain/openings/opening.ts';
import type { SavedSearch, SavedSearchRepository } from '#domain/openings/saved-search.ts';
import { alertPageSize, sendSavedSearchAlerts } from '#domain/openings/saved-search-alerts.ts';
import { openingDocument } from '#domain/search/documents.ts';
import type { Syndicate } from '#domain/syndicates/syndicate.ts';
import { manyFrom, pagedFrom } from '../../support/memory-pages.ts';
import { memoryNotifications } from '../../support/memory-notifications.ts';
import { openOpening } from '../../support/open-opening.ts';

const opening = (id: string, datePosted: string, title = `Solar fitter ${id}`) =>
  openOpening(id, { title, createdAt: datePosted, updatedAt: datePosted, datePosted });

const savedSearch = (id: string, overrides: Partial<SavedSearch> = {}): SavedSearch => ({
  id,
  personId: 'sam',
  name: 'Solar in Leeds',
  query: { q: 'solar' },
  alert: 'daily',
  feedToken: 'x'.repeat(43),
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  ...overrides,
});

/** Saved searches in memory with the adapter's promises for the sweep: pages by alert, marks that only move forward. */
function memorySavedSearches(searches: SavedSearch[]) {
  const calls: string[] = [];
  const repository: Pick<SavedSearchRepository, 'pageWithAlert' | 'markSent'> = {
    pageWithAlert: (alert, request) => pagedFrom(() => searches.filter((s) => s.alert === alert))(request),
    async markSent(personId, id, at) {
      calls.push(`markSent ${id}`);
      const search = searches.find((s) => s.personId === personId && s.id === id);
      if (search && (!search.lastSentAt || search.lastSentAt < at)) search.lastSentAt = at;
    },
  };
  return { repository, calls };
}

async function world(openings: Opening[], searches: SavedSearch[], failFor?: string) {
  const search = createEmbeddedSearchEngine();
  await search.upsert(
    openings.map((o) => openingDocument(o, { name: 'Leeds Sun', trade: 'renewable-energy' }, new Date(o.createdAt))),
  );
  const saved = memorySavedSearches(searches);
  const notifications = memoryNotifications();
  const mailed: Notification[] = [];
  const deps = {
    search: {
      ...search,
      search: (query: Parameters<typeof search.search>[0]) =>
        failFor && query.text === failFor ? Promise.reject(new Error('search down')) : search.search(query),
    },
    openings: { getMany: manyFrom((id) => openings.find((o) => o.id === id)) },
    syndicates: { getMany: manyFrom<Syndicate>(() => undefined) },
    now: () => new Date('2026-12-06T10:00:00Z'),
    savedSearches: saved.repository,
    notifications: {
      add: (n: Notification) => {
        saved.calls.push(`add ${n.eventKey}`);
        return notifications.add(n);
      },
      markMailed: notifications.markMailed,
    },
    sendEmail: async (n: Notification) => {
      mailed.push(n);
    },
  };
  return { deps, notifications, mailed, calls: saved.calls };
}

const sweepAt = new Date('2026-12-06T00:15:00.000Z');

describe('saved search alerts', () => {
  it('tells the owner once of the openings posted since the search was saved, and mails it', async () => {
    const openings = [
      opening('before', '2026-11-30T09:00:00.000Z'),
      opening('a', '2026-12-02T09:00:00.000Z'),
      opening('b', '2026-12-03T09:00:00.000Z'),
      opening('c', '2026-12-04T09:00:00.000Z'),
      opening('d', '2026-12-05T09:00:00.000Z'),
    ];
    const { deps, notifications, mailed } = await world(openings, [savedSearch('s1')]);
    const report = await sendSavedSearchAlerts(deps, 'daily', sweepAt);
    expect(report).toEqual({ checked: 1, notified: 1, failed: 0 });
    const [told] = notifications.all('sam');
    expect(told).toMatchObject({
      kind: 'saved-search-match',
      title: '4 new openings match “Solar in Leeds”',
      summary: 'Solar fitter d; Solar fitter c; Solar fitter b; and 1 more.',
      link: '/jobs/?q=solar&sort=newest',
      eventKey: 'saved-search#s1#d',
      at: '2026-12-05T09:00:00.000Z',
    });
    expect(told?.mailedAt).toBeDefined();
    expect(mailed.map((n) => n.id)).toEqual([told?.id]);
  });

  it('stores nothing new and mails nothing when the sweep runs again', async () => {
    const openings = [opening('a', '2026-12-02T09:00:00.000Z')];
    const { deps, notifications, mailed } = await world(openings, [savedSearch('s1')]);
    await sendSavedSearchAlerts(deps, 'daily', sweepAt);
    const again = await sendSavedSearchAlerts(deps, 'daily', new Date(sweepAt.getTime() + 60_000));
    expect(again.notified).toBe(0);
    expect(notifications.all('sam')).toHaveLength(1);
    expect(mailed).toHaveLength(1);
  });

  it('makes the same notification when an alert is rerun before it was marked sent', async () => {
    const openings = [opening('a', '2026-12-02T09:00:00.000Z')];
    const searches = [savedSearch('s1')];
    const { deps, notifications } = await world(openings, searches);
    await sendSavedSearchAlerts(
      { ...deps, savedSearches: { ...deps.savedSearches, markSent: async () => {} } },
      'daily',
      sweepAt,
    );
    const rerun = await sendSavedSearchAlerts(deps, 'daily', sweepAt);
    expect(rerun.notified).toBe(0);
    expect(notifications.all('sam')).toHaveLength(1);
    expect(searches[0]?.lastSentAt).toBe('2026-12-06T00:00:00.000Z');
  });

  it('counts only the openings posted after the last alert, and those of the last minutes at the next', async () => {
    const openings = [
      opening('sent', '2026-12-04T09:00:00.000Z'),
      opening('new', '2026-12-05T09:00:00.000Z'),
      opening('just-now', '2026-12-06T00:10:00.000Z'),
    ];
    const searches = [savedSearch('s1', { lastSentAt: '2026-12-05T00:00:00.000Z' })];
    const { deps, notifications } = await world(openings, searches);
    await sendSavedSearchAlerts(deps, 'daily', sweepAt);
    expect(notifications.all('sam').map((n) => [n.title, n.summary])).toEqual([
      ['A new opening matches “Solar in Leeds”', 'Solar fitter new.'],
    ]);
    // The one posted within the margin before the sweep is the next alert's, not lost and not told twice.
    await sendSavedSearchAlerts(deps, 'daily', new Date('2026-12-07T00:15:00.000Z'));
    expect(notifications.all('sam').map((n) => n.summary)).toEqual(['Solar fitter just-now.', 'Solar fitter new.']);
  });

  it('marks a search sent only after its notification is stored and mailed', async () => {
    const { deps, calls } = await world([opening('a', '2026-12-02T09:00:00.000Z')], [savedSearch('s1')]);
    await sendSavedSearchAlerts(deps, 'daily', sweepAt);
    expect(calls).toEqual(['add saved-search#s1#a', 'markSent s1']);
  });

  it('leaves a search with nothing new unmarked and untold', async () => {
    const searches = [savedSearch('s1', { query: { q: 'bakery' } })];
    const { deps, notifications, calls } = await world([opening('a', '2026-12-02T09:00:00.000Z')], searches);
    expect(await sendSavedSearchAlerts(deps, 'daily', sweepAt)).toEqual({ checked: 1, notified: 0, failed: 0 });
    expect(notifications.all('sam')).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('goes through every page of saved searches with that alert only, and on past one that fails', async () => {
    const many = Array.from({ length: alertPageSize + 3 }, (_, i) =>
      savedSearch(`s${String(i).padStart(3, '0')}`, { personId: `p${i}` }),
    );
    const broken = savedSearch('broken', { personId: 'bo', query: { q: 'broken' } });
    const instant = savedSearch('instant', { personId: 'in', alert: 'instant' });
    const failures: string[] = [];
    const { deps, notifications } = await world(
      [opening('a', '2026-12-02T09:00:00.000Z')],
      [broken, ...many, instant],
      'broken',
    );
    const report = await sendSavedSearchAlerts(
      { ...deps, onFailure: (search) => failures.push(search.id) },
      'daily',
      sweepAt,
    );
    expect(report).toEqual({ checked: alertPageSize + 4, notified: alertPageSize + 3, failed: 1 });
    expect(failures).toEqual(['broken']);
    expect(notifications.all('in')).toEqual([]);
    expect(notifications.all('p102')).toHaveLength(1);
  });
});
