// How well an opening suits a person, and why, in words. Pure: the use case gathers what the person
// holds (credentials and declarations), what they aim for and which skills are in shortage.
//
// The order is the goal first (how many of the opening's skills the person aims for), then fit (the
// share of its skills they hold already), then shortage (how many of its skills are scarce), then the
// newest posting: someone aiming for carpentry sees carpentry first, among it what they can do now.
import { type SkillRef, skillLabelOf } from '../content/skill-ref.ts';
import type { Commons } from '../content/commons.ts';
import { type MatchWords, matchWordsEn } from '../shortages/reason-words.ts';

/** The person the board ranks for. */
export interface Seeker {
  /** Skills held by credential or by declaration. */
  held: ReadonlySet<string>;
  /** Skills the goal points at (goal.ts `goalSkills`), and the goal in words ("you aim to …"). */
  goal: ReadonlySet<string>;
  goalPhrase?: string | undefined;
  /** Skills counted as in shortage (`shortageSkills`). */
  shortage: ReadonlySet<string>;
  /** The reason's words: English (the API's `match.reason`) unless given the reader's. */
  matchWords?: MatchWords | undefined;
}

export interface Match {
  held: string[];
  missing: string[];
  aimedFor: string[];
  inShortage: string[];
  /** "You hold 2 of 3 skills; because you aim to work in construction; Timber framing is in shortage." */
  reason: string;
}

/** A skill is "in shortage" when it ranks among this many scarcest with open demand. */
export const shortageTopRanks = 10;

/** The skills in shortage, from the ranking (rank order, demand above zero). */
export function shortageSkills(ranking: ReadonlyArray<{ skill: string; rank: number; demand: number }>): Set<string> {
  return new Set(ranking.filter((s) => s.rank <= shortageTopRanks && s.demand > 0).map((s) => s.skill));
}

/** Whether the seeker has anything the board could match against. */
export const canMatch = (seeker: Seeker) => seeker.held.size > 0 || seeker.goal.size > 0;

/** The skills the board searches among for a best match: held and aimed for. */
export const matchSkills = (seeker: Seeker) => [...new Set([...seeker.held, ...seeker.goal])].sort();

export function matchOf(skills: readonly string[], seeker: Seeker, commons: Pick<Commons, 'skills'>): Match {
  const unique = [...new Set(skills)];
  const label = (skill: string) => commons.skills.get(skill)?.label ?? skill;
  const held = unique.filter((s) => seeker.held.has(s));
  const missing = unique.filter((s) => !seeker.held.has(s));
  const aimedFor = unique.filter((s) => seeker.goal.has(s));
  const inShortage = unique.filter((s) => seeker.shortage.has(s));
  const match = { held, missing, aimedFor, inShortage };
  return { ...match, reason: matchReasonOf(match, label, seeker.goalPhrase, seeker.matchWords) };
}

/** The reason in `words` (English unless given): what it holds of the skills, the goal, the shortage. */
export function matchReasonOf(
  match: Pick<Match, 'held' | 'missing' | 'aimedFor' | 'inShortage'>,
  label: (skill: string) => string,
  goalPhrase: string | undefined,
  words: MatchWords = matchWordsEn,
): string {
  // held and missing split the opening's distinct skills, so together they are all it asks for.
  const parts = [words.hold(match.held.length, match.held.length + match.missing.length)];
  if (match.aimedFor.length > 0 && goalPhrase) parts.push(words.because(goalPhrase));
  if (match.inShortage.length > 0) parts.push(words.inShortage(match.inShortage.map(label)));
  return `${parts.join('; ')}.`;
}

export interface Ranked<T> {
  item: T;
  match: Match;
  /** How many skills the opening asks for, and when it was posted (ISO), for the order. */
  skillCount: number;
  posted: string;
}

/** Negative when `a` is the better match (see the order at the top). */
export function compareMatches<T>(a: Ranked<T>, b: Ranked<T>): number {
  const share = (r: Ranked<T>) => (r.skillCount === 0 ? 0 : r.match.held.length / r.skillCount);
  return (
    b.match.aimedFor.length - a.match.aimedFor.length ||
    share(b) - share(a) ||
    b.match.inShortage.length - a.match.inShortage.length ||
    (a.posted === b.posted ? 0 : a.posted < b.posted ? 1 : -1)
  );
}

export function rankMatches<T>(
  items: readonly T[],
  describe: (item: T) => { skills: readonly string[]; posted: string },
  seeker: Seeker,
  commons: Pick<Commons, 'skills'>,
): Array<Ranked<T>> {
  return items
    .map((item) => {
      const { skills, posted } = describe(item);
      return { item, match: matchOf(skills, seeker, commons), skillCount: new Set(skills).size, posted };
    })
    .sort(compareMatches);
}

/**
 * On an opening: which of its skills the person holds, and for each missing one the course that
 * teaches it, if the commons has one ("you hold 2 of 3: …; the course X teaches the third").
 */
export function skillsHeld(
  asked: ReadonlyArray<SkillRef>,
  held: ReadonlySet<string>,
  commons: Pick<Commons, 'skills' | 'courses'>,
): {
  held: Array<{ skill: string; label: string }>;
  missing: Array<{ skill: string; label: string; course?: { id: string; title: string } | undefined }>;
  total: number;
} {
  const skills = asked.map((ref) => ref.skill);
  const unique = [...new Set(skills)];
  // An ESCO-only skill is named by the label stored beside it.
  const stored = new Map(asked.map((ref) => [ref.skill, ref]));
  const label = (skill: string) => skillLabelOf(commons, stored.get(skill) ?? { skill });
  // The shortest course that teaches the skill: the quickest way to it.
  const courseFor = (skill: string) =>
    [...commons.courses.values()]
      .filter((course) => course.skills.some((s) => s.skill === skill))
      .sort((a, b) => a.hours - b.hours || a.id.localeCompare(b.id))[0];
  return {
    held: unique.filter((s) => held.has(s)).map((skill) => ({ skill, label: label(skill) })),
    missing: unique
      .filter((s) => !held.has(s))
      .map((skill) => {
        const course = courseFor(skill);
        return { skill, label: label(skill), ...(course ? { course: { id: course.id, title: course.title } } : {}) };
      }),
    total: unique.length,
  };
}
