// Which questions one attempt asks: drawn from the course's pool when the learner opens the quiz and
// stored with the enrollment, so a reload shows the same questions until they are submitted and the
// submission is graded against exactly those. Pure: the randomness is passed in (a cryptographic source
// in the composition root, a fixed sequence in tests).
import type { Course, QuizQuestion } from '../content/commons.ts';

export interface QuizDraw {
  /** Names this draw; a submission must quote it, so an old or foreign draw cannot be answered. */
  id: string;
  /** Question ids, in the order they are asked. */
  questions: string[];
  drawnAt: string;
}

/** A uniform whole number from 0 up to, not including, `maxExclusive`. */
export type RandomInt = (maxExclusive: number) => number;

/**
 * How many questions an attempt asks. The content rule keeps every pool at least twice that size; the
 * minimum keeps a course built some other way (a test's fixture) from asking more than its pool holds.
 */
export function questionsPerAttempt(course: Pick<Course, 'quiz' | 'questionsPerAttempt'>): number {
  return Math.min(course.questionsPerAttempt ?? course.quiz.length, course.quiz.length);
}

/** `count` distinct ids of `pool`, each subset and order equally likely (a partial Fisher–Yates shuffle). */
export function drawQuestionIds(pool: readonly string[], count: number, randomInt: RandomInt): string[] {
  if (!Number.isInteger(count) || count < 0 || count > pool.length) {
    throw new RangeError(`cannot draw ${count} questions from a pool of ${pool.length}`);
  }
  const ids = [...pool];
  for (let index = 0; index < count; index++) {
    const remaining = ids.length - index;
    const offset = randomInt(remaining);
    if (!Number.isInteger(offset) || offset < 0 || offset >= remaining) {
      throw new RangeError(`the random source gave ${offset}, outside 0..${remaining - 1}`);
    }
    const pick = index + offset;
    [ids[index], ids[pick]] = [ids[pick] as string, ids[index] as string];
  }
  return ids.slice(0, count);
}

export function newDraw(course: Course, id: string, now: Date, randomInt: RandomInt): QuizDraw {
  const pool = course.quiz.map((question) => question.id);
  return { id, questions: drawQuestionIds(pool, questionsPerAttempt(course), randomInt), drawnAt: now.toISOString() };
}

/** The draw's questions as the course holds them now, or null when the course no longer has one of them. */
export function drawnQuestions(course: Course, draw: Pick<QuizDraw, 'questions'>): QuizQuestion[] | null {
  const byId = new Map(course.quiz.map((question) => [question.id, question]));
  const questions = draw.questions.flatMap((id) => {
    const question = byId.get(id);
    return question ? [question] : [];
  });
  return questions.length === draw.questions.length && questions.length === questionsPerAttempt(course)
    ? questions
    : null;
}
