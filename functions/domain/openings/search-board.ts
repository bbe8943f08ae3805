// The job board through the search port: search finds which openings match (words, skill, trade,
// remote, pay unit), the table supplies each opening as it is now, in one batched read per page. A
// syndicate's own board reads the table directly (`board`), which the search documents cannot filter by.
import { SearchUnavailableError } from '../errors.ts';
import type { Page, PageRequest } from '../paging.ts';
import { searchPage } from '../search/search-page.ts';
import type { SearchIndex, SearchQuery } from '../search/search-port.ts';
import type { SyndicateRepository } from '../syndicates/syndicate.ts';
import { type BoardDependencies, type BoardFilter, type BoardItem, board } from './board.ts';
import { isListed, type Opening } from './opening.ts';
import type { OpeningRepository } from './opening-repository.ts';

export interface SearchBoardDependencies {
  search: SearchIndex;
  openings: Pick<OpeningRepository, 'getMany'>;
  syndicates: Pick<SyndicateRepository, 'getMany'>;
  now: () => Date;
}

export interface BoardPage extends Page<BoardItem> {
  /** How many openings match, when search counted them; the table's board does not count. */
  total?: number | undefined;
  /**
   * The openings of followed remote syndicates among this page's matches (federation), shown with their
   * instance and linking to it: they are not this instance's openings, and never reach its hiring flow.
   */
  remote?: RemoteBoardItem[] | undefined;
}

/** A followed remote syndicate's opening as the board shows it: its instance, and where one applies. */
export interface RemoteBoardItem {
  title: string;
  /** The instance it is at (a host). */
  origin: string;
  /** The origin's page of it, where one reads and applies. */
  url: string;
  /** Its syndicate and place, as search keeps them. */
  summary: string;
  skills: string[];
  closes?: string | undefined;
}

/** The orders the board offers: newest posted, closing soonest, best match for the signed-in person. */
export const boardSorts = ['newest', 'closing', 'match'] as const;
export type BoardSort = (typeof boardSorts)[number];

export type SearchBoardFilter = BoardFilter & { text?: string | undefined; sort?: 'newest' | 'closing' | undefined };

/** The words searched: a place is matched as words (typo-tolerant), like the rest of the query. */
export const boardText = (filter: SearchBoardFilter) => [filter.text, filter.place].filter(Boolean).join(' ').trim();

/** The search filters of a board filter: open openings, and each filter the person chose. */
export function boardSearchFilters(filter: BoardFilter): NonNullable<SearchQuery['filters']> {
  return {
    type: ['opening'],
    status: ['open'],
    ...(filter.skill ? { skills: [filter.skill] } : {}),
    ...(filter.trade ? { trade: [filter.trade] } : {}),
    ...(filter.remote !== undefined ? { remote: filter.remote } : {}),
    ...(filter.payUnit ? { payUnit: [filter.payUnit] } : {}),
    ...(filter.kind ? { kind: [filter.kind] } : {}),
    ...(filter.course ? { course: [filter.course] } : {}),
  };
}

/** Without words and without a chosen order, the newest first; with words, the best words match first. */
export function boardSearchSort(filter: SearchBoardFilter): SearchQuery['sort'] {
  if (filter.sort === 'closing') return { field: 'closes', direction: 'asc' };
  if (filter.sort === 'newest' || !boardText(filter)) return { field: 'posted', direction: 'desc' };
  return undefined;
}

export async function searchBoard(
  deps: SearchBoardDependencies,
  filter: SearchBoardFilter,
  request: PageRequest,
): Promise<BoardPage> {
  const sort = boardSearchSort(filter);
  const found = await searchPage(
    deps.search,
    { text: boardText(filter), filters: boardSearchFilters(filter), ...(sort ? { sort } : {}), facets: [] },
    request,
  );
  // A followed remote syndicate's opening is shown from its document (the table holds no Opening of it),
  // unless its last day has passed since the stream last came by.
  const today = deps.now().toISOString().slice(0, 10);
  const remote = found.items.flatMap(({ document }): RemoteBoardItem[] =>
    document.origin !== undefined && (document.closes === undefined || document.closes >= today)
      ? [
          {
            title: document.title,
            origin: document.origin,
            url: document.url,
            summary: document.summary,
            skills: document.skills,
            ...(document.closes ? { closes: document.closes } : {}),
          },
        ]
      : [],
  );
  return {
    items: await listedItems(
      deps,
      found.items.filter((hit) => hit.document.origin === undefined).map((hit) => hit.document.id),
    ),
    ...(remote.length > 0 ? { remote } : {}),
    total: found.total,
    ...(found.next ? { next: found.next } : {}),
    ...(found.previous ? { previous: found.previous } : {}),
  };
}

/**
 * The openings the index found, each as the table has it now, in the index's order. What the index
 * still lists but the table no longer does (gone, expired) is left out of the page.
 */
export async function listedItems(
  deps: Pick<SearchBoardDependencies, 'openings' | 'syndicates' | 'now'>,
  documentIds: readonly string[],
): Promise<BoardItem[]> {
  const ids = documentIds.map((id) => id.replace(/^opening:/, ''));
  const openings = await deps.openings.getMany(ids);
  const now = deps.now();
  const listed = ids.flatMap((id) => {
    const opening = openings.get(id);
    return opening && isListed(opening, now) ? [opening] : [];
  });
  const syndicates = await deps.syndicates.getMany([...new Set(listed.map((o: Opening) => o.syndicateId))]);
  return listed.map((opening) => ({ opening, syndicate: syndicates.get(opening.syndicateId) }));
}

/**
 * The global board. While search is unavailable it still answers, from the table, with every filter but
 * the words, which only search can match; `searchDown` lets the page say so. Each side's cursors are its
 * own (an offset, a key): one from the other side is refused as any foreign cursor is, and the site then
 * shows the first page.
 */
export async function boardPage(
  deps: SearchBoardDependencies & BoardDependencies,
  filter: SearchBoardFilter,
  request: PageRequest,
): Promise<BoardPage & { searchDown: boolean }> {
  try {
    return { ...(await searchBoard(deps, filter, request)), searchDown: false };
  } catch (error) {
    if (!(error instanceof SearchUnavailableError)) throw error;
    return { ...(await board(deps, filter, request)), searchDown: true };
  }
}
