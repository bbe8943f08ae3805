// Openings on a syndicate's job board. Lifecycle: draft → open → filled or closed; an open opening
// past its valid-through date is expired, by itself, without anyone writing to it.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { skillLevels } from '../content/commons.ts';
import { skillRefSchema } from '../content/skill-ref.ts';
import { RuleViolationError } from '../errors.ts';
import { openingWords } from '../i18n/work/opening-refusals.ts';
import { moneySchema } from '../syndicates/syndicate.ts';
import { text } from '../text.ts';
import { occupationFieldSchema } from './opening-occupation.ts';
import { trainingInputSchema } from './training-place.ts';

export const employmentTypes = ['FULL_TIME', 'PART_TIME', 'CONTRACTOR', 'TEMPORARY', 'VOLUNTEER'] as const;

/** What an admin may send to create or edit an opening: nothing the server owns. */
export const openingInputSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    title: text(5, 120, { label: 'title' }),
    description: text(30, 8000, { multiline: true, label: 'description' }),
    skills: z
      // A commons skill's id or an ESCO skill's URI (content/skill-ref.ts); ESCO's label is the server's.
      .array(z.strictObject({ skill: skillRefSchema(), level: z.enum(skillLevels) }))
      .check(z.minLength(1), z.maxLength(12)),
    positions: z.number().check(z.int(), z.minimum(1), z.maximum(100)),
    hoursPerWeek: z.number().check(z.int(), z.minimum(1), z.maximum(60)),
    pay: z.array(moneySchema()).check(z.minLength(1), z.maxLength(3)),
    place: text(2, 80, { label: 'place' }),
    remote: z.boolean(),
    applicantCountries: z._default(
      z
        .array(z.string().check(z.regex(/^[A-Z]{2}$/, 'Use two-letter country codes, such as NL.')))
        .check(z.maxLength(50)),
      [],
    ),
    employmentType: z.enum(employmentTypes),
    validThrough: z.iso.date(),
    /** The ESCO occupation it is for (opening-occupation.ts); null or left out for none. */
    occupation: occupationFieldSchema(),
    /** Makes it a training place (training-place.ts): the course it trains toward and the mentor. */
    training: z.optional(trainingInputSchema()),
  }),
);
export type OpeningInput = z.infer<ReturnType<typeof openingInputSchema>>;

export type OpeningStatus = 'draft' | 'open' | 'filled' | 'closed';

/** A job (every opening stored before training places, which has no `kind`) or a training place. */
export const openingKinds = ['job', 'training'] as const;
export type OpeningKind = (typeof openingKinds)[number];
export const kindOf = (opening: Pick<Opening, 'kind'>): OpeningKind => opening.kind ?? 'job';

/** A skill an opening asks for, as stored: canonical, with ESCO's label beside an ESCO-only skill. */
export type OpeningSkill = OpeningInput['skills'][number] & { label?: string | undefined };

export interface Opening extends Omit<OpeningInput, 'skills' | 'occupation'> {
  skills: OpeningSkill[];
  /** Absent on openings stored before openings named one. */
  occupation?: string | null | undefined;
  /** `training` when the input named a training place; absent for a job. */
  kind?: OpeningKind | undefined;
  id: string;
  syndicateId: string;
  status: OpeningStatus;
  /** Server-owned: positions filled so far, and the optimistic-concurrency version. */
  filled: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  datePosted?: string | undefined;
}

export type EffectiveStatus = OpeningStatus | 'expired';

/** The status a person sees: an open opening whose date has passed is expired. */
export function effectiveStatus(opening: Pick<Opening, 'status' | 'validThrough'>, now: Date): EffectiveStatus {
  if (opening.status === 'open' && opening.validThrough < now.toISOString().slice(0, 10)) return 'expired';
  return opening.status;
}

export const isListed = (opening: Opening, now: Date) => effectiveStatus(opening, now) === 'open';

const transitions: Record<OpeningStatus, OpeningStatus[]> = {
  draft: ['open', 'closed'],
  open: ['filled', 'closed'],
  filled: ['closed'],
  closed: [],
};

export function transition(opening: Opening, to: OpeningStatus, now: Date): Opening {
  if (!transitions[opening.status].includes(to)) {
    const { message, wordsIn } = openingWords({ key: 'lifecycle', values: { from: opening.status, to } });
    throw new RuleViolationError('opening-lifecycle', message, { wordsIn });
  }
  if (to === 'open' && opening.validThrough < now.toISOString().slice(0, 10)) {
    const { message, wordsIn } = openingWords({ key: 'expired', values: {} });
    throw new RuleViolationError('opening-expired', message, { wordsIn });
  }
  return {
    ...opening,
    status: to,
    ...(to === 'open' && !opening.datePosted ? { datePosted: now.toISOString() } : {}),
    updatedAt: now.toISOString(),
    version: opening.version + 1,
  };
}

/** Pay shown side by side when more than one unit is given: "€42.00/hour · 1 hour of labour/hour". */
export function formatPay(pay: OpeningInput['pay']): string {
  return pay.map(formatMoney).join(' · ');
}

export function formatMoney(money: { amount: number; currency: string; per: string }): string {
  const major = money.amount / 100;
  const amount =
    money.currency === 'BOUND'
      ? `${major.toLocaleString('en-GB', { maximumFractionDigits: 2 })} Bound`
      : money.currency === 'HOURS'
        ? `${major.toLocaleString('en-GB', { maximumFractionDigits: 2 })} ${major === 1 ? 'hour' : 'hours'} of labour`
        : new Intl.NumberFormat('en-GB', { style: 'currency', currency: money.currency }).format(major);
  return `${amount} per ${money.per}`;
}
