// From the stored integer tallies to scores and ranks, at read time. This is where the age fade is
// applied: demand posted d days ago counts 2^(−d/30), so an opening loses half its weight every 30 days.
// Everything here is a pure function of the tallies, the commons and the day, so anyone who downloads
// the inputs can recompute the scores.
import type { Commons, TradeId } from '../content/commons.ts';
import type { SkillAggregate } from './shortage-repository.ts';
import { counter, demandDay, fadedDay, foldedHoursKey, type Tally } from './tally.ts';

export const shortageMethod = {
  halfLifeDays: 30,
  /** Demand is counted in full-time positions: remaining positions × hours per week ÷ 40. */
  fullTimeHours: 40,
  /**
   * What one available person counts for as supply, by how they hold the skill. A learner in a filled
   * training place (`trainees`) counts 0.5, instead of a learner's 0.25: they do the syndicate's work
   * beside a mentor who holds the course by credential and checks it, so about half what a credentialed
   * holder supplies, as much as a self-declared holder whose skill nobody checked, and twice a learner
   * studying alone, who works nowhere yet. Below a holder's 1: they cannot yet work unsupervised.
   */
  supplyWeights: { credentialed: 1, declared: 0.5, learners: 0.25, trainees: 0.5 },
  formula: 'score = demand / (supply + 1)',
  description:
    'Demand: remaining positions of open, unexpired openings asking for the skill, in full-time equivalents (hours per week ÷ 40), halved for every 30 days since the opening was posted; plus the hours members want (open wants, and orders not yet delivered), 40 hours counting as one full-time position, in full while the want is open. Supply: available members holding the skill (1 with a credential, 0.5 self-declared) plus learners part-way through a course that teaches it (0.25 each), or 0.5 each for learners in a filled training place for that course, who work beside a mentor holding it (counted once, as trainees instead of learners). Score: demand ÷ (supply + 1); the higher, the scarcer.',
} as const;

const dayMs = 86_400_000;
const dayNumber = (day: string) => Math.floor(Date.parse(`${day}T00:00:00Z`) / dayMs);

/**
 * Faded demand in full-time positions. Days are summed in date order so the float result is stable. The
 * daily sweep folds the days up to its own into one sum anchored at that day (fold.ts), which fades from
 * its anchor as each of its days would have: the result equals summing every day, to float rounding.
 */
export function fadedDemand(tally: Tally, today: string): number {
  const now = dayNumber(today);
  const { fullTimeHours, halfLifeDays } = shortageMethod;
  let sum = 0;
  let hours = tally[foldedHoursKey] ?? 0;
  for (const key of Object.keys(tally).sort()) {
    const value = tally[key] ?? 0;
    const day = demandDay(key);
    if (day) {
      hours += value;
      const age = Math.max(0, now - dayNumber(day));
      sum += (value / fullTimeHours) * 2 ** (-age / halfLifeDays);
      continue;
    }
    const anchor = fadedDay(key);
    if (anchor) sum += (value / fullTimeHours) * 2 ** (-(now - dayNumber(anchor)) / halfLifeDays);
  }
  // Hours are exact integers and never negative per day: none left means no demand at all, whatever
  // rounding the folded sum kept from hours that have since left.
  return hours === 0 ? 0 : sum;
}

export function weightedSupply(tally: Tally): number {
  const w = shortageMethod.supplyWeights;
  return (
    counter(tally, 'credentialed') * w.credentialed +
    counter(tally, 'declared') * w.declared +
    counter(tally, 'learners') * w.learners +
    counter(tally, 'trainees') * w.trainees
  );
}

/**
 * What members want, in full-time positions: hours wanted ÷ 40. Not faded: a want counts while it is
 * open and leaves the index when it is withdrawn, expires or is fulfilled.
 */
export const wantedDemand = (tally: Tally) => counter(tally, 'wantedMinutes') / 60 / shortageMethod.fullTimeHours;

/** Hours members want, for display: minutes are stored, so sums stay integers. */
export const wantedHours = (tally: Tally) => round(counter(tally, 'wantedMinutes') / 60, 2);

export const shortageScore = (demand: number, supply: number) => demand / (supply + 1);

export interface ShortageInputs {
  openings: number;
  positions: number;
  /** Open wants and undelivered orders asking for the skill. */
  wants: number;
  /** The hours they want. */
  wantedHours: number;
  credentialed: number;
  declared: number;
  learners: number;
  /** Learners in a filled training place for a course that teaches the skill. */
  trainees: number;
}

