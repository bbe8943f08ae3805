// Taking a course's quiz: open it (the questions are drawn then, once), submit answers to that draw,
// and earn the credential with a pass. A credential needs every lesson done, knowledge of a pool larger
// than one attempt, and no more than two quick guesses in a row.
import type { Course } from '../content/commons.ts';
import { ConflictError, QuizWaitError, RuleViolationError, ValidationError } from '../errors.ts';
import { quizWords } from '../i18n/learning/quiz-refusals.ts';
import type { Identity } from '../identity.ts';
import { newCredentialId } from './credential.ts';
import { grantedSkills, issueCredential } from './issue-credential.ts';
import { type Enrollment, progressOf } from './enrollment.ts';
import { gradeQuiz, type QuizAnswer, type QuizGrade, rightAnswersNeeded } from './grade-quiz.ts';
import type { QuizAttempt } from './learning-repository.ts';
import { findCourse, type LearningDependencies, requireEnrollment } from './learning-use-cases.ts';
import { drawnQuestions, newDraw, questionsPerAttempt, type RandomInt } from './quiz-draw.ts';
import { failsBeforeWait, minutesUntil, quizWait, secondsUntil } from './quiz-wait.ts';

export interface QuizDependencies extends LearningDependencies {
  /** A cryptographic random source for draws, credential ids and the salt of a hashed email. */
  randomInt: RandomInt;
  /** Names each draw. */
  newId: () => string;
  config: { QUIZ_RETRY_WAIT_MINUTES: number };
}

/** The quiz as the learner can take it now: the drawn questions (never their answers), or why not yet. */
export interface QuizView {
  courseId: string;
  status: 'lessons-left' | 'waiting' | 'open';
  passMark: number;
  questionsPerAttempt: number;
  /** Right answers needed to pass. */
  needed: number;
  attempts: number;
  failedInRow: number;
  lessonsLeft: number;
  /** The first lesson not done yet, while some are left. */
  nextLessonId?: string | undefined;
  /** While waiting: when the next attempt is allowed. */
  retryAt?: string | undefined;
  retryAfterSeconds?: number | undefined;
  /** While open: the questions to answer, in order, and the draw's id to quote when submitting. */
  draw?: { id: string; drawnAt: string; questions: Array<{ id: string; question: string; options: string[] }> };
}

export interface QuizSubmission {
  drawId: string;
  answers: QuizAnswer[];
}

export interface QuizOutcome {
  grade: QuizGrade;
  attempt: number;
  credentialId?: string | undefined;
  /** After a fail that starts a wait: when the next attempt is allowed. */
  retryAt?: string | undefined;
  /** After a pass of a course with practical tasks: the credential waits for their sign-off. */
  practicalTasksLeft?: number | undefined;
}

/** What the quiz page and the API show, before any draw: lessons left and any wait. */
export function quizStatus(course: Course, enrollment: Enrollment | null, now: Date, waitMinutes: number): QuizView {
  const progress = progressOf(enrollment, course);
  const wait = quizWait(enrollment ?? {}, now, waitMinutes);
  const perAttempt = questionsPerAttempt(course);
  const view: QuizView = {
    courseId: course.id,
    status: 'open',
    passMark: course.passMark,
    questionsPerAttempt: perAttempt,
    needed: rightAnswersNeeded(course.passMark, perAttempt),
    attempts: enrollment?.quizAttempts ?? 0,
    failedInRow: wait.failedInRow,
    lessonsLeft: progress.total - progress.done,
  };
  if (!progress.allLessonsDone) return { ...view, status: 'lessons-left', nextLessonId: progress.resumeLessonId };
  if (wait.retryAt) {
    const retryAfterSeconds = secondsUntil(wait.retryAt, now);
    return { ...view, status: 'waiting', retryAt: wait.retryAt.toISOString(), retryAfterSeconds };
  }
  return view;
}

/**
 * Steps: read the enrollment; while lessons are left or a wait runs, say so and draw nothing; else return
 * the stored draw, or draw one and store it over the version read (a tab that drew meanwhile wins, and
 * its draw is the one returned), so reloading never offers a new set of questions.
 */
export async function openQuiz(deps: QuizDependencies, identity: Identity, courseId: string): Promise<QuizView> {
  const course = findCourse(deps.commons, courseId);
  for (let attempt = 0; ; attempt++) {
    const enrollment = await requireEnrollment(deps, identity.personId, courseId);
    const now = deps.now();
    const view = quizStatus(course, enrollment, now, deps.config.QUIZ_RETRY_WAIT_MINUTES);
    if (view.status !== 'open') return view;
    const stored = enrollment.quizDraw;
    const questions = stored && drawnQuestions(course, stored);
    if (stored && questions) return { ...view, draw: drawView(stored, questions) };

    const draw = newDraw(course, deps.newId(), now, deps.randomInt);
    const updated: Enrollment = {
      ...enrollment,
      quizDraw: draw,
      updatedAt: now.toISOString(),
      version: enrollment.version + 1,
    };
    try {
      await deps.learning.saveEnrollment(updated);
      return { ...view, draw: drawView(draw, drawnQuestions(course, draw) ?? []) };
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= 3) throw error;
    }
  }
}

