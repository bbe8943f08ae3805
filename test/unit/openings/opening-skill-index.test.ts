// The board's index by skill, as pure writes: what each change of an opening puts and deletes, so the
// index lists exactly the open openings not marked expired, one item per skill they ask.
import { describe, expect, it } from 'vitest';
import { type IndexedOpening, skillIndexItems, skillIndexWrites } from '#adapters/dynamodb/opening-skill-index.ts';

const opening = (overrides: Partial<IndexedOpening> = {}): IndexedOpening => ({
  id: 'o1',
  status: 'open',
  skills: [{ skill: 'stud-wall-framing' }, { skill: 'plasterboard-hanging' }],
  validThrough: '2026-12-31',
  datePosted: '2026-11-02T09:00:00.000Z',
  createdAt: '2026-11-01T09:00:00.000Z',
  ...overrides,
});
const skills = (...ids: string[]) => ids.map((skill) => ({ skill }));

/** The writes as `put <skill>` and `delete <skill>`, in order. */
const described = (before: IndexedOpening | null, after: IndexedOpening) =>
  skillIndexWrites('t', before, after).map((write) =>
    write.Put ? `put ${String(write.Put.Item?.skill)}` : `delete ${String(write.Delete?.Key?.sk).replace('ASKS#', '')}`,
  );

describe('the board’s index by skill', () => {
  it('lists an open opening under each skill it asks, once, in the board’s order', () => {
    expect(skillIndexItems(opening({ skills: skills('a', 'b', 'a') }))).toEqual([
      {
        pk: 'OPENING#o1',
        sk: 'ASKS#a',
        gsi1pk: 'OPEN-ASKING#a',
        gsi1sk: '2026-11-02T09:00:00.000Z#o1',
        type: 'opening-skill',
        openingId: 'o1',
        skill: 'a',
      },
      expect.objectContaining({ sk: 'ASKS#b', gsi1pk: 'OPEN-ASKING#b' }),
    ]);
  });

  it.each([
    { state: 'a draft', changes: { status: 'draft' as const, datePosted: undefined }, listed: 0 },
    { state: 'a filled opening', changes: { status: 'filled' as const }, listed: 0 },
    { state: 'a closed opening', changes: { status: 'closed' as const }, listed: 0 },
    { state: 'an opening the sweep marked expired', changes: { expiredOn: '2026-12-31' }, listed: 0 },
    { state: 'an opening given a new date after the sweep marked it', changes: { expiredOn: '2026-10-01' }, listed: 2 },
    { state: 'an open opening', changes: {}, listed: 2 },
  ])('lists $state under $listed skills', ({ changes, listed }) => {
    expect(skillIndexItems(opening(changes))).toHaveLength(listed);
  });

  it.each([
    { change: 'created as a draft', before: null, after: opening({ status: 'draft' }), writes: [] },
    {
      change: 'published',
      before: opening({ status: 'draft' }),
      after: opening(),
      writes: ['put stud-wall-framing', 'put plasterboard-hanging'],
    },
    {
      change: 'edited to ask one skill for another',
      before: opening({ skills: skills('a', 'b') }),
      after: opening({ skills: skills('a', 'c') }),
      writes: ['put a', 'put c', 'delete b'],
    },
    {
      change: 'closed',
      before: opening(),
      after: opening({ status: 'closed' }),
      writes: ['delete stud-wall-framing', 'delete plasterboard-hanging'],
    },
    {
      change: 'filled',
      before: opening({ skills: skills('a') }),
      after: opening({ status: 'filled', skills: skills('a') }),
      writes: ['delete a'],
    },
    {
      change: 'edited while a draft',
      before: opening({ status: 'draft', skills: skills('a') }),
      after: opening({ status: 'draft', skills: skills('b') }),
      writes: [],
    },
  ])('when an opening is $change, writes $writes', ({ before, after, writes }) => {
    expect(described(before, after)).toEqual(writes);
  });
});
