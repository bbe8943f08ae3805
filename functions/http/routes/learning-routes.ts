import { documented } from '#config/bundle.ts';
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { skillLevels, tradeIds } from '#domain/content/commons.ts';
import { courseSummary, filterCourses, publicCourse } from '#domain/content/course-view.ts';
import { rankSkills } from '#domain/content/find-skills.ts';
import { NotFoundError } from '#domain/errors.ts';
import { findCourse, getMyCredential, myLearning } from '#domain/learning/learning-use-cases.ts';
import { openQuiz } from '#domain/learning/quiz-use-cases.ts';
import { verifyCredential } from '#domain/learning/verify-credential.ts';
import { verificationReasonIn } from '#domain/i18n/records/verification-reasons.ts';
import { defaultLocale, negotiateLocale } from '#domain/i18n/locales.ts';
import { completeLessonCommand, enrollCommand, submitQuizCommand } from '#app/commands/learning-commands.ts';
import { commandRoute, protectedRoute, publicRoute } from '../route.ts';
import { pageOfList } from '#domain/paging.ts';
import { text } from '#domain/text.ts';
import { pageSchema } from './paged.ts';
import { credentialIdParam, cursorQuery, idParam } from './params.ts';
import { courseHours } from './queries.ts';

const progressSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    done: z.number(),
    total: z.number(),
    percent: z.number(),
    resumeLessonId: z.string(),
    allLessonsDone: z.boolean(),
  }),
);
const enrollmentSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    courseId: z.string(),
    enrolledAt: z.string(),
    lessonsDone: z.array(z.string()),
    status: z.enum(['in-progress', 'completed']),
    quizAttempts: z.number(),
    progress: progressSchema(),
  }),
);

const quizViewSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    courseId: z.string(),
    status: z.enum(['lessons-left', 'waiting', 'open']),
    passMark: z.number(),
    questionsPerAttempt: z.number(),
    needed: z.number(),
    attempts: z.number(),
    failedInRow: z.number(),
    lessonsLeft: z.number(),
    nextLessonId: z.optional(z.string()),
    retryAt: z.optional(z.string()),
    retryAfterSeconds: z.optional(z.number()),
    draw: z.optional(
      z.object({
        id: z.string(),
        drawnAt: z.string(),
        questions: z.array(z.object({ id: z.string(), question: z.string(), options: z.array(z.string()) })),
      }),
    ),
  }),
);
const quizOutcomeSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    attempt: z.number(),
    credentialId: z.optional(z.string()),
    retryAt: z.optional(z.string()),
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
          answer: z.optional(z.number()).check(z.describe('The right option: after a pass only.')),
          explanation: z.optional(z.string()).check(z.describe('After a pass only.')),
        }),
      ),
    }),
  }),
);

