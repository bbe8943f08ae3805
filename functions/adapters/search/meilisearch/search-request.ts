// A SearchQuery as Meilisearch search parameters. Pure, so every choice here is unit-tested offline.
import type { SearchParams } from 'meilisearch';
import { ValidationError } from '#domain/errors.ts';
import type { SearchQuery } from '#domain/search/search-port.ts';
import { buildFilter } from './filter.ts';
import { highlightPostTag, highlightPreTag } from './highlight.ts';
import { maxTotalHits, sortableAttributes } from './settings.ts';

export const defaultPageSize = 20;
export const maxPageSize = 100;

export type MeilisearchSearchRequest = SearchParams & { q: string; page: number; hitsPerPage: number };

export function buildSearchRequest(query: SearchQuery): MeilisearchSearchRequest {
  const { page, pageSize } = pageOf(query);
  const filter = buildFilter(query.filters);
  const facets = query.facets ?? [];
  return {
    q: query.text,
    ...(filter.length > 0 ? { filter } : {}),
    ...(facets.length > 0 ? { facets: [...facets] } : {}),
    ...(query.sort ? { sort: [sortRule(query.sort)] } : {}),
    // `page` and `hitsPerPage` (rather than offset and limit) make `totalHits` an exact count.
    page,
    hitsPerPage: pageSize,
    attributesToHighlight: ['title', 'summary'],
    highlightPreTag,
    highlightPostTag,
    // Meilisearch's default, stated: when no document has every word, drop words from the end first.
    matchingStrategy: 'last',
  };
}

/**
 * The page asked for, clamped as the embedded engine clamps it: whole numbers, pages from 1, 1 to 100 hits
 * a page. Pages past `maxTotalHits` are empty in Meilisearch, so larger page numbers stop there.
 */
export function pageOf(query: Pick<SearchQuery, 'page' | 'pageSize'>): { page: number; pageSize: number } {
  return {
    page: wholeWithin(query.page, 1, 1, maxTotalHits),
    pageSize: wholeWithin(query.pageSize, defaultPageSize, 1, maxPageSize),
  };
}

function wholeWithin(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

/** `field:direction`; both checked, since the string goes to Meilisearch as syntax. */
function sortRule(sort: NonNullable<SearchQuery['sort']>): string {
  const { field, direction } = sort;
  if (!sortableAttributes.includes(field) || (direction !== 'asc' && direction !== 'desc')) {
    throw new ValidationError([{ field: 'sort', message: `Cannot sort by "${field}" ${direction}.` }]);
  }
  return `${field}:${direction}`;
}
