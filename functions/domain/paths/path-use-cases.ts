// Reading paths: the list, one path with the courses that teach its skills in order, the open positions
// that ask for its skills (through search, a page at a time), and one person's progress along it.
import type { Commons, TradeId } from '../content/commons.ts';
import { NotFoundError, SearchUnavailableError } from '../errors.ts';
import type { Identity } from '../identity.ts';
import type { LearningRepository } from '../learning/learning-repository.ts';
import type { BoardItem } from '../openings/board.ts';
import { listedItems, type SearchBoardDependencies } from '../openings/search-board.ts';
import { type Page, type PageRequest, pageOfList } from '../paging.ts';
import { getMe, type GetMeDependencies } from '../people/get-me.ts';
import { declaredSkillIds } from '../people/profile.ts';
import { searchPage } from '../search/search-page.ts';
import { coursePlan, type PlannedCourse } from './course-plan.ts';
import { type OccupationPath, skillAliases } from './occupation-path.ts';
import { type Holdings, type PathProgress, pathProgress } from './path-progress.ts';

export interface PathSummary {
  id: string;
  label: string;
  source: OccupationPath['source'];
  trade?: TradeId | undefined;
  esco?: string | undefined;
  /** How many skills it needs, and how many of them a commons course teaches. */
  skills: number;
  taught: number;
}

export const pathSources = ['commons', 'esco'] as const;

export interface PathFilter {
  trade?: TradeId | undefined;
  source?: OccupationPath['source'] | undefined;
}

export function findPath(commons: Pick<Commons, 'paths'>, id: string): OccupationPath {
  const path = commons.paths.get(id);
  if (!path) throw new NotFoundError('path', id);
  return path;
}

const taughtSkills = (plan: readonly PlannedCourse[]) => new Set(plan.flatMap((course) => course.teaches)).size;

export function pathSummary(path: OccupationPath, commons: Pick<Commons, 'courses'>): PathSummary {
  return {
    id: path.id,
    label: path.label,
    source: path.source,
    trade: path.trade,
    esco: path.esco,
    skills: path.skills.length,
    taught: taughtSkills(coursePlan(path, commons)),
  };
}

/** One page of paths: the commons' own first, then ESCO's, each by label (the catalogue's order). */
export function listPaths(
  commons: Pick<Commons, 'paths' | 'courses'>,
  filter: PathFilter,
  request: PageRequest,
): Page<PathSummary> {
  const paths = [...commons.paths.values()].filter(
    (path) => (!filter.trade || path.trade === filter.trade) && (!filter.source || path.source === filter.source),
  );
  const page = pageOfList(paths, request);
  return { ...page, items: page.items.map((path) => pathSummary(path, commons)) };
}

export interface PathView {
  path: OccupationPath;
  /** The courses to take, in an order their prerequisites allow. */
  courses: PlannedCourse[];
  /** For each path skill, the planned courses that teach it. */
  taughtBy: Record<string, string[]>;
}

export function viewPath(commons: Pick<Commons, 'paths' | 'courses'>, id: string): PathView {
  const path = findPath(commons, id);
  const courses = coursePlan(path, commons);
  const taughtBy: Record<string, string[]> = {};
  for (const course of courses)
    for (const skill of course.teaches) taughtBy[skill] = [...(taughtBy[skill] ?? []), course.courseId];
  return { path, courses, taughtBy };
}

/**
 * Open positions asking for any of the path's skills, by any name a skill goes by (a commons id or its
 * ESCO URI), newest posted first, a page at a time. While search is down the page is empty and says so:
 * no table index reads openings by many skills at once.
 */
export async function pathOpenings(
  deps: SearchBoardDependencies & { commons: Pick<Commons, 'paths'> },
  id: string,
  request: PageRequest,
): Promise<Page<BoardItem> & { total?: number; searchDown: boolean }> {
  const path = findPath(deps.commons, id);
  const skills = [...new Set(path.skills.flatMap(skillAliases))];
  try {
    const found = await searchPage(
      deps.search,
      {
        text: '',
        filters: { type: ['opening'], status: ['open'], skills },
        sort: { field: 'posted', direction: 'desc' },
        facets: [],
      },
      request,
    );
    const items = await listedItems(
      deps,
      found.items.map((hit) => hit.document.id),
    );
    return {
      items,
      total: found.total,
      searchDown: false,
      ...(found.next ? { next: found.next } : {}),
      ...(found.previous ? { previous: found.previous } : {}),
    };
  } catch (error) {
    if (!(error instanceof SearchUnavailableError)) throw error;
    return { items: [], searchDown: true };
  }
}

export interface ProgressDependencies extends GetMeDependencies {
  commons: Pick<Commons, 'paths' | 'courses'>;
  learning: Pick<LearningRepository, 'listCredentialedSkills'>;
}

/** What a person holds: credentials earned, and the skills they declare. */
export async function holdingsOf(deps: ProgressDependencies, identity: Identity): Promise<Holdings> {
  const [person, credentialed] = await Promise.all([
    getMe(deps, identity),
    deps.learning.listCredentialedSkills(identity.personId),
  ]);
  return { credentialed: new Set(credentialed.map((s) => s.skillId)), declared: new Set(declaredSkillIds(person)) };
}

/** The signed-in person's progress along one path. */
export async function myPathProgress(
  deps: ProgressDependencies,
  identity: Identity,
  id: string,
): Promise<PathProgress & { pathId: string }> {
  const path = findPath(deps.commons, id);
  const holdings = await holdingsOf(deps, identity);
  return { pathId: path.id, ...pathProgress(path, coursePlan(path, deps.commons), holdings) };
}
