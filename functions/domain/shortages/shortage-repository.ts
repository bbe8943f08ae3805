// The port the shortage index needs stored. The DynamoDB adapter implements it with one transaction per
// change (contribution record conditional on its revision, the aggregates, the holders); the in-memory
// implementation (memory-repository.ts) keeps the same promises for the benchmark and the unit tests.
import type { Page, PageRequest } from '../paging.ts';
import type { OpeningReadiness } from './opening-readiness.ts';
import type { Contribution, Tally } from './tally.ts';
import type { SourceRef, SourceState } from './sources.ts';

/** What the index last applied for one source. `rev` grows by one with every applied change. */
export interface StoredContribution {
  key: string;
  rev: number;
  tallies: Contribution;
}

/** An available person holding a skill, kept beside the skill's aggregate. */
export interface Holder {
  skill: string;
  personId: string;
  how: 'credentialed' | 'declared';
}

/**
 * One atomic step of the index: the source's record moves from `expectedRev` to `next`, each skill in
 * `deltas` gets its delta added, and the holders change as listed (`how: null` removes one).
 */
export interface ContributionChange {
  key: string;
  /** The stored revision this change was computed from; null when nothing is stored yet. */
  expectedRev: number | null;
  next: StoredContribution;
  deltas: Contribution;
  holders: Array<{ skill: string; personId: string; how: Holder['how'] | null }>;
}

export interface SkillAggregate {
  skill: string;
  tally: Tally;
}

/**
 * The daily fold of one skill's demand days (fold.ts): the attributes it replaces with the values read
 * (null: absent), and what they become (null: removed). Applied only if all still hold what was read.
 */
export interface AggregateFold {
  skill: string;
  expected: Record<string, number | null>;
  next: Record<string, number | null>;
}

/** The whole index, as a recompute builds it. */
export interface ShortageIndex {
  contributions: Map<string, Contribution>;
  aggregates: Map<string, Tally>;
  holders: Holder[];
}

/** One day's scores, for the trend. Numbers are rounded to 3 decimals when the snapshot is made. */
export interface ShortageSnapshot {
  day: string;
  skills: Record<string, { score: number; demand: number; supply: number }>;
  trades: Record<string, { score: number; demand: number; supply: number }>;
  /** The commons' members that day, as the snapshot federates it (issue 20); absent on older snapshots. */
  members?: number | undefined;
  /** The board's remaining positions that day; absent on older snapshots. */
  openPositions?: number | undefined;
}

export interface ShortageRepository {
  /** The current state of one source, read strongly consistently (never older than the stream record). */
  readSource(ref: SourceRef): Promise<SourceState>;
  /** Every source in the table (recompute); order does not matter. */
  readAllSources(): Promise<SourceState[]>;
  getContribution(key: string): Promise<StoredContribution | null>;
  /** Applies one change atomically; ConflictError when the stored revision is not `expectedRev`. */
  applyChange(change: ContributionChange): Promise<void>;
  /** Replaces the whole index with a recomputed one; assumes no concurrent `applyChange`. */
  replaceIndex(index: ShortageIndex): Promise<{ written: number; deleted: number }>;
  listAggregates(): Promise<SkillAggregate[]>;
  /** Applies one fold of a skill's demand days; ConflictError when the aggregate changed since it was read. */
  foldAggregate(fold: AggregateFold): Promise<void>;
  /** Every stored contribution (the equality check of a recompute). */
  listContributions(): Promise<StoredContribution[]>;
  /** A page of the available people holding a skill, by person id. */
  pageHolders(skill: string, request: PageRequest): Promise<Page<Holder>>;
  /** Which of these people hold the skill, read by key in batches. */
  holdersAmong(skill: string, personIds: readonly string[]): Promise<Set<string>>;
  /** A page of the people with an in-progress enrollment in the course. */
  pageLearners(courseId: string, request: PageRequest): Promise<Page<string>>;
  /**
   * Marks an open opening expired if it is still at `version` and `validThrough`, and takes it off the
   * board's index of the skills it asks (`skills`, as listed at that version); ConflictError otherwise.
   */
  markExpired(
    opening: { id: string; version: number; validThrough: string; skills: ReadonlyArray<{ skill: string }> },
    at: string,
  ): Promise<void>;
  putSnapshot(snapshot: ShortageSnapshot): Promise<void>;
  /** An opening's readiness counts as last kept (opening-readiness.ts decides whether they still answer). */
  getReadiness(openingId: string): Promise<OpeningReadiness | null>;
  /** Keeps an opening's readiness counts in place of the last. */
  putReadiness(readiness: OpeningReadiness): Promise<void>;
  /** Snapshots from `fromDay` on, oldest first. */
  listSnapshots(fromDay: string): Promise<ShortageSnapshot[]>;
}

/**
 * One snapshot by day, or the newest: what the federated snapshot serves (issue 20). A port of its own,
 * apart from the repository, so the API functions that never serve it carry none of it.
 */
export interface ShortageSnapshotReads {
  /** One day's snapshot, or null when none was kept that day. */
  getSnapshot(day: string): Promise<ShortageSnapshot | null>;
  /** The newest snapshot kept, or null before the first. */
  latestSnapshot(): Promise<ShortageSnapshot | null>;
}
