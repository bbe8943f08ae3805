// A path: an occupation and the skills it needs, which the commons' courses can lead to. Two kinds: the
// commons' own occupations (content/occupations.yaml, mapped to skills by a person), and the occupations
// whose skills ESCO's playground data lists (content/esco/esco.json.gz). Built once, when the commons is
// compiled (path-catalogue.ts); the functions read the result from the compiled commons.
import type { TradeId } from '../content/commons.ts';

/** One skill a path needs: a commons skill, or an ESCO skill the commons may or may not teach. */
export interface PathSkill {
  /** A commons skill id, or an ESCO skill URI when no commons skill names it. */
  id: string;
  label: string;
  /** The commons skills that are this skill: itself, or those whose `esco:` is this URI. */
  commons: string[];
  /** Its ESCO URI, where it has one. */
  esco?: string | undefined;
}

export interface OccupationPath {
  /** Lowercase words and hyphens: the commons' own id, or made from ESCO's label. */
  id: string;
  label: string;
  description?: string | undefined;
  /** Whose mapping this is: a person's in the commons, or ESCO's alone. */
  source: 'commons' | 'esco';
  trade?: TradeId | undefined;
  /** The ESCO occupation URI. */
  esco?: string | undefined;
  skills: PathSkill[];
}

/** The ids a person may hold a path skill under: the skill's own, its ESCO URI and its commons skills'. */
export function skillAliases(skill: PathSkill): string[] {
  return [...new Set([skill.id, ...(skill.esco ? [skill.esco] : []), ...skill.commons])];
}

/** Whether a set of held skills (commons ids and ESCO URIs) covers a path skill. */
export const holds = (held: ReadonlySet<string>, skill: PathSkill) => skillAliases(skill).some((id) => held.has(id));

/** Lowercase words joined by hyphens, from a label: "ICT security administrator" → "ict-security-administrator". */
export function pathSlug(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
