// Which items of the table feed the shortage index, and what each adds. A source is evaluated from its
// current state in the table, never from the stream record that announced a change: so a replayed, late
// or reordered record finds the same state and changes nothing (see refresh-source.ts).
import type { Commons } from '../content/commons.ts';
import { isEscoSkillUri } from '../content/esco-names.ts';
import type { Contribution, Tally } from './tally.ts';
import { demandKey } from './tally.ts';

export type SourceRef =
  | { kind: 'opening'; openingId: string }
  /** A learner's enrollment, with their trainee mark for the course if they fill a training place. */
  | { kind: 'enrollment'; personId: string; courseId: string }
  /** A person's supply: the profile (available, declared skills) and their credentialed skills together. */
  | { kind: 'person'; personId: string }
  /**
   * What members plan to consume: a want, or an order not yet delivered (demandItems). `item` is the
   * item's table key as the stream record carried it, passed through untouched so the adapter can read
   * the item again (its key is composed where the item is written, in keys.ts).
   */
  | { kind: 'demand'; itemType: DemandItemType; id: string; item: { pk: string; sk: string } };

/**
 * The item types that are demand, and the statuses in which they count: a want while it is open; an
 * order until it is delivered (the orders' statuses before delivery, as issue 16 names the steps). Any
 * other status (withdrawn, expired, fulfilled, declined, delivered, confirmed…) counts nothing.
 */
export const demandItems = {
  want: { openStatuses: ['open'] },
  order: { openStatuses: ['ordered', 'accepted'] },
} as const;
export type DemandItemType = keyof typeof demandItems;
const isDemandItemType = (type: unknown): type is DemandItemType =>
  typeof type === 'string' && Object.hasOwn(demandItems, type);

/** What the index needs of a want or an order. */
export interface DemandFacts {
  status: string;
  skillIds: string[];
  /** Hours of work wanted (≥ 0); counted in whole minutes so the stored sums stay integers. */
  demandHours: number;
}

/** What the index needs of an opening. `expiredOn` is written by the expiry sweep (expire-openings.ts). */
export interface OpeningFacts {
  id: string;
  syndicateId: string;
  status: string;
  positions: number;
  filled: number;
  hoursPerWeek: number;
  skills: Array<{ skill: string }>;
  validThrough: string;
  datePosted?: string | undefined;
  createdAt: string;
  expiredOn?: string | undefined;
}

export interface EnrollmentFacts {
  personId: string;
  courseId: string;
  status: string;
  /** The learner holds a filled training place for the course (its trainee mark is stored). */
  inTraining?: boolean | undefined;
}

export interface PersonFacts {
  id: string;
  available: boolean;
  declaredSkills: string[];
}

/** A source as read from the table; `null` parts mean the item is not there (any more). */
export type SourceState =
  | { ref: Extract<SourceRef, { kind: 'opening' }>; opening: OpeningFacts | null }
  | { ref: Extract<SourceRef, { kind: 'enrollment' }>; enrollment: EnrollmentFacts | null }
  | { ref: Extract<SourceRef, { kind: 'person' }>; person: PersonFacts | null; credentialedSkills: string[] }
  | { ref: Extract<SourceRef, { kind: 'demand' }>; demand: DemandFacts | null };

/** A stable key per source, used for its stored contribution. */
export function sourceKey(ref: SourceRef): string {
  if (ref.kind === 'opening') return `opening#${ref.openingId}`;
  if (ref.kind === 'enrollment') return `enrollment#${ref.personId}#${ref.courseId}`;
  if (ref.kind === 'demand') return `${ref.itemType}#${ref.id}`;
  return `person#${ref.personId}`;
}

const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : undefined);

/**
 * The source a changed table item belongs to, from its `type` marker; null for items that feed no
 * source (syndicates, applications, the index's own items…). A held skill belongs to its person.
 */
export function sourceOf(item: Record<string, unknown> | undefined): SourceRef | null {
  if (!item) return null;
  const malformed = () => new Error(`a ${String(item.type)} item without its ids`);
  switch (item.type) {
    case 'opening': {
      const openingId = text(item.id);
      if (!openingId) throw malformed();
      return { kind: 'opening', openingId };
    }
    // A trainee mark changes what its learner's enrollment counts: the enrollment is the source.
    case 'trainee':
    case 'enrollment': {
      const personId = text(item.personId);
      const courseId = text(item.courseId);
      if (!personId || !courseId) throw malformed();
      return { kind: 'enrollment', personId, courseId };
    }
    case 'person':
    case 'held-skill': {
      const personId = text(item.type === 'person' ? item.id : item.personId);
      if (!personId) throw malformed();
      return { kind: 'person', personId };
    }
    default: {
      if (!isDemandItemType(item.type)) return null;
      // Written by other features: an item without an `id` attribute is still one want, named by its key,
      // rather than a record the stream retries until it gives up.
      const pk = text(item.pk);
      const sk = text(item.sk);
      if (!pk || !sk) throw malformed();
      return { kind: 'demand', itemType: item.type, id: text(item.id) ?? pk, item: { pk, sk } };
    }
  }
}

