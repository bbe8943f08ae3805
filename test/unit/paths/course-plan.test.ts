import { describe, expect, it } from 'vitest';
import type { Course, SkillLevel } from '#domain/content/commons.ts';
import { coursePlan, prerequisiteCycleIssues, topologicalOrder } from '#domain/paths/course-plan.ts';
import type { OccupationPath } from '#domain/paths/occupation-path.ts';

const course = (id: string, level: SkillLevel, teaches: string[], prerequisites: string[] = []) =>
  ({ id, level, skills: teaches.map((skill) => ({ skill, level })), prerequisites }) as unknown as Course;
const commonsOf = (...courses: Course[]) => ({ courses: new Map(courses.map((c) => [c.id, c])) });
const pathOf = (...skills: string[]): OccupationPath => ({
  id: 'p',
  label: 'P',
  source: 'commons',
  skills: skills.map((id) => ({ id, label: id, commons: [id] })),
});

describe('the courses along a path', () => {
  it('puts each course after the course that teaches its prerequisites, whatever their levels', () => {
    const commons = commonsOf(
      course('testing', 'foundation', ['inspection'], ['isolation']),
      course('safety', 'working', ['isolation']),
    );
    expect(coursePlan(pathOf('inspection', 'isolation'), commons).map((c) => c.courseId)).toEqual([
      'safety',
      'testing',
    ]);
  });

  it('adds a course for a prerequisite the path does not name, and says it teaches none of the path', () => {
    const commons = commonsOf(
      course('boarding', 'working', ['hanging'], ['framing']),
      course('framing', 'foundation', ['framing']),
    );
    expect(coursePlan(pathOf('hanging'), commons)).toEqual([
      { courseId: 'framing', teaches: [], skills: ['framing'] },
      { courseId: 'boarding', teaches: ['hanging'], skills: ['hanging'] },
    ]);
  });

  it('takes one course for a skill two courses teach: the one teaching more of the path', () => {
    const commons = commonsOf(
      course('drawings', 'foundation', ['drawings', 'estimating']),
      course('boarding', 'working', ['hanging', 'jointing', 'estimating']),
    );
    expect(coursePlan(pathOf('hanging', 'jointing', 'estimating'), commons).map((c) => c.courseId)).toEqual([
      'boarding',
    ]);
  });

  it('lets a course require a skill it also teaches without ordering it after itself', () => {
    const commons = commonsOf(course('web', 'working', ['web-apps', 'a11y'], ['web-apps']));
    expect(coursePlan(pathOf('a11y'), commons).map((c) => c.courseId)).toEqual(['web']);
  });

  it('plans nothing for a path whose skills no course teaches', () => {
    expect(coursePlan(pathOf('nothing-taught'), commonsOf(course('x', 'foundation', ['y'])))).toEqual([]);
  });

  it('orders free courses lower level first, then by id, so one commons gives one order', () => {
    const courses = [course('c', 'working', ['c']), course('b', 'foundation', ['b']), course('a', 'working', ['a'])];
    expect(topologicalOrder(courses).map((c) => c.id)).toEqual(['b', 'a', 'c']);
  });
});

describe('prerequisite cycles', () => {
  it('names every course of a cycle and no course that merely follows one', () => {
    const issues = prerequisiteCycleIssues([
      course('a', 'foundation', ['x'], ['y']),
      course('b', 'foundation', ['y'], ['x']),
      course('after', 'working', ['z'], ['x']),
    ]);
    expect(issues.map((i) => [i.file, i.field])).toEqual([
      ['courses/a/index.md', 'prerequisites'],
      ['courses/b/index.md', 'prerequisites'],
    ]);
    expect(issues[0]?.message).toMatch(/prerequisite cycle with "b"/);
  });

  it('finds a cycle through three courses', () => {
    const issues = prerequisiteCycleIssues([
      course('a', 'foundation', ['x'], ['z']),
      course('b', 'foundation', ['y'], ['x']),
      course('c', 'foundation', ['z'], ['y']),
    ]);
    expect(issues).toHaveLength(3);
  });

  it('finds none in the commons as it is', async () => {
    const { commons } = await import('../../support/services.ts');
    expect(prerequisiteCycleIssues(commons.courses.values())).toEqual([]);
  });
});
