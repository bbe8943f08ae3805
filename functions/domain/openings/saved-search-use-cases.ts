// Saving, listing, changing and deleting a person's job-board searches, reading one's feed, and finding
// its new matches for an alert. Only the owner acts on a saved search: each use case reads it under the
// signed-in person's own key, so someone else's id is simply not found (404).
import { ConflictError, NotFoundError } from '../errors.ts';
import type { Identity } from '../identity.ts';
import type { Page, PageRequest } from '../paging.ts';
import { maxPageSize } from '../paging.ts';
import type { BoardDependencies, BoardItem } from './board.ts';
import {
  type BoardPage,
  boardPage,
  boardSearchFilters,
  boardText,
  listedItems,
  type SearchBoardDependencies,
} from './search-board.ts';
import {
  boardSearchOf,
  maxSavedSearches,
  type SavedSearch,
  type SavedSearchChange,
  type SavedSearchInput,
  type SavedSearchRepository,
} from './saved-search.ts';

export interface SavedSearchDependencies {
  savedSearches: SavedSearchRepository;
  newId: () => string;
  /** A new secret for a feed address: 32 random bytes, base64url. */
  newSecret: () => string;
  now: () => Date;
}

/**
 * Steps: a new id (the same on a retried request, from its idempotency key) and a new random feed
 * token; store both, within the person's limit. A request that ran before (its answer lost) finds its
 * saved search stored and answers it rather than failing.
 */
export async function saveSearch(
  deps: SavedSearchDependencies,
  identity: Identity,
  input: SavedSearchInput,
): Promise<SavedSearch> {
  const at = deps.now().toISOString();
  const search: SavedSearch = {
    id: deps.newId(),
    personId: identity.personId,
    name: input.name,
    query: input.query,
    alert: input.alert,
    feedToken: deps.newSecret(),
    createdAt: at,
    updatedAt: at,
  };
  try {
    await deps.savedSearches.create(search, maxSavedSearches);
    return search;
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const stored = await deps.savedSearches.get(identity.personId, search.id);
    if (stored) return stored;
    throw error;
  }
}

export function listSavedSearches(
  deps: Pick<SavedSearchDependencies, 'savedSearches'>,
  identity: Identity,
  request: PageRequest,
): Promise<Page<SavedSearch>> {
  return deps.savedSearches.page(identity.personId, request);
}

/** One of the person's own saved searches; anyone else's id is not found. */
export async function ownSavedSearch(
  deps: Pick<SavedSearchDependencies, 'savedSearches'>,
  identity: Identity,
  savedSearchId: string,
): Promise<SavedSearch> {
  const search = await deps.savedSearches.get(identity.personId, savedSearchId);
  if (!search) throw new NotFoundError('saved search', savedSearchId);
  return search;
}

export async function changeSavedSearch(
  deps: SavedSearchDependencies,
  identity: Identity,
  savedSearchId: string,
  change: SavedSearchChange,
): Promise<SavedSearch> {
  const previous = await ownSavedSearch(deps, identity, savedSearchId);
  const next: SavedSearch = {
    ...previous,
    ...(change.name !== undefined ? { name: change.name } : {}),
    ...(change.alert !== undefined ? { alert: change.alert } : {}),
    updatedAt: deps.now().toISOString(),
  };
  await deps.savedSearches.update(next, previous);
  return next;
}

/** Deletes it; its feed address stops answering in the same write. */
export async function deleteSavedSearch(deps: SavedSearchDependencies, identity: Identity, savedSearchId: string) {
  await deps.savedSearches.remove(await ownSavedSearch(deps, identity, savedSearchId));
}

/** A new feed address for it; the old one stops answering (to revoke an address shared by mistake). */
export async function renewFeedAddress(
  deps: SavedSearchDependencies,
  identity: Identity,
  savedSearchId: string,
): Promise<SavedSearch> {
  const search = await ownSavedSearch(deps, identity, savedSearchId);
  const renewed = { ...search, feedToken: deps.newSecret(), updatedAt: deps.now().toISOString() };
  await deps.savedSearches.replaceFeedToken(search, renewed.feedToken, renewed.updatedAt);
  return renewed;
}

/** How many openings a feed carries: the newest matches, which is what a feed reader polls for. */
export const feedSize = 50;

/** The feed behind a private address: the newest openings matching the saved search (404 if revoked). */
export async function savedSearchFeed(
  deps: Pick<SavedSearchDependencies, 'savedSearches'> & SearchBoardDependencies & BoardDependencies,
  token: string,
): Promise<{ search: SavedSearch; page: BoardPage & { searchDown: boolean } }> {
  const search = await deps.savedSearches.byFeedToken(token);
  if (!search) throw new NotFoundError('feed', 'this address');
  const { sort: _sort, ...board } = boardSearchOf(search.query);
  return { search, page: await boardPage(deps, { ...board, sort: 'newest' }, { limit: feedSize }) };
}

/**
 * For an alert: the openings matching a saved search that were posted after `since`, newest first, at
 * most `limit` (and `more` when there were more than that). One search through the port and one batched
 * read of the table, whatever the board holds. While search is unavailable it throws, so an alert is
 * retried rather than sent without the words.
 */
export async function newMatchesSince(
  deps: SearchBoardDependencies,
  search: Pick<SavedSearch, 'query'>,
  since: string,
  limit = feedSize,
): Promise<{ items: BoardItem[]; more: boolean }> {
  const pageSize = Math.min(Math.max(1, limit), maxPageSize);
  const { sort: _sort, ...board } = boardSearchOf(search.query);
  const result = await deps.search.search({
    text: boardText(board),
    filters: boardSearchFilters(board),
    sort: { field: 'posted', direction: 'desc' },
    facets: [],
    page: 1,
    pageSize,
  });
  const sinceTime = Date.parse(since);
  const fresh = result.hits.filter((hit) => Date.parse(hit.document.posted ?? '') > sinceTime);
  const more = fresh.length === result.hits.length && result.total > result.hits.length;
  return {
    items: await listedItems(
      deps,
      fresh.map((hit) => hit.document.id),
    ),
    more,
  };
}
