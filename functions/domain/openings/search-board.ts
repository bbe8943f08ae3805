// The job board through the search port: search finds which openings match (words, skill, trade,
// remote, pay unit), the table supplies each opening as it is now. A syndicate's own board reads the
// table directly (`board`), which the search documents cannot filter by.
import type { SearchIndex } from '../search/search-port.ts';
import type { Syndicate } from '../syndicates/syndicate.ts';
import { isListed, type Opening } from './opening.ts';
import type { OpeningRepository } from './opening-repository.ts';
import { type BoardDependencies, type BoardFilter, board } from './opening-use-cases.ts';
import { SearchUnavailableError } from '../errors.ts';

export interface SearchBoardDependencies {
  search: SearchIndex;
  openings: Pick<OpeningRepository, 'get'>;
  syndicates: { list(): Promise<Syndicate[]> };
  now: () => Date;
}

export interface BoardPage {
  items: Array<{ opening: Opening; syndicate: Syndicate | undefined }>;
  total: number;
  page: number;
  pageSize: number;
}

export async function searchBoard(
  deps: SearchBoardDependencies,
  filter: BoardFilter & { text?: string | undefined },
  page: number,
  pageSize: number,
): Promise<BoardPage> {
  // A place is matched as words (typo-tolerant), like the rest of the query.
  const text = [filter.text, filter.place].filter(Boolean).join(' ').trim();
  const result = await deps.search.search({
    text,
    filters: {
      type: ['opening'],
      status: ['open'],
      ...(filter.skill ? { skills: [filter.skill] } : {}),
      ...(filter.trade ? { trade: [filter.trade] } : {}),
      ...(filter.remote !== undefined ? { remote: filter.remote } : {}),
      ...(filter.payUnit ? { payUnit: [filter.payUnit] } : {}),
    },
    ...(text ? {} : { sort: { field: 'updatedAt' as const, direction: 'desc' as const } }),
    facets: [],
    page,
    pageSize,
  });
  const [openings, syndicates] = await Promise.all([
    Promise.all(result.hits.map((hit) => deps.openings.get(hit.document.id.replace(/^opening:/, '')))),
    deps.syndicates.list(),
  ]);
  const byId = new Map(syndicates.map((s) => [s.id, s]));
  const now = deps.now();
  const items = openings
    .filter((opening): opening is Opening => opening !== null && isListed(opening, now))
    .map((opening) => ({ opening, syndicate: byId.get(opening.syndicateId) }));
  return { items, total: result.total, page: result.page, pageSize: result.pageSize };
}

/**
 * The global board. While search is unavailable it still answers, from the table, with every filter but
 * the words, which only search can match; `searchDown` lets the page say so.
 */
export async function boardPage(
  deps: SearchBoardDependencies & BoardDependencies,
  filter: BoardFilter & { text?: string | undefined },
  page: number,
  pageSize: number,
): Promise<BoardPage & { searchDown: boolean }> {
  try {
    return { ...(await searchBoard(deps, filter, page, pageSize)), searchDown: false };
  } catch (error) {
    if (!(error instanceof SearchUnavailableError)) throw error;
    const all = await board(deps, filter);
    const items = all.slice((page - 1) * pageSize, page * pageSize);
    return { items, total: all.length, page, pageSize, searchDown: true };
  }
}
