// The incremental index equals a full recompute after any sequence of writes, whatever the stream does
// with the records: deliver them late, out of order, in odd batches, twice, or concurrently.
import { everyItem } from '#domain/paged-reads.ts';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StreamRecord } from '#app/stream-indexer.ts';
import { applyShortageRecords } from '#app/stream-shortages.ts';
import {
  type MemoryShortageRepository,
  memoryShortageRepository,
  memorySourceTable,
} from '#domain/shortages/memory-repository.ts';
import { buildIndex, recomputeIndex } from '#domain/shortages/recompute.ts';
import { refreshSource } from '#domain/shortages/refresh-source.ts';
import { sourceOf } from '#domain/shortages/sources.ts';
import { canonical } from '#domain/shortages/tally.ts';
import { createLogger } from '#platform/log.ts';
import { fakeClock } from '../../support/fake-clock.ts';
import { commons } from '../../support/services.ts';
import { applyWrite, type Write, writeArbitrary } from './model.ts';

const log = createLogger('silent');

/** What the stream does next: a write, a batch of pending records in some order, or a replay. */
type Step =
  | { kind: 'write'; write: Write }
  | { kind: 'deliver'; picks: number[] }
  | { kind: 'replay'; picks: number[] };

const picks = fc.array(fc.nat(), { minLength: 1, maxLength: 4 });
const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: writeArbitrary.map((write) => ({ kind: 'write' as const, write })) },
  { weight: 2, arbitrary: picks.map((p) => ({ kind: 'deliver' as const, picks: p })) },
  { weight: 1, arbitrary: picks.map((p) => ({ kind: 'replay' as const, picks: p })) },
);

async function expectEqualToRecompute(repo: MemoryShortageRepository) {
  const expected = buildIndex(await repo.readAllSources(), commons);
  expect(canonical(repo.aggregateMap())).toEqual(canonical(expected.aggregates));
  const stored = (await repo.listContributions()).filter((c) => Object.keys(c.tallies).length > 0);
  expect(new Map(stored.map((c) => [c.key, canonical(c.tallies)]))).toEqual(
    new Map([...expected.contributions].map(([key, c]) => [key, canonical(c)])),
  );
  for (const skill of new Set(expected.holders.map((h) => h.skill))) {
    const holders = (await everyItem((request) => repo.pageHolders(skill, request)))
      .map((h) => `${h.personId}:${h.how}`)
      .sort();
    expect(holders).toEqual(
      expected.holders
        .filter((h) => h.skill === skill)
        .map((h) => `${h.personId}:${h.how}`)
        .sort(),
    );
  }
  // And the recompute itself finds nothing to repair.
  const before = canonical(repo.aggregateMap());
  expect((await recomputeIndex({ shortages: repo, commons })).differed).toEqual([]);
  expect(canonical(repo.aggregateMap())).toEqual(before);
}

describe('the incremental shortage index', () => {
  it('equals a recompute after any writes, with records delivered late, reordered, batched oddly or replayed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArbitrary, { maxLength: 60 }), async (steps) => {
        const table = memorySourceTable();
        const repo = memoryShortageRepository(table);
        const deps = { shortages: repo, commons, log };
        const pending: StreamRecord[] = [];
        const delivered: StreamRecord[] = [];
        const take = (from: StreamRecord[], indexes: number[], remove: boolean) => {
          const batch: StreamRecord[] = [];
          for (const index of indexes) {
            if (from.length === 0) break;
            const at = index % from.length;
            const [picked] = remove ? from.splice(at, 1) : [from[at]];
            if (picked) batch.push(picked);
          }
          return batch;
        };
        for (const step of steps) {
          if (step.kind === 'write') {
            const record = applyWrite(table, step.write);
            if (record) pending.push(record);
          } else {
            const batch = take(step.kind === 'deliver' ? pending : delivered, step.picks, step.kind === 'deliver');
            expect((await applyShortageRecords(deps, batch)).batchItemFailures).toEqual([]);
            if (step.kind === 'deliver') delivered.push(...batch);
          }
        }
        // The stream delivers every record in the end.
        await applyShortageRecords(deps, pending.splice(0).reverse());
        await expectEqualToRecompute(repo);
      }),
      { numRuns: 200 },
    );
  });

  it('equals a recompute when refreshes of the same sources race each other and the writes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.array(fc.tuple(writeArbitrary, fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 12 }),
        async (s, writes) => {
          const table = memorySourceTable();
          let racing = true;
          const repo = memoryShortageRepository(table, {
            pause: () => (racing ? s.schedule(Promise.resolve()) : Promise.resolve()),
          });
          // Conflict retries back off on a clock that does not sleep: the race is the scheduler's, and
          // real waits would make 150 runs slow on a busy machine.
          const deps = { shortages: repo, commons, clock: fakeClock() };
          const running: Array<Promise<unknown>> = [];
          for (const [write, copies] of writes) {
            // The write lands at a moment the scheduler picks; then its record is handled by `copies`
            // consumers at once (a retry overlapping a slow first attempt, or two shards' worth of replays).
            running.push(
              s.schedule(Promise.resolve()).then(async () => {
                const image = applyWrite(table, write)?.dynamodb;
                const item = image?.NewImage ?? image?.OldImage;
                const ref = sourceOf(item ? unmarshall(item) : undefined);
                if (!ref) return;
                await Promise.all(Array.from({ length: copies }, () => refreshSource(deps, ref, 50)));
              }),
            );
          }
          await s.waitFor(Promise.all(running));
          racing = false;
          await expectEqualToRecompute(repo);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('applies a person with more skills than one transaction holds in several conditional steps', async () => {
    const table = memorySourceTable();
    const repo = memoryShortageRepository(table);
    const many = [...commons.skills.keys()].slice(0, 100);
    applyWrite(table, { kind: 'person', id: 'p1', available: true, declared: many });
    const result = await refreshSource({ shortages: repo, commons }, { kind: 'person', personId: 'p1' });
    expect(result.touchedSkills).toHaveLength(100);
    expect(repo.touched).toEqual([45, 45, 10]);
    expect((await repo.getContribution('person#p1'))?.rev).toBe(3);
    await expectEqualToRecompute(repo);
  });
});
