// What the public sees of a course: everything but the quiz answers, which stay on the server.
import { questionsPerAttempt } from '../learning/quiz-draw.ts';
import type { Commons, Course, SkillLevel, TradeId } from './commons.ts';

export interface CourseSummary {
  id: string;
  title: string;
  summary: string;
  trade: TradeId;
  level: SkillLevel;
  hours: number;
  skills: Array<{ skill: string; label: string; level: SkillLevel; esco?: string | undefined }>;
  prerequisites: Array<{ skill: string; label: string }>;
  lessonCount: number;
}

export interface PublicCourse extends CourseSummary {
  introduction: string;
  authors: string[];
  license: string;
  passMark: number;
  /** How many questions of the pool one attempt draws. */
  questionsPerAttempt: number;
  lessons: Array<{ id: string; title: string; minutes: number; position: number }>;
  /** The question pool: questions and options only; answers and explanations come with a pass. */
  quiz: Array<{ id: string; question: string; options: string[] }>;
  /** Hands-on tasks an assessor from a syndicate of the trade signs off before the credential; may be none. */
  practical: Course['practical'];
}

export function courseSummary(course: Course, commons: Commons): CourseSummary {
  const label = (skillId: string) => commons.skills.get(skillId)?.label ?? skillId;
  return {
    id: course.id,
    title: course.title,
    summary: course.summary,
    trade: course.trade,
    level: course.level,
    hours: course.hours,
    skills: course.skills.map((taught) => ({
      skill: taught.skill,
      label: label(taught.skill),
      level: taught.level,
      esco: commons.skills.get(taught.skill)?.esco,
    })),
    prerequisites: course.prerequisites.map((skill) => ({ skill, label: label(skill) })),
    lessonCount: course.lessons.length,
  };
}

export function publicCourse(course: Course, commons: Commons): PublicCourse {
  return {
    ...courseSummary(course, commons),
    introduction: course.introduction,
    authors: course.authors,
    license: course.license,
    passMark: course.passMark,
    questionsPerAttempt: questionsPerAttempt(course),
    lessons: course.lessons.map(({ id, title, minutes, position }) => ({ id, title, minutes, position })),
    quiz: course.quiz.map(({ id, question, options }) => ({ id, question, options })),
    practical: course.practical,
  };
}

export interface CatalogFilter {
  trade?: TradeId | undefined;
  skill?: string | undefined;
  level?: SkillLevel | undefined;
  maxHours?: number | undefined;
}

/** Courses that pass every given filter, ordered by trade then title. */
export function filterCourses(commons: Commons, filter: CatalogFilter): Course[] {
  return [...commons.courses.values()]
    .filter((course) => !filter.trade || course.trade === filter.trade)
    .filter((course) => !filter.skill || course.skills.some((taught) => taught.skill === filter.skill))
    .filter((course) => !filter.level || course.level === filter.level)
    .filter((course) => filter.maxHours === undefined || course.hours <= filter.maxHours)
    .sort((a, b) => a.trade.localeCompare(b.trade) || a.title.localeCompare(b.title));
}

/** One page of a list, with the total, for every paginated response. */
export function paginate<T>(items: T[], page: number, pageSize: number) {
  const start = (page - 1) * pageSize;
  return { items: items.slice(start, start + pageSize), page, pageSize, total: items.length };
}
