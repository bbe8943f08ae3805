// Practical sign-off (issue 18): the learner's evidence and request (under their enrollment), a
// syndicate's queue, and one learner's work as its members see it, with the review an assessor writes.
// Photos leave only as what they are (their type, nosniff, sandboxed) and only to those allowed.
import * as z from 'zod/mini';
import { documented } from '#config/bundle.ts';
import {
  addEvidenceImageCommand,
  removeEvidenceImageCommand,
  requestAssessmentCommand,
  reviewTaskCommand,
  submitEvidenceCommand,
} from '#app/commands/practical-commands.ts';
import { defaultLocale, negotiateLocale } from '#domain/i18n/locales.ts';
import { personIdSchema } from '#domain/ids.ts';
import { learnerPractical, readEvidenceImage, waitingForSyndicate } from '#domain/learning/assess-practical.ts';
import { evidenceImageHeaders, maxImageBodyBytes, maxImageBytes } from '#domain/learning/evidence-image.ts';
import { myPractical } from '#domain/learning/practical-use-cases.ts';
import { megabytes } from '#domain/people/cv.ts';
import { commandRoute, protectedRoute } from '../route.ts';
import { pageBody, pageSchema } from './paged.ts';
import { cursorQuery, idParam } from './params.ts';

const noStore = { 'cache-control': 'private, no-store' };

const taskStateSchema = () =>
  z.object({
    taskId: z.string(),
    evidence: z.optional(
      z.object({
        description: z.string(),
        links: z.array(z.string()),
        images: z.array(z.object({ id: z.string(), contentType: z.string(), size: z.number() })),
        updatedAt: z.string(),
      }),
    ),
    review: z.optional(
      z.object({
        outcome: z.string(),
        comment: z.string(),
        assessorId: z.string(),
        syndicateId: z.string(),
        at: z.string(),
      }),
    ),
  });

const practicalViewSchema = () =>
  z.object({
    courseId: z.string(),
    quizPassed: z.boolean(),
    credentialId: z.optional(z.string()),
    syndicate: z.optional(z.object({ id: z.string(), name: z.string() })),
    requestedAt: z.optional(z.string()),
    tasks: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        show: z.string(),
        skills: z.array(z.string()),
        status: z.enum(['to-do', 'submitted', 'more-asked', 'signed-off']),
      }),
    ),
  });

const workParams = () => z.object({ personId: personIdSchema(), courseId: idParam() });

