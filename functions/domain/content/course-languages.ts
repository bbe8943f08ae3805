// The languages courses are read in: English, in which they are written, and the translations a course
// may have (course-translations.ts reads them). Apart from the translations' reader so that what needs only
// the languages (the federated catalogue: domain/federation/catalogue-objects.ts) carries no markdown.

/** The languages a course may be translated into (the site's, less English, the language courses are written in). */
export const translationLocales = ['es', 'nl'] as const;
export type TranslationLocale = (typeof translationLocales)[number];

/** The languages a course can be read in whole: its own first, then each complete translation. */
export function courseLanguages(course: {
  lessons: ReadonlyArray<{ id: string }>;
  translations?: Partial<Record<TranslationLocale, { lessons: Record<string, unknown> }>> | undefined;
}): string[] {
  const complete = translationLocales.filter((locale) => {
    const translation = course.translations?.[locale];
    return translation !== undefined && course.lessons.every((lesson) => translation.lessons[lesson.id]);
  });
  return ['en', ...complete];
}
