// The arithmetic of the shortage index. Every source (an opening, an enrollment, a person) adds a small
// tally of integer counters to each skill it touches; a skill's aggregate is the sum of its sources'
// tallies. Only integers are stored, so adding and removing tallies in any order gives exactly the same
// sums: that is what lets the incremental index equal a full recompute, bit for bit.

/** Counters for one skill, by name; absent means zero. Demand is kept per posted day (see `demandKey`). */
export type Tally = Record<string, number>;

/** What one source adds to the index: a tally per skill id. */
export type Contribution = Record<string, Tally>;

/** `wants` counts open wants and undelivered orders, `wantedMinutes` the hours they want, in minutes. */
export const counterNames = [
  'openings',
  'positions',
  'credentialed',
  'declared',
  'learners',
  'trainees',
  'wants',
  'wantedMinutes',
] as const;
export type CounterName = (typeof counterNames)[number];

const demandPrefix = 'demand:';

/**
 * Demand posted on one day, as remaining positions × hours per week (an integer). The age fade is
 * applied only when the index is read, so stored sums never change with the calendar.
 */
export const demandKey = (day: string) => `${demandPrefix}${day}`;

/** The posted day of a demand counter, or undefined for the other counters. */
export const demandDay = (key: string): string | undefined =>
  key.startsWith(demandPrefix) ? key.slice(demandPrefix.length) : undefined;

const fadedPrefix = 'faded:';

/**
 * The demand of every day up to one day, folded by the daily sweep into one faded sum (fold.ts): hours
 * weighted by the age fade as of that day. Not an integer; only the sweep writes it, never the stream.
 */
export const fadedKey = (day: string) => `${fadedPrefix}${day}`;

/** The day a folded sum is anchored at, or undefined for the other counters. */
export const fadedDay = (key: string): string | undefined =>
  key.startsWith(fadedPrefix) ? key.slice(fadedPrefix.length) : undefined;

/** The exact hours the folded sum holds (an integer), so the index knows when no demand is left at all. */
export const foldedHoursKey = 'foldedHours';

/** A counter name the index accepts: the fixed counters, `demand:YYYY-MM-DD` and the folded demand. */
export const isCounter = (key: string) =>
  (counterNames as readonly string[]).includes(key) ||
  key === foldedHoursKey ||
  /^(demand|faded):\d{4}-\d{2}-\d{2}$/.test(key);

export const counter = (tally: Tally | undefined, name: CounterName) => tally?.[name] ?? 0;

/** Adds `tally × sign` into `into`, dropping counters that reach zero. Mutates `into`. */
export function addInto(into: Tally, tally: Tally, sign: 1 | -1 = 1): Tally {
  for (const [key, value] of Object.entries(tally)) {
    const sum = (into[key] ?? 0) + sign * value;
    if (sum === 0) delete into[key];
    else into[key] = sum;
  }
  return into;
}

/** `to − from`, per skill, keeping only skills and counters that change. */
export function difference(from: Contribution, to: Contribution): Contribution {
  const result: Contribution = {};
  for (const skill of new Set([...Object.keys(from), ...Object.keys(to)])) {
    const delta = addInto(addInto({}, to[skill] ?? {}), from[skill] ?? {}, -1);
    if (Object.keys(delta).length > 0) result[skill] = delta;
  }
  return result;
}

/**
 * Adds a contribution into a map of aggregates. Mutates `into`; skills left all zero are removed.
 * Written with plain loops: a busy skill's tally holds a counter per posted day, and the recompute adds
 * hundreds of thousands of contributions into it.
 */
export function addContribution(into: Map<string, Tally>, contribution: Contribution, sign: 1 | -1 = 1) {
  for (const skill in contribution) {
    const tally = contribution[skill] ?? {};
    let sum = into.get(skill);
    if (!sum) {
      sum = {};
      into.set(skill, sum);
    }
    let removed = false;
    for (const key in tally) {
      const next = (sum[key] ?? 0) + sign * (tally[key] ?? 0);
      if (next === 0) {
        delete sum[key];
        removed = true;
      } else sum[key] = next;
    }
    if (removed && isEmpty(sum)) into.delete(skill);
  }
}

function isEmpty(tally: Tally): boolean {
  for (const _ in tally) return false;
  return true;
}

/** A canonical form for comparing: no zeros, no empty skills, keys sorted. */
export function canonical(contribution: Contribution | Map<string, Tally>): Contribution {
  const entries = contribution instanceof Map ? [...contribution] : Object.entries(contribution);
  const result: Contribution = {};
  for (const [skill, tally] of entries.sort(([a], [b]) => a.localeCompare(b))) {
    const kept = Object.entries(tally)
      .filter(([, value]) => value !== 0)
      .sort(([a], [b]) => a.localeCompare(b));
    if (kept.length > 0) result[skill] = Object.fromEntries(kept);
  }
  return result;
}

/** The contribution with only the given skills replaced by their values in `next` (absent: removed). */
export function replaceSkills(current: Contribution, next: Contribution, skills: Iterable<string>): Contribution {
  const result: Contribution = { ...current };
  for (const skill of skills) {
    const tally = next[skill];
    if (tally && Object.keys(tally).length > 0) result[skill] = { ...tally };
    else delete result[skill];
  }
  return result;
}
