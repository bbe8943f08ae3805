// The writes a learner makes: enroll, finish lessons, submit the quiz.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { idSchema } from '#domain/ids.ts';
import { completeLesson, enrollInCourse } from '#domain/learning/learning-use-cases.ts';
import { submitQuiz } from '#domain/learning/quiz-use-cases.ts';
import { command } from './command.ts';

export const enrollCommand = command({
  name: 'learning.enroll',
  input: () => ({ body: z.strictObject({ courseId: idSchema() }) }),
  run: ({ services, identity, body }) => enrollInCourse(services, identity, body.courseId),
});

export const completeLessonCommand = command({
  name: 'learning.complete-lesson',
  input: () => ({ params: z.object({ courseId: idSchema(), lessonId: idSchema() }) }),
  run: ({ services, identity, params }) => completeLesson(services, identity, params.courseId, params.lessonId),
});

export const quizAnswersSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    drawId: z
      .string()
      .check(z.minLength(1), z.maxLength(64), z.regex(/^[a-z0-9]+$/, 'Send the draw id that GET …/quiz gave.')),
    answers: z
      .array(
        z.strictObject({
          question: z.string().check(z.regex(/^[0-9a-f]{12}$/, 'Use a question id from the draw.')),
          option: z.number().check(z.int(), z.minimum(0), z.maximum(20)),
        }),
      )
      .check(z.minLength(1), z.maxLength(50)),
  }),
);

export const submitQuizCommand = command({
  name: 'learning.submit-quiz',
  input: () => ({ params: z.object({ courseId: idSchema() }), body: quizAnswersSchema() }),
  run: ({ services, identity, params, body }) => submitQuiz(services, identity, params.courseId, body),
  // Every passing attempt, a retake after the course was completed too; a fail is counted by nothing.
  counts: ({ output }) => (output.grade.passed ? 'quizPasses' : undefined),
});