export interface SkillShortage {
  rank: number;
  tradeRank: number;
  skill: string;
  label: string;
  trade: TradeId;
  score: number;
  demand: number;
  supply: number;
  inputs: ShortageInputs;
  /** Courses that teach the skill, by id. */
  courses: string[];
}

export interface TradeShortage {
  rank: number;
  trade: TradeId;
  label: string;
  score: number;
  demand: number;
  supply: number;
  /** Skills of the trade with open demand. */
  skillsInDemand: number;
}

export interface ShortageRanking {
  day: string;
  skills: SkillShortage[];
  trades: TradeShortage[];
}

/** Every input of a skill's score, as stored. */
export const inputsOf = (tally: Tally): ShortageInputs => ({
  openings: counter(tally, 'openings'),
  positions: counter(tally, 'positions'),
  wants: counter(tally, 'wants'),
  wantedHours: wantedHours(tally),
  credentialed: counter(tally, 'credentialed'),
  declared: counter(tally, 'declared'),
  learners: counter(tally, 'learners'),
  trainees: counter(tally, 'trainees'),
});

/**
 * Scores are compared to 12 significant digits: the same demand summed day by day or folded by the sweep
 * differs in the last bits, and equal shortages must tie (then rank by demand, then by id) either way.
 */
export const significant = (value: number) => Number(value.toPrecision(12));

/**
 * Rounds for display and open data; ranks are decided on the unrounded values. From 12 significant digits
 * first, so a value on a half (0.5625, summed or folded, a last bit either side) rounds the same either way.
 */
export const round = (value: number, places = 3) => Math.round(significant(value) * 10 ** places) / 10 ** places;
export const byScore = (
  a: { score: number; demand: number; id: string },
  b: { score: number; demand: number; id: string },
) =>
  significant(b.score) - significant(a.score) ||
  significant(b.demand) - significant(a.demand) ||
  a.id.localeCompare(b.id);

/** Every skill of the commons, ranked overall and within its trade; and the trades ranked. */
export function rankShortages(
  aggregates: SkillAggregate[],
  commons: Pick<Commons, 'skills' | 'courses' | 'trades'>,
  today: string,
): ShortageRanking {
  const tallies = new Map(aggregates.map((a) => [a.skill, a.tally]));
  const coursesBySkill = new Map<string, string[]>();
  for (const course of [...commons.courses.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    for (const { skill } of course.skills) coursesBySkill.set(skill, [...(coursesBySkill.get(skill) ?? []), course.id]);
  }
  const scored = [...commons.skills.values()].map((skill) => {
    const tally = tallies.get(skill.id) ?? {};
    const demand = fadedDemand(tally, today) + wantedDemand(tally);
    const supply = weightedSupply(tally);
    return { id: skill.id, skill, tally, demand, supply, score: shortageScore(demand, supply) };
  });
  scored.sort(byScore);
  const tradeRanks = new Map<string, number>();
  const skills = scored.map((entry, index): SkillShortage => {
    const tradeRank = (tradeRanks.get(entry.skill.trade) ?? 0) + 1;
    tradeRanks.set(entry.skill.trade, tradeRank);
    return {
      rank: index + 1,
      tradeRank,
      skill: entry.id,
      label: entry.skill.label,
      trade: entry.skill.trade,
      score: round(entry.score),
      demand: round(entry.demand),
      supply: round(entry.supply),
      inputs: inputsOf(entry.tally),
      courses: coursesBySkill.get(entry.id) ?? [],
    };
  });

  // A trade's score weighs its skills together: its summed demand over its summed supply.
  const trades = commons.trades
    .map((trade) => {
      const own = scored.filter((entry) => entry.skill.trade === trade.id);
      const demand = own.reduce((sum, entry) => sum + entry.demand, 0);
      const supply = own.reduce((sum, entry) => sum + entry.supply, 0);
      return {
        id: trade.id,
        trade,
        demand,
        supply,
        score: shortageScore(demand, supply),
        skillsInDemand: own.filter((e) => e.demand > 0).length,
      };
    })
    .sort(byScore)
    .map(
      (entry, index): TradeShortage => ({
        rank: index + 1,
        trade: entry.trade.id,
        label: entry.trade.label,
        score: round(entry.score),
        demand: round(entry.demand),
        supply: round(entry.supply),
        skillsInDemand: entry.skillsInDemand,
      }),
    );
  return { day: today, skills, trades };
}
