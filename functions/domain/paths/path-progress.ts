// How far a person is along a path: which of its skills they hold (by credential or by their own
// declaration), how many of how many, which planned courses are done, and the next course to take.
import { type PathSkill, skillAliases } from './occupation-path.ts';
import type { OccupationPath } from './occupation-path.ts';
import type { PlannedCourse } from './course-plan.ts';

/** What a person holds: skill ids (commons ids or ESCO URIs) by credential, and by declaration. */
export interface Holdings {
  credentialed: ReadonlySet<string>;
  declared: ReadonlySet<string>;
}

export type HeldBy = 'credential' | 'declared';

export interface PathProgress {
  /** How many of the path's skills the person holds, of how many it needs. */
  held: number;
  needed: number;
  /** For each path skill held: how (a credential outranks a declaration). */
  skills: Record<string, HeldBy>;
  /** Planned courses whose planned skills the person all holds. */
  coursesDone: string[];
  /** The first planned course, in the plan's order, not done yet; absent when all are. */
  nextCourse?: string | undefined;
}

export function heldBy(holdings: Holdings, skill: PathSkill): HeldBy | undefined {
  const ids = skillAliases(skill);
  if (ids.some((id) => holdings.credentialed.has(id))) return 'credential';
  if (ids.some((id) => holdings.declared.has(id))) return 'declared';
  return undefined;
}

export function pathProgress(path: OccupationPath, plan: readonly PlannedCourse[], holdings: Holdings): PathProgress {
  const skills: Record<string, HeldBy> = {};
  for (const skill of path.skills) {
    const how = heldBy(holdings, skill);
    if (how) skills[skill.id] = how;
  }
  const holdsCommons = (id: string) => holdings.credentialed.has(id) || holdings.declared.has(id);
  const coursesDone = plan.filter((c) => c.skills.every(holdsCommons)).map((c) => c.courseId);
  const nextCourse = plan.find((c) => !coursesDone.includes(c.courseId))?.courseId;
  return {
    held: Object.keys(skills).length,
    needed: path.skills.length,
    skills,
    coursesDone,
    ...(nextCourse ? { nextCourse } : {}),
  };
}
