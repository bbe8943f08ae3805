// The courses that lead along a path, in an order their prerequisites allow. A course's prerequisites
// are skills; a course comes after the course that teaches each of them (its own skills aside: a course
// may both require and deepen a skill). The plan takes the fewest courses teaching the path's skills, then,
// for each prerequisite no planned course teaches, one course that does (the lowest level first), until
// nothing is missing; then orders them topologically, the lower level first where the order is free.
import { type Commons, type Course, levelRank } from '../content/commons.ts';
import type { ContentIssue } from '../content/parse-commons.ts';
import type { OccupationPath } from './occupation-path.ts';

export interface PlannedCourse {
  courseId: string;
  /** The path's skills it teaches (path skill ids); empty for a course planned as a prerequisite only. */
  teaches: string[];
  /** The commons skills it is planned for: those of the path and the prerequisites of later courses. */
  skills: string[];
}

/** Course ids that teach each commons skill, ordered lowest level first, then by id. */
function teachersBySkill(courses: Iterable<Course>): Map<string, Course[]> {
  const teachers = new Map<string, Course[]>();
  for (const course of courses)
    for (const { skill } of course.skills) teachers.set(skill, [...(teachers.get(skill) ?? []), course]);
  for (const list of teachers.values()) list.sort(byLevelThenId);
  return teachers;
}

const byLevelThenId = (a: Course, b: Course) => levelRank[a.level] - levelRank[b.level] || a.id.localeCompare(b.id);
const teachesSkill = (course: Course, skill: string) => course.skills.some((s) => s.skill === skill);

export function coursePlan(path: OccupationPath, commons: Pick<Commons, 'courses'>): PlannedCourse[] {
  const teachers = teachersBySkill(commons.courses.values());
  const planned = new Map<string, { course: Course; skills: Set<string> }>();
  const plan = (course: Course, skill: string) => {
    const entry = planned.get(course.id) ?? { course, skills: new Set<string>() };
    entry.skills.add(skill);
    planned.set(course.id, entry);
  };
  // The fewest courses that teach the path's skills: greedily, the course teaching most of those still
  // untaught (the lower level, then the id, on a tie). A skill two courses teach is taken from one.
  const untaught = new Set(path.skills.flatMap((skill) => skill.commons).filter((skill) => teachers.has(skill)));
  while (untaught.size > 0) {
    const candidates = [...new Set([...untaught].flatMap((skill) => teachers.get(skill) ?? []))];
    const count = (course: Course) => course.skills.filter((s) => untaught.has(s.skill)).length;
    const best = candidates.sort((a, b) => count(b) - count(a) || byLevelThenId(a, b))[0] as Course;
    for (const { skill } of best.skills)
      if (untaught.delete(skill) || path.skills.some((s) => s.commons.includes(skill))) plan(best, skill);
  }
  // Each course planned may need prerequisites taught elsewhere: a bounded walk (each course enters once).
  const queue = [...planned.values()].map((entry) => entry.course);
  while (queue.length > 0) {
    const course = queue.shift() as Course;
    for (const skill of course.prerequisites) {
      if (teachesSkill(course, skill)) continue;
      const options = teachers.get(skill) ?? [];
      const chosen = options.find((c) => planned.has(c.id)) ?? options[0];
      if (!chosen) continue;
      if (!planned.has(chosen.id)) queue.push(chosen);
      plan(chosen, skill);
    }
  }
  const order = topologicalOrder([...planned.values()].map((entry) => entry.course));
  return order.map((course) => {
    const skills = [...(planned.get(course.id)?.skills ?? [])];
    return {
      courseId: course.id,
      teaches: path.skills.filter((s) => s.commons.some((c) => teachesSkill(course, c))).map((s) => s.id),
      skills,
    };
  });
}

/** Edges among `courses`: each course to those that require a skill it teaches (itself aside). */
function edges(courses: readonly Course[]): Map<string, Set<string>> {
  const after = new Map(courses.map((c) => [c.id, new Set<string>()]));
  for (const later of courses)
    for (const skill of later.prerequisites)
      for (const earlier of courses)
        if (earlier.id !== later.id && !teachesSkill(later, skill) && teachesSkill(earlier, skill))
          after.get(earlier.id)?.add(later.id);
  return after;
}

/**
 * Kahn's algorithm, taking the lowest level (then id) among the courses free to come next, so one
 * content gives one order. A cycle (content:check refuses one) leaves its courses last, in that order.
 */
export function topologicalOrder(courses: readonly Course[]): Course[] {
  const after = edges(courses);
  const waiting = new Map(courses.map((c) => [c.id, 0]));
  for (const next of after.values()) for (const id of next) waiting.set(id, (waiting.get(id) ?? 0) + 1);
  const byId = new Map(courses.map((c) => [c.id, c]));
  const ready = courses.filter((c) => waiting.get(c.id) === 0);
  const order: Course[] = [];
  while (ready.length > 0) {
    ready.sort(byLevelThenId);
    const course = ready.shift() as Course;
    order.push(course);
    for (const id of after.get(course.id) ?? []) {
      const left = (waiting.get(id) ?? 0) - 1;
      waiting.set(id, left);
      if (left === 0) ready.push(byId.get(id) as Course);
    }
  }
  const stuck = courses.filter((c) => !order.includes(c)).sort(byLevelThenId);
  return [...order, ...stuck];
}

/**
 * One issue per course caught in a prerequisite cycle (A requires what B teaches and B what A teaches,
 * directly or through others): no order could put either first, so content:check refuses it. A course
 * is in a cycle when it can reach itself; the courses it shares the cycle with reach it and are reached.
 */
export function prerequisiteCycleIssues(courses: Iterable<Course>): ContentIssue[] {
  const all = [...courses];
  const after = edges(all);
  const reached = new Map(all.map((c) => [c.id, reachable(after, c.id)]));
  return all.flatMap((course) => {
    if (!reached.get(course.id)?.has(course.id)) return [];
    const others = all.filter(
      (c) => c.id !== course.id && reached.get(c.id)?.has(course.id) && reached.get(course.id)?.has(c.id),
    );
    return [
      {
        file: `courses/${course.id}/index.md`,
        field: 'prerequisites',
        message: `is in a prerequisite cycle with ${others.map((c) => `"${c.id}"`).join(', ')}: each requires, directly or through the others, a skill only a later one teaches; drop one prerequisite`,
      },
    ];
  });
}

/** Every course reachable from `from` by one or more edges. */
function reachable(after: ReadonlyMap<string, ReadonlySet<string>>, from: string): Set<string> {
  const seen = new Set<string>();
  const stack = [...(after.get(from) ?? [])];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(after.get(id) ?? []));
  }
  return seen;
}
