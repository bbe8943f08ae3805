// What people read from the shortage index: the ranking (open data), its trend and a learner's
// recommendations. Who could fill an opening, for its syndicate's admins: opening-readiness.ts.
import type { Commons } from '../content/commons.ts';
import { escoLabelsFrom } from '../content/skill-ref.ts';
import type { SearchIndex } from '../search/search-port.ts';
import { type EscoSkillShortage, escoLabelsOf, rankEscoShortages } from './esco-shortages.ts';
import type { Identity } from '../identity.ts';
import type { LearningRepository } from '../learning/learning-repository.ts';
import { isListed } from '../openings/opening.ts';
import type { OpeningRepository } from '../openings/opening-repository.ts';
import { firstItems } from '../paged-reads.ts';
import type { PeopleRepository } from '../people/person.ts';
import { getMe } from '../people/get-me.ts';
import { goalPhrase, goalSkills } from '../people/goal.ts';
import { declaredSkillIds } from '../people/profile.ts';
import type { GoalWords, ReasonWords } from './reason-words.ts';
import { type Recommendations, recommendCourses } from './recommendations.ts';
import { rankShortages, round, type ShortageRanking } from './score.ts';
import { boardTotals } from './sources.ts';
import type { ShortageRepository, ShortageSnapshot } from './shortage-repository.ts';

export interface ShortageDependencies {
  commons: Commons;
  shortages: ShortageRepository;
  /** Where ESCO skills' labels are read; without it (or while it is down) they are named by URI. */
  search?: Pick<SearchIndex, 'get'> | undefined;
  now: () => Date;
}

const today = (deps: { now: () => Date }) => deps.now().toISOString().slice(0, 10);

/** The commons' skills and trades ranked, and after them the ESCO skills asked for or held (esco-shortages.ts). */
export async function currentShortages(
  deps: ShortageDependencies,
): Promise<ShortageRanking & { escoSkills: EscoSkillShortage[] }> {
  const aggregates = await deps.shortages.listAggregates();
  const labels = deps.search ? await escoLabelsOf(aggregates, escoLabelsFrom(deps.search)) : new Map<string, string>();
  return {
    ...rankShortages(aggregates, deps.commons, today(deps)),
    escoSkills: rankEscoShortages(aggregates, today(deps), labels),
  };
}

/**
 * Today's scores, kept for the trend; a second snapshot on the same day replaces the first. With the
 * commons' members (where the caller can count them) and the board's remaining positions, as it federates
 * (domain/federation/catalogue-objects.ts `shortagesDocument`).
 */
export async function recordSnapshot(
  deps: ShortageDependencies & { decisions?: { commonsMembers(): Promise<number> } | undefined },
): Promise<ShortageSnapshot> {
  // Scores by skill alone: a snapshot names no skill, so ESCO's labels are not asked for.
  const aggregates = await deps.shortages.listAggregates();
  const ranking = {
    ...rankShortages(aggregates, deps.commons, today(deps)),
    escoSkills: rankEscoShortages(aggregates, today(deps), new Map()),
  };
  const pick = (e: { score: number; demand: number; supply: number }) => ({
    score: round(e.score),
    demand: round(e.demand),
    supply: round(e.supply),
  });
  const snapshot: ShortageSnapshot = {
    day: ranking.day,
    // Skills nobody asks for and nobody holds would only pad every snapshot with zeros.
    skills: Object.fromEntries(
      [...ranking.skills, ...ranking.escoSkills]
        .filter((s) => s.demand > 0 || s.supply > 0)
        .map((s) => [s.skill, pick(s)]),
    ),
    trades: Object.fromEntries(ranking.trades.map((t) => [t.trade, pick(t)])),
    ...(deps.decisions ? { members: await deps.decisions.commonsMembers() } : {}),
    openPositions: boardTotals(aggregates).positions,
  };
  await deps.shortages.putSnapshot(snapshot);
  return snapshot;
}

/** Snapshots of the last `days` days, oldest first. */
export async function shortageTrend(deps: ShortageDependencies, days = 30): Promise<ShortageSnapshot[]> {
  const from = new Date(deps.now().getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return deps.shortages.listSnapshots(from);
}

export interface LearnerDependencies extends ShortageDependencies {
  people: PeopleRepository;
  learning: Pick<LearningRepository, 'listEnrollments' | 'listCredentialedSkills'>;
  openings: Pick<OpeningRepository, 'pageByStatus'>;
}

/**
 * How many open openings a learner's recommendations weigh: the newest on the board, at most two pages.
 * The shortage scores that rank the courses count every opening already; this window only finds the
 * openings a learner qualifies for, those a course would open, and the positions named in the reasons,
 * so a request never reads the whole board, whatever its size.
 */
export const recommendationWindow = 200;

/**
 * Steps: the learner's skills and courses, the newest open openings (`recommendationWindow`) and the
 * ranking, then rank the courses. A learner's enrollments and credentialed skills are at most one per
 * course and one per skill of the commons, so reading them whole is bounded by the commons.
 */
export async function learnerRecommendations(
  deps: LearnerDependencies,
  identity: Identity,
  /** The goal's and the reasons' words, for a page in another language; English otherwise. */
  words: { goal?: GoalWords; reason?: ReasonWords } = {},
): Promise<Recommendations> {
  const now = deps.now();
  const [person, enrollments, credentialed, open, ranking] = await Promise.all([
    getMe(deps, identity),
    deps.learning.listEnrollments(identity.personId),
    deps.learning.listCredentialedSkills(identity.personId),
    firstItems(
      (request) => deps.openings.pageByStatus('open', request, (batch) => batch.filter((o) => isListed(o, now))),
      recommendationWindow,
    ),
    currentShortages(deps),
  ]);
  return recommendCourses({
    skills: { credentialed, declared: declaredSkillIds(person) },
    completedCourses: new Set(enrollments.filter((e) => e.status === 'completed').map((e) => e.courseId)),
    inProgressCourses: new Set(enrollments.filter((e) => e.status === 'in-progress').map((e) => e.courseId)),
    openings: open.items,
    shortages: ranking.skills,
    commons: deps.commons,
    goal: { skills: goalSkills(person.goal, deps.commons), phrase: goalPhrase(person.goal, deps.commons, words.goal) },
    words: words.reason,
  });
}
