// A course's translations, kept beside its files: `index.es.md` (title, summary, introduction, and the
// quiz's wording) and `01-lesson.es.md` (a lesson's title and text), each with front matter of its own.
// A course is listed in a language only when its index and every lesson are translated; a lesson
// translated before the rest is still shown translated. A translation words the quiz, never grades it:
// the questions keep the source's ids, options and right answers, so progress and credentials are the
// same whichever language a learner reads. The rules are in content/README.md ("Translations").
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import type { Course, Lesson } from './commons.ts';
import { renderMarkdown } from './markdown.ts';

import { translationLocales, type TranslationLocale } from './course-languages.ts';

// The languages, and which a course can be read in whole, live in course-languages.ts: modules that need
// only those (the federated catalogue) then carry no markdown renderer.
export { courseLanguages, translationLocales, type TranslationLocale } from './course-languages.ts';

/** Who made a translation and from which version of its source (`sourceVersion`). */
interface Provenance {
  translators: string[];
  reviewers: string[];
  translatedFrom: string;
  /** The source changed after it was translated: `npm run content:check` names it (translation-checks.ts). */
  stale: boolean;
}

export interface LessonTranslation extends Provenance {
  title: string;
  html: string;
  words: number;
}

/** A quiz question in another language: same id, same number and order of options as the source. */
export interface QuestionTranslation {
  question: string;
  options: string[];
  explanation: string;
}

export interface CourseTranslation extends Provenance {
  title: string;
  summary: string;
  introduction: string;
  /** By the source question's id; a question missing here is asked in the course's own language. */
  quiz: Record<string, QuestionTranslation>;
  /** By lesson id; a lesson missing here is shown in the course's own language. */
  lessons: Record<string, LessonTranslation>;
}

export type CourseTranslations = Partial<Record<TranslationLocale, CourseTranslation>>;

/**
 * The version of a source text a translation was made from: a hash of what a reader sees (titles,
 * summary, body), not of figures such as `minutes`, so only a change in the words makes a translation
 * stale. A translation copies it into `translatedFrom`; content:check prints the current one.
 */
