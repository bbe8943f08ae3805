// For a syndicate's admins, on an opening: how many members of the commons could fill it now, how many
// of them are in the syndicate, and how many learners train toward its skills. Counts only.
//
// Kept, not counted on every call. Who holds EVERY skill asked has no counter: it is an intersection,
// and a counter per opening would have to be touched by every change of every holder of any of its
// skills (thousands of openings for one person's profile), and a counter per combination of skills
// has no end. So the answer is counted on demand and kept beside the opening with the time it was
// counted (`computedAt`): a call within `readinessMaxAgeMs` of it, for the same skills, answers from
// the snapshot in three reads (the opening, the admin's membership, the snapshot) whatever the table
// holds; an older snapshot, or one for skills the opening no longer asks, is counted again and kept.
// The admin is told how old the counts are (the page and the API both carry `computedAt`).
//
// A count, when made, is bounded too: each skill's holders and learners come from the shortage index's
// counters (kept by the same transaction as the holders they count); who holds every skill is found
// by paging through the holders of the rarest skill, at most `readinessCap` of them, and checking each
// page against the other skills and the syndicate by key, in batches. Distinct learners are counted
// the same way, at most `readinessCap` enrollments read. Past the cap a count is a lower bound, and the
// answer says so (`qualifiedAtLeast`, `learnersAtLeast`) rather than pretending to be exact.
import type { Commons } from '../content/commons.ts';
import { NotFoundError } from '../errors.ts';
import type { Identity } from '../identity.ts';
import type { OpeningRepository } from '../openings/opening-repository.ts';
import { maxPageSize, type Page, type PageRequest } from '../paging.ts';
import type { SyndicateRepository } from '../syndicates/syndicate.ts';
import { isAdmin } from '../syndicates/syndicate-use-cases.ts';
import type { ShortageRepository } from './shortage-repository.ts';
import { counter } from './tally.ts';

/** Holders of the rarest skill, and enrollments, one count reads at most. */
export const readinessCap = 500;

/** How long counts are answered from the snapshot before they are counted again. */
export const readinessMaxAgeMs = 5 * 60_000;

export interface ReadinessDependencies {
  commons: Pick<Commons, 'skills' | 'courses'>;
  shortages: Pick<
    ShortageRepository,
    'listAggregates' | 'pageHolders' | 'holdersAmong' | 'pageLearners' | 'getReadiness' | 'putReadiness'
  >;
  openings: Pick<OpeningRepository, 'get'>;
  syndicates: Pick<SyndicateRepository, 'getMembership' | 'getMemberships'>;
  now: () => Date;
}

export interface OpeningReadiness {
  openingId: string;
  /** Available members of the commons holding every skill asked (credential or declaration). */
  qualified: number;
  /** Of those, active members of the opening's syndicate. */
  qualifiedInSyndicate: number;
  /** True when the rarest skill has more holders than `cap`: both counts above are "at least". */
  qualifiedAtLeast: boolean;
  /** Distinct learners part-way through a course that teaches any of its skills. */
  learners: number;
  /** True when more than `cap` enrollments would have to be read: `learners` is "at least". */
  learnersAtLeast: boolean;
  /** How many holders, and how many enrollments, one answer reads at most. */
  cap: number;
  /** Per skill: available holders, and enrollments in progress in courses that teach it (the index's counts). */
  skills: Array<{ skill: string; label: string; holders: number; learners: number; courses: string[] }>;
  /** When these counts were made (ISO 8601): they are answered as they were then for `maxAgeSeconds`. */
  computedAt: string;
  /** How old counts may be before a call counts them again. */
  maxAgeSeconds: number;
}

/** Whether a kept snapshot may answer now: counted for these skills, and not longer ago than the max age. */
export function isFreshReadiness(kept: OpeningReadiness, asked: readonly string[], now: Date): boolean {
  const age = now.getTime() - Date.parse(kept.computedAt);
  const sameSkills = kept.skills.length === asked.length && kept.skills.every((s, i) => s.skill === asked[i]);
  // A snapshot stamped ahead of this clock (another function's clock) is counted again, not trusted.
  return sameSkills && age >= 0 && age < readinessMaxAgeMs;
}

/** Pages of a list, `budget` items at most; stops early when `onPage` has what it needs. */
async function readUpTo<T>(
  read: (request: PageRequest) => Promise<Page<T>>,
  budget: number,
  onPage: (items: T[]) => Promise<void> | void,
): Promise<{ read: number; more: boolean }> {
  let cursor: string | undefined;
  let count = 0;
  do {
    if (count >= budget) return { read: count, more: true };
    const page = await read({ limit: Math.min(maxPageSize, budget - count), cursor });
    count += page.items.length;
    await onPage(page.items);
    cursor = page.next;
  } while (cursor);
  return { read: count, more: false };
}

