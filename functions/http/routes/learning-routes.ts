import * as z from 'zod';
import { skillLevels, tradeIds } from '#domain/content/commons.ts';
import { courseSummary, filterCourses, publicCourse } from '#domain/content/course-view.ts';
import { NotFoundError } from '#domain/errors.ts';
import { findCourse, getMyCredential, myLearning } from '#domain/learning/learning-use-cases.ts';
import { openQuiz } from '#domain/learning/quiz-use-cases.ts';
import { verifyCredential } from '#domain/learning/verify-credential.ts';
import { completeLessonCommand, enrollCommand, submitQuizCommand } from '#app/commands/learning-commands.ts';
import { commandRoute, protectedRoute, publicRoute } from '../route.ts';
import { pageOfList } from '#domain/paging.ts';
import { pageSchema } from './paged.ts';
import { cursorQuery, idParam, wholeNumber } from './params.ts';

/** The catalog's hours filter: courses of at most this many hours. */
export const courseHours = wholeNumber({ min: 1, max: 1000 });

const progressSchema = z.object({
  done: z.number(),
  total: z.number(),
  percent: z.number(),
  resumeLessonId: z.string(),
  allLessonsDone: z.boolean(),
});
const enrollmentSchema = z.object({
  courseId: z.string(),
  enrolledAt: z.string(),
  lessonsDone: z.array(z.string()),
  status: z.enum(['in-progress', 'completed']),
  quizAttempts: z.number(),
  progress: progressSchema,
});

const quizViewSchema = z.object({
  courseId: z.string(),
  status: z.enum(['lessons-left', 'waiting', 'open']),
  passMark: z.number(),
  questionsPerAttempt: z.number(),
  needed: z.number(),
  attempts: z.number(),
  failedInRow: z.number(),
  lessonsLeft: z.number(),
  nextLessonId: z.string().optional(),
  retryAt: z.string().optional(),
  retryAfterSeconds: z.number().optional(),
  draw: z
    .object({
      id: z.string(),
      drawnAt: z.string(),
      questions: z.array(z.object({ id: z.string(), question: z.string(), options: z.array(z.string()) })),
    })
    .optional(),
});
const quizOutcomeSchema = z.object({
  attempt: z.number(),
  credentialId: z.string().optional(),
  retryAt: z.string().optional(),
  grade: z.object({
    correct: z.number(),
    total: z.number(),
    score: z.number(),
    passMark: z.number(),
    needed: z.number(),
    passed: z.boolean(),
    results: z.array(
      z.object({
        question: z.string(),
        correct: z.boolean(),
        answer: z.number().optional().describe('The right option: after a pass only.'),
        explanation: z.string().optional().describe('After a pass only.'),
      }),
    ),
  }),
});

