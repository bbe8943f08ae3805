// What a syndicate's admins read and write about one applicant: their profile as an admin of a
// syndicate they applied to may see it, and the admins' private notes on the application. To anyone
// else each route answers 404, as if no such application existed (applicant-view.ts).
import * as z from 'zod/mini';
import { addApplicationNoteCommand } from '#app/commands/application-note-commands.ts';
import { documented } from '#config/bundle.ts';
import { idSchema, personIdSchema } from '#domain/ids.ts';
import { applicationNotes } from '#domain/openings/application-notes.ts';
import { viewApplicant } from '#domain/openings/applicant-view.ts';
import { commandRoute, protectedRoute } from '../route.ts';
import { pageSchema } from './paged.ts';
import { cursorQuery } from './params.ts';
import { profileViewSchema } from './profile-schemas.ts';

const applicantParams = () => z.object({ openingId: idSchema(), personId: personIdSchema() });
const noteSchema = () =>
  z.object({
    id: z.string(),
    authorId: z.string(),
    authorName: z.string(),
    body: z.string().check(z.describe('Markdown, as written: render it as untrusted markdown.')),
    at: z.string(),
  });
/** Only the admins who ask may see these: never kept by a shared cache. */
const privateAnswer = { 'cache-control': 'private, no-store' };
const notYours = { description: 'No such application, or not one of a syndicate you admin.' };

export const applicantRoutes = [
  protectedRoute({
    method: 'GET',
    path: '/api/openings/{openingId}/applicants/{personId}/profile',
    auth: 'required',
    input: () => ({ params: applicantParams() }),
    doc: documented && {
      summary: 'One applicant as the syndicate’s admins see them: the application, its match and the profile',
      tags: ['jobs'],
      responses: {
        200: {
          description:
            'While the application is open (not withdrawn, declined or accepted), the profile shows what the person shows members of their syndicates (`relation: applicant`), never what they keep to themselves; after, what they show anyone. `match` is as of its `scoredAt`.',
          schema: () =>
            z.object({
              opening: z.object({ id: z.string(), title: z.string() }),
              application: z.object({ personId: z.string(), status: z.string(), note: z.string() }),
              match: z.optional(z.object({ score: z.number(), holds: z.number(), scoredAt: z.string() })),
              profile: profileViewSchema(),
            }),
        },
        404: notYours,
      },
    },
    async handle({ params, identity, services }) {
      return {
        body: await viewApplicant(services, identity, params.openingId, params.personId),
        headers: privateAnswer,
      };
    },
  }),
  protectedRoute({
    method: 'GET',
    path: '/api/openings/{openingId}/applicants/{personId}/notes',
    auth: 'required',
    input: () => ({ params: applicantParams(), query: z.object(cursorQuery()) }),
    doc: documented && {
      summary: 'The admins’ private notes on an application, newest first (admins of its syndicate)',
      tags: ['jobs'],
      responses: { 200: { description: 'One page of notes.', schema: () => pageSchema(noteSchema()) }, 404: notYours },
    },
    async handle({ params, query, identity, services }) {
      const page = await applicationNotes(services, identity, params.openingId, params.personId, {
        limit: query.pageSize,
        cursor: query.cursor,
      });
      return { body: page, headers: privateAnswer };
    },
  }),
  commandRoute(addApplicationNoteCommand, {
    method: 'POST',
    path: '/api/openings/{openingId}/applicants/{personId}/notes',
    doc: documented && {
      summary: 'Add a private note on an application (admins of its syndicate); the applicant never sees it',
      tags: ['jobs'],
      responses: { 201: { description: 'The note.' }, 404: notYours },
    },
    respond: (note) => ({ status: 201, body: note, headers: privateAnswer }),
  }),
];
