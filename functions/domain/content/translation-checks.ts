// Translations that fell behind their source: the English was reworded after the translation was made
// (`translatedFrom` no longer names the source's current version). `npm run content:check` lists them
// so a translator can bring them up to date. In a safety-critical course a stale translation fails the
// check: a corrected safety instruction must not go on being shown the old way in another language.
import type { Course } from './commons.ts';
import { indexSourceVersion, lessonSourceVersion } from './course-translations.ts';
import type { ContentIssue } from './parse-commons.ts';

export interface StaleTranslations {
  /** Stale translations in safety-critical courses: the check fails. */
  errors: ContentIssue[];
  /** Stale translations elsewhere: shown, and the check still passes. */
  warnings: ContentIssue[];
}

export function staleTranslations(courses: Iterable<Course>): StaleTranslations {
  const found: StaleTranslations = { errors: [], warnings: [] };
  for (const course of courses) {
    const list = course.safetyCritical ? found.errors : found.warnings;
    const stale = (file: string, what: string, version: string) =>
      list.push({
        file: `courses/${course.id}/${file}`,
        field: 'translatedFrom',
        message: `was translated from an earlier version of ${what}: compare it with the source, bring it up to date, then set translatedFrom: ${version}`,
      });
    for (const [locale, translation] of Object.entries(course.translations ?? {})) {
      if (translation.stale) stale(`index.${locale}.md`, 'index.md', indexSourceVersion(course));
      for (const lesson of course.lessons) {
        if (translation.lessons[lesson.id]?.stale)
          stale(`${lesson.id}.${locale}.md`, `${lesson.id}.md`, lessonSourceVersion(lesson));
      }
    }
  }
  return found;
}
