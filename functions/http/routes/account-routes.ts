// A person's data as a whole: download it (a page at a time) and delete the account.
import * as z from 'zod/mini';
import { documented } from '#config/bundle.ts';
import { exportMyData } from '#domain/people/export-data.ts';
import { personDataParts } from '#domain/people/person-data.ts';
import { deleteAccountCommand } from '#app/commands/account-commands.ts';
import { commandRoute, protectedRoute } from '../route.ts';
import { pageSchema } from './paged.ts';
import { cursorQuery } from './params.ts';

const exportedItemSchema = () =>
  z.looseObject({
    part: z.enum(personDataParts),
    type: z
      .string()
      .check(z.describe('What the item is: person, cv, enrollment, credential, application, ledger-entry…')),
  });

export const accountRoutes = [
  commandRoute(deleteAccountCommand, {
    method: 'DELETE',
    path: '/api/me',
    doc: documented && {
      summary:
        'Delete your account: profile, skills, CV, learning, credentials, applications and memberships are removed; your Bound entries and the registry log stay under your now anonymous id',
      tags: ['people'],
      responses: {
        200: { description: 'Deleted. Signing in again with this account is refused.' },
        202: { description: 'Deleting, and more is left: call again (each call goes on where the last stopped).' },
        422: { description: 'You are the only admin of a syndicate with other members: hand it over first.' },
      },
    },
    respond: (progress) => ({
      status: progress.status === 'deleted' ? 200 : 202,
      body: progress,
      headers: { 'cache-control': 'private, no-store' },
    }),
  }),
  protectedRoute({
    method: 'GET',
    path: '/api/me/export',
    auth: 'required',
    input: () => ({ query: z.object(cursorQuery()) }),
    doc: documented && {
      summary: 'Everything Guildhall holds about you, as JSON, a page at a time: follow `next` to the end',
      tags: ['people'],
      responses: {
        200: {
          description:
            'A page of your data: profile, CV record, enrollments, attempts, credentials, memberships, applications, records you are named on, kept answers and your Bound account with its entries.',
          schema: () => pageSchema(exportedItemSchema(), { personId: z.string(), exportedAt: z.string() }),
        },
      },
    },
    async handle({ query, identity, services }) {
      const page = await exportMyData(services, identity, { limit: query.pageSize, cursor: query.cursor });
      return { body: page, headers: { 'cache-control': 'private, no-store' } };
    },
  }),
];
