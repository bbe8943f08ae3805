// The whole index from the table in one pass: `npm run shortage:recompute`, the local stack's start, and
// the yardstick the incremental index is tested against.
import type { Commons } from '../content/commons.ts';
import type { Holder, ShortageIndex, ShortageRepository } from './shortage-repository.ts';
import { contributionOf, holderKind, type SourceState, sourceKey } from './sources.ts';
import { fadedDemand, significant } from './score.ts';
import {
  addContribution,
  canonical,
  type Contribution,
  demandDay,
  fadedDay,
  foldedHoursKey,
  type Tally,
} from './tally.ts';

type Catalog = Pick<Commons, 'skills' | 'courses'>;

/** Pure: every source's contribution, their sums per skill, and who holds what. */
export function buildIndex(sources: Iterable<SourceState>, commons: Catalog): ShortageIndex {
  const contributions = new Map<string, Contribution>();
  const aggregates = new Map<string, Tally>();
  const holders: Holder[] = [];
  for (const state of sources) {
    const contribution = contributionOf(state, commons);
    if (Object.keys(contribution).length === 0) continue;
    contributions.set(sourceKey(state.ref), contribution);
    addContribution(aggregates, contribution);
    if (state.ref.kind !== 'person') continue;
    for (const [skill, tally] of Object.entries(contribution)) {
      const how = holderKind(tally);
      if (how) holders.push({ skill, personId: state.ref.personId, how });
    }
  }
  return { contributions, aggregates, holders };
}

export interface RecomputeReport {
  sources: number;
  contributing: number;
  skills: number;
  written: number;
  deleted: number;
  /** Skills whose stored aggregate differed from the recompute before it was replaced (drift repaired). */
  differed: string[];
}

/**
 * Steps: read every source; build the index; note which stored aggregates differ (after a clean incremental
 * run: none); replace the stored index. Run it while no stream consumer writes to the index.
 */
export async function recomputeIndex(deps: {
  shortages: ShortageRepository;
  commons: Catalog;
}): Promise<RecomputeReport> {
  const sources = await deps.shortages.readAllSources();
  const index = buildIndex(sources, deps.commons);
  const differed = compareAggregates(await deps.shortages.listAggregates(), index.aggregates);
  const { written, deleted } = await deps.shortages.replaceIndex(index);
  return {
    sources: sources.length,
    contributing: index.contributions.size,
    skills: index.aggregates.size,
    written,
    deleted,
    differed,
  };
}

/**
 * Skills whose stored aggregate is not the expected one (zeros ignored): exactly, counter by counter; or,
 * where the sweep folded a side's demand days (fold.ts), its other counters exactly, its demand hours
 * exactly, and its faded demand to 12 significant digits (folding sums the same terms in another order).
 */
export function compareAggregates(
  stored: Array<{ skill: string; tally: Tally }>,
  expected: Map<string, Tally>,
): string[] {
  const left = canonical(new Map(stored.map((a) => [a.skill, a.tally])));
  const right = canonical(expected);
  return [...new Set([...Object.keys(left), ...Object.keys(right)])]
    .filter((skill) => !sameAggregate(left[skill] ?? {}, right[skill] ?? {}))
    .sort();
}

function sameAggregate(a: Tally, b: Tally): boolean {
  const anchors = [...Object.keys(a), ...Object.keys(b)].flatMap((key) => fadedDay(key) ?? []).sort();
  const day = anchors.at(-1);
  if (day === undefined) return JSON.stringify(a) === JSON.stringify(b);
  const { other: otherA, hours: hoursA } = splitDemand(a);
  const { other: otherB, hours: hoursB } = splitDemand(b);
  return (
    JSON.stringify(otherA) === JSON.stringify(otherB) &&
    hoursA === hoursB &&
    significant(fadedDemand(a, day)) === significant(fadedDemand(b, day))
  );
}

/** The counters that are not demand, and the exact demand hours (folded and by day). */
function splitDemand(tally: Tally): { other: Tally; hours: number } {
  const other: Tally = {};
  let hours = 0;
  for (const [key, value] of Object.entries(tally)) {
    if (key === foldedHoursKey || demandDay(key) !== undefined) hours += value;
    else if (fadedDay(key) === undefined) other[key] = value;
  }
  return { other, hours };
}
