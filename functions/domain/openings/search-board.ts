// The job board through the search port: search finds which openings match (words, skill, trade,
// remote, pay unit), the table supplies each opening as it is now, in one batched read per page. A
// syndicate's own board reads the table directly (`board`), which the search documents cannot filter by.
import { SearchUnavailableError } from '../errors.ts';
import type { Page, PageRequest } from '../paging.ts';
import { searchPage } from '../search/search-page.ts';
import type { SearchIndex } from '../search/search-port.ts';
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
}

export async function searchBoard(
  deps: SearchBoardDependencies,
  filter: BoardFilter & { text?: string | undefined },
  request: PageRequest,
): Promise<BoardPage> {
  // A place is matched as words (typo-tolerant), like the rest of the query.
  const text = [filter.text, filter.place].filter(Boolean).join(' ').trim();
  const found = await searchPage(
    deps.search,
    {
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
    },
    request,
  );
  const ids = found.items.map((hit) => hit.document.id.replace(/^opening:/, ''));
  const openings = await deps.openings.getMany(ids);
  const now = deps.now();
  // What the index still lists but the table no longer does (gone, expired) is left out of the page.
  const listed = ids.flatMap((id) => {
    const opening = openings.get(id);
    return opening && isListed(opening, now) ? [opening] : [];
  });
  const syndicates = await deps.syndicates.getMany([...new Set(listed.map((o: Opening) => o.syndicateId))]);
  return {
    items: listed.map((opening) => ({ opening, syndicate: syndicates.get(opening.syndicateId) })),
    total: found.total,
    ...(found.next ? { next: found.next } : {}),
    ...(found.previous ? { previous: found.previous } : {}),
  };
}

/**
 * The global board. While search is unavailable it still answers, from the table, with every filter but
 * the words, which only search can match; `searchDown` lets the page say so. Each side's cursors are its
 * own (an offset, a key): one from the other side is refused as any foreign cursor is, and the site then
 * shows the first page.
 */
export async function boardPage(
  deps: SearchBoardDependencies & BoardDependencies,
  filter: BoardFilter & { text?: string | undefined },
  request: PageRequest,
): Promise<BoardPage & { searchDown: boolean }> {
  try {
    return { ...(await searchBoard(deps, filter, request)), searchDown: false };
  } catch (error) {
    if (!(error instanceof SearchUnavailableError)) throw error;
    return { ...(await board(deps, filter, request)), searchDown: true };
  }
}
