// The board's filters, read from a page's query string the same way the API reads them.
import type { Translate } from '#domain/i18n/catalogue.ts';
import { type BoardSort, boardSorts } from '#domain/openings/search-board.ts';
import { encodeCursor } from '#domain/paging.ts';
import { maxSearchOffset } from '#domain/search/search-page.ts';
import { parseWholeNumber } from '#http/routes/params.ts';
import { boardQuerySchema } from '#http/routes/queries.ts';

export function boardFilter(params: URLSearchParams) {
  const raw: Record<string, string> = {};
  for (const key of ['skill', 'trade', 'place', 'remote', 'payUnit', 'kind', 'course']) {
    const value = params.get(key);
    if (value) raw[key] = value;
  }
  const parsed = boardQuerySchema().safeParse(raw);
  // A filter that does not parse is dropped rather than failing the page: the form shows what applies.
  const filter = parsed.success ? parsed.data : boardQuerySchema().parse({});
  const syndicate = params.get('syndicate');
  return { ...filter, syndicateId: syndicate && /^[a-z0-9-]{1,100}$/.test(syndicate) ? syndicate : undefined };
}

export function boardQueryString(filter: Record<string, unknown>, overrides: Record<string, unknown> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filter, ...overrides })) {
    // The cursor and page size belong to the page a link leads to (page-links.ts), not to the filter.
    if (value === undefined || value === '' || key === 'pageSize' || key === 'cursor') continue;
    params.set(key === 'syndicateId' ? 'syndicate' : key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The board's order from `?sort=`; anything else is the default (newest, or the words' best match). */
export function boardSort(params: URLSearchParams): BoardSort | undefined {
  const sort = params.get('sort');
  return boardSorts.find((s) => s === sort);
}

/** The page number from `?page=` (1 when absent or not one), within what search can page to. */
export function boardPageNumber(params: URLSearchParams, pageSize: number): number {
  return parseWholeNumber(params.get('page') ?? '1', { min: 1, max: Math.floor(maxSearchOffset / pageSize) }) ?? 1;
}

/** The cursor that stands for a page number: every search page's cursor is its offset (search-page.ts). */
export const pageCursor = (page: number, pageSize: number) =>
  page > 1 ? encodeCursor({ offset: (page - 1) * pageSize }) : undefined;

/**
 * The page numbers to link, with a gap where some are left out: the first, the last, and two either
 * side of the current one. `[1, 'gap', 4, 5, 6, 7, 8, 'gap', 20]`.
 */
export function pageNumbers(current: number, count: number): Array<number | 'gap'> {
  const shown = [...new Set([1, count, ...[-2, -1, 0, 1, 2].map((d) => current + d)])]
    .filter((n) => n >= 1 && n <= count)
    .sort((a, b) => a - b);
  return shown.flatMap((n, i) => (i > 0 && n - (shown[i - 1] as number) > 1 ? ['gap' as const, n] : [n]));
}

/** A name for a search, to start "Save this search" with: "heat pump · Solar PV · in Leeds · remote". */
export function searchName(
  search: {
    text?: string | undefined;
    skill?: string | undefined;
    trade?: string | undefined;
    place?: string | undefined;
    remote?: boolean | undefined;
    kind?: string | undefined;
  },
  labels: { skill: (id: string) => string; trade: (id: string) => string },
  t: Translate,
): string {
  const parts = [
    search.text,
    search.skill && labels.skill(search.skill),
    search.trade && labels.trade(search.trade),
    search.place && t('jobs.nameIn', search.place),
    search.remote === undefined ? undefined : t(search.remote ? 'jobs.nameRemote' : 'jobs.nameOnSite'),
    search.kind === 'training' ? t('filters.kindTraining') : search.kind === 'job' ? t('filters.kindJob') : undefined,
  ].filter((part): part is string => Boolean(part));
  return (parts.length > 0 ? parts.join(' · ') : t('jobs.nameAll')).slice(0, 80);
}
