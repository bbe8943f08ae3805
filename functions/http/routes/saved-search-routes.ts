// A person's saved job-board searches (people-api group). The feed each one has is a page of the site
// (`/jobs/saved/<token>/feed.xml`), read without signing in; here its address is given to the owner.
import * as z from 'zod/mini';
import {
  changeSavedSearchCommand,
  deleteSavedSearchCommand,
  renewFeedAddressCommand,
  saveSearchCommand,
} from '#app/commands/saved-search-commands.ts';
import { documented } from '#config/bundle.ts';
import { savedSearchView } from '#domain/openings/saved-search.ts';
import { listSavedSearches } from '#domain/openings/saved-search-use-cases.ts';
import { commandRoute, protectedRoute } from '../route.ts';
import { pageBody, pageSchema } from './paged.ts';
import { cursorQuery } from './params.ts';

const privateAnswer = { 'cache-control': 'private, no-store' };

const savedSearchSchema = () =>
  z.object({
    id: z.string(),
    name: z.string(),
    query: z.record(z.string(), z.unknown()),
    alert: z.enum(['off', 'instant', 'daily']),
    feedUrl: z.string().check(z.describe('Private: anyone holding it reads the feed. Renew it to revoke it.')),
    boardUrl: z.string(),
    lastSentAt: z.optional(z.string()),
  });

export const savedSearchRoutes = [
  protectedRoute({
    method: 'GET',
    path: '/api/me/saved-searches',
    auth: 'required',
    input: () => ({ query: z.object(cursorQuery()) }),
    doc: documented && {
      summary: 'Your saved job-board searches, each with its private feed address',
      tags: ['jobs', 'people'],
      responses: {
        200: { description: 'One page of saved searches, by id.', schema: () => pageSchema(savedSearchSchema()) },
      },
    },
    async handle({ query, identity, services }) {
      const page = await listSavedSearches(services, identity, { limit: query.pageSize, cursor: query.cursor });
      return { body: pageBody(page, (search) => savedSearchView(search, services.siteUrl)), headers: privateAnswer };
    },
  }),
  commandRoute(saveSearchCommand, {
    method: 'POST',
    path: '/api/me/saved-searches',
    doc: documented && {
      summary: 'Save a job-board search (its words, filters and order) under a name, with alerts off, instant or daily',
      tags: ['jobs', 'people'],
      responses: {
        201: { description: 'Saved, with its private feed address.', schema: savedSearchSchema },
        422: { description: 'You keep the most saved searches one person may: delete one first.' },
      },
    },
    respond: (search) => ({ status: 201, body: search, headers: privateAnswer }),
  }),
  commandRoute(changeSavedSearchCommand, {
    method: 'PUT',
    path: '/api/me/saved-searches/{savedSearchId}',
    doc: documented && {
      summary: 'Rename a saved search or change how often it alerts you',
      tags: ['jobs', 'people'],
      responses: { 200: { description: 'Changed.' }, 404: { description: 'No such saved search of yours.' } },
    },
    respond: (search) => ({ status: 200, body: search, headers: privateAnswer }),
  }),
  commandRoute(deleteSavedSearchCommand, {
    method: 'DELETE',
    path: '/api/me/saved-searches/{savedSearchId}',
    doc: documented && {
      summary: 'Delete a saved search; its feed address stops working',
      tags: ['jobs', 'people'],
      responses: { 204: { description: 'Deleted.' }, 404: { description: 'No such saved search of yours.' } },
    },
    respond: () => ({ status: 204 }),
  }),
  commandRoute(renewFeedAddressCommand, {
    method: 'POST',
    path: '/api/me/saved-searches/{savedSearchId}/feed-address',
    doc: documented && {
      summary: 'Give a saved search a new feed address; the old one stops working (revokes it)',
      tags: ['jobs', 'people'],
      responses: {
        200: { description: 'The saved search with its new feed address.' },
        404: { description: 'No such saved search of yours.' },
      },
    },
    respond: (search) => ({ status: 200, body: search, headers: privateAnswer }),
  }),
];
