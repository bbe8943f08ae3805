// Consent to a record's terms: nobody is named an inventor, and nobody's share changes, without their
// say. A version's terms are its inventors and their shares; its `acceptedBy` lists who has accepted
// them as they stand, and `invited` who it names but has not yet heard from.
//
// The rules, all pure:
// - Whoever saves a draft accepts what they saved. Naming someone new invites them; until they accept
//   they are invited, not an inventor: they may read the draft and accept or decline, nothing else.
// - An edit that changes the terms resets the consents to the editor alone; one that keeps them keeps
//   them. Text, evidence or effect are not terms: anyone who already agreed need not agree again.
// - A first version is published once every inventor it names has accepted it. A correction starts
//   with the consents of the version it replaces (its inventors agreed those very terms when it was
//   published), so one that keeps the terms may be published by any inventor; one that changes them
//   needs every inventor of the new terms and of the replaced version, who may accept being removed.
// - Declining takes a newcomer off the draft, their share spread over the others in proportion;
//   the others must then accept the new terms. An inventor of the published version cannot be
//   removed that way: a correction that leaves them out waits for their acceptance instead.
import { recordWords } from '../i18n/records/record-refusals.ts';
import { RuleViolationError } from '../errors.ts';
import { compareIds, equalShares, splitInProportion, WHOLE } from '../ledger/shares.ts';
import { type InnovationRecord, type InnovationVersion, inventorIdsOf, type PersonShare } from './innovation.ts';

type Terms = Pick<InnovationVersion, 'inventors'>;
type Draft = Pick<InnovationVersion, 'inventors' | 'acceptedBy' | 'invited'>;

/** What a person is to a draft: a joined inventor, invited, an inventor of the replaced version it leaves out. */
export type DraftRole = 'inventor' | 'invited' | 'removed';

const union = (...lists: readonly string[][]) => [...new Set(lists.flat())];

/** The same inventors with the same shares, in whatever order they are listed. */
export function sameTerms(a: Terms, b: Terms): boolean {
  if (a.inventors.length !== b.inventors.length) return false;
  const shares = new Map(b.inventors.map((inventor) => [inventor.personId, inventor.basisPoints]));
  return a.inventors.every((inventor) => shares.get(inventor.personId) === inventor.basisPoints);
}

/** Who must have accepted a draft's terms before it is published (`replaced`: the version it corrects). */
export function requiredConsents(draft: Terms, replaced: Terms | null): string[] {
  const named = inventorIdsOf(draft);
  return !replaced || sameTerms(draft, replaced) ? named : union(named, inventorIdsOf(replaced));
}

/** Who still has to accept before the draft may be published; empty when it may. */
export function missingConsents(draft: Draft, replaced: Terms | null): string[] {
  const accepted = new Set(draft.acceptedBy);
  return requiredConsents(draft, replaced).filter((personId) => !accepted.has(personId));
}

/**
 * The consents that stand once the terms are `inventors`: kept if the terms did not change; those of
 * the replaced version's inventors if the terms are back to theirs; and `by`'s, who saved them.
 */
export function consentsAfter(
  before: Draft,
  inventors: readonly PersonShare[],
  replaced: Terms | null,
  by: string | null,
): string[] {
  const after = { inventors: [...inventors] };
  return union(
    sameTerms(after, before) ? before.acceptedBy : [],
    replaced && sameTerms(after, replaced) ? inventorIdsOf(replaced) : [],
    by ? [by] : [],
  );
}

/** Named inventors who have joined: accepted once, or were inventors already. */
export function joinedOf(draft: Draft): string[] {
  const invited = new Set(draft.invited);
  return inventorIdsOf(draft).filter((personId) => !invited.has(personId));
}

/**
 * Who is invited once the draft names `inventors`: anyone newly named. Whoever joined stays joined,
 * and the replaced version's inventors and the person saving never need inviting.
 */
export function invitedAfter(
  before: Draft | null,
  inventors: readonly PersonShare[],
  replaced: Terms | null,
  by: string,
): string[] {
  const joined = new Set([by, ...(replaced ? inventorIdsOf(replaced) : []), ...(before ? joinedOf(before) : [])]);
  return inventors.map((inventor) => inventor.personId).filter((personId) => !joined.has(personId));
}