export const learningRoutes = [
  publicRoute({
    method: 'GET',
    path: '/api/courses',
    summary: 'The course catalog, filtered by trade, skill taught, level and hours',
    tags: ['learn'],
    auth: 'none',
    query: z.object({
      trade: z.enum(tradeIds).optional(),
      skill: idParam.optional(),
      level: z.enum(skillLevels).optional(),
      maxHours: courseHours.optional(),
      ...cursorQuery,
    }),
    responses: {
      200: {
        description: 'One page of courses, by trade then title.',
        schema: pageSchema(z.object({ id: z.string(), title: z.string(), trade: z.string() })),
      },
    },
    async handle({ query, services }) {
      // The commons is held in memory (compiled at deploy), so the cursor is an offset into it.
      const page = pageOfList(filterCourses(services.commons, query), { limit: query.pageSize, cursor: query.cursor });
      return { body: { ...page, items: page.items.map((course) => courseSummary(course, services.commons)) } };
    },
  }),

  publicRoute({
    method: 'GET',
    path: '/api/courses/{courseId}',
    summary: 'A course: skills, prerequisites, lessons and quiz questions (never the answers)',
    tags: ['learn'],
    auth: 'none',
    params: z.object({ courseId: idParam }),
    responses: { 200: { description: 'The course.' }, 404: { description: 'No such course.' } },
    async handle({ params, services }) {
      return { body: publicCourse(findCourse(services.commons, params.courseId), services.commons) };
    },
  }),

  publicRoute({
    method: 'GET',
    path: '/api/courses/{courseId}/lessons/{lessonId}',
    summary: 'A lesson, as markdown and as sanitized HTML',
    tags: ['learn'],
    auth: 'none',
    params: z.object({ courseId: idParam, lessonId: idParam }),
    responses: { 200: { description: 'The lesson.' }, 404: { description: 'No such course or lesson.' } },
    async handle({ params, services }) {
      const course = findCourse(services.commons, params.courseId);
      const lesson = course.lessons.find((candidate) => candidate.id === params.lessonId);
      if (!lesson) throw new NotFoundError('lesson', params.lessonId);
      return { body: lesson };
    },
  }),

  publicRoute({
    method: 'GET',
    path: '/api/skills',
    summary: 'The skills taxonomy, optionally for one trade',
    tags: ['learn'],
    auth: 'none',
    query: z.object({ trade: z.enum(tradeIds).optional(), ...cursorQuery }),
    responses: {
      200: {
        description: 'One page of skills, in the commons’ order.',
        schema: pageSchema(z.object({ id: z.string(), label: z.string(), trade: z.string() })),
      },
    },
    async handle({ query, services }) {
      const skills = [...services.commons.skills.values()].filter(
        (skill) => !query.trade || skill.trade === query.trade,
      );
      return { body: pageOfList(skills, { limit: query.pageSize, cursor: query.cursor }) };
    },
  }),

  commandRoute(enrollCommand, {
    method: 'POST',
    path: '/api/me/enrollments',
    summary: 'Enroll in a course (a repeat returns the same enrollment)',
    tags: ['learn'],
    responses: { 201: { description: 'Enrolled.', schema: enrollmentSchema }, 404: { description: 'No such course.' } },
    respond: (enrollment) => ({ status: 201, body: enrollment }),
  }),

  protectedRoute({
    method: 'GET',
    path: '/api/me/learning',
    summary: 'My enrollments with progress, my credentials and the skills I hold',
    tags: ['learn'],
    auth: 'required',
    responses: { 200: { description: 'The learner summary.' } },
    // Not paged: a learner has at most one enrollment and one credential per course of the commons, and
    // one credentialed skill per skill of it; the commons is compiled at deploy, so these lists are
    // bounded by its size, not by how the table grows.
    async handle({ identity, services }) {
      return { body: await myLearning(services, identity), headers: { 'cache-control': 'private, no-store' } };
    },
  }),

  commandRoute(completeLessonCommand, {
    method: 'PUT',
    path: '/api/me/enrollments/{courseId}/lessons/{lessonId}',
    summary: 'Mark a lesson done (repeating it is harmless)',
    tags: ['learn'],
    responses: {
      200: { description: 'The enrollment with progress.', schema: enrollmentSchema },
      404: { description: 'Not enrolled, or no such lesson.' },
    },
  }),

  protectedRoute({
    method: 'GET',
    path: '/api/me/enrollments/{courseId}/quiz',
    summary:
      'My quiz for a course: the questions drawn for my next attempt (drawn on first ask, the same until submitted), or why I cannot take it yet',
    tags: ['learn'],
    auth: 'required',
    params: z.object({ courseId: idParam }),
    responses: {
      200: {
        description:
          '`status` is `open` with the drawn questions (never their answers), `lessons-left` with the next lesson, or `waiting` with `retryAt` after two failed attempts in a row.',
        schema: quizViewSchema,
      },
      404: { description: 'No such course, or not enrolled in it.' },
    },
    async handle({ params, identity, services }) {
      return {
        body: await openQuiz(services, identity, params.courseId),
        headers: { 'cache-control': 'private, no-store' },
      };
    },
  }),

  commandRoute(submitQuizCommand, {
    method: 'POST',
    path: '/api/me/enrollments/{courseId}/quiz-attempts',
    summary:
      'Submit answers to the questions drawn for me (GET …/quiz), one option number per question id; graded on the server',
    tags: ['learn'],
    responses: {
      200: {
        description:
          'The grade. A fail names each question right or wrong and nothing more (and `retryAt` when a wait begins); a pass also gives each right option and its explanation, and a first pass names the credential issued.',
        schema: quizOutcomeSchema,
      },
      404: { description: 'No such course, or not enrolled in it.' },
      409: { description: 'Another submission for this course was recorded first; nothing was recorded for this one.' },
      422: {
        description:
          '`rule: lessons-not-done` while lessons are left; or `errors` naming `body.drawId` (not the draw waiting for answers) or an answer (a question not drawn, answered twice or not at all, an option the question lacks). Nothing is recorded.',
      },
      429: {
        description:
          'Two failed attempts in a row: wait until Retry-After (the detail says how long in words). Nothing is recorded.',
      },
    },
  }),

  protectedRoute({
    method: 'GET',
    path: '/api/me/credentials/{credentialId}',
    summary: 'Download my credential: an Open Badges 3.0 AchievementCredential as a compact JWS',
    tags: ['learn'],
    auth: 'required',
    params: z.object({
      credentialId: z
        .string()
        .min(1)
        .max(300)
        .regex(/^[A-Za-z0-9._-]+$/),
    }),
    responses: {
      200: { description: 'The signed credential.', contentType: 'application/vc+jwt', schema: z.string() },
      404: { description: 'No such credential of mine.' },
    },
    async handle({ params, identity, services }) {
      const credential = await getMyCredential(services, identity, params.credentialId);
      return {
        body: credential.jws,
        contentType: 'application/vc+jwt',
        headers: { 'content-disposition': `attachment; filename="${credential.courseId}.credential.jwt"` },
      };
    },
  }),

  publicRoute({
    method: 'POST',
    path: '/api/credentials/verify',
    summary: 'Verify a Guildhall credential (compact JWS): anyone may ask',
    tags: ['learn'],
    auth: 'none',
    body: z.strictObject({ credential: z.string().min(1).max(20_000) }),
    responses: { 200: { description: 'Whether it is valid, and what it says if it is.' } },
    async handle({ body, services }) {
      return { body: await verifyCredential(services.signer, body.credential) };
    },
  }),

  publicRoute({
    method: 'GET',
    path: '/api/credentials/keys',
    summary: 'The public key that signs this instance’s credentials (JWKS)',
    tags: ['learn'],
    auth: 'none',
    responses: { 200: { description: 'JWKS.' } },
    async handle({ services }) {
      return {
        body: { keys: [await services.signer.publicJwk()] },
        headers: { 'cache-control': 'public, max-age=3600' },
      };
    },
  }),
];
