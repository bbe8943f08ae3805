import { describe, expect, it } from 'vitest';
import { planChanges } from '#domain/shortages/refresh-source.ts';
import {
  boardTotals,
  contributionOf,
  needsExpiry,
  type OpeningFacts,
  type SourceState,
  sourceKey,
  sourceOf,
  wholeBoard,
} from '#domain/shortages/sources.ts';
import { weightedSupply } from '#domain/shortages/score.ts';
import { addContribution, canonical, difference } from '#domain/shortages/tally.ts';
import { commons } from '../../support/services.ts';

const opening: OpeningFacts = {
  id: 'o1',
  syndicateId: 's1',
  status: 'open',
  positions: 3,
  filled: 1,
  hoursPerWeek: 20,
  skills: [{ skill: 'stud-wall-framing' }, { skill: 'door-hanging' }],
  validThrough: '2026-12-31',
  datePosted: '2026-11-02T09:00:00.000Z',
  createdAt: '2026-11-01T09:00:00.000Z',
};
const openingState = (changes: Partial<OpeningFacts>): SourceState => ({
  ref: { kind: 'opening', openingId: 'o1' },
  opening: { ...opening, ...changes },
});
const personState = (available: boolean, declared: string[], credentialed: string[]): SourceState => ({
  ref: { kind: 'person', personId: 'p1' },
  person: { id: 'p1', available, declaredSkills: declared },
  credentialedSkills: credentialed,
});

describe('what each source adds to the index', () => {
  it('counts an open opening’s remaining positions, weighted by hours, on the day it was posted', () => {
    expect(contributionOf(openingState({}), commons)).toEqual({
      'stud-wall-framing': { openings: 1, positions: 2, 'demand:2026-11-02': 40 },
      'door-hanging': { openings: 1, positions: 2, 'demand:2026-11-02': 40 },
      [wholeBoard]: { openings: 1, positions: 2 },
    });
  });

  it('counts an opening once on the whole board, however many skills it asks and even if it asks none the commons knows', () => {
    expect(contributionOf(openingState({}), commons)[wholeBoard]).toEqual({ openings: 1, positions: 2 });
    expect(contributionOf(openingState({ skills: [{ skill: 'juggling' }] }), commons)).toEqual({
      [wholeBoard]: { openings: 1, positions: 2 },
    });
  });

  it('reads the whole board’s open openings and positions from the aggregates, and zero before any', () => {
    const aggregates = [
      { skill: 'door-hanging', tally: { openings: 3, positions: 7 } },
      { skill: wholeBoard, tally: { openings: 2, positions: 5 } },
    ];
    expect(boardTotals(aggregates)).toEqual({ openings: 2, positions: 5 });
    expect(boardTotals(aggregates.slice(0, 1))).toEqual({ openings: 0, positions: 0 });
  });

  it.each([
    ['a draft', { status: 'draft' }],
    ['a filled opening', { status: 'filled', filled: 3 }],
    ['a closed opening', { status: 'closed' }],
    ['an opening the sweep marked expired', { validThrough: '2026-11-20', expiredOn: '2026-11-20' }],
  ] as const)('counts nothing for %s', (_, changes) => {
    expect(contributionOf(openingState(changes), commons)).toEqual({});
  });

  it('counts an expired opening again as soon as its date is moved forward', () => {
    expect(
      Object.keys(contributionOf(openingState({ validThrough: '2027-01-31', expiredOn: '2026-11-20' }), commons)),
    ).toHaveLength(3);
  });

  it('counts a learner part-way through a course for every skill it teaches, and nothing once completed', () => {
    const course = commons.courses.get('timber-stud-partition-walls');
    const state = (status: string): SourceState => ({
      ref: { kind: 'enrollment', personId: 'p1', courseId: 'timber-stud-partition-walls' },
      enrollment: { personId: 'p1', courseId: 'timber-stud-partition-walls', status },
    });
    expect(Object.keys(contributionOf(state('in-progress'), commons)).sort()).toEqual(
      course?.skills.map((s) => s.skill).sort(),
    );
    expect(contributionOf(state('completed'), commons)).toEqual({});
  });

  it('counts a learner in a filled training place once, as a trainee instead of a learner, until they complete', () => {
    const state = (status: string, inTraining: boolean): SourceState => ({
      ref: { kind: 'enrollment', personId: 'p1', courseId: 'plasterboard-hanging-and-jointing' },
      enrollment: { personId: 'p1', courseId: 'plasterboard-hanging-and-jointing', status, inTraining },
    });
    const inTraining = contributionOf(state('in-progress', true), commons);
    expect(inTraining['plasterboard-hanging']).toEqual({ trainees: 1 });
    expect(contributionOf(state('in-progress', false), commons)['plasterboard-hanging']).toEqual({ learners: 1 });
    expect(contributionOf(state('completed', true), commons)).toEqual({});
    // One learner, one trainee: 0.5 of supply, between a learner's 0.25 and a credentialed holder's 1.
    expect(weightedSupply(inTraining['plasterboard-hanging'] ?? {})).toBe(0.5);
  });

  it('counts an available person’s credential over their declaration of the same skill, and ignores unknown skills', () => {
    expect(
      contributionOf(personState(true, ['door-hanging', 'stud-wall-framing', 'juggling'], ['door-hanging']), commons),
    ).toEqual({ 'door-hanging': { credentialed: 1 }, 'stud-wall-framing': { declared: 1 } });
  });

  it('counts nothing for a person who is not available', () => {
    expect(contributionOf(personState(false, ['door-hanging'], ['stud-wall-framing']), commons)).toEqual({});
  });
});

