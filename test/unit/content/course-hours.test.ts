import { describe, expect, it } from 'vitest';
import { courseHoursIssues } from '#domain/content/course-hours-check.ts';
import { commons } from '../../support/services.ts';

const course = (hours: number, minutes: number[]) => ({
  id: 'soldering-basics',
  hours,
  lessons: minutes.map((m) => ({ minutes: m })) as never,
});

describe('a course’s stated hours against its lessons’ minutes', () => {
  it.each([
    ['exactly the sum', 4.5, [60, 75, 75, 60]],
    ['25% above the sum', 5, [60, 60, 60, 60]],
    ['25% below the sum', 3, [60, 60, 60, 60]],
  ])('passes a course whose hours are %s', (_name, hours, minutes) => {
    expect(courseHoursIssues([course(hours, minutes)])).toEqual([]);
  });

  it('names the file and both figures when the hours are more than 25% off', () => {
    expect(courseHoursIssues([course(12, [60, 75, 75, 60])])).toEqual([
      {
        file: 'courses/soldering-basics/index.md',
        field: 'hours',
        message:
          "states 12 hours, but its 4 lessons' minutes add up to 270 (4.5 hours); correct whichever figure is wrong so they agree within 25%",
      },
    ]);
  });

  it('catches hours stated too low as well as too high', () => {
    expect(courseHoursIssues([course(2.9, [60, 60, 60, 60])])).toHaveLength(1);
    expect(courseHoursIssues([course(5.1, [60, 60, 60, 60])])).toHaveLength(1);
  });

  it('holds for every course in content/, so no course page says “About 12 hours” over 4.5 hours of lessons', () => {
    expect(courseHoursIssues(commons.courses.values())).toEqual([]);
  });
});
