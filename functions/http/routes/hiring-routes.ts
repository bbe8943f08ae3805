// The hiring loop's routes: applying and withdrawing (the applicant), stages (admins), the applicant's answer to an offer, and each
// application's message thread (the applicant and the syndicate's admins only; 404 to anyone else).
import * as z from 'zod/mini';
import {
  answerOfferCommand,
  applyCommand,
  moveApplicantCommand,
  postMessageCommand,
  withdrawCommand,
} from '#app/commands/hiring-commands.ts';
import { documented } from '#config/bundle.ts';
import { personIdSchema } from '#domain/ids.ts';
import { maxApplicationsPerOpening } from '#domain/openings/opening-repository.ts';
import { readThread } from '#domain/openings/application-thread.ts';
import { commandRoute, protectedRoute } from '../route.ts';
import { pageBody, pageSchema } from './paged.ts';
import { cursorQuery, idParam as id } from './params.ts';

/** A thread and a stage answer differently to each person who asks: never kept by a shared cache. */
const privateAnswer = { 'cache-control': 'private, no-store' };
const refusedMove = 'The move is not open from the application’s current stage, which the message names.';

export const hiringRoutes = [
  commandRoute(applyCommand, {
    method: 'PUT',
    path: '/api/openings/{openingId}/applications/me',
    doc: documented && {
      summary: 'Apply with a short note (once; a retry returns the same application)',
      tags: ['jobs'],
      responses: {
        200: { description: 'The application.' },
        404: { description: 'No such opening.' },
        422: {
          description: `Not open, or it has taken the most applications one opening can (${maxApplicationsPerOpening}).`,
        },
      },
    },
  }),
  commandRoute(withdrawCommand, {
    method: 'DELETE',
    path: '/api/openings/{openingId}/applications/me',
    doc: documented && {
      summary: 'Withdraw my application',
      tags: ['jobs'],
      responses: {
        200: { description: 'Withdrawn.' },
        404: { description: 'No application of mine.' },
        409: { description: 'Already decided.' },
      },
    },
  }),
  commandRoute(moveApplicantCommand, {
    method: 'PUT',
    path: '/api/openings/{openingId}/applicants/{personId}/stage',
    doc: documented && {
      summary:
        'Move an applicant to another stage (admins): shortlisted, interview, offered, back, or declined with a reason',
      tags: ['jobs'],
      responses: {
        200: { description: 'The application at its new stage, and the opening.' },
        404: { description: 'No such application to an opening of yours.' },
        409: { description: refusedMove },
        422: {
          description: 'A decline without a reason, a reason without a decline, or an offer with no position left.',
        },
      },
    },
    respond: (body) => ({ status: 200, body, headers: privateAnswer }),
  }),
  commandRoute(answerOfferCommand, {
    method: 'PUT',
    path: '/api/openings/{openingId}/applications/me/offer',
    doc: documented && {
      summary: 'Accept or decline the offer you were made; accepting fills a position',
      tags: ['jobs'],
      responses: {
        200: { description: 'The application, accepted or declined, and the opening.' },
        404: { description: 'No application of yours.' },
        409: { description: refusedMove },
        422: { description: 'Every position was filled before you accepted.' },
      },
    },
    respond: (body) => ({ status: 200, body, headers: privateAnswer }),
  }),
  protectedRoute({
    method: 'GET',
    path: '/api/openings/{openingId}/applications/{personId}/messages',
    auth: 'required',
    input: () => ({
      params: z.object({ openingId: id(), personId: personIdSchema() }),
      query: z.object(cursorQuery()),
    }),
    doc: documented && {
      summary: 'An application’s message thread, newest first (its applicant and the syndicate’s admins)',
      tags: ['jobs'],
      responses: {
        200: {
          description: 'One page of messages, newest first; `body` is markdown.',
          schema: () =>
            pageSchema(
              z.object({
                messageId: z.string(),
                authorId: z.string(),
                authorName: z.string(),
                fromApplicant: z.boolean(),
                at: z.string(),
                body: z.string(),
                stage: z.optional(z.string()),
              }),
            ),
        },
        404: { description: 'No such application, or not yours to read.' },
      },
    },
    async handle({ params, query, identity, services }) {
      const { messages } = await readThread(services, identity, params.openingId, params.personId, {
        limit: query.pageSize,
        cursor: query.cursor,
      });
      return {
        body: pageBody(messages, ({ messageId, authorId, authorName, fromApplicant, at, body, stage }) => ({
          messageId,
          authorId,
          authorName,
          fromApplicant,
          at,
          body,
          ...(stage ? { stage } : {}),
        })),
        headers: privateAnswer,
      };
    },
  }),
  commandRoute(postMessageCommand, {
    method: 'POST',
    path: '/api/openings/{openingId}/applications/{personId}/messages',
    doc: documented && {
      summary: 'Write in an application’s thread (its applicant or the syndicate’s admins); markdown',
      tags: ['jobs'],
      responses: {
        201: { description: 'The message.' },
        404: { description: 'No such application, or not yours to write in.' },
        409: { description: 'The application was withdrawn: its thread takes no more messages.' },
      },
    },
    respond: (body) => ({ status: 201, body, headers: privateAnswer }),
  }),
];
