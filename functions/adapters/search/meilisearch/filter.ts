// SearchQuery.filters in Meilisearch's array form: the outer array is AND, an inner array is OR. Every
// value a person supplies is written as a double-quoted string with `\` and `"` escaped, so no value can
// close its quotes and add syntax: `a" OR type = "x` stays one (unmatched) value. Meilisearch 1.4 and
// later read `\\` and `\"` inside quotes back as `\` and `"`.
//
// Like the embedded engine: each filter narrows, a list means "any of these" and an empty list does not
// narrow, ranges include both ends.
import { ValidationError } from '#domain/errors.ts';
import type { SearchQuery } from '#domain/search/search-port.ts';

export type MeilisearchFilter = Array<string | string[]>;

type Filters = NonNullable<SearchQuery['filters']>;

const listFilters = ['type', 'skills', 'trade', 'practice', 'kind', 'course', 'place', 'status', 'payUnit'] as const;
const rangeFilters = ['pay', 'hours'] as const;

export function buildFilter(filters: SearchQuery['filters']): MeilisearchFilter {
  if (filters === undefined) return [];
  const clauses: MeilisearchFilter = [];
  for (const name of listFilters) {
    const values: readonly unknown[] | undefined = filters[name];
    if (values === undefined || values.length === 0) continue;
    clauses.push(values.map((value) => `${name} = ${quote(String(value))}`));
  }
  // Written from the boolean, never interpolated, so a non-boolean that slipped through cannot add syntax.
  if (filters.remote !== undefined) clauses.push(filters.remote === true ? 'remote = true' : 'remote = false');
  for (const name of rangeFilters) {
    const range: Filters[typeof name] = filters[name];
    if (range?.min !== undefined) clauses.push(`${name} >= ${filterNumber(range.min, `${name}.min`)}`);
    if (range?.max !== undefined) clauses.push(`${name} <= ${filterNumber(range.max, `${name}.max`)}`);
  }
  return clauses;
}

/** A string as a filter value: double-quoted, with backslashes and double quotes escaped. */
export function quote(value: string): string {
  return `"${value.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}

/**
 * A finite number written out in full: the filter grammar has no `+`, so `1e+21` would not parse.
 * Fractions keep 20 decimals, far finer than pay in minor units or hours need.
 */
export function filterNumber(value: unknown, field: string): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ValidationError([{ field: `filters.${field}`, message: 'Must be a finite number.' }]);
  }
  const text = String(value);
  if (!text.includes('e')) return text;
  if (Number.isInteger(value)) return BigInt(value).toString();
  const fixed = value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
  return fixed === '-0' ? '0' : fixed;
}