/** What `personId` is to the draft, or null if it is none of their business (they may not see it). */
export function roleIn(draft: Draft, replaced: Terms | null, personId: string): DraftRole | null {
  if (draft.invited.includes(personId)) return 'invited';
  if (inventorIdsOf(draft).includes(personId)) return 'inventor';
  if (replaced && inventorIdsOf(replaced).includes(personId)) return 'removed';
  return null;
}

/** Joined inventors edit, and so do the replaced version's (to put back what a correction took). */
export const mayEdit = (role: DraftRole | null) => role === 'inventor' || role === 'removed';

/**
 * The shares without `personId`: theirs divided among the others in proportion to what they hold
 * (largest remainder, ties to the smaller id), so the shares still sum to 10,000. If the others held
 * nothing, they share equally.
 */
export function sharesWithout(inventors: readonly PersonShare[], personId: string): PersonShare[] {
  const others = inventors.filter((inventor) => inventor.personId !== personId);
  const weights = others.map((inventor) => ({ id: inventor.personId, basisPoints: inventor.basisPoints }));
  const shares = weights.some((weight) => weight.basisPoints > 0)
    ? splitInProportion(BigInt(WHOLE), weights).map((part) => ({ id: part.id, basisPoints: Number(part.amount) }))
    : equalShares(weights.map((weight) => weight.id));
  return shares.map((share) => ({ personId: share.id, basisPoints: share.basisPoints }));
}

/**
 * The draft's terms and consents after `personId` declines and leaves it. Refused for an inventor of
 * the replaced version (declining cannot remove them) and for the last inventor who joined.
 */
export function declined<D extends Draft>(draft: D, replaced: (Terms & { version: number }) | null, personId: string) {
  if (replaced && inventorIdsOf(replaced).includes(personId)) {
    throw new RuleViolationError(
      'published-inventor',
      ...recordWords({ key: 'published-inventor', values: { version: replaced.version } }),
    );
  }
  const invited = draft.invited.filter((id) => id !== personId);
  const others = draft.inventors.filter((inventor) => inventor.personId !== personId);
  // An invitee can always leave: a first draft keeps its author (or whoever joined), and a
  // correction the person who last saved it. Only someone who joined can be the last.
  if (others.length === 0 || (!replaced && others.every((inventor) => invited.includes(inventor.personId)))) {
    throw new RuleViolationError('last-inventor', ...recordWords({ key: 'last-inventor', values: {} }));
  }
  const inventors = sharesWithout(draft.inventors, personId);
  return { ...draft, inventors, invited, acceptedBy: consentsAfter(draft, inventors, replaced, null) };
}

/** Who is where on a draft, for the people who may see it. */
export function consentState(draft: Draft, replaced: Terms | null) {
  const missing = missingConsents(draft, replaced);
  return {
    /** A first version, or a correction that changes the inventors or shares. */
    changesTerms: !replaced || !sameTerms(draft, replaced),
    required: requiredConsents(draft, replaced),
    missing,
    invited: [...draft.invited],
    mayPublish: missing.length === 0,
  };
}
export type ConsentState = ReturnType<typeof consentState>;

/**
 * The record's people once `draft` (null when none) and `current` (the newest published version,
 * null before the first) stand: the listing names only inventors, and only those who joined.
 */
export function recordPeople(
  current: Terms | null,
  draft: Draft | null,
): Pick<InnovationRecord, 'inventorIds' | 'draftPeopleIds'> {
  return {
    inventorIds: current ? inventorIdsOf(current) : draft ? joinedOf(draft) : [],
    draftPeopleIds: draft ? inventorIdsOf(draft).sort(compareIds) : undefined,
  };
}

/** A record as anyone may see it: who a draft names stays with the people it names. */
export function publicRecord<R extends InnovationRecord>(record: R): Omit<R, 'draftPeopleIds' | 'valueListed'> {
  const { draftPeopleIds: _private, valueListed: _bookkeeping, ...rest } = record;
  return rest;
}
