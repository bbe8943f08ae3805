// The daily sweep's fold: keeps each skill's aggregate the same size however many days of demand it has
// seen. The stream adds demand per posted day (`demand:<day>`, exact integers, so replays and reorders
// sum the same); left alone, a skill's aggregate would hold a counter for every day an open opening or a
// want was posted, and every read of the ranking would sum them all. The age fade is exponential, so the
// days up to one day fold into a single sum anchored there (`faded:<day>`), which fades on from its anchor
// as each of its days would have: 2^(−(t−d)/30) = 2^(−(t−a)/30) · 2^(−(a−d)/30). After a fold the
// aggregate holds that sum, its exact hours (`foldedHours`) and only the days the stream touched since.
// A later removal of an old day's hours lands as a negative day counter, which the next fold takes in.
import { ConflictError } from '../errors.ts';
import { shortageMethod } from './score.ts';
import type { AggregateFold, ShortageRepository } from './shortage-repository.ts';
import { demandDay, fadedDay, fadedKey, foldedHoursKey, type Tally } from './tally.ts';

const dayMs = 86_400_000;
const dayNumber = (day: string) => Math.floor(Date.parse(`${day}T00:00:00Z`) / dayMs);

/**
 * Pure: the fold of one aggregate at `day`, or null when no day counter up to `day` is left to fold (a
 * folded sum alone stays where it is anchored: it reads the same from any anchor). Days after `day` stay
 * as they are: until they pass they count in full, which a sum anchored before them cannot say.
 */
export function foldDemand(skill: string, tally: Tally, day: string): AggregateFold | null {
  const anchor = dayNumber(day);
  const expected: AggregateFold['expected'] = {};
  let sum = 0;
  let hours = tally[foldedHoursKey] ?? 0;
  let days = 0;
  for (const key of Object.keys(tally).sort()) {
    const value = tally[key] ?? 0;
    const posted = demandDay(key);
    const from = posted === undefined ? fadedDay(key) : undefined;
    if (posted !== undefined && posted <= day) {
      days++;
      hours += value;
      sum += value * 2 ** (-(anchor - dayNumber(posted)) / shortageMethod.halfLifeDays);
    } else if (from !== undefined) {
      sum += value * 2 ** (-(anchor - dayNumber(from)) / shortageMethod.halfLifeDays);
    } else continue;
    expected[key] = value;
  }
  if (days === 0) return null;
  expected[foldedHoursKey] = tally[foldedHoursKey] ?? null;
  const next: AggregateFold['next'] = Object.fromEntries(Object.keys(expected).map((key) => [key, null]));
  // No hours left: the sum is only rounding from hours that came and went, so it goes too.
  if (hours !== 0) Object.assign(next, { [fadedKey(day)]: sum, [foldedHoursKey]: hours });
  return { skill, expected, next };
}

export interface FoldDependencies {
  shortages: Pick<ShortageRepository, 'listAggregates' | 'foldAggregate'>;
  now: () => Date;
}

export interface FoldReport {
  folded: number;
  /** Skills the stream kept changing through every attempt; the next sweep folds them. */
  skipped: string[];
}

/**
 * Steps: read every aggregate (one per skill of the commons); fold each at today; write each fold on
 * condition that what it replaces is still as read. A skill the stream changed meanwhile is read and
 * folded again, up to `attempts` times.
 */
export async function foldDemandIndex(deps: FoldDependencies, attempts = 3): Promise<FoldReport> {
  const day = deps.now().toISOString().slice(0, 10);
  let remaining: Set<string> | null = null;
  let folded = 0;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const conflicted = new Set<string>();
    for (const { skill, tally } of await deps.shortages.listAggregates()) {
      if (remaining && !remaining.has(skill)) continue;
      const fold = foldDemand(skill, tally, day);
      if (!fold) continue;
      try {
        await deps.shortages.foldAggregate(fold);
        folded++;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        conflicted.add(skill);
      }
    }
    if (conflicted.size === 0) return { folded, skipped: [] };
    remaining = conflicted;
  }
  return { folded, skipped: [...(remaining ?? [])].sort() };
}
