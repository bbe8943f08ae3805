// The saved-search alert sweep on DynamoDB Local: a search saved through the API, an opening published
// after it, and the sweep's run storing one notification for its owner, mailing it and marking the
// search sent; a second run adds nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { alertDependencies } from '#app/saved-search-alerts.ts';
import type { Notification } from '#domain/notifications/notification.ts';
import { alertMarginMs, sendSavedSearchAlerts } from '#domain/openings/saved-search-alerts.ts';
import { openingDocument } from '#domain/search/documents.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { opening } from '../support/write-world.ts';
import { syndicateInput } from '../unit/innovations/fixtures.ts';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let services: Awaited<ReturnType<typeof apiOnFreshTable>>['services'];

beforeAll(async () => {
  ({ call, services } = await apiOnFreshTable());
  for (const person of ['sam', 'other']) await call('GET', '/api/me', person);
  expect((await call('POST', '/api/syndicates', 'other', syndicateInput('alert-syn'))).status).toBe(201);
}, 60_000);

describe('the saved-search alert sweep', () => {
  it('tells the owner once of an opening published after the search was saved, and marks the search sent', async () => {
    const saved = await call('POST', '/api/me/saved-searches', 'sam', {
      name: 'Repairs',
      query: { q: opening.title },
      alert: 'daily',
    });
    expect(saved.status).toBe(201);
    const openingId = body(await call('POST', '/api/syndicates/alert-syn/openings', 'other', opening)).id;
    expect((await call('PUT', `/api/openings/${openingId}/status`, 'other', { status: 'open' })).status).toBe(200);
    // The stream indexer does not run here: index the opening as it would.
    const published = await services.openings.get(openingId);
    if (!published) throw new Error('opening missing');
    await services.search.upsert([
      openingDocument(published, { name: 'Alert syndicate', trade: 'repair' }, new Date()),
    ]);

    const mailed: Notification[] = [];
    const deps = alertDependencies(services, services.search, async (n) => {
      mailed.push(n);
    });
    // A sweep starting past the margin, when the opening is surely searchable.
    const startedAt = new Date(Date.now() + alertMarginMs + 60_000);
    expect(await sendSavedSearchAlerts(deps, 'daily', startedAt)).toEqual({ checked: 1, notified: 1, failed: 0 });
    const { page, unread } = await services.notifications.page('sam', { limit: 10 });
    expect(unread).toBe(1);
    expect(page.items).toEqual([
      expect.objectContaining({
        kind: 'saved-search-match',
        title: 'A new opening matches “Repairs”',
        summary: `${opening.title}.`,
        eventKey: `saved-search#${body(saved).id}#${openingId}`,
      }),
    ]);
    expect(mailed).toHaveLength(1);
    const marked = await services.savedSearches.get('sam', body(saved).id);
    expect(marked?.lastSentAt).toBe(new Date(startedAt.getTime() - alertMarginMs).toISOString());

    expect(await sendSavedSearchAlerts(deps, 'daily', new Date(startedAt.getTime() + 60_000))).toEqual({
      checked: 1,
      notified: 0,
      failed: 0,
    });
    expect((await services.notifications.page('sam', { limit: 10 })).page.items).toHaveLength(1);
    expect(mailed).toHaveLength(1);
    expect(await sendSavedSearchAlerts(deps, 'instant', startedAt)).toEqual({ checked: 0, notified: 0, failed: 0 });
  });
});