export function sourceVersion(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part.normalize('NFC').replace(/\s+/g, ' ').trim()}\u0000`);
  return hash.digest('hex').slice(0, 12);
}

export const indexSourceVersion = (course: Pick<Course, 'title' | 'summary' | 'introduction'>) =>
  sourceVersion(course.title, course.summary, course.introduction);
export const lessonSourceVersion = (lesson: Pick<Lesson, 'title' | 'markdown'>) =>
  sourceVersion(lesson.title, lesson.markdown);

const people = () => z.optional(z.array(z.string().check(z.minLength(1))).check(z.minLength(1)));
const provenance = {
  translators: people(),
  reviewers: z._default(z.array(z.string().check(z.minLength(1))), []),
  // Optional here only so that its absence is reported with the version to copy (see `courseTranslations`).
  translatedFrom: z.optional(
    z
      .string()
      .check(z.regex(/^[0-9a-f]{12}$/, 'Copy the 12-character version content:check names, such as 3f2a9c0d1b7e.')),
  ),
};
const questionTranslationSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    question: z.string().check(z.minLength(5), z.maxLength(400)),
    options: z.array(z.string().check(z.minLength(1), z.maxLength(300))).check(z.minLength(2), z.maxLength(6)),
    explanation: z.string().check(z.minLength(5), z.maxLength(600)),
    // Accepted here only so that its presence is refused with the reason (see `quizTranslation`).
    answer: z.optional(z.unknown()),
  }),
);
export const indexTranslationSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    title: z.string().check(z.minLength(3), z.maxLength(120)),
    summary: z.string().check(z.minLength(10), z.maxLength(300)),
    ...provenance,
    quiz: z._default(z.record(z.string(), questionTranslationSchema()), {}),
  }),
);
export const lessonTranslationSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({ title: z.string().check(z.minLength(3), z.maxLength(120)), ...provenance }),
);

/** `courses/x/01-lesson.es.md` → { lesson: '01-lesson', locale: 'es' }; `index.nl.md` → { lesson: 'index', … }. */
export function translationOf(path: string): { lesson: string; locale: string } | undefined {
  const match = /^courses\/[^/]+\/([^/.]+)\.([a-z]{2})\.md$/.exec(path);
  return match ? { lesson: match[1] ?? '', locale: match[2] ?? '' } : undefined;
}

const isLocale = (locale: string): locale is TranslationLocale =>
  (translationLocales as readonly string[]).includes(locale);

interface Parsed<T> {
  data: T;
  body: string;
}

type Source = Pick<Course, 'id' | 'title' | 'summary' | 'introduction' | 'quiz' | 'authors'> & {
  lessons: Array<Pick<Lesson, 'id' | 'title' | 'markdown'>>;
  safetyCritical?: boolean;
};

/**
 * Reads the translation files of one course. `read` parses a file's front matter with a schema and
 * reports what is wrong (parse-commons.ts's `check`); `report` names every other problem: a file that
 * translates nothing, a language the site does not speak, a missing `translatedFrom`, a safety-critical
 * translation no one else has read, a quiz translation that would change what the source asks.
 */
export function courseTranslations(
  course: Source,
  paths: readonly string[],
  read: <T>(path: string, schema: z.ZodMiniType<T>) => Parsed<T> | undefined,
  report: (file: string, field: string, message: string) => void,
  countWords: (markdown: string) => number,
): CourseTranslations {
  const found: CourseTranslations = {};
  const lessons = new Map(course.lessons.map((lesson) => [lesson.id, lesson]));
  const ofCourse = paths.flatMap((path) => {
    const translation = translationOf(path);
    return translation && path.startsWith(`courses/${course.id}/`) ? [{ path, ...translation }] : [];
  });
  const provenanceOf = (
    path: string,
    data: z.infer<z.ZodMiniObject<typeof provenance>>,
    current: string,
    inherited: string[] | undefined,
  ): Provenance | undefined => {
    const translators = data.translators ?? inherited;
    if (!translators) report(path, 'translators', 'name who translated it (a person or a named team)');
    if (!data.translatedFrom)
      report(
        path,
        'translatedFrom',
        `name the version of the source you translated: its text now is version ${current}`,
      );
    // The source's rule, kept in every language: someone who did not write the words reads them first.
    if (course.safetyCritical && translators && !data.reviewers.some((reviewer) => !translators.includes(reviewer)))
      report(
        path,
        'reviewers',
        'the course is safety-critical: name a reviewer of the translation who is not one of its translators',
      );
    if (!translators || !data.translatedFrom) return undefined;
    return {
      translators,
      reviewers: data.reviewers,
      translatedFrom: data.translatedFrom,
      stale: data.translatedFrom !== current,
    };
  };

  for (const { path, locale } of ofCourse.filter((file) => file.lesson === 'index')) {
    if (!isLocale(locale)) continue; // reported with the lessons below
    const index = read(path, indexTranslationSchema());
    if (!index) continue;
    const made = provenanceOf(path, index.data, indexSourceVersion(course), undefined);
    const quiz = quizTranslation(course, index.data.quiz, path, report);
    if (made)
      found[locale] = {
        ...made,
        title: index.data.title,
        summary: index.data.summary,
        introduction: index.body,
        quiz,
        lessons: {},
      };
  }
  for (const { path, lesson: lessonId, locale } of ofCourse) {
    if (!isLocale(locale)) {
      report(
        path,
        '(file)',
        `is named as a translation into "${locale}"; courses are translated into ${translationLocales.join(' and ')}`,
      );
      continue;
    }
    if (lessonId === 'index') continue;
    const lesson = lessons.get(lessonId);
    if (!lesson) {
      report(path, '(file)', `translates no lesson of the course: there is no ${lessonId}.md`);
      continue;
    }
    const translation = found[locale];
    if (!translation) {
      report(path, '(file)', `the course has no valid index.${locale}.md to go with this translation`);
      continue;
    }
    const parsed = read(path, lessonTranslationSchema());
    if (!parsed) continue;
    const made = provenanceOf(path, parsed.data, lessonSourceVersion(lesson), translation.translators);
    if (!made) continue;
    translation.lessons[lessonId] = {
      ...made,
      title: parsed.data.title,
      html: renderMarkdown(parsed.body, { topLevel: 2 }),
      words: countWords(parsed.body),
    };
  }
  return found;
}

/** The quiz's wording in another language, refused where it would ask something the source does not. */
function quizTranslation(
  course: Pick<Course, 'quiz'>,
  quiz: Record<string, QuestionTranslation & { answer?: unknown }>,
  path: string,
  report: (file: string, field: string, message: string) => void,
): Record<string, QuestionTranslation> {
  const kept: Record<string, QuestionTranslation> = {};
  for (const [id, { answer, ...question }] of Object.entries(quiz)) {
    const source = course.quiz.find((candidate) => candidate.id === id);
    if (answer !== undefined) {
      report(
        path,
        `quiz.${id}.answer`,
        "a translation cannot set the right answer: remove answer; the source's counts in every language",
      );
    } else if (!source) {
      report(
        path,
        `quiz.${id}`,
        'translates no question of the course: the source question was reworded or removed (content:quiz-ids lists the current ids)',
      );
    } else if (question.options.length !== source.options.length) {
      report(
        path,
        `quiz.${id}.options`,
        `has ${question.options.length} options; the source has ${source.options.length}: translate each, in the same order, so the right answer stays the source's`,
      );
    } else kept[id] = question;
  }
  return kept;
}

/** The languages one lesson can be read in: the course's own, then each translation that carries it. */
export function lessonLanguages(course: { translations?: CourseTranslations }, lessonId: string): string[] {
  return ['en', ...translationLocales.filter((locale) => course.translations?.[locale]?.lessons[lessonId])];
}

/**
 * What a reader of the site in `locale` is shown of a course: its translation into that language when
 * it has one, else nothing (the course's own text, in English). `locale` is the page's language, which
 * the site's language routing sets; anything else reads as English.
 */
export function translationFor(
  course: { translations?: CourseTranslations },
  locale: unknown,
): { locale: TranslationLocale; translation: CourseTranslation } | undefined {
  if (!isLocale(String(locale))) return undefined;
  const translation = course.translations?.[locale as TranslationLocale];
  return translation && { locale: locale as TranslationLocale, translation };
}

/** A quiz question as a learner reading a translation sees it; the id, and so the grading, stay the source's. */
export function questionIn<Q extends { id: string; question: string; options: string[]; explanation?: string }>(
  question: Q,
  translation: Pick<CourseTranslation, 'quiz'> | undefined,
): Q {
  const text = translation?.quiz[question.id];
  if (!text) return question;
  const worded = { ...question, question: text.question, options: text.options };
  return question.explanation === undefined ? worded : { ...worded, explanation: text.explanation };
}
