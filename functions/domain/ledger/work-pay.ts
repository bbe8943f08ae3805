// Pay for work: what an hour of a member's work is worth on their syndicate's rate card, what a
// number of hours pays, and who may approve it. Pure: work-log-use-cases.ts reads and writes.
//
// Rounding: amounts are whole minor units (hundredths of a Bound). An unpleasant line pays 1.5× its
// rate, which is half a minor unit over a whole one when the rate is odd; hours come in quarters, so
// hours × rate can end in a quarter, a half or three quarters of a minor unit. Each rounds to the
// nearest whole minor unit, and a half rounds up, in the worker's favour: 1.5 × 101 is 152, and a
// quarter hour at 102 pays 26 (25.5). The total is hours × the hourly rate the member is shown, so
// what they read on the rate card and on their statement agree.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import type { SkillLevel } from '../content/commons.ts';
import { ForbiddenError, RuleViolationError } from '../errors.ts';
import { type RateProblem, rateProblemIn } from '../i18n/work/rate-problems.ts';
import { workLogWords } from '../i18n/work/work-log-refusals.ts';

/** The most hours one member may log for one day. */
export const maxHoursPerDay = 24;
/** Hours are counted in quarters: four to the hour. */
export const quartersPerHour = 4;
export const maxQuartersPerDay = maxHoursPerDay * quartersPerHour;

export const hoursProblems = {
  notANumber: 'Give the hours as a number, such as 1.5 or 7.25.',
  notQuarter: 'Hours are counted in quarter hours: give a whole number of hours or end in .25, .5 or .75.',
  notPositive: 'Log more than zero hours.',
  tooMany: `Nobody works more than ${maxHoursPerDay} hours in a day: log at most ${maxHoursPerDay}.`,
};

/** What is wrong with hours from a request (a JSON number or a decimal string), or undefined if they can be logged. */
export function hoursProblem(value: unknown): string | undefined {
  const hours = typeof value === 'string' && /^\d{1,3}(\.\d{1,2})?$/.test(value) ? Number(value) : value;
  if (typeof hours !== 'number' || !Number.isFinite(hours)) return hoursProblems.notANumber;
  if (hours <= 0) return hoursProblems.notPositive;
  if (hours > maxHoursPerDay) return hoursProblems.tooMany;
  return Number.isInteger(hours * quartersPerHour) ? undefined : hoursProblems.notQuarter;
}

/** Hours as people give them (a number or a decimal string): quarter hours, more than zero, at most 24. */
export const hoursSchema = /* @__PURE__ */ lazySchema(() =>
  z.pipe(
    z.unknown().check(
      (ctx) => {
        const problem = hoursProblem(ctx.value);
        if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
      },
      // What the OpenAPI document says it takes (a JSON number; the same as text is taken too).
      z.meta({ type: 'number', exclusiveMinimum: 0, maximum: maxHoursPerDay, multipleOf: 1 / quartersPerHour }),
    ),
    z.transform((value) => Number(value)),
  ),
);

/** Hours that passed hoursProblem, as whole quarter hours. */
export const quartersOf = (hours: number) => Math.round(hours * quartersPerHour);

/** A line of a rate card as work pay reads it (lines stored before the flag existed lack `unpleasant`). */
export interface RateLine {
  service: string;
  rate: { amount: number; currency: string; per: string };
  skillId?: string | undefined;
  level?: SkillLevel | undefined;
  unpleasant?: boolean | undefined;
}

/** What a piece of work names to find its rate: a skill at a level, or (lines without a skill) a service. */
export interface WorkRateKey {
  skillId?: string | undefined;
  level?: SkillLevel | undefined;
  service?: string | undefined;
}

/**
 * The line that prices the work: for a skill, the line for that skill at that level, or else the
 * skill's line for every level; for a service, the line of that name. Undefined when none does.
 */
export function rateLineFor<T extends RateLine>(card: readonly T[], work: WorkRateKey): T | undefined {
  if (work.skillId !== undefined) {
    const ofSkill = card.filter((line) => line.skillId === work.skillId);
    return ofSkill.find((line) => line.level === work.level) ?? ofSkill.find((line) => line.level === undefined);
  }
  return card.find((line) => line.service === work.service);
}

/** x / d rounded to the nearest whole, a half up (x ≥ 0, d > 0). */
const halfUp = (x: bigint, d: bigint) => (2n * x + d) / (2n * d);

/** The hourly rate of a line in minor units: its rate, 1.5× when unpleasant (a half minor unit up). */
export function hourlyRate(line: RateLine): bigint {
  const rate = BigInt(line.rate.amount);
  return line.unpleasant === true ? halfUp(3n * rate, 2n) : rate;
}

/** What `quarters` quarter hours pay at `hourly` minor units an hour, a half minor unit up. */
export function payFor(quarters: number, hourly: bigint): bigint {
  return halfUp(BigInt(quarters) * hourly, BigInt(quartersPerHour));
}

export type WorkRate = { line: RateLine; hourly: bigint } | { problem: string; said: RateProblem };

/** A refusal kept as its message (i18n/work/rate-problems.ts) and said in English. */
const refuse = (said: RateProblem) => ({ problem: rateProblemIn(said, 'en'), said });

/** The rate a piece of work is paid at, or why the card cannot pay it (no line; a line not in Bound an hour). */
export function workRate(card: readonly RateLine[], work: WorkRateKey): WorkRate {
  const line = rateLineFor(card, work);
  // Only what names the work: a caller may pass a whole work log.
  const named =
    work.skillId !== undefined
      ? { skillId: work.skillId, ...(work.level ? { level: work.level } : {}) }
      : { service: work.service ?? '' };
  if (!line) return refuse({ key: 'no-line', values: { work: named } });
  if (line.rate.currency !== 'BOUND' || line.rate.per !== 'hour') {
    return refuse({
      key: 'not-bound-hours',
      values: { work: named, currency: line.rate.currency, per: line.rate.per },
    });
  }
  return { line, hourly: hourlyRate(line) };
}

/**
 * Who may approve or reject logged hours: an admin of the syndicate (403 otherwise), never for their
 * own hours: approving them would decide on both sides of the payment, so another admin must.
 */
export function checkWorkApprover(decision: { personId: string; memberId: string; adminOfSyndicate: boolean }) {
  if (!decision.adminOfSyndicate) {
    const { message, wordsIn } = workLogWords({ key: 'not-admin', values: {} });
    throw new ForbiddenError(message, { wordsIn });
  }
  if (decision.personId === decision.memberId) {
    const { message, wordsIn } = workLogWords({ key: 'own-hours', values: {} });
    throw new RuleViolationError('conflict-of-interest', message, { wordsIn });
  }
}
