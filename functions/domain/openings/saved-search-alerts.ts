// The alert sweep: for every saved search alerted daily (or instantly, every few minutes), the openings
// posted since its last alert become one `saved-search-match` notification for its owner, mailed where
// they allow it.
//
// Each alert covers a window of posting times that ends a margin before the sweep started: an opening
// reaches search through the table's stream, seconds (on a bad day minutes) after it was posted, so one
// posted just before the sweep may not be searchable yet. The search is marked sent up to the window's
// end, and the next alert starts there: windows never overlap, so no opening is told twice, and none
// falls between them while the index lags by less than the margin.
import type { Notification } from '../notifications/notification.ts';
import type { NotificationRepository } from '../notifications/notification-repository.ts';
import { englishWords, told } from '../notifications/notification-text.ts';
import { type EmailStep, notificationId } from '../notifications/produce.ts';
import type { BoardItem } from './board.ts';
import { type AlertFrequency, boardQueryOf, type SavedSearch, type SavedSearchRepository } from './saved-search.ts';
import { newMatchesSince } from './saved-search-use-cases.ts';
import type { SearchBoardDependencies } from './search-board.ts';

/** How far behind the sweep an alert's window ends: the longest the search index is expected to lag. */
export const alertMarginMs = 15 * 60 * 1000;
/** Saved searches read per page of the sweep (one query each), and searched at once within it. */
export const alertPageSize = 100;
const alertConcurrency = 5;
/** The most openings one alert looks at: its title says "50 or more" beyond. */
export const alertMatchLimit = 50;
/** How many titles an alert's summary lists. */
const listedTitles = 3;

export interface AlertDependencies extends SearchBoardDependencies {
  savedSearches: Pick<SavedSearchRepository, 'pageWithAlert' | 'markSent'>;
  notifications: Pick<NotificationRepository, 'add' | 'markMailed'>;
  /** None: the inbox alone. */
  sendEmail?: EmailStep | undefined;
  /** Told of each saved search whose alert failed (the others go on). */
  onFailure?: (search: SavedSearch, error: unknown) => void;
}

export interface AlertReport {
  checked: number;
  notified: number;
  failed: number;
}

/** Sends every `alert` saved search's new matches; a search that fails is reported and left for the next run. */
export async function sendSavedSearchAlerts(
  deps: AlertDependencies,
  alert: Exclude<AlertFrequency, 'off'>,
  startedAt: Date,
): Promise<AlertReport> {
  const until = new Date(startedAt.getTime() - alertMarginMs).toISOString();
  const report: AlertReport = { checked: 0, notified: 0, failed: 0 };
  let cursor: string | undefined;
  do {
    const page = await deps.savedSearches.pageWithAlert(alert, { limit: alertPageSize, cursor });
    for (let i = 0; i < page.items.length; i += alertConcurrency) {
      await Promise.all(
        page.items.slice(i, i + alertConcurrency).map(async (search) => {
          report.checked += 1;
          try {
            if (await alertOne(deps, search, until)) report.notified += 1;
          } catch (error) {
            report.failed += 1;
            deps.onFailure?.(search, error);
          }
        }),
      );
    }
    cursor = page.next;
  } while (cursor);
  return report;
}

/** One saved search's alert, if anything new was posted in its window; answers whether one was made. */
async function alertOne(deps: AlertDependencies, search: SavedSearch, until: string): Promise<boolean> {
  const from = search.lastSentAt ?? search.createdAt;
  if (from >= until) return false;
  const found = await newMatchesSince(deps, search, from, alertMatchLimit);
  const items = found.items.filter((item) => postedOf(item) <= until);
  const newest = items[0];
  if (!newest) return false;
  const notification = alertNotification(search, items, found.more && items.length === found.items.length);
  const stored = await deps.notifications.add(notification);
  if (deps.sendEmail && !stored.mailedAt) {
    await deps.sendEmail(notification);
    await deps.notifications.markMailed(search.personId, notification.id, deps.now().toISOString());
  }
  await deps.savedSearches.markSent(search.personId, search.id, until);
  return stored.created;
}

const postedOf = (item: BoardItem) => item.opening.datePosted ?? item.opening.createdAt;

/**
 * The notification for a saved search's new matches (newest first). Its event key names the newest
 * opening, and its time is that opening's posting: a rerun of the same alert makes the same id, which
 * the store keeps once.
 */
export function alertNotification(search: SavedSearch, items: BoardItem[], more: boolean): Notification {
  const newest = items[0] as BoardItem;
  const titles = items.slice(0, listedTitles).map((item) => item.opening.title);
  const message = told('email.savedSearch', {
    search: search.name,
    count: items.length,
    more,
    titles: titles.join('; '),
    rest: items.length - titles.length,
  });
  const eventKey = `saved-search#${search.id}#${newest.opening.id}`;
  const at = postedOf(newest);
  return {
    id: notificationId(at, eventKey),
    personId: search.personId,
    kind: 'saved-search-match',
    at,
    ...englishWords(message),
    message,
    link: `/jobs/${boardQueryOf({ ...search.query, sort: 'newest' })}`,
    eventKey,
  };
}
