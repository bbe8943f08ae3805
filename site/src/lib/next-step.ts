// Where a learner goes next in a course they have started, and what the button says: the first lesson
// not done yet, or the quiz once every lesson is done ("Resume" there would promise more reading), or,
// once a practical course's quiz is passed, its practical tasks (the credential waits for their sign-off).
import type { Progress } from '#domain/learning/enrollment.ts';

export interface NextStep {
  href: string;
  label: 'Start the first lesson' | 'Resume' | 'Take the quiz' | 'Send practical evidence';
}

export function nextStep(
  courseId: string,
  progress: Pick<Progress, 'done' | 'allLessonsDone' | 'resumeLessonId'>,
  enrollment: { quizPassedAt?: string | undefined } = {},
): NextStep {
  if (enrollment.quizPassedAt) return { href: `/learn/${courseId}/practical/`, label: 'Send practical evidence' };
  if (progress.allLessonsDone) return { href: `/learn/${courseId}/quiz/`, label: 'Take the quiz' };
  return {
    href: `/learn/${courseId}/${progress.resumeLessonId}/`,
    label: progress.done === 0 ? 'Start the first lesson' : 'Resume',
  };
}
