// The job board read from the table, a page at a time: every open opening (one partition per status,
// newest posted first), the open openings asking one skill (an index of them by skill, same order: a
// rare skill's page never reads through the openings that do not ask it), or one syndicate's (its own
// partition, newest first). The filters an opening answers itself run as the page's sieve; the trade
// is its syndicate's, read in batches as the pages are. Search does the words (search-board.ts) and
// falls back to this while it is unavailable.
import type { Sieve } from '../paged-reads.ts';
import type { Page, PageRequest } from '../paging.ts';
import type { Syndicate, SyndicateRepository } from '../syndicates/syndicate.ts';
import { isListed, kindOf, type Opening, type OpeningKind } from './opening.ts';
import type { OpeningRepository } from './opening-repository.ts';

export interface BoardFilter {
  syndicateId?: string | undefined;
  skill?: string | undefined;
  trade?: string | undefined;
  place?: string | undefined;
  remote?: boolean | undefined;
  payUnit?: string | undefined;
  /** Jobs or training places only. */
  kind?: OpeningKind | undefined;
  /** The training places toward this course. */
  course?: string | undefined;
}

export interface BoardItem {
  opening: Opening;
  syndicate: Syndicate | undefined;
}

export interface BoardDependencies {
  openings: Pick<OpeningRepository, 'pageByStatus' | 'pageBySyndicate' | 'pageOpenAsking'>;
  syndicates: Pick<SyndicateRepository, 'getMany'>;
  now: () => Date;
}

/** Whether an opening is listed and passes every filter it answers itself (the trade is its syndicate's). */
export function matchesBoard(opening: Opening, filter: BoardFilter, now: Date): boolean {
  const place = filter.place?.trim().toLowerCase();
  return (
    isListed(opening, now) &&
    (!filter.skill || opening.skills.some((s) => s.skill === filter.skill)) &&
    (!place || opening.place.toLowerCase().includes(place)) &&
    (filter.remote === undefined || opening.remote === filter.remote) &&
    (!filter.payUnit || opening.pay.some((p) => p.currency === filter.payUnit)) &&
    (!filter.kind || kindOf(opening) === filter.kind) &&
    (!filter.course || opening.training?.courseId === filter.course)
  );
}

/** Open, unexpired openings matching every filter, newest first, a page at a time, each with its syndicate. */
export async function board(
  deps: BoardDependencies,
  filter: BoardFilter,
  request: PageRequest,
): Promise<Page<BoardItem>> {
  const now = deps.now();
  // Syndicates read once per request, in batches, for the trade filter and for the page's names.
  const known = new Map<string, Syndicate | undefined>();
  const readSyndicates = async (openings: Opening[]) => {
    const missing = [...new Set(openings.map((o) => o.syndicateId))].filter((id) => !known.has(id));
    if (missing.length === 0) return;
    const found = await deps.syndicates.getMany(missing);
    for (const id of missing) known.set(id, found.get(id));
  };
  const sieve: Sieve<Opening> = async (batch) => {
    const kept = batch.filter((opening) => matchesBoard(opening, filter, now));
    if (!filter.trade) return kept;
    await readSyndicates(kept);
    return kept.filter((opening) => known.get(opening.syndicateId)?.trade === filter.trade);
  };
  const page = filter.syndicateId
    ? await deps.openings.pageBySyndicate(filter.syndicateId, request, sieve)
    : filter.skill
      ? await deps.openings.pageOpenAsking(filter.skill, request, sieve)
      : await deps.openings.pageByStatus('open', request, sieve);
  await readSyndicates(page.items);
  return { ...page, items: page.items.map((opening) => ({ opening, syndicate: known.get(opening.syndicateId) })) };
}
