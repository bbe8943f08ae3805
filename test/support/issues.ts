// A refusal's field issues as an English reader gets them, for tests that compare them whole: each
// field and its sentence, without the `wordsIn` a worded issue carries for the other languages.
import type { FieldIssue } from '#domain/errors.ts';

export const englishIssues = (issues: readonly FieldIssue[]) =>
  issues.map(({ field, message }) => ({ field, message }));
