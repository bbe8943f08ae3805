import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConflictError } from '#domain/errors.ts';
import { foldDemand, foldDemandIndex } from '#domain/shortages/fold.ts';
import { memorySourceTable, memoryShortageRepository } from '#domain/shortages/memory-repository.ts';
import { fadedDemand, rankShortages } from '#domain/shortages/score.ts';
import type { AggregateFold } from '#domain/shortages/shortage-repository.ts';
import type { Tally } from '#domain/shortages/tally.ts';
import { commons } from '../../support/services.ts';

const day = (offset: number) => new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
const skills = [...commons.skills.keys()].slice(0, 6);

/** Applies a fold as the store does (the condition is checked by the repositories' own tests). */
const apply = (tally: Tally, fold: AggregateFold | null) => {
  for (const [key, value] of Object.entries(fold?.next ?? {})) {
    if (value === null) delete tally[key];
    else tally[key] = value;
  }
};
const add = (tally: Tally, key: string, value: number) => {
  const sum = (tally[key] ?? 0) + value;
  if (sum === 0) delete tally[key];
  else tally[key] = sum;
};

/** A stream of demand for several skills: postings, later removals of some, and the sweep's daily folds. */
const history = fc.array(
  fc.record({
    skill: fc.constantFrom(...skills),
    posted: fc.integer({ min: 0, max: 400 }),
    hours: fc.integer({ min: 1, max: 400 }),
    removedLater: fc.boolean(),
  }),
  { maxLength: 60 },
);

describe('the daily fold of demand days', () => {
  it('ranks and scores every skill exactly as summing every posted day did', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 1, max: 30 }), (postings, foldEvery) => {
        const truth = new Map<string, Tally>(skills.map((s) => [s, { positions: 1 }]));
        const folded = new Map<string, Tally>(skills.map((s) => [s, { positions: 1 }]));
        const removals: typeof postings = [];
        // Days pass; on each, the postings of that day arrive, some earlier ones leave, and every
        // `foldEvery` days the sweep folds every skill.
        for (let today = 0; today <= 420; today++) {
          for (const p of postings.filter((p) => p.posted === today)) {
            for (const tallies of [truth, folded]) add(tallies.get(p.skill) ?? {}, `demand:${day(p.posted)}`, p.hours);
            if (p.removedLater) removals.push(p);
          }
          if (today % 7 === 3) {
            for (const p of removals.splice(0, 1)) {
              for (const tallies of [truth, folded])
                add(tallies.get(p.skill) ?? {}, `demand:${day(p.posted)}`, -p.hours);
            }
          }
          if (today % foldEvery === 0) {
            for (const [skill, tally] of folded) apply(tally, foldDemand(skill, tally, day(today)));
          }
        }
        const read = (tallies: Map<string, Tally>) =>
          rankShortages(
            [...tallies].map(([skill, tally]) => ({ skill, tally })),
            commons,
            day(421),
          );
        expect(read(folded)).toEqual(read(truth));
        for (const skill of skills) {
          const t = fadedDemand(truth.get(skill) ?? {}, day(421));
          expect(fadedDemand(folded.get(skill) ?? {}, day(421))).toBeCloseTo(t, 12);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keeps an aggregate the same size however many days of demand it has seen', () => {
    const tally: Tally = { openings: 3, positions: 3 };
    for (let d = 0; d < 365; d++) {
      add(tally, `demand:${day(d)}`, 40);
      apply(tally, foldDemand('door-hanging', tally, day(d)));
    }
    expect(Object.keys(tally).sort()).toEqual(['faded:2026-12-31', 'foldedHours', 'openings', 'positions']);
    expect(tally.foldedHours).toBe(365 * 40);
  });

  it('leaves no demand at all, not a rounding residue, once every hour has left', () => {
    const tally: Tally = {};
    add(tally, `demand:${day(0)}`, 37);
    add(tally, `demand:${day(5)}`, 11);
    apply(tally, foldDemand('door-hanging', tally, day(9)));
    add(tally, `demand:${day(0)}`, -37);
    add(tally, `demand:${day(5)}`, -11);
    expect(fadedDemand(tally, day(10))).toBe(0);
    apply(tally, foldDemand('door-hanging', tally, day(10)));
    expect(tally).toEqual({});
  });

  it('counts demand posted after the fold day in full until its day passes', () => {
    const tally: Tally = { [`demand:${day(12)}`]: 40, [`demand:${day(2)}`]: 40 };
    const fold = foldDemand('door-hanging', tally, day(10));
    expect(Object.keys(fold?.next ?? {})).not.toContain(`demand:${day(12)}`);
    apply(tally, fold);
    expect(tally[`demand:${day(12)}`]).toBe(40);
    expect(fadedDemand(tally, day(10))).toBeCloseTo(1 + 2 ** (-8 / 30), 12);
  });

  it('has nothing to fold when no demand day is left up to the fold day', () => {
    expect(foldDemand('door-hanging', { openings: 1, 'faded:2026-01-01': 40, foldedHours: 40 }, day(3))).toBeNull();
    expect(foldDemand('door-hanging', { learners: 2, [`demand:${day(9)}`]: 40 }, day(3))).toBeNull();
  });

  it('folds again a skill the stream changed between the read and the write, and loses none of its demand', async () => {
    const repo = memoryShortageRepository(memorySourceTable());
    await repo.applyChange({
      key: 'opening#o1',
      expectedRev: null,
      next: { key: 'opening#o1', rev: 1, tallies: {} },
      deltas: { 'door-hanging': { openings: 1, [`demand:${day(1)}`]: 40 } },
      holders: [],
    });
    let raced = false;
    const racing = {
      listAggregates: repo.listAggregates,
      async foldAggregate(fold: AggregateFold) {
        if (!raced) {
          raced = true;
          // The stream adds demand to the same day after the sweep read the aggregate.
          await repo.applyChange({
            key: 'opening#o2',
            expectedRev: null,
            next: { key: 'opening#o2', rev: 1, tallies: {} },
            deltas: { 'door-hanging': { openings: 1, [`demand:${day(1)}`]: 40 } },
            holders: [],
          });
        }
        return repo.foldAggregate(fold);
      },
    };
    const report = await foldDemandIndex({ shortages: racing, now: () => new Date(`${day(1)}T06:00:00Z`) });
    expect(report).toEqual({ folded: 1, skipped: [] });
    const [aggregate] = await repo.listAggregates();
    expect(aggregate?.tally).toEqual({ openings: 2, [`faded:${day(1)}`]: 80, foldedHours: 80 });
  });

  it('refuses a fold whose aggregate is no longer as it was read', async () => {
    const repo = memoryShortageRepository(memorySourceTable());
    await expect(
      repo.foldAggregate({ skill: 'door-hanging', expected: { 'demand:2026-01-01': 40 }, next: {} }),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});
