// The shortages of a region (issue 20): this commons and the commons it follows, each by its own daily
// figures (domain/federation/remote-catalogue.ts keeps the newest snapshot of each). A skill is the same
// across commons when both name the same ESCO skill, else when both give it the same commons id (the
// commons' content is shared). Each instance's part of the demand and supply is kept beside the sum, and
// the region's score is the one formula, demand ÷ (supply + 1), over the sums. Pure.
import { shortageMethod } from '../shortages/score.ts';

export interface RegionPart {
  /** The instance's host. */
  origin: string;
  demand: number;
  supply: number;
}

export interface RegionRow {
  skill: { id: string; esco?: string | undefined; label: string };
  demand: number;
  supply: number;
  score: number;
  /** Each instance's part, in the order the instances were given; an instance without the skill is left out. */
  parts: RegionPart[];
}

export interface InstanceShortages {
  origin: string;
  rows: ReadonlyArray<{
    skill: { id: string; esco?: string | undefined; label: string };
    demand: number;
    supply: number;
  }>;
}

/** The score of a demand and supply: the ranking's own formula (score.ts, `shortageMethod.formula`). */
const scoreOf = (demand: number, supply: number) => demand / (supply + 1);

/**
 * The region's skills, scarcest first (by score, then demand, then label), at most `limit`; the first
 * instance's label names a skill (give this commons first).
 */
export function regionShortages(instances: readonly InstanceShortages[], limit = 20): RegionRow[] {
  const rows = new Map<string, RegionRow>();
  for (const instance of instances) {
    for (const row of instance.rows) {
      if (row.demand <= 0 && row.supply <= 0) continue;
      const key = row.skill.esco ?? row.skill.id;
      const kept = rows.get(key) ?? { skill: row.skill, demand: 0, supply: 0, score: 0, parts: [] };
      kept.demand += row.demand;
      kept.supply += row.supply;
      const part = kept.parts.find((p) => p.origin === instance.origin);
      if (part) {
        part.demand += row.demand;
        part.supply += row.supply;
      } else kept.parts.push({ origin: instance.origin, demand: row.demand, supply: row.supply });
      rows.set(key, kept);
    }
  }
  for (const row of rows.values()) row.score = scoreOf(row.demand, row.supply);
  return [...rows.values()]
    .sort((a, b) => b.score - a.score || b.demand - a.demand || a.skill.label.localeCompare(b.skill.label))
    .slice(0, limit);
}

/** Stated beside the region's table: the same formula as the instance's own ranking. */
export const regionFormula = shortageMethod.formula;
