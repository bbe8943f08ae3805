// What a person aims for: a trade of the commons, skills, a path to an occupation (paths/), or any of
// them. Recommendations and the job board's best match rank by it first, and say so in words.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { type Commons, type TradeId, tradeIds } from '../content/commons.ts';
import type { OccupationPath } from '../paths/occupation-path.ts';
import { ValidationError } from '../errors.ts';
import { peopleWords } from '../i18n/account/people-refusals.ts';
import { skillWords } from '../i18n/account/skill-refusals.ts';
import { idSchema } from '../ids.ts';
import { skillAliases } from '../paths/occupation-path.ts';
import { type GoalWords, goalWordsEn, listJoinedBy } from '../shortages/reason-words.ts';
import { type Profile, skillIdSchema, touched } from './profile.ts';

export interface Goal {
  trade?: TradeId | undefined;
  skills: string[];
  /** A path's id (`GET /api/paths/{pathId}`): the occupation the person works toward. */
  path?: string | undefined;
}

/** Enough to name a direction without turning the goal into a second skills list. */
export const maxGoalSkills = 10;

/** `PUT /api/me/goal`: the whole goal; no trade and no skills clears it. */
export const goalSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    trade: z.optional(z.nullable(z.enum(tradeIds))),
    path: z.optional(z.nullable(idSchema())),
    skills: z._default(
      z.array(skillIdSchema()).check(
        z.maxLength(maxGoalSkills, `Aim for at most ${maxGoalSkills} skills: pick the ones that matter most.`),
        z.superRefine((skills, ctx) => {
          skills.forEach((skill, i) => {
            if (skills.indexOf(skill) !== i)
              ctx.issues.push({
                code: 'custom',
                message: 'This skill is listed twice; keep it once.',
                input: skill,
                path: [i],
              });
          });
        }),
      ),
      [],
    ),
  }),
);
export type GoalInput = z.infer<ReturnType<typeof goalSchema>>;

/** The goal as stored, or undefined for "no goal"; a skill the commons does not know is named by field. */
/** The paths, where a caller has them: a goal naming one is read with them, every other goal without. */
type WithPaths = { paths?: ReadonlyMap<string, OccupationPath> };

export function goalFrom(input: GoalInput, commons: Pick<Commons, 'skills'> & WithPaths): Goal | undefined {
  const unknown = input.skills.flatMap((skill, i) =>
    commons.skills.has(skill)
      ? []
      : [{ field: `body.skills.${i}`, ...skillWords({ key: 'unknown-skill', values: { ref: skill, where: 'goal' } }) }],
  );
  if (input.path && !commons.paths?.has(input.path))
    unknown.push({ field: 'body.path', ...peopleWords({ key: 'unknown-path', values: { path: input.path } }) });
  if (unknown.length > 0) throw new ValidationError(unknown);
  if (!input.trade && input.skills.length === 0 && !input.path) return undefined;
  return {
    ...(input.trade ? { trade: input.trade } : {}),
    skills: input.skills,
    ...(input.path ? { path: input.path } : {}),
  };
}

/** The skills a goal points at: those named, every skill of the trade named, and the path's (by every name). */
export function goalSkills(goal: Goal | undefined, commons: Pick<Commons, 'skills'> & WithPaths): Set<string> {
  if (!goal) return new Set();
  const skills = new Set(goal.skills);
  if (goal.trade) for (const skill of commons.skills.values()) if (skill.trade === goal.trade) skills.add(skill.id);
  const path = goal.path ? commons.paths?.get(goal.path) : undefined;
  for (const skill of path?.skills ?? []) for (const id of skillAliases(skill)) skills.add(id);
  return skills;
}

/**
 * The goal in words, to follow "because": "you aim to work in construction", "you aim for Timber framing
 * and Plasterboard hanging", or both joined.
 */
export function goalPhrase(
  goal: Goal | undefined,
  commons: Pick<Commons, 'skills' | 'trades'> & WithPaths,
  words: GoalWords = goalWordsEn,
): string | undefined {
  if (!goal) return undefined;
  const parts: string[] = [];
  const path = goal.path ? commons.paths?.get(goal.path) : undefined;
  if (path) parts.push(words.path(path.label));
  const trade = goal.trade && commons.trades.find((t) => t.id === goal.trade);
  if (trade) parts.push(words.trade(trade.label));
  const labels = goal.skills.map((skill) => commons.skills.get(skill)?.label ?? skill);
  if (labels.length > 0) parts.push(words.skills(labels));
  return parts.length > 0 ? words.phrase(parts) : undefined;
}

/** "A", "A and B", "A, B and C". */
export const listInWords = listJoinedBy(' and ');

/** The profile with its goal set, or cleared when the goal is empty. */
export function withGoal<P extends Profile>(profile: P, goal: Goal | undefined, now: Date): P {
  const { goal: _previous, ...rest } = profile;
  return touched({ ...rest, ...(goal ? { goal } : {}) } as P, now);
}
