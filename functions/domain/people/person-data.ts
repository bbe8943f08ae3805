// The port for a person's data as a whole: what the export reads and the account deletion removes.
// It is found by key, not by a list of item types: everything under the person's own partition,
// everything gsi1 lists under them, their kept idempotency answers and anything kept below one of
// their applications' keys. An item type added later under any of those keys is exported and
// deleted without a change here (see delete-account.ts for the few kinds that are kept). Beside
// those, what is listed under them elsewhere because others share it: the orders their account
// placed and received (a trade has two sides), their proposal drafts and the votes they cast.
import type { PersonFollowers } from '../federation/person-actor.ts';
import type { Page, PageRequest } from '../paging.ts';
import type { CvRecord } from './cv.ts';

/**
 * The parts of a person's data, each read a page at a time: `own` (profile, CV, enrollments, attempts,
 * held skills…), `listed` (credentials, memberships, applications, inventor links…), `answers` (the
 * first answer kept for each idempotency key they sent), `inbox` (their notifications and unread count),
 * `ledger` (their Bound account and its entries and credit-limit changes), `buying` and `selling` (the
 * orders their own account placed and received), `drafts` (their proposal drafts) and `votes` (the
 * votes they cast, one a proposal).
 */
export const personDataParts = [
  'own',
  'listed',
  'answers',
  'inbox',
  'ledger',
  'buying',
  'selling',
  'drafts',
  'votes',
] as const;
export type PersonDataPart = (typeof personDataParts)[number];

/** One stored item: its entity type, its attributes without table keys, and an opaque reference to it. */
export interface StoredItem {
  type: string;
  data: Record<string, unknown>;
  ref: string;
  /**
   * References to items kept outside the person's keys that belong to this one (a saved search's feed
   * address): the deletion removes them before it, so a retry after a fault still finds them through it.
   */
  attached?: string[] | undefined;
}

/** Marks a person's account as deleted (or being deleted): a cut-short deletion resumes from it. */
export interface AccountDeletion {
  personId: string;
  status: 'deleting' | 'deleted';
  startedAt: string;
  finishedAt?: string | undefined;
}

/** Where an application's own data lives, beside the application item: each an account deletion removes. */
export const applicationDataScopes = ['below', 'thread', 'notes'] as const;
export type ApplicationDataScope = (typeof applicationDataScopes)[number];

/** Asked before every write: when the account was deleted, or null if it stands. */
export interface AccountDeletions {
  deletedAt(personId: string): Promise<string | null>;
}

/** With the followers of the person's `Person` actor, kept under their partition (forgotten on opting out). */
export interface PersonDataRepository extends PersonFollowers {
  getCv(personId: string): Promise<CvRecord | null>;
  saveCv(record: CvRecord): Promise<void>;
  removeCv(personId: string): Promise<void>;
  /** A page of one part of the person's data, in key order. */
  page(personId: string, part: PersonDataPart, request: PageRequest): Promise<Page<StoredItem>>;
  /**
   * A page of what is kept about one application beside the application item itself: below its key
   * (`below`), its message thread (`thread`) and the admins' private notes on it (`notes`).
   */
  pageBelowApplication(
    openingId: string,
    personId: string,
    request: PageRequest,
    scope?: ApplicationDataScope,
  ): Promise<Page<StoredItem>>;
  /** Removes the person's profile item, first of all: from then on no profile can be read or made. */
  removeProfile(personId: string): Promise<void>;
  /** Removes items by reference; removing one already gone is no error. */
  remove(refs: readonly string[]): Promise<void>;
  /** Takes `fields` out of the item at `ref`, keeping the rest; an item already gone is no error. */
  removeFields(ref: string, fields: readonly string[]): Promise<void>;
  getDeletion(personId: string): Promise<AccountDeletion | null>;
  /** Records that the deletion started, unless it already did; returns the record as stored. */
  startDeletion(deletion: AccountDeletion): Promise<AccountDeletion>;
  finishDeletion(personId: string, finishedAt: string): Promise<void>;
}