function drawView(draw: NonNullable<Enrollment['quizDraw']>, questions: Course['quiz']): QuizView['draw'] {
  return {
    id: draw.id,
    drawnAt: draw.drawnAt,
    questions: questions.map(({ id, question, options }) => ({ id, question, options })),
  };
}

/**
 * Steps: refuse while lessons are left (422) or a wait runs (429), recording nothing; refuse answers to
 * any draw but the one stored (422); grade against that draw; record the attempt and the count of fails
 * in a row over the version read, so two submissions at once cannot both count; a first pass also issues
 * the credential and grants the course's skills in the same transaction.
 */
export async function submitQuiz(
  deps: QuizDependencies,
  identity: Identity,
  courseId: string,
  submission: QuizSubmission,
): Promise<QuizOutcome> {
  const course = findCourse(deps.commons, courseId);
  const enrollment = await requireEnrollment(deps, identity.personId, courseId);
  const now = deps.now();
  const status = quizStatus(course, enrollment, now, deps.config.QUIZ_RETRY_WAIT_MINUTES);
  if (status.status === 'lessons-left') {
    const next = course.lessons.find((lesson) => lesson.id === status.nextLessonId);
    const { message, wordsIn } = quizWords({
      key: 'lessons-left',
      values: {
        left: status.lessonsLeft,
        total: course.lessons.length,
        next: next?.title ?? status.nextLessonId ?? '',
      },
    });
    throw new RuleViolationError('lessons-not-done', message, { wordsIn });
  }
  if (status.status === 'waiting' && status.retryAt) {
    const retryAt = new Date(status.retryAt);
    const { message, wordsIn } = quizWords({
      key: 'wait',
      values: { failed: status.failedInRow, minutes: minutesUntil(retryAt, now) },
    });
    throw new QuizWaitError(secondsUntil(retryAt, now), message, { wordsIn });
  }
  const draw = enrollment.quizDraw;
  const questions = draw?.id === submission.drawId ? drawnQuestions(course, draw) : null;
  if (!draw || !questions) {
    const why = draw?.id === submission.drawId ? 'draw-changed' : 'draw-not-waiting';
    throw new ValidationError([{ field: 'body.drawId', ...quizWords({ key: why, values: {} }) }]);
  }

  const grade = gradeQuiz(questions, course.passMark, submission.answers);
  const number = enrollment.quizAttempts + 1;
  const at = now.toISOString();
  const attempt: QuizAttempt = {
    personId: identity.personId,
    courseId,
    attempt: number,
    questions: draw.questions,
    answers: submission.answers,
    correct: grade.correct,
    total: grade.total,
    passed: grade.passed,
    at,
  };
  // The draw is spent; a fail adds to the count of fails in a row (a finished wait counts none).
  const { quizDraw: _spent, lastFailedAt: _last, ...rest } = enrollment;
  const failedInRow = grade.passed ? 0 : status.failedInRow + 1;
  const counted: Enrollment = {
    ...rest,
    quizAttempts: number,
    failedInRow,
    ...(grade.passed ? {} : { lastFailedAt: at }),
    updatedAt: at,
    version: enrollment.version + 1,
  };
  // A course with practical tasks issues its credential with the last sign-off (practical-use-cases.ts):
  // a first pass is recorded on the enrollment, which is what lets the learner send evidence.
  const practicalFirstPass = grade.passed && course.practical.length > 0 && !enrollment.quizPassedAt;
  if (!grade.passed || enrollment.status === 'completed' || course.practical.length > 0) {
    await deps.learning.recordAttempt(practicalFirstPass ? { ...counted, quizPassedAt: at } : counted, attempt);
    const waits = failedInRow >= failsBeforeWait;
    const retryAt = waits ? new Date(now.getTime() + deps.config.QUIZ_RETRY_WAIT_MINUTES * 60_000) : undefined;
    return {
      grade,
      attempt: number,
      credentialId: enrollment.credentialId,
      retryAt: retryAt?.toISOString(),
      ...(grade.passed && course.practical.length > 0 && !enrollment.credentialId
        ? { practicalTasksLeft: course.practical.length }
        : {}),
    };
  }

  const credentialId = newCredentialId(deps.randomInt);
  const credential = await issueCredential(deps, identity, course, credentialId, grade, now);
  const held = grantedSkills(course, identity.personId, credentialId, at);
  await deps.learning.recordPass(
    { ...counted, status: 'completed', passedAt: at, credentialId },
    attempt,
    credential,
    held,
  );
  return { grade, attempt: number, credentialId };
}
