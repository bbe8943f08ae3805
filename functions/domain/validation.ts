// Turning a schema's refusal into the fields a person can fix, the same way for the API's routes and
// the site's forms: `body.title`, `path.syndicateId`, `query.page`, each with its message.
import type * as z from 'zod/mini';
import type { FieldIssue } from './errors.ts';
import { eachEntry, unknownField } from './plain-words.ts';
// Sets the plain-words messages before anything parses (see zod.ts).
import './zod.ts';

/** Parses `value`; on failure adds its issues under `where` (`body`, `path`, `query`) and returns undefined. */
export function parseInto<T>(schema: z.ZodMiniType<T>, value: unknown, where: string, issues: FieldIssue[]): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const found: FieldIssue[] = [];
  collectIssues(result.error.issues, [where], found);
  issues.push(...onePerList(found));
  return undefined as T;
}

/** zod's issues as fields a person can fix. */
export function collectIssues(found: readonly z.core.$ZodIssue[], at: string[], issues: FieldIssue[]) {
  for (const issue of found) {
    const field = [...at, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      // An unknown key (a server-owned field like `balance`, or a typo) is named as the field that is wrong.
      for (const key of issue.keys) issues.push({ field: [...field, key].join('.'), message: unknownField });
    } else if (issue.code === 'invalid_union' && issue.errors.some((option) => option.length > 0)) {
      // No shape matched: explain the one the request came closest to (fewest issues; the first on a tie).
      const closest = issue.errors.reduce((best, option) =>
        option.length > 0 && (best.length === 0 || option.length < best.length) ? option : best,
      );
      collectIssues(closest, field, issues);
    } else {
      // A check that keeps its sentence in every language passes it on (`params: { wordsIn }`).
      const wordsIn = issue.code === 'custom' ? (issue.params?.wordsIn as FieldIssue['wordsIn']) : undefined;
      issues.push({ field: field.join('.'), message: issue.message, ...(wordsIn ? { wordsIn } : {}) });
    }
  }
}

/**
 * The same refusal of several entries of one list (`evidence.0`, `evidence.1`) as one issue on the list
 * (`evidence`) that names the entries, so three short lines of evidence read as one thing to fix.
 */
export function onePerList(issues: readonly FieldIssue[]): FieldIssue[] {
  const positionOf = (field: string) => /\.(\d+)(?=\.|$)/.exec(field)?.[1];
  const keyOf = (issue: FieldIssue) => `${issue.field.replace(/\.\d+(?=\.|$)/g, '')}\n${issue.message}`;
  const lists = new Map<string, number[]>();
  for (const issue of issues) {
    const position = positionOf(issue.field);
    if (position !== undefined) lists.set(keyOf(issue), [...(lists.get(keyOf(issue)) ?? []), Number(position)]);
  }
  const said = new Set<string>();
  return issues.flatMap((issue) => {
    const key = keyOf(issue);
    const positions = lists.get(key);
    if (positionOf(issue.field) === undefined || !positions || positions.length < 2) return [issue];
    if (said.has(key)) return [];
    said.add(key);
    return [{ field: key.split('\n')[0] ?? issue.field, message: eachEntry(issue.message, positions) }];
  });
}
