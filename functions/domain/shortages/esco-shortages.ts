// The ESCO skills the commons does not have, in the shortage index: an opening asking for one counts in
// its demand and a member declaring one in its supply (sources.ts counts them by URI), scored by the
// same formula as the commons' skills. They are ranked apart, after them: they belong to no trade and no
// course teaches them, and the commons' ranks stay what they were. Only skills someone asks for or holds
// are listed; ESCO's label is read through the search port, never the data file (content/skill-ref.ts).
import { isEscoSkillUri } from '../content/skill-ref.ts';
import type { EscoLabels } from '../content/skill-ref.ts';
import { SearchUnavailableError } from '../errors.ts';
import {
  byScore,
  fadedDemand,
  inputsOf,
  round,
  type ShortageInputs,
  shortageScore,
  wantedDemand,
  weightedSupply,
} from './score.ts';
import type { SkillAggregate } from './shortage-repository.ts';

export interface EscoSkillShortage {
  /** Rank among the ESCO skills in the index. */
  rank: number;
  /** The skill's ESCO URI, which is also its page on the ESCO portal. */
  skill: string;
  label: string;
  score: number;
  demand: number;
  supply: number;
  inputs: ShortageInputs;
}

/** The ESCO-only skills with demand or supply, scarcest first; a label ESCO did not give is the URI. */
export function rankEscoShortages(
  aggregates: readonly SkillAggregate[],
  today: string,
  labels: ReadonlyMap<string, string>,
): EscoSkillShortage[] {
  return aggregates
    .filter((aggregate) => isEscoSkillUri(aggregate.skill))
    .map(({ skill, tally }) => {
      const demand = fadedDemand(tally, today) + wantedDemand(tally);
      const supply = weightedSupply(tally);
      return { id: skill, tally, demand, supply, score: shortageScore(demand, supply) };
    })
    .filter((entry) => entry.demand > 0 || entry.supply > 0)
    .sort(byScore)
    .map((entry, index) => ({
      rank: index + 1,
      skill: entry.id,
      label: labels.get(entry.id) ?? entry.id,
      score: round(entry.score),
      demand: round(entry.demand),
      supply: round(entry.supply),
      inputs: inputsOf(entry.tally),
    }));
}

/**
 * ESCO's labels for the ESCO skills among the aggregates. The ranking is open data and must answer
 * while search is down: then each skill is named by its URI (still a link to ESCO's page).
 */
export async function escoLabelsOf(
  aggregates: readonly SkillAggregate[],
  escoLabels: EscoLabels,
): Promise<Map<string, string>> {
  try {
    return await escoLabels(aggregates.map((aggregate) => aggregate.skill));
  } catch (error) {
    if (error instanceof SearchUnavailableError) return new Map();
    throw error;
  }
}
