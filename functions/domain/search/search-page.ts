// A page of a search by cursor. Search engines page by offset, so the cursor is the offset, written as
// `pageOfList` writes it (domain/paging.ts): the next page's offset while the engine counts more hits,
// the previous page's while this one is not the first. The search port pages by number: an offset on a
// page boundary is one search; one between boundaries (a page size changed mid-walk) takes two.
import { RequestShapeError } from '../errors.ts';
import { edgeWords } from '../i18n/edge-refusals.ts';
import { decodeCursor, encodeCursor, type Page, type PageRequest } from '../paging.ts';
import type { SearchHit, SearchIndex, SearchQuery, SearchResult } from './search-port.ts';

/** How deep a search may be paged: Meilisearch answers nothing past its `maxTotalHits` anyway. */
export const maxSearchOffset = 100_000;

export interface SearchPage extends Page<SearchHit> {
  /** Hits that pass the query and filters, as the engine counts them (exact here; estimated allowed). */
  total: number;
  facets: SearchResult['facets'];
  processingTimeMs: number;
}

/** The offset a search cursor stands for: 0 without one; a 400 naming `query.cursor` if it is not one. */
export function searchOffset(cursor: string | undefined): number {
  if (!cursor) return 0;
  const offset = decodeCursor(cursor, { keys: ['offset'] }).offset;
  if (typeof offset !== 'number' || offset < 0 || offset > maxSearchOffset) {
    throw new RequestShapeError([{ field: 'query.cursor', ...edgeWords({ key: 'cursor', values: {} }) }]);
  }
  return offset;
}

export async function searchPage(
  search: SearchIndex,
  query: Omit<SearchQuery, 'page' | 'pageSize'>,
  request: PageRequest,
): Promise<SearchPage> {
  const offset = searchOffset(request.cursor);
  const { limit } = request;
  const page = Math.floor(offset / limit) + 1;
  const result = await search.search({ ...query, page, pageSize: limit });
  let hits = result.hits.slice(offset % limit);
  if (offset % limit !== 0 && result.hits.length === limit) {
    const rest = await search.search({ ...query, page: page + 1, pageSize: limit });
    hits = [...hits, ...rest.hits].slice(0, limit);
  }
  const end = offset + limit;
  return {
    items: hits,
    total: result.total,
    facets: result.facets,
    processingTimeMs: result.processingTimeMs,
    ...(end < result.total && end <= maxSearchOffset ? { next: encodeCursor({ offset: end }) } : {}),
    ...(offset > 0 ? { previous: encodeCursor({ offset: Math.max(0, offset - limit) }) } : {}),
  };
}
