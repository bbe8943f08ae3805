// A reference implementation of the shortage port in memory, over an in-memory "table" of sources. The
// benchmark runs on it and the unit tests use it in place of DynamoDB; it keeps the adapter's promises:
// a change is all-or-nothing and refused (ConflictError) unless the stored revision is the expected one.
import { ConflictError } from '../errors.ts';
import { pageOfList } from '../paging.ts';
import type { OpeningReadiness } from './opening-readiness.ts';
import type {
  ContributionChange,
  Holder,
  ShortageRepository,
  ShortageSnapshot,
  StoredContribution,
} from './shortage-repository.ts';
import type { DemandFacts, EnrollmentFacts, OpeningFacts, PersonFacts, SourceRef, SourceState } from './sources.ts';
import { addContribution, canonical, type Tally } from './tally.ts';

export interface MemorySourceTable {
  openings: Map<string, OpeningFacts & { version: number }>;
  /** By `personId|courseId`. */
  enrollments: Map<string, EnrollmentFacts>;
  people: Map<string, PersonFacts>;
  /** Credentialed skill ids by person. */
  credentials: Map<string, Set<string>>;
  /** Wants and orders, by source key (`want#<id>`). */
  demands: Map<string, { ref: Extract<SourceRef, { kind: 'demand' }>; demand: DemandFacts }>;
}

export const memorySourceTable = (): MemorySourceTable => ({
  openings: new Map(),
  enrollments: new Map(),
  people: new Map(),
  credentials: new Map(),
  demands: new Map(),
});

export interface MemoryShortageRepository extends ShortageRepository {
  /** Skill aggregates written by each applied change, in order (the benchmark's "touched" figure). */
  readonly touched: number[];
  aggregateMap(): Map<string, Tally>;
}

