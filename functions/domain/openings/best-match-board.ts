// The board ranked for one person: best match first (best-match.ts says the order and the words).
// A person's ranking cannot be an index sort, so it is made here over a bounded window: the newest
// `bestMatchWindow` open openings that pass the filters and ask for a skill the person holds or aims
// for (or the one skill filtered by), read through the search port; the page is a slice of that ranking,
// addressed by the same offset cursor as every search page, so page numbers work the same way.
import type { GoalWords, MatchWords } from '../shortages/reason-words.ts';
import type { Commons } from '../content/commons.ts';
import { SearchUnavailableError } from '../errors.ts';
import type { Identity } from '../identity.ts';
import type { LearningRepository } from '../learning/learning-repository.ts';
import { encodeCursor, type PageRequest } from '../paging.ts';
import { getMe, type GetMeDependencies } from '../people/get-me.ts';
import { goalPhrase, goalSkills } from '../people/goal.ts';
import { declaredSkillIds } from '../people/profile.ts';
import { searchOffset } from '../search/search-page.ts';
import type { SearchHit } from '../search/search-port.ts';
import { rankShortages } from '../shortages/score.ts';
import type { ShortageRepository } from '../shortages/shortage-repository.ts';
import { type Match, matchOf, matchSkills, rankMatches, type Seeker, shortageSkills } from './best-match.ts';
import { type BoardDependencies, type BoardItem, board } from './board.ts';
import {
  type BoardPage,
  boardSearchFilters,
  boardText,
  listedItems,
  type SearchBoardDependencies,
  type SearchBoardFilter,
} from './search-board.ts';

/** Openings one best-match ranking weighs at most: two reads of the index's largest page. */
export const bestMatchWindow = 200;
const readSize = 100;

export interface SeekerDependencies extends GetMeDependencies {
  commons: Commons;
  learning: Pick<LearningRepository, 'listCredentialedSkills'>;
  shortages: Pick<ShortageRepository, 'listAggregates'>;
}

/** The skills a person holds: by credential or by their own declaration. */
export async function heldSkills(
  deps: Pick<SeekerDependencies, 'people' | 'now' | 'learning'>,
  identity: Identity,
): Promise<Set<string>> {
  const [person, credentialed] = await Promise.all([
    getMe(deps, identity),
    deps.learning.listCredentialedSkills(identity.personId),
  ]);
  return new Set([...credentialed.map((s) => s.skillId), ...declaredSkillIds(person)]);
}

/**
 * What the person holds (credentials and declarations), aims for, and which skills are in shortage; the
 * goal and the match's reason in `words` (the page's or the API reader's language; English unless given).
 */
export async function seekerFor(
  deps: SeekerDependencies,
  identity: Identity,
  words: { goal?: GoalWords; match?: MatchWords } = {},
): Promise<Seeker> {
  const [person, held, aggregates] = await Promise.all([
    getMe(deps, identity),
    heldSkills(deps, identity),
    deps.shortages.listAggregates(),
  ]);
  const ranking = rankShortages(aggregates, deps.commons, deps.now().toISOString().slice(0, 10));
  return {
    held,
    goal: goalSkills(person.goal, deps.commons),
    goalPhrase: goalPhrase(person.goal, deps.commons, words.goal),
    shortage: shortageSkills(ranking.skills),
    matchWords: words.match,
  };
}

export interface BestMatchPage extends BoardPage {
  items: Array<BoardItem & { match: Match }>;
  /** True when more openings passed than the window holds: the ranking is of the newest of them. */
  windowFull: boolean;
}

export async function bestMatchBoard(
  deps: SearchBoardDependencies & { commons: Pick<Commons, 'skills'> },
  filter: Omit<SearchBoardFilter, 'sort'>,
  seeker: Seeker,
  request: PageRequest,
): Promise<BestMatchPage> {
  const offset = searchOffset(request.cursor);
  const skills = filter.skill ? [filter.skill] : matchSkills(seeker);
  if (skills.length === 0) return { items: [], total: 0, windowFull: false };
  const query = {
    text: boardText(filter),
    filters: { ...boardSearchFilters(filter), skills },
    sort: { field: 'posted' as const, direction: 'desc' as const },
    facets: [],
  };
  const hits: SearchHit[] = [];
  let total = 0;
  for (let page = 1; hits.length < bestMatchWindow; page++) {
    const result = await deps.search.search({ ...query, page, pageSize: readSize });
    total = result.total;
    hits.push(...result.hits);
    if (result.hits.length < readSize || hits.length >= total) break;
  }
  const ranked = rankMatches(
    hits.slice(0, bestMatchWindow),
    (hit) => ({ skills: hit.document.skills, posted: hit.document.posted ?? hit.document.updatedAt }),
    seeker,
    deps.commons,
  );
  const slice = ranked.slice(offset, offset + request.limit);
  const items = await listedItems(
    deps,
    slice.map((r) => r.item.document.id),
  );
  const end = offset + request.limit;
  return {
    // The match is worked out again from the opening as the table has it now, as the card shows it.
    items: items.map((item) => ({
      ...item,
      match: matchOf(
        item.opening.skills.map((s) => s.skill),
        seeker,
        deps.commons,
      ),
    })),
    total: ranked.length,
    windowFull: total > ranked.length,
    ...(end < ranked.length ? { next: encodeCursor({ offset: end }) } : {}),
    ...(offset > 0 ? { previous: encodeCursor({ offset: Math.max(0, offset - request.limit) }) } : {}),
  };
}

/** The ranked board, or while search is unavailable the table's newest first (`searchDown` says so). */
export async function bestMatchPage(
  deps: SearchBoardDependencies & BoardDependencies & { commons: Pick<Commons, 'skills'> },
  filter: Omit<SearchBoardFilter, 'sort'>,
  seeker: Seeker,
  request: PageRequest,
): Promise<(BestMatchPage | BoardPage) & { searchDown: boolean }> {
  try {
    return { ...(await bestMatchBoard(deps, filter, seeker, request)), searchDown: false };
  } catch (error) {
    if (!(error instanceof SearchUnavailableError)) throw error;
    return { ...(await board(deps, filter, request)), searchDown: true };
  }
}
