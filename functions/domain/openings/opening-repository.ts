import type { Sieve } from '../paged-reads.ts';
import type { Page, PageRequest } from '../paging.ts';
import type { Application } from './application.ts';
import type { ApplicationMessage } from './application-thread.ts';
import type { ApplicantMatch, ScoredApplication } from './applicant-match.ts';
import type { Opening, OpeningStatus } from './opening.ts';

/**
 * The most applications one opening takes. Ranking applicants must see every one of them, and an admin
 * reads each before deciding: past a couple of hundred nobody does, so the board asks the syndicate to
 * close the opening and post it again rather than let the ranking (and its reads) grow without end.
 * At 200, ranking reads one or two pages of applications and a few batched reads of people and skills.
 */
export const maxApplicationsPerOpening = 200;

export interface OpeningRepository {
  get(openingId: string): Promise<Opening | null>;
  /** Openings by id in batched reads; ids with no opening are absent from the map. */
  getMany(openingIds: readonly string[]): Promise<Map<string, Opening>>;
  /** ConflictError if the id is taken. */
  create(opening: Opening): Promise<void>;
  /** Saves if the stored version is `opening.version - 1`; ConflictError otherwise. */
  save(opening: Opening): Promise<void>;
  /** A page of a syndicate's openings, any status, newest first; `sieve` drops what a view leaves out. */
  pageBySyndicate(syndicateId: string, request: PageRequest, sieve?: Sieve<Opening>): Promise<Page<Opening>>;
  /** A page of the openings in one status, newest posted first; `sieve` drops what a view leaves out. */
  pageByStatus(status: OpeningStatus, request: PageRequest, sieve?: Sieve<Opening>): Promise<Page<Opening>>;
  /**
   * A page of the open openings asking one skill, newest posted first, read through an index of them (so
   * openings that do not ask it are never read); `sieve` drops what a view leaves out. The index lists an
   * opening while it is open and not marked expired by the sweep: one whose date passed since is in it.
   */
  pageOpenAsking(skill: string, request: PageRequest, sieve?: Sieve<Opening>): Promise<Page<Opening>>;
  getApplication(openingId: string, personId: string): Promise<ScoredApplication | null>;
  /**
   * Creates unless the person already applied; returns the stored application either way, and which.
   * RuleViolationError `applications-full` once the opening holds `maxApplicationsPerOpening`.
   */
  createApplication(application: ScoredApplication): Promise<{ application: Application; created: boolean }>;
  /**
   * Saves if the stored status is `expected`; ConflictError otherwise. With a `message` (one sent with a
   * stage change), adds it to the application's thread in the same transaction.
   */
  saveApplication(
    application: Application,
    expected: Application['status'],
    message?: ApplicationMessage,
  ): Promise<void>;
  /** An opening's applications: at most `maxApplicationsPerOpening`, which `createApplication` keeps to. */
  listApplications(openingId: string): Promise<ScoredApplication[]>;
  /**
   * A page of an opening's standing applications (any status but withdrawn) in ranking order: the best
   * stored match first, then whoever applied first (applicant-match.ts). An application written before
   * matches were kept has none and is not in it until it is scored (`npm run applicants:rescore`).
   */
  pageRankedApplications(openingId: string, request: PageRequest): Promise<Page<ScoredApplication>>;
  /**
   * Writes a newer match on the application (and so its place in the ranking), only while its status is
   * still the one read: ConflictError otherwise (a decision came first; the next read scores it again).
   */
  saveMatch(application: ScoredApplication, match: ApplicantMatch): Promise<void>;
  /** A page of a person's applications, newest first. */
  pageApplicationsOf(personId: string, request: PageRequest): Promise<Page<Application>>;
  /**
   * One transaction: the application, stored at `expected`, becomes accepted; the opening, stored at
   * the version before `opening.version`, counts one more filled; the `message`, if any, joins the thread.
   */
  accept(
    application: Application,
    opening: Opening,
    expected: Application['status'],
    message?: ApplicationMessage,
  ): Promise<void>;
}
