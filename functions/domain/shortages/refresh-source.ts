// Keeps the index current, one source at a time. The stream consumer calls this for every source a
// record touches; it is safe to call any number of times, in any order, concurrently.
import type { Commons } from '../content/commons.ts';
import { ConflictError } from '../errors.ts';
import { conflictRetry, type RetryClock, startRetries } from '../retry.ts';
import type { ContributionChange, ShortageRepository, StoredContribution } from './shortage-repository.ts';
import { contributionOf, holderKind, type SourceRef, sourceKey } from './sources.ts';
import { type Contribution, difference, replaceSkills } from './tally.ts';

/**
 * Skills per transaction: each takes an aggregate update and at most one holder write, plus the source's
 * record, under DynamoDB's 100 items. A person declaring more skills is applied in several steps, each
 * atomic and each conditional on the revision the step before wrote.
 */
export const skillsPerChange = 45;

/**
 * The changes that move a source's stored contribution to `next`. When nothing differs it is still one
 * change, a bare revision bump: a refresh that read the latest state must invalidate any slower refresh
 * that read an older state and has yet to commit (its condition on the revision then fails).
 */
export function planChanges(
  ref: SourceRef,
  stored: StoredContribution | null,
  next: Contribution,
  perChange = skillsPerChange,
): ContributionChange[] {
  const key = sourceKey(ref);
  const current = stored?.tallies ?? {};
  const deltas = difference(current, next);
  const skills = Object.keys(deltas).sort();
  const rev0 = stored?.rev ?? null;
  if (skills.length === 0) {
    return [{ key, expectedRev: rev0, next: { key, rev: (rev0 ?? 0) + 1, tallies: current }, deltas: {}, holders: [] }];
  }
  const personId = ref.kind === 'person' ? ref.personId : undefined;
  const changes: ContributionChange[] = [];
  let tallies = current;
  let rev = rev0;
  for (let start = 0; start < skills.length; start += perChange) {
    const chunk = skills.slice(start, start + perChange);
    const after = replaceSkills(tallies, next, chunk);
    const nextRev = (rev ?? 0) + 1;
    changes.push({
      key,
      expectedRev: rev,
      next: { key, rev: nextRev, tallies: after },
      deltas: Object.fromEntries(chunk.map((skill) => [skill, deltas[skill] ?? {}])),
      holders: personId
        ? chunk.flatMap((skill) => {
            const before = holderKind(tallies[skill]);
            const now = holderKind(after[skill]);
            return before === now ? [] : [{ skill, personId, how: now }];
          })
        : [],
    });
    tallies = after;
    rev = nextRev;
  }
  return changes;
}

export interface RefreshDependencies {
  shortages: ShortageRepository;
  commons: Pick<Commons, 'skills' | 'courses'>;
  /** What the conflict retries wait on; the system's clock unless a test passes one that does not sleep. */
  clock?: RetryClock;
}

export interface RefreshResult {
  /** Skill aggregates this refresh changed: only skills of the changed source. */
  touchedSkills: string[];
  attempts: number;
}

/**
 * Steps: read the stored contribution, then the source's current state (in that order: a state read after
 * the record can never be older than what the record holds); plan the delta; apply it conditionally on the
 * revision read. A conflict means another refresh of the same source won: start again from the top.
 */
export async function refreshSource(
  deps: RefreshDependencies,
  ref: SourceRef,
  maxAttempts = 10,
): Promise<RefreshResult> {
  const retries = startRetries({ ...conflictRetry, tries: maxAttempts }, deps.clock);
  for (;;) {
    const stored = await deps.shortages.getContribution(sourceKey(ref));
    const state = await deps.shortages.readSource(ref);
    const changes = planChanges(ref, stored, contributionOf(state, deps.commons));
    try {
      for (const change of changes) await deps.shortages.applyChange(change);
      return { touchedSkills: changes.flatMap((c) => Object.keys(c.deltas)), attempts: retries.tries };
    } catch (error) {
      if (!(error instanceof ConflictError) || !(await retries.next())) throw error;
    }
  }
}
