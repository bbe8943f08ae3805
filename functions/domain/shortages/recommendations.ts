// Pairs a learner with the training the commons needs most. Pure: the use case gathers the learner's
// skills, the open openings and the shortage ranking, and this decides and explains.
import type { Commons, Course, SkillLevel } from '../content/commons.ts';
import { shortageSkills } from '../openings/best-match.ts';
import type { SkillShortage } from './score.ts';
import { type ReasonWords, reasonWordsEn } from './reason-words.ts';

export interface LearnerSkills {
  credentialed: Array<{ skillId: string; level: SkillLevel }>;
  declared: string[];
}

export interface OpenOpening {
  id: string;
  title: string;
  syndicateId: string;
  skills: Array<{ skill: string; level: SkillLevel }>;
  positions: number;
  filled: number;
}

export interface CourseRecommendation {
  courseId: string;
  title: string;
  hours: number;
  inProgress: boolean;
  /** need × fit: what ranks the courses. */
  value: number;
  /** Sum of the shortage scores of the skills the course would add. */
  need: number;
  /** (1 + prerequisites held) ÷ (1 + prerequisites) × (1 + ½ × share of new skills next to ones held). */
  fit: number;
  gains: string[];
  prerequisites: { held: number; total: number; missing: string[] };
  /** New skills next to one the learner holds (skills' `related`), with the held one. */
  adjacent: Array<{ skill: string; via: string }>;
  /** Openings the learner would qualify for after the course and does not now. */
  unlocks: string[];
  /** New skills the learner aims for (their goal), and new skills in shortage. */
  aimedFor: string[];
  inShortage: string[];
  reason: string;
}

export interface Recommendations {
  qualifyNow: OpenOpening[];
  courses: CourseRecommendation[];
}

/** Qualifies: holds every skill the opening asks for, by credential or by declaration. */
export const qualifies = (opening: Pick<OpenOpening, 'skills'>, held: ReadonlySet<string>) =>
  opening.skills.every((s) => held.has(s.skill));

export function recommendCourses(input: {
  skills: LearnerSkills;
  completedCourses: ReadonlySet<string>;
  inProgressCourses: ReadonlySet<string>;
  openings: OpenOpening[];
  shortages: SkillShortage[];
  commons: Pick<Commons, 'skills' | 'courses'>;
  /** The skills the learner's goal points at, and the goal in words ("you aim to …"). */
  goal?: { skills: ReadonlySet<string>; phrase?: string | undefined } | undefined;
  /** The reasons' words: English unless a page passes its language's. */
  words?: ReasonWords | undefined;
}): Recommendations {
  const { commons } = input;
  const held = new Set([...input.skills.credentialed.map((s) => s.skillId), ...input.skills.declared]);
  const scores = new Map(input.shortages.map((s) => [s.skill, s.score]));
  const scarce = shortageSkills(input.shortages);
  const goal = input.goal?.skills ?? new Set<string>();
  const label = (skill: string) => commons.skills.get(skill)?.label ?? skill;
  const qualifyNow = input.openings.filter((opening) => qualifies(opening, held));
  const notYet = input.openings.filter((opening) => !qualifies(opening, held));

  // Open positions and distinct syndicates per skill, for the reasons.
  const asking = new Map<string, { positions: number; syndicates: Set<string> }>();
  for (const opening of input.openings) {
    for (const { skill } of opening.skills) {
      const entry = asking.get(skill) ?? { positions: 0, syndicates: new Set<string>() };
      entry.positions += opening.positions - opening.filled;
      entry.syndicates.add(opening.syndicateId);
      asking.set(skill, entry);
    }
  }
  const nextTo = (skill: string) => {
    const own = commons.skills.get(skill)?.related ?? [];
    return [...held].sort().find((h) => own.includes(h) || (commons.skills.get(h)?.related ?? []).includes(skill));
  };

  const courses = [...commons.courses.values()]
    .filter((course) => !input.completedCourses.has(course.id))
    .flatMap((course): CourseRecommendation[] => {
      const gains = course.skills.map((s) => s.skill).filter((skill) => !held.has(skill));
      if (gains.length === 0) return [];
      const after = new Set([...held, ...gains]);
      const unlocks = notYet.filter((opening) => qualifies(opening, after)).map((o) => o.id);
      const missing = course.prerequisites.filter((p) => !held.has(p));
      const prerequisites = {
        held: course.prerequisites.length - missing.length,
        total: course.prerequisites.length,
        missing,
      };
      const adjacent = gains.flatMap((skill) => {
        const via = nextTo(skill);
        return via ? [{ skill, via }] : [];
      });
      const need = gains.reduce((sum, skill) => sum + (scores.get(skill) ?? 0), 0);
      const fit = ((1 + prerequisites.held) / (1 + prerequisites.total)) * (1 + 0.5 * (adjacent.length / gains.length));
      const recommendation = {
        courseId: course.id,
        title: course.title,
        hours: course.hours,
        inProgress: input.inProgressCourses.has(course.id),
        value: need * fit,
        need,
        fit,
        gains,
        prerequisites,
        adjacent,
        unlocks,
        aimedFor: gains.filter((skill) => goal.has(skill)),
        inShortage: gains.filter((skill) => scarce.has(skill)),
      };
      return [
        {
          ...recommendation,
          reason: explain(recommendation, course, asking, label, input.goal?.phrase, input.words ?? reasonWordsEn),
        },
      ];
    })
    // The goal first (how many skills it teaches that the learner aims for), the shortage second.
    .sort(
      (a, b) =>
        b.aimedFor.length - a.aimedFor.length ||
        b.value - a.value ||
        b.unlocks.length - a.unlocks.length ||
        b.fit - a.fit ||
        a.hours - b.hours ||
        a.courseId.localeCompare(b.courseId),
    );
  return { qualifyNow, courses };
}

/** The reason in plain words, e.g. "4 open positions in 3 syndicates ask for TIG welding; you hold 2 of its 3 prerequisites." */
function explain(
  r: Omit<CourseRecommendation, 'reason'>,
  course: Course,
  asking: Map<string, { positions: number; syndicates: Set<string> }>,
  label: (skill: string) => string,
  goalPhrase: string | undefined,
  words: ReasonWords,
): string {
  const wanted = r.gains
    .map((skill) => ({ skill, ...(asking.get(skill) ?? { positions: 0, syndicates: new Set<string>() }) }))
    .sort((a, b) => b.positions - a.positions || a.skill.localeCompare(b.skill))[0];
  const parts: string[] = [];
  if (wanted && wanted.positions > 0) {
    parts.push(words.asked(wanted.positions, wanted.syndicates.size, label(wanted.skill)));
  } else {
    parts.push(words.noneAsked);
  }
  parts.push(
    r.prerequisites.total === 0
      ? words.needsNothing
      : words.holdPrerequisites(r.prerequisites.held, r.prerequisites.total),
  );
  const first = r.adjacent[0];
  if (first) parts.push(words.buildsOn(label(first.via)));
  if (r.unlocks.length > 0) parts.push(words.unlocks(r.unlocks.length));
  if (course.skills.length > r.gains.length) parts.push(words.alreadyHold(course.skills.length - r.gains.length));
  if (r.inShortage.length > 0) parts.push(words.inShortage(r.inShortage.map(label)));
  if (r.aimedFor.length > 0 && goalPhrase) parts.unshift(words.because(goalPhrase, r.aimedFor.map(label)));
  return words.sentence(parts);
}
