// What the home page shows, read afresh for each view and each read bounded, whatever the commons' size:
// - the commons' figures from counters kept as things happen (members, credentials issued, and the open
//   positions the shortage index counts for the whole board), never by counting records;
// - the scarcest skills, from the shortage index (one aggregate per skill of the commons);
// - openings asking those skills, near the signed-in person's place when their profile names one: one
//   search of a few hits, then those openings by key;
// - the newest courses (from the commons in memory) and the newest published innovations (one page).
import type { Commons, Course } from '../content/commons.ts';
import { SearchUnavailableError } from '../errors.ts';
import type { Identity } from '../identity.ts';
import type { DecisionRepository } from '../decisions/proposal.ts';
import type { InnovationRecord } from '../innovations/innovation.ts';
import type { InnovationRepository } from '../innovations/innovation-repository.ts';
import type { LearningRepository } from '../learning/learning-repository.ts';
import type { BoardItem } from '../openings/board.ts';
import type { OpeningRepository } from '../openings/opening-repository.ts';
import { listedItems } from '../openings/search-board.ts';
import type { PeopleRepository } from '../people/person.ts';
import type { SearchIndex } from '../search/search-port.ts';
import { rankShortages, type SkillShortage } from '../shortages/score.ts';
import type { ShortageRepository } from '../shortages/shortage-repository.ts';
import { boardTotals } from '../shortages/sources.ts';
import type { SyndicateRepository } from '../syndicates/syndicate.ts';

/** How many of each list the page shows: a glance, with a link to the whole list beside each. */
export const homeSizes = { openings: 4, shortages: 5, courses: 3, innovations: 3 } as const;

/** The scarcest skills with open positions whose openings the page looks for. */
export const shortageSkillsSearched = 10;

export interface HomeDependencies {
  commons: Pick<Commons, 'skills' | 'courses' | 'trades'>;
  shortages: Pick<ShortageRepository, 'listAggregates'>;
  search: Pick<SearchIndex, 'search'>;
  openings: Pick<OpeningRepository, 'getMany' | 'pageOpenAsking'>;
  syndicates: Pick<SyndicateRepository, 'getMany'>;
  innovations: Pick<InnovationRepository, 'publishedPage'>;
  people: Pick<PeopleRepository, 'get'>;
  decisions: Pick<DecisionRepository, 'commonsMembers'>;
  learning: Pick<LearningRepository, 'credentialsIssued'>;
  now: () => Date;
}

export interface HomeOpenings {
  /** The place searched near: the signed-in person's, from their profile. */
  place?: string | undefined;
  /** Whether the openings are near `place`; false when none is, or there is no place to search near. */
  near: boolean;
  items: BoardItem[];
}

export interface HomePage {
  figures: { members: number; openPositions: number; credentialsIssued: number };
  /** The scarcest skills that open positions ask for, scarcest first. */
  shortages: SkillShortage[];
  openings: HomeOpenings;
  courses: Course[];
  innovations: InnovationRecord[];
}

/** The newest courses: by the day each was published, newest first; undated ones last, by title. */
export function newestCourses(courses: Iterable<Course>, count: number = homeSizes.courses): Course[] {
  return [...courses]
    .sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || a.title.localeCompare(b.title))
    .slice(0, count);
}

/**
 * Steps: the counters, the shortage aggregates, the person's place and a page of innovations, together;
 * then the openings asking the scarcest skills (near the person first, anywhere when none is near).
 */
export async function homePage(deps: HomeDependencies, identity?: Identity): Promise<HomePage> {
  const [aggregates, members, credentialsIssued, innovations, person] = await Promise.all([
    deps.shortages.listAggregates(),
    deps.decisions.commonsMembers(),
    deps.learning.credentialsIssued(),
    deps.innovations.publishedPage({ limit: homeSizes.innovations }),
    identity ? deps.people.get(identity.personId) : null,
  ]);
  const ranking = rankShortages(aggregates, deps.commons, deps.now().toISOString().slice(0, 10));
  const asked = ranking.skills.filter((skill) => skill.inputs.positions > 0);
  const place = person?.place.trim() || undefined;
  return {
    figures: { members, openPositions: boardTotals(aggregates).positions, credentialsIssued },
    shortages: asked.slice(0, homeSizes.shortages),
    openings: await shortageOpenings(
      deps,
      asked.slice(0, shortageSkillsSearched).map((s) => s.skill),
      place,
    ),
    courses: newestCourses(deps.commons.courses.values()),
    innovations: innovations.items,
  };
}

/**
 * Open openings asking any of `skills`, newest posted first. Near a place, the place is searched as words,
 * as the board matches it ("Leeds" finds "Leeds, GB"). While search is down, the table's index of the
 * openings asking the scarcest skill answers instead, so the home page never waits on search to show.
 */
export async function shortageOpenings(
  deps: Pick<HomeDependencies, 'search' | 'openings' | 'syndicates' | 'now'>,
  skills: readonly string[],
  place: string | undefined,
): Promise<HomeOpenings> {
  if (skills.length === 0) return { place, near: false, items: [] };
  const find = async (text: string) => {
    const result = await deps.search.search({
      text,
      filters: { type: ['opening'], status: ['open'], skills: [...skills] },
      sort: { field: 'posted', direction: 'desc' },
      page: 1,
      pageSize: homeSizes.openings,
    });
    return listedItems(
      deps,
      result.hits.map((hit) => hit.document.id),
    );
  };
  try {
    if (place) {
      const near = await find(place);
      if (near.length > 0) return { place, near: true, items: near };
    }
    return { place, near: false, items: await find('') };
  } catch (error) {
    if (!(error instanceof SearchUnavailableError)) throw error;
    const [scarcest = ''] = skills;
    const page = await deps.openings.pageOpenAsking(scarcest, { limit: homeSizes.openings });
    return {
      place,
      near: false,
      items: await listedItems(
        deps,
        page.items.map((opening) => opening.id),
      ),
    };
  }
}
