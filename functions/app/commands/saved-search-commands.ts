// The writes a person makes to their own saved job-board searches: only themselves, so no command takes
// a person's id; a saved search is read under the caller's own key.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { idSchema } from '#domain/ids.ts';
import { savedSearchChangeSchema, savedSearchInputSchema, savedSearchView } from '#domain/openings/saved-search.ts';
import {
  changeSavedSearch,
  deleteSavedSearch,
  renewFeedAddress,
  saveSearch,
} from '#domain/openings/saved-search-use-cases.ts';
import { command } from './command.ts';

const savedSearch = /* @__PURE__ */ lazySchema(() => z.object({ savedSearchId: idSchema() }));

export const saveSearchCommand = command({
  name: 'saved-searches.save',
  input: () => ({ body: savedSearchInputSchema() }),
  run: async ({ services, identity, body }) =>
    savedSearchView(await saveSearch(services, identity, body), services.siteUrl),
});

export const changeSavedSearchCommand = command({
  name: 'saved-searches.change',
  input: () => ({ params: savedSearch(), body: savedSearchChangeSchema() }),
  run: async ({ services, identity, params, body }) =>
    savedSearchView(await changeSavedSearch(services, identity, params.savedSearchId, body), services.siteUrl),
});

export const deleteSavedSearchCommand = command({
  name: 'saved-searches.delete',
  input: () => ({ params: savedSearch() }),
  run: ({ services, identity, params }) => deleteSavedSearch(services, identity, params.savedSearchId),
});

export const renewFeedAddressCommand = command({
  name: 'saved-searches.renew-feed-address',
  input: () => ({ params: savedSearch() }),
  run: async ({ services, identity, params }) =>
    savedSearchView(await renewFeedAddress(services, identity, params.savedSearchId), services.siteUrl),
});
