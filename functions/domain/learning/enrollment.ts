// A learner's enrollment in a course: which lessons are done, where to resume, whether the course is
// passed. Pure rules; the repository stores the result.
import type { Course } from '../content/commons.ts';
import { NotFoundError } from '../errors.ts';
import type { QuizDraw } from './quiz-draw.ts';

export interface Enrollment {
  personId: string;
  courseId: string;
  enrolledAt: string;
  updatedAt: string;
  /** Lesson ids done, in course order. */
  lessonsDone: string[];
  /** The lesson the learner last opened or finished; where "resume" leads. */
  lastLessonId?: string | undefined;
  status: 'in-progress' | 'completed';
  quizAttempts: number;
  /** The questions the next attempt answers, drawn when the learner opens the quiz; gone once submitted. */
  quizDraw?: QuizDraw | undefined;
  /** Failed attempts in a row; two make the learner wait (see quiz-wait.ts). Absent on older items: 0. */
  failedInRow?: number | undefined;
  lastFailedAt?: string | undefined;
  passedAt?: string | undefined;
  /**
   * A course with practical tasks: when the quiz was first passed. The credential (and `passedAt`,
   * `completed`) wait for every task's sign-off (practical-use-cases.ts).
   */
  quizPassedAt?: string | undefined;
  credentialId?: string | undefined;
  /** Optimistic concurrency: each save must match the version it read. */
  version: number;
}

export interface Progress {
  done: number;
  total: number;
  percent: number;
  /** The first lesson not done yet, or the last one when all are done. */
  resumeLessonId: string;
  allLessonsDone: boolean;
}

export function newEnrollment(personId: string, course: Course, now: Date): Enrollment {
  const at = now.toISOString();
  return {
    personId,
    courseId: course.id,
    enrolledAt: at,
    updatedAt: at,
    lessonsDone: [],
    status: 'in-progress',
    quizAttempts: 0,
    failedInRow: 0,
    version: 1,
  };
}

/** Marks a lesson done (repeating it changes nothing but the resume point). */
export function markLessonDone(enrollment: Enrollment, course: Course, lessonId: string, now: Date): Enrollment {
  if (!course.lessons.some((lesson) => lesson.id === lessonId)) throw new NotFoundError('lesson', lessonId);
  const done = new Set([...enrollment.lessonsDone, lessonId]);
  return {
    ...enrollment,
    lessonsDone: course.lessons.filter((lesson) => done.has(lesson.id)).map((lesson) => lesson.id),
    lastLessonId: lessonId,
    updatedAt: now.toISOString(),
    version: enrollment.version + 1,
  };
}

export function progressOf(enrollment: Pick<Enrollment, 'lessonsDone'> | null, course: Course): Progress {
  const doneIds = new Set(enrollment?.lessonsDone ?? []);
  const done = course.lessons.filter((lesson) => doneIds.has(lesson.id)).length;
  const total = course.lessons.length;
  const next = course.lessons.find((lesson) => !doneIds.has(lesson.id)) ?? course.lessons[total - 1];
  return {
    done,
    total,
    percent: total === 0 ? 0 : Math.round((done / total) * 100),
    resumeLessonId: next?.id ?? '',
    allLessonsDone: done === total,
  };
}
