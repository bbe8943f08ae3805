// A course's translations, kept beside its files: `index.es.md` (title, summary, introduction) and
// `01-lesson.es.md` (a lesson's title and text), each with front matter of its own. A course is listed
// in a language only when its index and every lesson are translated; a lesson translated before the
// rest is still shown translated. The quiz stays in the course's own language.
import * as z from 'zod/mini';
import type { Course } from './commons.ts';
import { renderMarkdown } from './markdown.ts';
import { lazySchema } from '#domain/zod.ts';

/** The languages a course may be translated into (the site's, less English, the language courses are written in). */
export const translationLocales = ['es', 'nl'] as const;
export type TranslationLocale = (typeof translationLocales)[number];

export interface LessonTranslation {
  title: string;
  html: string;
  words: number;
}

export interface CourseTranslation {
  title: string;
  summary: string;
  introduction: string;
  translators: string[];
  /** By lesson id; a lesson missing here is shown in the course's own language. */
  lessons: Record<string, LessonTranslation>;
}

export type CourseTranslations = Partial<Record<TranslationLocale, CourseTranslation>>;

const translators = () => z._default(z.array(z.string().check(z.minLength(1))), []);
export const indexTranslationSchema = lazySchema(() =>
  z.strictObject({
    title: z.string().check(z.minLength(3), z.maxLength(120)),
    summary: z.string().check(z.minLength(10), z.maxLength(300)),
    translators: translators(),
  }),
);
export const lessonTranslationSchema = lazySchema(() =>
  z.strictObject({ title: z.string().check(z.minLength(3), z.maxLength(120)), translators: translators() }),
);

/** `courses/x/01-lesson.es.md` → { lesson: '01-lesson', locale: 'es' }; `index.nl.md` → { lesson: 'index', … }. */
export function translationOf(path: string): { lesson: string; locale: TranslationLocale } | undefined {
  const match = /^courses\/[^/]+\/([^/]+)\.(es|nl)\.md$/.exec(path);
  return match ? { lesson: match[1] ?? '', locale: match[2] as TranslationLocale } : undefined;
}

interface Parsed<T> {
  data: T;
  body: string;
}

/**
 * Reads the translation files of one course. `read` parses a file's front matter with a schema and
 * reports what is wrong (parse-commons.ts's `check`); `report` names a file that translates nothing.
 */
export function courseTranslations(
  course: Pick<Course, 'id' | 'lessons'>,
  paths: readonly string[],
  read: <T>(path: string, schema: z.ZodMiniType<T>) => Parsed<T> | undefined,
  report: (file: string, field: string, message: string) => void,
  countWords: (markdown: string) => number,
): CourseTranslations {
  const found: CourseTranslations = {};
  const lessonIds = new Set(course.lessons.map((lesson) => lesson.id));
  const ofCourse = paths.flatMap((path) => {
    const translation = translationOf(path);
    return translation && path.startsWith(`courses/${course.id}/`) ? [{ path, ...translation }] : [];
  });
  for (const { path, locale } of ofCourse.filter((file) => file.lesson === 'index')) {
    const index = read(path, indexTranslationSchema());
    if (index) found[locale] = { ...index.data, introduction: index.body, lessons: {} };
  }
  for (const { path, lesson, locale } of ofCourse.filter((file) => file.lesson !== 'index')) {
    if (!lessonIds.has(lesson)) {
      report(path, '(file)', `translates no lesson of the course: there is no ${lesson}.md`);
      continue;
    }
    const translation = found[locale];
    if (!translation) {
      report(path, '(file)', `the course has no index.${locale}.md to go with this translation`);
      continue;
    }
    const parsed = read(path, lessonTranslationSchema());
    if (!parsed) continue;
    translation.lessons[lesson] = {
      title: parsed.data.title,
      html: renderMarkdown(parsed.body, { topLevel: 2 }),
      words: countWords(parsed.body),
    };
  }
  return found;
}

/** The languages a course can be read in whole: its own first, then each complete translation. */
export function courseLanguages(course: Pick<Course, 'lessons'> & { translations?: CourseTranslations }): string[] {
  const complete = translationLocales.filter((locale) => {
    const translation = course.translations?.[locale];
    return translation !== undefined && course.lessons.every((lesson) => translation.lessons[lesson.id]);
  });
  return ['en', ...complete];
}
