// A course's stated `hours` is what a learner plans around ("About 12 hours"); its lessons' `minutes`
// are each lesson's own estimate, reading and practice together. When the two disagree by more than a
// quarter, one of them is wrong, and `npm run content:check` says which course and both figures.
import type { Course } from './commons.ts';
import type { ContentIssue } from './parse-commons.ts';

/** How far a course's stated hours may stray from its lessons' sum, as a share of that sum. */
export const hoursTolerance = 0.25;

/** One issue per course whose stated hours are not within 25% of its lessons' minutes summed. */
export function courseHoursIssues(courses: Iterable<Pick<Course, 'id' | 'hours' | 'lessons'>>): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const course of courses) {
    const minutes = course.lessons.reduce((sum, lesson) => sum + lesson.minutes, 0);
    const lessonHours = minutes / 60;
    if (Math.abs(course.hours - lessonHours) <= hoursTolerance * lessonHours) continue;
    issues.push({
      file: `courses/${course.id}/index.md`,
      field: 'hours',
      message:
        `states ${course.hours} hours, but its ${course.lessons.length} lessons' minutes add up to ${minutes} ` +
        `(${Number(lessonHours.toFixed(2))} hours); correct whichever figure is wrong so they agree within 25%`,
    });
  }
  return issues;
}