/**
 * True once the sweep has recorded that the opening's current valid-through date passed. Editing the
 * date afterwards revives the opening at once: the mark names the date that passed, not a state.
 */
export const isSweptExpired = (opening: Pick<OpeningFacts, 'validThrough' | 'expiredOn'>) =>
  opening.expiredOn !== undefined && opening.expiredOn === opening.validThrough;

/** An open opening the sweep should mark: open, its date passed (`today` is YYYY-MM-DD), not yet marked. */
export const needsExpiry = (opening: OpeningFacts, today: string) =>
  opening.status === 'open' && opening.validThrough < today && !isSweptExpired(opening);

type Catalog = Pick<Commons, 'skills' | 'courses'>;

/**
 * The aggregate that counts every open opening once, and its remaining positions: the commons' figure
 * of open positions, kept by the stream like any skill's (no commons id has a colon, and every ESCO URI
 * starts `http:`, so none can clash).
 * The ranking reads skills of the commons only, so it never sees this one.
 */
export const wholeBoard = 'board:all';

/** The open openings and remaining positions on the whole board, from the index's aggregates. */
export function boardTotals(aggregates: ReadonlyArray<{ skill: string; tally: Record<string, number> }>) {
  const tally = aggregates.find((aggregate) => aggregate.skill === wholeBoard)?.tally;
  return { openings: tally?.openings ?? 0, positions: tally?.positions ?? 0 };
}

/** What a source adds to the index, from its state alone: the same state always gives the same tallies. */
export function contributionOf(state: SourceState, commons: Catalog): Contribution {
  // A commons skill, or an ESCO skill stored by its URI (content/skill-ref.ts): only a checked URI is ever
  // stored, so its shape is enough here, and the index needs no ESCO data to count it.
  const known = (skill: string) => commons.skills.has(skill) || isEscoSkillUri(skill);
  const result: Contribution = {};
  if ('opening' in state) {
    const opening = state.opening;
    if (opening?.status !== 'open' || isSweptExpired(opening)) return result;
    const remaining = Math.max(0, opening.positions - opening.filled);
    if (remaining === 0) return result;
    const day = (opening.datePosted ?? opening.createdAt).slice(0, 10);
    for (const { skill } of opening.skills) {
      if (!known(skill)) continue;
      result[skill] = { openings: 1, positions: remaining, [demandKey(day)]: remaining * opening.hoursPerWeek };
    }
    // Once for the whole board, whatever skills it asks: an opening of two skills counts twice above.
    result[wholeBoard] = { openings: 1, positions: remaining };
    return result;
  }
  if ('enrollment' in state) {
    const enrollment = state.enrollment;
    if (enrollment?.status !== 'in-progress') return result;
    // A learner in a training place counts once, as a trainee instead of a learner (score.ts's weights).
    const counted: Tally = enrollment.inTraining ? { trainees: 1 } : { learners: 1 };
    for (const { skill } of commons.courses.get(enrollment.courseId)?.skills ?? []) {
      if (known(skill)) result[skill] = { ...counted };
    }
    return result;
  }
  if ('demand' in state) {
    const demand = state.demand;
    const counts = (demandItems[state.ref.itemType].openStatuses as readonly string[]).includes(demand?.status ?? '');
    if (!demand || !counts) return result;
    const minutes = wantedMinutes(demand.demandHours);
    for (const skill of new Set(demand.skillIds)) {
      if (known(skill)) result[skill] = { wants: 1, ...(minutes > 0 ? { wantedMinutes: minutes } : {}) };
    }
    return result;
  }
  // Only available people are supply; a credential outranks a declaration of the same skill.
  const person = state.person;
  if (!person?.available) return result;
  const credentialed = new Set(state.credentialedSkills.filter(known));
  for (const skill of credentialed) result[skill] = { credentialed: 1 };
  for (const skill of person.declaredSkills) {
    if (known(skill) && !credentialed.has(skill)) result[skill] = { declared: 1 };
  }
  return result;
}

/** Hours as whole minutes; anything but a finite number of hours ≥ 0 counts as none. */
export const wantedMinutes = (hours: number) => (Number.isFinite(hours) && hours > 0 ? Math.round(hours * 60) : 0);

/** How a person holds a skill in the index (for "members who qualify"), from their contribution. */
export function holderKind(tally: Record<string, number> | undefined): 'credentialed' | 'declared' | null {
  if ((tally?.credentialed ?? 0) > 0) return 'credentialed';
  if ((tally?.declared ?? 0) > 0) return 'declared';
  return null;
}