/** `pause` runs before every call touches state: tests pass fast-check's scheduler to interleave calls. */
export function memoryShortageRepository(
  table: MemorySourceTable,
  options: { pause?: () => Promise<void> } = {},
): MemoryShortageRepository {
  const pause = options.pause ?? (async () => undefined);
  let contributions = new Map<string, StoredContribution>();
  let aggregates = new Map<string, Tally>();
  let holders = new Map<string, Map<string, Holder>>();
  const snapshots = new Map<string, ShortageSnapshot>();
  const readiness = new Map<string, OpeningReadiness>();
  const touched: number[] = [];
  const copy = <T>(value: T): T => structuredClone(value);

  const personState = (personId: string): SourceState => {
    const person = table.people.get(personId);
    return {
      ref: { kind: 'person', personId },
      person: person ? copy(person) : null,
      credentialedSkills: [...(table.credentials.get(personId) ?? [])].sort(),
    };
  };

  return {
    touched,
    aggregateMap: () => aggregates,

    async readSource(ref) {
      await pause();
      if (ref.kind === 'opening') {
        const opening = table.openings.get(ref.openingId);
        return { ref, opening: opening ? copy(opening) : null };
      }
      if (ref.kind === 'enrollment') {
        const enrollment = table.enrollments.get(`${ref.personId}|${ref.courseId}`);
        return { ref, enrollment: enrollment ? copy(enrollment) : null };
      }
      if (ref.kind === 'demand') {
        const stored = table.demands.get(`${ref.itemType}#${ref.id}`);
        return { ref, demand: stored ? copy(stored.demand) : null };
      }
      return personState(ref.personId);
    },

    async readAllSources() {
      await pause();
      const states: SourceState[] = [];
      for (const opening of table.openings.values()) {
        states.push({ ref: { kind: 'opening', openingId: opening.id }, opening });
      }
      for (const enrollment of table.enrollments.values()) {
        const { personId, courseId } = enrollment;
        states.push({ ref: { kind: 'enrollment', personId, courseId }, enrollment });
      }
      for (const { ref, demand } of table.demands.values()) states.push({ ref, demand });
      for (const personId of new Set([...table.people.keys(), ...table.credentials.keys()])) {
        const person = table.people.get(personId);
        states.push({
          ref: { kind: 'person', personId },
          person: person ?? null,
          credentialedSkills: [...(table.credentials.get(personId) ?? [])],
        });
      }
      return states;
    },

    async getContribution(key) {
      await pause();
      const stored = contributions.get(key);
      return stored ? copy(stored) : null;
    },

    async applyChange(change: ContributionChange) {
      await pause();
      // Everything below runs without an await: the check and the writes are one atomic step.
      const stored = contributions.get(change.key);
      if ((stored?.rev ?? null) !== change.expectedRev) throw new ConflictError('The contribution changed meanwhile.');
      contributions.set(change.key, copy(change.next));
      addContribution(aggregates, change.deltas);
      for (const { skill, personId, how } of change.holders) {
        const forSkill = holders.get(skill) ?? new Map<string, Holder>();
        if (how) forSkill.set(personId, { skill, personId, how });
        else forSkill.delete(personId);
        holders.set(skill, forSkill);
      }
      touched.push(Object.keys(change.deltas).length);
    },

    async replaceIndex(index) {
      await pause();
      // Records of sources that no longer contribute stay, emptied: revisions only ever grow.
      const before = contributions;
      contributions = new Map();
      for (const [key, stored] of before) {
        const tallies = index.contributions.get(key) ?? {};
        const same = JSON.stringify(canonical(stored.tallies)) === JSON.stringify(canonical(tallies));
        contributions.set(key, { key, rev: stored.rev + (same ? 0 : 1), tallies });
      }
      for (const [key, tallies] of index.contributions) {
        if (!before.has(key)) contributions.set(key, { key, rev: 1, tallies });
      }
      aggregates = new Map(index.aggregates);
      holders = new Map();
      for (const holder of index.holders) {
        const forSkill = holders.get(holder.skill) ?? new Map<string, Holder>();
        forSkill.set(holder.personId, holder);
        holders.set(holder.skill, forSkill);
      }
      return { written: index.contributions.size + aggregates.size + index.holders.length, deleted: 0 };
    },

    async listAggregates() {
      await pause();
      return [...aggregates].map(([skill, tally]) => ({ skill, tally: { ...tally } }));
    },

    async foldAggregate(fold) {
      await pause();
      const tally = aggregates.get(fold.skill) ?? {};
      const changed = Object.entries(fold.expected).some(([key, value]) => (tally[key] ?? null) !== value);
      if (changed) throw new ConflictError('The aggregate changed meanwhile.');
      for (const [key, value] of Object.entries(fold.next)) {
        if (value === null) delete tally[key];
        else tally[key] = value;
      }
      if (Object.keys(tally).length === 0) aggregates.delete(fold.skill);
      else aggregates.set(fold.skill, tally);
    },

    async listContributions() {
      await pause();
      return [...contributions.values()].map(copy);
    },

    async pageHolders(skill, request) {
      await pause();
      const all = [...(holders.get(skill)?.values() ?? [])].sort((a, b) => (a.personId < b.personId ? -1 : 1));
      return pageOfList(all, request);
    },

    async holdersAmong(skill, personIds) {
      await pause();
      const held = holders.get(skill);
      return new Set(personIds.filter((personId) => held?.has(personId)));
    },

    async pageLearners(courseId, request) {
      await pause();
      const learners = [...table.enrollments.values()]
        .filter((e) => e.courseId === courseId && e.status === 'in-progress')
        .map((e) => e.personId)
        .sort();
      return pageOfList(learners, request);
    },

    async markExpired(opening) {
      await pause();
      const stored = table.openings.get(opening.id);
      if (
        !stored ||
        stored.version !== opening.version ||
        stored.status !== 'open' ||
        stored.validThrough !== opening.validThrough
      ) {
        throw new ConflictError('The opening changed meanwhile.');
      }
      table.openings.set(opening.id, { ...stored, expiredOn: opening.validThrough, version: stored.version + 1 });
    },

    async putSnapshot(snapshot) {
      await pause();
      snapshots.set(snapshot.day, copy(snapshot));
    },

    async getReadiness(openingId) {
      await pause();
      const kept = readiness.get(openingId);
      return kept ? copy(kept) : null;
    },

    async putReadiness(counts) {
      await pause();
      readiness.set(counts.openingId, copy(counts));
    },

    async listSnapshots(fromDay) {
      await pause();
      return [...snapshots.values()].filter((s) => s.day >= fromDay).sort((a, b) => a.day.localeCompare(b.day));
    },
  };
}
