import { describe, expect, it } from 'vitest';
import { progressOf } from '#domain/learning/enrollment.ts';
import { nextStep } from '../../../site/src/lib/next-step.ts';
import { commons } from '../../support/services.ts';

const course = commons.courses.get('food-safety-in-the-kitchen');
if (!course) throw new Error('the demo course is missing from content/');
const lessons = course.lessons.map((lesson) => lesson.id);

describe('the next step the profile offers in a course in progress', () => {
  it('starts a learner who has done no lesson at the first one', () => {
    expect(nextStep(course.id, progressOf({ lessonsDone: [] }, course))).toEqual({
      href: `/learn/${course.id}/${lessons[0]}/`,
      label: 'Start the first lesson',
    });
  });

  it('resumes at the first lesson not done', () => {
    expect(nextStep(course.id, progressOf({ lessonsDone: [lessons[0] ?? ''] }, course))).toEqual({
      href: `/learn/${course.id}/${lessons[1]}/`,
      label: 'Resume',
    });
  });

  it('sends a learner past a practical course’s quiz to the practical tasks, whose sign-off the credential waits for', () => {
    expect(
      nextStep(course.id, progressOf({ lessonsDone: lessons }, course), { quizPassedAt: '2026-12-07T00:00:00.000Z' }),
    ).toEqual({ href: `/learn/${course.id}/practical/`, label: 'Send practical evidence' });
  });

  it('says “Take the quiz”, not “Resume”, once the last lesson is done', () => {
    expect(nextStep(course.id, progressOf({ lessonsDone: lessons }, course))).toEqual({
      href: `/learn/${course.id}/quiz/`,
      label: 'Take the quiz',
    });
  });
});
