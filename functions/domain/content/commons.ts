// The commons' knowledge as the rest of Guildhall sees it: trades, skills, courses with their
// lessons and quizzes, and practice guides. Parsed and cross-checked by parse-commons.ts.
import * as z from 'zod';

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
] as const;
export type TradeId = (typeof tradeIds)[number];

export const skillLevels = ['foundation', 'working', 'proficient'] as const;
export type SkillLevel = (typeof skillLevels)[number];

/** Ordering of levels, so "holds at least working" can be checked. */
export const levelRank: Record<SkillLevel, number> = { foundation: 1, working: 2, proficient: 3 };

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase kebab-case, e.g. timber-framing');
/** The id of a skill, course or practice guide, where other schemas name one. */
export const commonsIdSchema = id;

export const skillSchema = z.strictObject({
  id,
  label: z.string().min(2).max(80),
  description: z.string().min(20).max(1200),
  related: z.array(id).default([]),
  esco: z
    .string()
    .regex(/^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/, 'must be an ESCO skill URI')
    .optional(),
});

export const skillFileSchema = z.strictObject({
  trade: z.enum(tradeIds),
  label: z.string().min(2).max(60),
  description: z.string().min(10).max(600),
  skills: z.array(skillSchema).min(1),
});

export const quizQuestionSchema = z
  .strictObject({
    question: z.string().min(5).max(400),
    options: z.array(z.string().min(1).max(300)).min(2).max(6),
    answer: z.number().int().min(0),
    explanation: z.string().min(5).max(600),
  })
  .refine((question) => question.answer < question.options.length, {
    message: 'answer must index one of the options',
    path: ['answer'],
  });

export const courseFrontmatterSchema = z.strictObject({
  title: z.string().min(3).max(120),
  summary: z.string().min(10).max(300),
  trade: z.enum(tradeIds),
  level: z.enum(skillLevels),
  skills: z.array(z.strictObject({ skill: id, level: z.enum(skillLevels) })).min(1),
  prerequisites: z.array(id).default([]),
  hours: z.number().positive().max(500),
  lessons: z.array(z.string().regex(/^\d{2}-[a-z0-9-]+$/, 'must be a lesson file name like 01-first-steps')).min(1),
  authors: z.array(z.string().min(1)).min(1),
  license: z.literal('CC-BY-SA-4.0'),
  passMark: z.number().min(0.5).max(1),
  /** How many questions one attempt draws from the pool in `quiz` (the pool holds at least twice as many). */
  questionsPerAttempt: z.number().int().min(5).max(50),
  /** A course whose lessons could hurt someone if wrong: each lesson must name a reviewer who is not its author. */
  safetyCritical: z.boolean().default(false),
  quiz: z.array(quizQuestionSchema).min(5, 'needs at least 5 questions'),
});

export const lessonFrontmatterSchema = z.strictObject({
  title: z.string().min(3).max(120),
  minutes: z.number().int().positive().max(600),
  /** Who wrote the lesson; the course's authors when left out. */
  authors: z.array(z.string().min(1)).min(1).optional(),
  /** Who read it for accuracy and safety (a person or a named review), never one of its authors. */
  reviewers: z.array(z.string().min(1)).default([]),
});

export const practiceFrontmatterSchema = z.strictObject({
  title: z.string().min(3).max(140),
  summary: z.string().min(10).max(300),
  trade: z.enum(tradeIds),
  skills: z.array(id).min(1),
  authors: z.array(z.string().min(1)).min(1),
  license: z.literal('CC-BY-SA-4.0'),
});

export type Skill = z.infer<typeof skillSchema> & { trade: TradeId };
export type QuizQuestion = z.infer<typeof quizQuestionSchema> & {
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

export interface Course extends Omit<z.infer<typeof courseFrontmatterSchema>, 'lessons' | 'quiz'> {
  id: string;
  introduction: string;
  lessons: Lesson[];
  /** The question pool; one attempt draws `questionsPerAttempt` of them. */
  quiz: QuizQuestion[];
}

export interface Practice extends z.infer<typeof practiceFrontmatterSchema> {
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
}

/** The minimum length of a lesson, in words, for it to count as real instruction. */
export const minimumLessonWords = 300;
