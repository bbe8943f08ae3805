// What the alert sweep is given, from a function's services: the search index that finds the matches,
// the table's repositories, and the email step (absent: the inbox alone).
import type { EmailStep } from '#domain/notifications/produce.ts';
import type { AlertDependencies } from '#domain/openings/saved-search-alerts.ts';
import type { SearchIndex } from '#domain/search/search-port.ts';
import type { StoreServices } from './store-services.ts';

export function alertDependencies(
  services: StoreServices,
  search: SearchIndex,
  sendEmail?: EmailStep | undefined,
): AlertDependencies {
  return {
    search,
    openings: services.openings,
    syndicates: services.syndicates,
    savedSearches: services.savedSearches,
    notifications: services.notifications,
    sendEmail,
    now: services.now,
    onFailure: (search, error) =>
      services.log.warn('a saved search alert failed; the next run tries it again', {
        savedSearchId: search.id,
        error,
      }),
  };
}
