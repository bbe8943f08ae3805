// Work logs: a member of a syndicate logs hours worked for it, an admin approves them (the syndicate
// pays the member through the ledger, once) or rejects them with a reason. What the work was for is a
// small tagged value: a filled position today, an order the syndicate delivers once orders exist.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { commonsIdSchema, type SkillLevel, skillLevels } from '../content/commons.ts';
import { idSchema } from '../ids.ts';
import { hoursSchema } from '../ledger/work-pay.ts';
import type { Page, PageRequest } from '../paging.ts';
import { text } from '../text.ts';

/** What the work was for: a position of the syndicate the member holds (their application was accepted). */
export type WorkFor = { kind: 'position'; openingId: string };

export const workForSchema = /* @__PURE__ */ lazySchema(() =>
  z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('position'), openingId: idSchema() })]),
);

export const workLogStatuses = ['awaiting', 'approved', 'rejected'] as const;
export type WorkLogStatus = (typeof workLogStatuses)[number];

export interface WorkLog {
  id: string;
  syndicateId: string;
  /** The member who worked and is paid. */
  personId: string;
  for: WorkFor;
  /** The day worked (YYYY-MM-DD). */
  date: string;
  /** Hours, in quarter hours (0.25 … 24). */
  hours: number;
  /** The rate-card line it is paid from: a skill at a level, or (lines without a skill) a service. */
  skillId?: string | undefined;
  level?: SkillLevel | undefined;
  /** The line's service, as it read when the hours were logged. */
  service: string;
  note: string;
  status: WorkLogStatus;
  createdAt: string;
  decidedBy?: string | undefined;
  decidedAt?: string | undefined;
  /** Why an admin rejected it. */
  reason?: string | undefined;
  /** Once approved: the rate paid an hour (1.5× where unpleasant), what it paid, and the payment. */
  hourlyRate?: bigint | undefined;
  unpleasant?: boolean | undefined;
  amount?: bigint | undefined;
  paymentId?: string | undefined;
}

const hint = {
  skill: 'Name the skill (skillId) and the level you worked at, or the service of a rate-card line without a skill.',
  level: 'Say at which level of the skill you worked: foundation, working or proficient.',
};

/** `POST /api/work-logs`: the syndicate, what the work was for, the day, the hours, the rate line and a note. */
export const workLogInputSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      syndicateId: idSchema(),
      for: workForSchema(),
      date: z.iso.date(),
      hours: hoursSchema(),
      skillId: z.optional(commonsIdSchema().check(z.maxLength(80))),
      level: z.optional(z.enum(skillLevels)),
      service: z.optional(text(2, 120, { label: 'service' })),
      note: text(1, 1000, { multiline: true, label: 'note' }),
    })
    .check(
      z.superRefine((input, ctx) => {
        if (input.skillId === undefined && input.service === undefined) {
          ctx.issues.push({ code: 'custom', message: hint.skill, input: input.skillId, path: ['skillId'] });
        }
        if (input.skillId !== undefined && input.level === undefined) {
          ctx.issues.push({ code: 'custom', message: hint.level, input: input.level, path: ['level'] });
        }
      }),
    ),
);
export type WorkLogInput = z.infer<ReturnType<typeof workLogInputSchema>>;

export const workDecisionSchema = /* @__PURE__ */ lazySchema(() =>
  z.discriminatedUnion('decision', [
    z.strictObject({ decision: z.literal('approve') }),
    z.strictObject({ decision: z.literal('reject'), reason: text(2, 500, { multiline: true, label: 'reason' }) }),
  ]),
);
export type WorkDecision = z.infer<ReturnType<typeof workDecisionSchema>>;

/** The memo of the payment for approved work: on both statements (a syndicate's is public), so no note. */
export const workMemo = (log: Pick<WorkLog, 'hours' | 'service' | 'date'>) =>
  `Work: ${log.hours} h of ${log.service} on ${log.date}`;

export interface WorkLogRepository {
  /** One work log, strongly consistent (a decision decides from it). */
  get(workLogId: string): Promise<WorkLog | null>;
  /**
   * A new log, once per id, adding its `quarters` to the member's day, which stays at most `most`:
   * ConflictError when the id is taken or the day would pass it (the use case tells which).
   */
  create(log: WorkLog, day: { quarters: number; most: number }): Promise<void>;
  /** The quarter hours a member has logged (and not had rejected) for a day. */
  dayQuarters(personId: string, date: string): Promise<number>;
  /** Saves a rejected log, on condition that it still awaits approval, and gives its `quarters` back to its day. */
  reject(log: WorkLog, quarters: number): Promise<void>;
  /** A page of a member's logs, newest first. */
  pageOfPerson(personId: string, request: PageRequest): Promise<Page<WorkLog>>;
  /** A page of a syndicate's logs awaiting approval, oldest first. */
  pageAwaiting(syndicateId: string, request: PageRequest): Promise<Page<WorkLog>>;
}