describe('which source a changed item belongs to', () => {
  it.each([
    [{ type: 'opening', id: 'o1' }, 'opening#o1'],
    [{ type: 'enrollment', personId: 'p1', courseId: 'c1' }, 'enrollment#p1#c1'],
    [{ type: 'trainee', personId: 'p1', courseId: 'c1', openingId: 'o1' }, 'enrollment#p1#c1'],
    [{ type: 'person', id: 'p1' }, 'person#p1'],
    [{ type: 'held-skill', personId: 'p1', skillId: 'door-hanging' }, 'person#p1'],
  ])('maps %o to %s', (item, key) => {
    const ref = sourceOf(item);
    expect(ref && sourceKey(ref)).toBe(key);
  });

  it('ignores items that feed no source, the index’s own items among them', () => {
    for (const type of ['syndicate', 'application', 'shortage', 'shortage-source', 'credential']) {
      expect(sourceOf({ type, id: 'x' })).toBeNull();
    }
  });

  it('refuses a source item without its ids, so the record is retried rather than dropped', () => {
    expect(() => sourceOf({ type: 'opening' })).toThrow(/without its ids/);
  });
});

describe('the expiry rule', () => {
  it('marks only open openings whose date passed and that are not marked yet', () => {
    expect(needsExpiry({ ...opening, validThrough: '2026-11-20' }, '2026-11-21')).toBe(true);
    expect(needsExpiry({ ...opening, validThrough: '2026-11-21' }, '2026-11-21')).toBe(false);
    expect(needsExpiry({ ...opening, validThrough: '2026-11-20', expiredOn: '2026-11-20' }, '2026-11-21')).toBe(false);
    expect(needsExpiry({ ...opening, status: 'closed', validThrough: '2026-11-20' }, '2026-11-21')).toBe(false);
  });
});

describe('planning a change', () => {
  const ref = { kind: 'person', personId: 'p1' } as const;

  it('adds only the difference, and moves holders only for the skills whose holding changed', () => {
    const stored = { key: 'person#p1', rev: 4, tallies: { a: { declared: 1 }, b: { declared: 1 } } };
    const [change, ...rest] = planChanges(ref, stored, {
      a: { credentialed: 1 },
      b: { declared: 1 },
      c: { declared: 1 },
    });
    expect(rest).toEqual([]);
    expect(change).toMatchObject({
      expectedRev: 4,
      next: { rev: 5 },
      deltas: { a: { credentialed: 1, declared: -1 }, c: { declared: 1 } },
      holders: [
        { skill: 'a', personId: 'p1', how: 'credentialed' },
        { skill: 'c', personId: 'p1', how: 'declared' },
      ],
    });
  });

  it('still bumps the revision when nothing changed, so a slower refresh with older facts cannot commit', () => {
    const stored = { key: 'person#p1', rev: 2, tallies: { a: { declared: 1 } } };
    expect(planChanges(ref, stored, { a: { declared: 1 } })).toEqual([
      {
        key: 'person#p1',
        expectedRev: 2,
        next: { key: 'person#p1', rev: 3, tallies: stored.tallies },
        deltas: {},
        holders: [],
      },
    ]);
  });

  it('adds up: the old contribution plus the difference is the new one', () => {
    const a = { x: { openings: 1, 'demand:2026-11-02': 40 } };
    const b = { x: { openings: 1, 'demand:2026-11-05': 10 }, y: { learners: 1 } };
    const sum = new Map(Object.entries(a));
    addContribution(sum, difference(a, b));
    expect(canonical(sum)).toEqual(canonical(b));
    expect(difference(a, a)).toEqual({});
  });
});
