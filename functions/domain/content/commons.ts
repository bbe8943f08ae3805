// The commons' knowledge as the rest of Guildhall sees it: trades, skills, courses with their
// lessons and quizzes, and practice guides. Parsed and cross-checked by parse-commons.ts.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import type { OccupationPath } from '../paths/occupation-path.ts';
import type { CourseTranslations } from './course-translations.ts';

export const tradeIds = [
  'construction',
  'care',
  'food',
  'renewable-energy',
  'repair',
  'software',
  'bookkeeping',
  'logistics',
  'agriculture',
  'plumbing-and-heating',
  'electrical-installation',
  'welding-and-fabrication',
] as const;
export type TradeId = (typeof tradeIds)[number];

export const skillLevels = ['foundation', 'working', 'proficient'] as const;
export type SkillLevel = (typeof skillLevels)[number];

/** Ordering of levels, so "holds at least working" can be checked. */
export const levelRank: Record<SkillLevel, number> = { foundation: 1, working: 2, proficient: 3 };

const id = /* @__PURE__ */ lazySchema(() =>
  z
    .string()
    .check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase words joined by hyphens, such as timber-framing.')),
);
/** The id of a skill, course or practice guide, where other schemas name one. */
export const commonsIdSchema = id;

export const skillSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    id: id(),
    label: z.string().check(z.minLength(2), z.maxLength(80)),
    description: z.string().check(z.minLength(20), z.maxLength(1200)),
    related: z._default(z.array(id()), []),
    esco: z.optional(
      z
        .string()
        .check(
          z.regex(
            /^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/,
            'Use an ESCO skill URI, such as http://data.europa.eu/esco/skill/ followed by its id.',
          ),
        ),
    ),
    // Who read this skill beside its ESCO match (or beside the closest candidates, when none matches) and
    // what they found: a match is claimed only after a reading of both, never from the label alone.
    escoReview: z.optional(z.string().check(z.minLength(20), z.maxLength(600))),
  }),
);

export const skillFileSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    trade: z.enum(tradeIds),
    label: z.string().check(z.minLength(2), z.maxLength(60)),
    description: z.string().check(z.minLength(10), z.maxLength(600)),
    skills: z.array(skillSchema()).check(z.minLength(1)),
  }),
);

export const quizQuestionSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      question: z.string().check(z.minLength(5), z.maxLength(400)),
      options: z.array(z.string().check(z.minLength(1), z.maxLength(300))).check(z.minLength(2), z.maxLength(6)),
      answer: z.number().check(z.int(), z.minimum(0)),
      explanation: z.string().check(z.minLength(5), z.maxLength(600)),
    })
    .check(
      z.refine((question) => question.answer < question.options.length, {
        message: 'answer must index one of the options',
        path: ['answer'],
      }),
    ),
);

/**
 * A practical task: hands-on work a quiz cannot prove, drawn from one of the course's lessons' exercises.
 * The learner shows it to an assessor from a syndicate of the course's trade (practical.ts), who signs it off.
 */
export const practicalTaskSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    id: id(),
    title: z.string().check(z.minLength(5), z.maxLength(120)),
    /** The lesson whose exercise the task is drawn from (its file name, as in `lessons`). */
    lesson: z.string().check(z.regex(/^\d{2}-[a-z0-9-]+$/, 'Name the lesson the task comes from, such as 02-cutting.')),
    /** What the learner shows the assessor, and what the assessor looks for. */
    show: z.string().check(z.minLength(40), z.maxLength(1200)),
    /** The skills the task proves: taught by the course; an assessor holds each at the course's level. */
    skills: z.array(id()).check(z.minLength(1), z.maxLength(6)),
  }),
);