/**
 * For the syndicate's admins only; anyone else is told the opening does not exist. Steps: read the
 * opening; read the admin's membership and the kept snapshot together; answer from the snapshot when it
 * is fresh; otherwise count and keep the counts.
 */
export async function openingReadiness(
  deps: ReadinessDependencies,
  identity: Identity,
  openingId: string,
): Promise<OpeningReadiness> {
  const opening = await deps.openings.get(openingId);
  if (!opening) throw new NotFoundError('opening', openingId);
  // The snapshot is read beside the membership to save a round trip; it is returned only to an admin.
  const [admin, kept] = await Promise.all([
    isAdmin(deps, opening.syndicateId, identity.personId),
    deps.shortages.getReadiness(openingId),
  ]);
  if (!admin) throw new NotFoundError('opening', openingId);
  const asked = [...new Set(opening.skills.map((s) => s.skill))];
  const now = deps.now();
  if (kept && isFreshReadiness(kept, asked, now)) return kept;
  const counted = await countReadiness(deps, opening.syndicateId, openingId, asked, now);
  await deps.shortages.putReadiness(counted);
  return counted;
}

async function countReadiness(
  deps: ReadinessDependencies,
  syndicateId: string,
  openingId: string,
  asked: readonly string[],
  now: Date,
): Promise<OpeningReadiness> {
  // One aggregate per skill of the commons: bounded by it, read whole (see the adapter).
  const tallies = new Map((await deps.shortages.listAggregates()).map((a) => [a.skill, a.tally]));
  const skills = asked.map((skill) => {
    const tally = tallies.get(skill);
    return {
      skill,
      label: deps.commons.skills.get(skill)?.label ?? skill,
      holders: counter(tally, 'credentialed') + counter(tally, 'declared'),
      learners: counter(tally, 'learners'),
      courses: [...deps.commons.courses.values()]
        .filter((course) => course.skills.some((s) => s.skill === skill))
        .map((course) => course.id)
        .sort(),
    };
  });
  const [qualified, learners] = await Promise.all([
    qualifiedHolders(deps, syndicateId, skills),
    distinctLearners(deps, [...new Set(skills.flatMap((s) => s.courses))]),
  ]);
  return {
    openingId,
    ...qualified,
    ...learners,
    cap: readinessCap,
    skills,
    computedAt: now.toISOString(),
    maxAgeSeconds: readinessMaxAgeMs / 1000,
  };
}

/** Holders of the rarest skill who hold every other one, and of those the syndicate's active members. */
async function qualifiedHolders(
  deps: ReadinessDependencies,
  syndicateId: string,
  skills: ReadonlyArray<{ skill: string; holders: number }>,
) {
  const [rarest, ...others] = [...skills].sort((a, b) => a.holders - b.holders);
  if (!rarest || rarest.holders === 0) return { qualified: 0, qualifiedInSyndicate: 0, qualifiedAtLeast: false };
  let qualified = 0;
  let qualifiedInSyndicate = 0;
  const { more } = await readUpTo(
    (request) => deps.shortages.pageHolders(rarest.skill, request),
    readinessCap,
    async (holders) => {
      let candidates = holders.map((h) => h.personId);
      for (const other of others) {
        if (candidates.length === 0) break;
        const holding = await deps.shortages.holdersAmong(other.skill, candidates);
        candidates = candidates.filter((personId) => holding.has(personId));
      }
      if (candidates.length === 0) return;
      const memberships = await deps.syndicates.getMemberships(syndicateId, candidates);
      qualified += candidates.length;
      qualifiedInSyndicate += candidates.filter((p) => memberships.get(p)?.status === 'active').length;
    },
  );
  return { qualified, qualifiedInSyndicate, qualifiedAtLeast: more };
}

/** People part-way through any of the courses, each once, reading at most `readinessCap` enrollments. */
async function distinctLearners(deps: ReadinessDependencies, courses: readonly string[]) {
  const people = new Set<string>();
  let budget = readinessCap;
  for (const course of courses) {
    if (budget === 0) {
      // The budget is spent: a course with anyone in it makes the count a lower bound; an empty one not.
      if ((await deps.shortages.pageLearners(course, { limit: 1 })).items.length > 0) {
        return { learners: people.size, learnersAtLeast: true };
      }
      continue;
    }
    const { read, more } = await readUpTo(
      (request) => deps.shortages.pageLearners(course, request),
      budget,
      (learners) => {
        for (const personId of learners) people.add(personId);
      },
    );
    budget -= read;
    if (more) return { learners: people.size, learnersAtLeast: true };
  }
  return { learners: people.size, learnersAtLeast: false };
}
