// The writes a learner makes: enroll, finish lessons, submit the quiz.
import * as z from 'zod';
import { idSchema } from '#domain/ids.ts';
import { completeLesson, enrollInCourse } from '#domain/learning/learning-use-cases.ts';
import { submitQuiz } from '#domain/learning/quiz-use-cases.ts';
import { command } from './command.ts';

export const enrollCommand = command({
  name: 'learning.enroll',
  body: z.strictObject({ courseId: idSchema }),
  run: ({ services, identity, body }) => enrollInCourse(services, identity, body.courseId),
});

export const completeLessonCommand = command({
  name: 'learning.complete-lesson',
  params: z.object({ courseId: idSchema, lessonId: idSchema }),
  run: ({ services, identity, params }) => completeLesson(services, identity, params.courseId, params.lessonId),
});

export const quizAnswersSchema = z.strictObject({
  drawId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9]+$/, 'must be the draw id that GET …/quiz gave'),
  answers: z
    .array(
      z.strictObject({
        question: z.string().regex(/^[0-9a-f]{12}$/, 'must be a question id from the draw'),
        option: z.number().int().min(0).max(20),
      }),
    )
    .min(1)
    .max(50),
});

export const submitQuizCommand = command({
  name: 'learning.submit-quiz',
  params: z.object({ courseId: idSchema }),
  body: quizAnswersSchema,
  run: ({ services, identity, params, body }) => submitQuiz(services, identity, params.courseId, body),
  // Every passing attempt, a retake after the course was completed too; a fail is counted by nothing.
  counts: ({ output }) => (output.grade.passed ? 'quizPasses' : undefined),
});
