// The wait after failed attempts: two fails in a row and the learner waits before the next, so a
// credential cannot be had by submitting guesses until one passes. A pass, or the wait ending, starts
// the count again. Pure: the clock and the length of the wait are passed in.
import { quizRefusalIn } from '../i18n/learning/quiz-refusals.ts';

/** Failed attempts in a row after which the learner must wait. */
export const failsBeforeWait = 2;

export interface QuizWaitState {
  /** Failed attempts in a row that still count (a finished wait counts none). */
  failedInRow: number;
  /** When the next attempt is allowed, if that is later than now. */
  retryAt?: Date | undefined;
}

export function quizWait(
  enrollment: { failedInRow?: number | undefined; lastFailedAt?: string | undefined },
  now: Date,
  waitMinutes: number,
): QuizWaitState {
  const failedInRow = enrollment.failedInRow ?? 0;
  if (failedInRow < failsBeforeWait || !enrollment.lastFailedAt) return { failedInRow };
  const retryAt = new Date(Date.parse(enrollment.lastFailedAt) + waitMinutes * 60_000);
  return now.getTime() < retryAt.getTime() ? { failedInRow, retryAt } : { failedInRow: 0 };
}

/** Whole seconds until `retryAt`, at least 1: what Retry-After says. */
export function secondsUntil(retryAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
}

/** Whole minutes until `retryAt`, rounded up, so the learner never comes back too early. */
export const minutesUntil = (retryAt: Date, now: Date): number => Math.ceil(secondsUntil(retryAt, now) / 60);

/** "You can try again in 7 minutes." */
export function tryAgainSentence(retryAt: Date, now: Date): string {
  return quizRefusalIn({ key: 'try-again', values: { minutes: minutesUntil(retryAt, now) } }, 'en');
}