export const practicalRoutes = [
  protectedRoute({
    method: 'GET',
    path: '/api/me/enrollments/{courseId}/practical',
    auth: 'required',
    input: () => ({ params: z.object({ courseId: idParam() }) }),
    doc: documented && {
      summary: 'My practical work on a course: each task, my evidence, the syndicate asked and the reviews',
      tags: ['learn'],
      responses: {
        200: {
          description: 'Each task with its status: to-do, submitted, more-asked or signed-off.',
          schema: practicalViewSchema,
        },
        404: { description: 'No such course, or it has no practical tasks.' },
      },
    },
    async handle({ params, identity, services }) {
      return { body: await myPractical(services, identity, params.courseId), headers: noStore };
    },
  }),

  commandRoute(submitEvidenceCommand, {
    method: 'PUT',
    path: '/api/me/enrollments/{courseId}/practical/{taskId}/evidence',
    doc: documented && {
      summary: 'Send (or replace) my evidence for a practical task: what I did, and up to 5 links',
      tags: ['learn'],
      responses: {
        200: { description: 'The task as it stands now.', schema: taskStateSchema },
        404: { description: 'No such course or task, or not enrolled.' },
        409: { description: 'The task is signed off: its evidence stays as the assessor saw it.' },
        422: {
          description: '`rule: quiz-not-passed` before the quiz is passed; `credential-held` once the credential is.',
        },
      },
    },
  }),

  commandRoute(addEvidenceImageCommand, {
    method: 'POST',
    path: '/api/me/enrollments/{courseId}/practical/{taskId}/images',
    bodyLimit: { bytes: maxImageBodyBytes, says: { of: 'photo', most: maxImageBytes } },
    doc: documented && {
      summary: `Add a photo to a task's evidence: a JPEG or PNG of at most ${megabytes(maxImageBytes)}, in base64; its metadata (location included) is removed`,
      tags: ['learn'],
      responses: {
        201: { description: 'The task as it stands now, with the photo.', schema: taskStateSchema },
        404: { description: 'No such course or task, or not enrolled.' },
        409: { description: 'The task is signed off.' },
        413: { description: `Larger than ${megabytes(maxImageBytes)}.` },
        422: { description: 'Not a JPEG or a PNG, damaged, too many photos on the task, or the quiz not passed.' },
      },
    },
    respond: (task) => ({ status: 201, body: task, headers: noStore }),
  }),

  commandRoute(removeEvidenceImageCommand, {
    method: 'DELETE',
    path: '/api/me/enrollments/{courseId}/practical/{taskId}/images/{imageId}',
    doc: documented && {
      summary: "Remove a photo from a task's evidence",
      tags: ['learn'],
      responses: {
        200: { description: 'The task as it stands now.', schema: taskStateSchema },
        404: { description: 'No such course, task or photo.' },
        409: { description: 'The task is signed off.' },
      },
    },
  }),

  commandRoute(requestAssessmentCommand, {
    method: 'POST',
    path: '/api/me/enrollments/{courseId}/practical/assessment-request',
    doc: documented && {
      summary: "Ask a syndicate of the course's trade to assess my practical work (asking another moves it there)",
      tags: ['learn'],
      responses: {
        200: { description: 'My practical work, with the syndicate asked.', schema: practicalViewSchema },
        404: { description: 'No such course, syndicate, or enrollment.' },
        422: {
          description:
            '`rule: evidence-missing` (a task has no description yet), `syndicate-of-another-trade`, `quiz-not-passed` or `credential-held`.',
        },
      },
    },
  }),

  protectedRoute({
    method: 'GET',
    path: '/api/syndicates/{syndicateId}/practical-work',
    auth: 'required',
    input: () => ({ params: z.object({ syndicateId: idParam() }), query: z.object(cursorQuery()) }),
    doc: documented && {
      summary: "Practical work waiting for this syndicate's assessors, oldest request first (its members)",
      tags: ['learn', 'syndicates'],
      responses: {
        200: {
          description: 'One page: the learner, the course, when they asked and how many tasks wait.',
          schema: () =>
            pageSchema(
              z.object({
                personId: z.string(),
                name: z.string(),
                courseId: z.string(),
                courseTitle: z.string(),
                requestedAt: z.string(),
                waiting: z.number(),
              }),
            ),
        },
        404: { description: 'No such syndicate of yours.' },
      },
    },
    async handle({ params, query, identity, services }) {
      const page = await waitingForSyndicate(services, identity, params.syndicateId, {
        limit: query.pageSize,
        cursor: query.cursor,
      });
      return { body: pageBody(page, (item) => item), headers: noStore };
    },
  }),

  protectedRoute({
    method: 'GET',
    path: '/api/practical-work/{personId}/{courseId}',
    auth: 'required',
    input: () => ({ params: workParams() }),
    doc: documented && {
      summary: "A learner's practical work, for the members of the syndicate they asked, with whether I may assess it",
      tags: ['learn', 'syndicates'],
      responses: {
        200: { description: '`mayAssess`, and `refusal` saying why not when I may not.', schema: practicalViewSchema },
        404: { description: 'No such work, or not asked of a syndicate I am an active member of.' },
      },
    },
    async handle({ params, identity, services, headers }) {
      // `refusal` in the reader's language (Accept-Language); English when none of ours is asked for.
      const locale = negotiateLocale(headers['accept-language']) ?? defaultLocale;
      const work = await learnerPractical(services, identity, params.personId, params.courseId, locale);
      return { body: work, headers: { ...noStore, 'content-language': locale } };
    },
  }),

  commandRoute(reviewTaskCommand, {
    method: 'POST',
    path: '/api/practical-work/{personId}/{courseId}/tasks/{taskId}/reviews',
    doc: documented && {
      summary:
        'Sign off a practical task, or ask for more, with a comment (an assessor: a member of the asked syndicate holding its skills at the course level)',
      tags: ['learn', 'syndicates'],
      responses: {
        200: {
          description: 'The task reviewed; `credentialId` when this sign-off was the last and issued the credential.',
        },
        403: { description: 'Not an assessor for this work: the detail says which part of the rule is not met.' },
        404: { description: 'No such work, or not asked of a syndicate I am an active member of.' },
        409: { description: 'Signed off already, or no new evidence since the last request for more.' },
      },
    },
  }),

  protectedRoute({
    method: 'GET',
    path: '/api/practical-work/{personId}/{courseId}/tasks/{taskId}/images/{imageId}',
    auth: 'required',
    input: () => ({ params: z.object({ ...workParams().shape, taskId: idParam(), imageId: idParam() }) }),
    doc: documented && {
      summary: 'An evidence photo (the learner, and the members of the syndicate they asked)',
      tags: ['learn'],
      responses: {
        200: { description: 'The photo, its metadata removed.', contentType: 'image/jpeg' },
        404: { description: 'No such photo, or not yours to see.' },
      },
    },
    async handle({ params, identity, services }) {
      const image = await readEvidenceImage(
        services,
        identity,
        params.personId,
        params.courseId,
        params.taskId,
        params.imageId,
      );
      return {
        status: 200,
        bytes: image.bytes,
        contentType: image.contentType,
        headers: evidenceImageHeaders(image.contentType),
      };
    },
  }),
];