export const learningRoutes = [
  publicRoute({
    method: 'GET',
    path: '/api/courses',
    auth: 'none',
    input: () => ({
      query: z.object({
        trade: z.optional(z.enum(tradeIds)),
        skill: z.optional(idParam()),
        level: z.optional(z.enum(skillLevels)),
        maxHours: z.optional(courseHours()),
        ...cursorQuery(),
      }),
    }),
    doc: documented && {
      summary: 'The course catalog, filtered by trade, skill taught, level and hours',
      tags: ['learn'],
      responses: {
        200: {
          description: 'One page of courses, by trade then title.',
          schema: () => pageSchema(z.object({ id: z.string(), title: z.string(), trade: z.string() })),
        },
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
    auth: 'none',
    input: () => ({ params: z.object({ courseId: idParam() }) }),
    doc: documented && {
      summary: 'A course: skills, prerequisites, lessons and quiz questions (never the answers)',
      tags: ['learn'],
      responses: { 200: { description: 'The course.' }, 404: { description: 'No such course.' } },
    },
    async handle({ params, services }) {
      return { body: publicCourse(findCourse(services.commons, params.courseId), services.commons) };
    },
  }),

  publicRoute({
    method: 'GET',
    path: '/api/courses/{courseId}/lessons/{lessonId}',
    auth: 'none',
    input: () => ({ params: z.object({ courseId: idParam(), lessonId: idParam() }) }),
    doc: documented && {
      summary: 'A lesson, as markdown and as sanitized HTML',
      tags: ['learn'],
      responses: { 200: { description: 'The lesson.' }, 404: { description: 'No such course or lesson.' } },
    },
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
    auth: 'none',
    input: () => ({
      query: z.object({
        trade: z.optional(z.enum(tradeIds)),
        q: z.optional(text(0, 100, { label: 'search' })),
        ...cursorQuery(),
      }),
    }),
    doc: documented && {
      summary: 'The skills taxonomy, optionally for one trade or matching words (`q`, best match first)',
      tags: ['learn'],
      responses: {
        200: {
          description: 'One page of skills, in the commons’ order.',
          schema: () => pageSchema(z.object({ id: z.string(), label: z.string(), trade: z.string() })),
        },
      },
    },
    async handle({ query, services }) {
      // With words, the best matches first (find-skills.ts); without, the commons' order.
      const skills = (
        query.q?.trim()
          ? rankSkills(services.commons, query.q).map((found) => found.skill)
          : [...services.commons.skills.values()]
      ).filter((skill) => !query.trade || skill.trade === query.trade);
      return { body: pageOfList(skills, { limit: query.pageSize, cursor: query.cursor }) };
    },
  }),

  commandRoute(enrollCommand, {
    method: 'POST',
    path: '/api/me/enrollments',
    doc: documented && {
      summary: 'Enroll in a course (a repeat returns the same enrollment)',
      tags: ['learn'],
      responses: {
        201: { description: 'Enrolled.', schema: enrollmentSchema },
        404: { description: 'No such course.' },
      },
    },
    respond: (enrollment) => ({ status: 201, body: enrollment }),
  }),

  protectedRoute({
    method: 'GET',
    path: '/api/me/learning',
    auth: 'required',
    doc: documented && {
      summary: 'My enrollments with progress, my credentials and the skills I hold',
      tags: ['learn'],
      responses: {
        200: {
          description: 'The learner summary.',
          schema: () =>
            z.object({
              enrollments: z.array(
                z.looseObject({ courseId: z.string(), status: z.string(), courseTitle: z.string() }),
              ),
              credentials: z.array(z.looseObject({ id: z.string(), courseId: z.string(), courseTitle: z.string() })),
              credentialedSkills: z.array(z.looseObject({ skillId: z.string() })),
              declaredSkills: z.array(z.looseObject({ skill: z.string(), level: z.string() })),
            }),
        },
      },
    },
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
    doc: documented && {
      summary: 'Mark a lesson done (repeating it is harmless)',
      tags: ['learn'],
      responses: {
        200: { description: 'The enrollment with progress.', schema: enrollmentSchema },
        404: { description: 'Not enrolled, or no such lesson.' },
      },
    },
  }),

  protectedRoute({
    method: 'GET',
    path: '/api/me/enrollments/{courseId}/quiz',
    auth: 'required',
    input: () => ({ params: z.object({ courseId: idParam() }) }),
    doc: documented && {
      summary:
        'My quiz for a course: the questions drawn for my next attempt (drawn on first ask, the same until submitted), or why I cannot take it yet',
      tags: ['learn'],
      responses: {
        200: {
          description:
            '`status` is `open` with the drawn questions (never their answers), `lessons-left` with the next lesson, or `waiting` with `retryAt` after two failed attempts in a row.',
          schema: quizViewSchema,
        },
        404: { description: 'No such course, or not enrolled in it.' },
      },
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
    doc: documented && {
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
        409: {
          description: 'Another submission for this course was recorded first; nothing was recorded for this one.',
        },
        422: {
          description:
            '`rule: lessons-not-done` while lessons are left; or `errors` naming `body.drawId` (not the draw waiting for answers) or an answer (a question not drawn, answered twice or not at all, an option the question lacks). Nothing is recorded.',
        },
        429: {
          description:
            'Two failed attempts in a row: wait until Retry-After (the detail says how long in words). Nothing is recorded.',
        },
      },
    },
  }),

  protectedRoute({
    method: 'GET',
    path: '/api/me/credentials/{credentialId}',
    auth: 'required',
    input: () => ({
      params: z.object({
        credentialId: credentialIdParam(),
      }),
    }),
    doc: documented && {
      summary: 'Download my credential: an Open Badges 3.0 AchievementCredential as a compact JWS',
      tags: ['learn'],
      responses: {
        200: { description: 'The signed credential.', contentType: 'application/vc+jwt', schema: () => z.string() },
        404: { description: 'No such credential of mine.' },
      },
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
    auth: 'none',
    input: () => ({
      body: z.strictObject({
        credential: z
          .string()
          .check(
            z.minLength(1),
            z.maxLength(60_000),
            z.describe(
              'The compact JWS (the text of the .jwt file), the text of a baked SVG badge, or a baked PNG badge in base64 (a data: URL too).',
            ),
          ),
        recipientEmail: z.optional(
          z.email().check(
            // RFC 5321's limits, which JSON Schema's `email` format holds a client to: 64 characters
            // before the @, 254 in all.
            z.maxLength(254),
            z.refine(
              (address) => address.lastIndexOf('@') <= 64,
              'The part before the @ can have at most 64 characters.',
            ),
            z.describe('An address to check against the recipient’s hashed email; the answer says whether it matches.'),
          ),
        ),
      }),
    }),
    doc: documented && {
      summary: 'Verify a Guildhall credential (the .jwt, a baked SVG, or a baked PNG in base64): anyone may ask',
      tags: ['learn'],
      responses: {
        200: {
          description:
            '`status` is `valid`, `not-a-credential` (no JWS, or not an AchievementCredential), `altered` (its content no longer matches the signature), `unknown-key` (signed by a key this instance does not hold) or `other-issuer`; `reason` says it in a sentence. With `recipientEmail`, `recipientEmail` is `matches`, `differs` or `unknown` (the credential carries no hashed email).',
        },
      },
    },
    async handle({ body, services, headers }) {
      // `reason` in the reader's language (Accept-Language); English when none of ours is asked for.
      const locale = negotiateLocale(headers['accept-language']) ?? defaultLocale;
      const { said, ...result } = await verifyCredential(services.signer, body.credential, {
        recipientEmail: body.recipientEmail,
      });
      return {
        body: { ...result, reason: verificationReasonIn(said, locale) },
        headers: { 'content-language': locale },
      };
    },
  }),

  publicRoute({
    method: 'GET',
    path: '/api/credentials/keys',
    auth: 'none',
    doc: documented && {
      summary: 'The public key that signs this instance’s credentials (JWKS)',
      tags: ['learn'],
      responses: { 200: { description: 'JWKS.' } },
    },
    async handle({ services }) {
      return {
        body: { keys: [await services.signer.publicJwk()] },
        headers: { 'cache-control': 'public, max-age=3600' },
      };
    },
  }),
];