export const courseFrontmatterSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    title: z.string().check(z.minLength(3), z.maxLength(120)),
    summary: z.string().check(z.minLength(10), z.maxLength(300)),
    trade: z.enum(tradeIds),
    level: z.enum(skillLevels),
    skills: z.array(z.strictObject({ skill: id(), level: z.enum(skillLevels) })).check(z.minLength(1)),
    prerequisites: z._default(z.array(id()), []),
    hours: z.number().check(z.positive(), z.maximum(500)),
    lessons: z
      .array(z.string().check(z.regex(/^\d{2}-[a-z0-9-]+$/, 'Name a lesson file such as 01-first-steps.')))
      .check(z.minLength(1)),
    authors: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
    license: z.literal('CC-BY-SA-4.0'),
    passMark: z.number().check(z.minimum(0.5), z.maximum(1)),
    /** How many questions one attempt draws from the pool in `quiz` (the pool holds at least twice as many). */
    questionsPerAttempt: z.number().check(z.int(), z.minimum(5), z.maximum(50)),
    /** A course whose lessons could hurt someone if wrong: each lesson must name a reviewer who is not its author. */
    safetyCritical: z._default(z.boolean(), false),
    /** The day the course joined the commons (YYYY-MM-DD): the home page lists the newest first. */
    published: z.optional(z.iso.date('Write the day the course was published as YYYY-MM-DD, for example 2026-11-21.')),
    quiz: z.array(quizQuestionSchema()).check(z.minLength(5, 'needs at least 5 questions')),
    /** Hands-on tasks an assessor signs off before the credential is issued (issue 18); none: the quiz alone. */
    practical: z._default(z.array(practicalTaskSchema()).check(z.maxLength(8)), []),
  }),
);

export const lessonFrontmatterSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    title: z.string().check(z.minLength(3), z.maxLength(120)),
    minutes: z.number().check(z.int(), z.positive(), z.maximum(600)),
    /** Who wrote the lesson; the course's authors when left out. */
    authors: z.optional(z.array(z.string().check(z.minLength(1))).check(z.minLength(1))),
    /** Who read it for accuracy and safety (a person or a named review), never one of its authors. */
    reviewers: z._default(z.array(z.string().check(z.minLength(1))), []),
  }),
);

export const practiceFrontmatterSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    title: z.string().check(z.minLength(3), z.maxLength(140)),
    summary: z.string().check(z.minLength(10), z.maxLength(300)),
    trade: z.enum(tradeIds),
    skills: z.array(id()).check(z.minLength(1)),
    authors: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
    license: z.literal('CC-BY-SA-4.0'),
  }),
);

export type PracticalTask = z.infer<ReturnType<typeof practicalTaskSchema>>;
export type Skill = z.infer<ReturnType<typeof skillSchema>> & { trade: TradeId };
export type QuizQuestion = z.infer<ReturnType<typeof quizQuestionSchema>> & {
  /**
   * Stable across reordering of the pool: derived from the question and its options (see questionId in
   * parse-commons.ts), so a draw and its answers name exactly what the learner was shown.
   */
  id: string;
};

export interface Trade {
  id: TradeId;
  label: string;
  description: string;
}

export interface Lesson {
  id: string;
  courseId: string;
  position: number;
  title: string;
  minutes: number;
  markdown: string;
  /** The markdown rendered once, when the commons is parsed, with its outline starting at h2. */
  html: string;
  words: number;
}

export interface Course extends Omit<z.infer<ReturnType<typeof courseFrontmatterSchema>>, 'lessons' | 'quiz'> {
  id: string;
  introduction: string;
  lessons: Lesson[];
  /** The question pool; one attempt draws `questionsPerAttempt` of them. */
  quiz: QuizQuestion[];
  /** Its translations, from sibling files (`index.es.md`, `01-lesson.es.md`): course-translations.ts. */
  translations?: CourseTranslations;
}

export interface Practice extends z.infer<ReturnType<typeof practiceFrontmatterSchema>> {
  id: string;
  markdown: string;
  /** The markdown rendered once, when the commons is parsed, with its outline starting at h2. */
  html: string;
}

export interface Commons {
  trades: Trade[];
  skills: Map<string, Skill>;
  courses: Map<string, Course>;
  practices: Map<string, Practice>;
  /** The occupations a learner can aim for, by id (paths/path-catalogue.ts builds them at compile time). */
  paths: ReadonlyMap<string, OccupationPath>;
}

/** The minimum length of a lesson, in words, for it to count as real instruction. */
export const minimumLessonWords = 300;
