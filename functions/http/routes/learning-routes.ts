import * as z from 'zod';
import { skillLevels, tradeIds } from '#domain/content/commons.ts';
import { courseSummary, filterCourses, paginate, publicCourse } from '#domain/content/course-view.ts';
import { NotFoundError } from '#domain/errors.ts';
import {
  completeLesson,
  enrollInCourse,
  findCourse,
  getMyCredential,
  myLearning,
  submitQuiz,
} from '#domain/learning/learning-use-cases.ts';
import { verifyCredential } from '#domain/learning/verify-credential.ts';
import { protectedRoute, publicRoute } from '../route.ts';
import { idParam, pageQuery, wholeNumber } from './params.ts';

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
      ...pageQuery,
    }),
    responses: { 200: { description: 'One page of courses.' } },
    async handle({ query, services }) {
      const courses = filterCourses(services.commons, query).map((course) => courseSummary(course, services.commons));
      return { body: paginate(courses, query.page, query.pageSize) };
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
    query: z.object({
      trade: z.enum(tradeIds).optional(),
      page: pageQuery.page,
      pageSize: wholeNumber({ min: 1, max: 100 }).default(100),
    }),
    responses: { 200: { description: 'One page of skills.' } },
    async handle({ query, services }) {
      const skills = [...services.commons.skills.values()].filter(
        (skill) => !query.trade || skill.trade === query.trade,
      );
      return { body: paginate(skills, query.page, query.pageSize) };
    },
  }),

  protectedRoute({
    method: 'POST',
    path: '/api/me/enrollments',
    summary: 'Enroll in a course (a repeat returns the same enrollment)',
    tags: ['learn'],
    auth: 'required',
    body: z.strictObject({ courseId: idParam }),
    responses: { 201: { description: 'Enrolled.', schema: enrollmentSchema }, 404: { description: 'No such course.' } },
    async handle({ body, identity, services }) {
      return { status: 201, body: await enrollInCourse(services, identity, body.courseId) };
    },
  }),

  protectedRoute({
    method: 'GET',
    path: '/api/me/learning',
    summary: 'My enrollments with progress, my credentials and the skills I hold',
    tags: ['learn'],
    auth: 'required',
    responses: { 200: { description: 'The learner summary.' } },
    async handle({ identity, services }) {
      return { body: await myLearning(services, identity), headers: { 'cache-control': 'private, no-store' } };
    },
  }),

  protectedRoute({
    method: 'PUT',
    path: '/api/me/enrollments/{courseId}/lessons/{lessonId}',
    summary: 'Mark a lesson done (repeating it is harmless)',
    tags: ['learn'],
    auth: 'required',
    params: z.object({ courseId: idParam, lessonId: idParam }),
    responses: {
      200: { description: 'The enrollment with progress.', schema: enrollmentSchema },
      404: { description: 'Not enrolled, or no such lesson.' },
    },
    async handle({ params, identity, services }) {
      return { body: await completeLesson(services, identity, params.courseId, params.lessonId) };
    },
  }),

  protectedRoute({
    method: 'POST',
    path: '/api/me/enrollments/{courseId}/quiz-attempts',
    summary: 'Submit quiz answers (option numbers, one per question); graded on the server',
    tags: ['learn'],
    auth: 'required',
    params: z.object({ courseId: idParam }),
    body: z.strictObject({ answers: z.array(z.number().int().min(0).max(20)).min(1).max(50) }),
    responses: {
      200: { description: 'The grade; a first pass names the credential issued.' },
      404: { description: 'Not enrolled.' },
    },
    async handle({ params, body, identity, services }) {
      return { body: await submitQuiz(services, identity, params.courseId, body.answers) };
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
