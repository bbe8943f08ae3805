// The whole index from the table in one pass: `npm run shortage:recompute`, the local stack's start, and
// the yardstick the incremental index is tested against.
import type { Commons } from '../content/commons.ts';
import type { Holder, ShortageIndex, ShortageRepository } from './shortage-repository.ts';
import { contributionOf, holderKind, type SourceState, sourceKey } from './sources.ts';
import { addContribution, canonical, type Contribution, type Tally } from './tally.ts';

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

/** Skills whose stored aggregate is not exactly the expected one (zeros ignored). */
export function compareAggregates(
  stored: Array<{ skill: string; tally: Tally }>,
  expected: Map<string, Tally>,
): string[] {
  const left = canonical(new Map(stored.map((a) => [a.skill, a.tally])));
  const right = canonical(expected);
  return [...new Set([...Object.keys(left), ...Object.keys(right)])]
    .filter((skill) => JSON.stringify(left[skill] ?? {}) !== JSON.stringify(right[skill] ?? {}))
    .sort();
}
