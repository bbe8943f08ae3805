// A small model of the table for the shortage tests: writes change the in-memory sources and yield the
// stream record DynamoDB would emit for them, images and all.
import { marshall } from '@aws-sdk/util-dynamodb';
import fc from 'fast-check';
import type { StreamRecord } from '#app/stream-indexer.ts';
import type { MemorySourceTable } from '#domain/shortages/memory-repository.ts';
import { commons } from '../../support/services.ts';

/** A few real skills and the courses that teach some of them, so contributions meet the real commons. */
export const courses = [
  'solar-pv-fundamentals-and-site-survey',
  'timber-stud-partition-walls',
  'food-safety-in-the-kitchen',
];
export const skills = [
  ...new Set(courses.flatMap((id) => commons.courses.get(id)?.skills.map((s) => s.skill) ?? [])),
].slice(0, 7);
const people = ['p1', 'p2', 'p3'];
const openings = ['o1', 'o2', 'o3'];
const day = (offset: number) => new Date(Date.UTC(2026, 9, 1) + offset * 86_400_000).toISOString().slice(0, 10);

export type Write =
  | {
      kind: 'opening';
      id: string;
      status: 'draft' | 'open' | 'filled' | 'closed';
      skills: string[];
      positions: number;
      filled: number;
      hours: number;
      posted: number;
      through: number;
      swept: boolean;
    }
  | { kind: 'remove-opening'; id: string }
  | { kind: 'person'; id: string; available: boolean; declared: string[] }
  | { kind: 'credential'; personId: string; skill: string; remove: boolean }
  | { kind: 'enrollment'; personId: string; courseId: string; status: 'in-progress' | 'completed' };

const someSkills = fc.subarray(skills, { minLength: 1, maxLength: 3 });

export const writeArbitrary: fc.Arbitrary<Write> = fc.oneof(
  fc.record({
    kind: fc.constant('opening' as const),
    id: fc.constantFrom(...openings),
    status: fc.constantFrom('draft' as const, 'open' as const, 'filled' as const, 'closed' as const),
    skills: someSkills,
    positions: fc.integer({ min: 1, max: 4 }),
    filled: fc.integer({ min: 0, max: 4 }),
    hours: fc.integer({ min: 8, max: 40 }),
    posted: fc.integer({ min: 0, max: 60 }),
    through: fc.integer({ min: 0, max: 90 }),
    swept: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('remove-opening' as const), id: fc.constantFrom(...openings) }),
  fc.record({
    kind: fc.constant('person' as const),
    id: fc.constantFrom(...people),
    available: fc.boolean(),
    declared: fc.subarray([...skills, 'not-a-commons-skill']),
  }),
  fc.record({
    kind: fc.constant('credential' as const),
    personId: fc.constantFrom(...people),
    skill: fc.constantFrom(...skills),
    remove: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('enrollment' as const),
    personId: fc.constantFrom(...people),
    courseId: fc.constantFrom(...courses),
    status: fc.constantFrom('in-progress' as const, 'completed' as const),
  }),
);

let sequence = 0;
const record = (
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE',
  newItem: Record<string, unknown> | undefined,
  oldItem: Record<string, unknown> | undefined,
): StreamRecord => ({
  eventName,
  dynamodb: {
    SequenceNumber: String(++sequence).padStart(12, '0'),
    ...(newItem ? { NewImage: marshall(newItem, { removeUndefinedValues: true }) } : {}),
    ...(oldItem ? { OldImage: marshall(oldItem, { removeUndefinedValues: true }) } : {}),
  },
});

/** Applies a write to the table and returns the stream record it makes (none when nothing changed). */
export function applyWrite(table: MemorySourceTable, write: Write): StreamRecord | null {
  switch (write.kind) {
    case 'opening': {
      const old = table.openings.get(write.id);
      const through = day(write.through);
      const opening = {
        id: write.id,
        syndicateId: `s-${write.id}`,
        status: write.status,
        positions: write.positions,
        filled: Math.min(write.filled, write.positions),
        hoursPerWeek: write.hours,
        skills: write.skills.map((skill) => ({ skill })),
        validThrough: through,
        datePosted: `${day(write.posted)}T09:00:00.000Z`,
        createdAt: `${day(write.posted)}T08:00:00.000Z`,
        ...(write.swept ? { expiredOn: through } : {}),
        version: (old?.version ?? 0) + 1,
      };
      table.openings.set(write.id, opening);
      return record(old ? 'MODIFY' : 'INSERT', { type: 'opening', ...opening }, old && { type: 'opening', ...old });
    }
    case 'remove-opening': {
      const old = table.openings.get(write.id);
      if (!old) return null;
      table.openings.delete(write.id);
      return record('REMOVE', undefined, { type: 'opening', ...old });
    }
    case 'person': {
      const old = table.people.get(write.id);
      const person = { id: write.id, available: write.available, declaredSkills: write.declared };
      table.people.set(write.id, person);
      return record(old ? 'MODIFY' : 'INSERT', { type: 'person', ...person }, old && { type: 'person', ...old });
    }
    case 'credential': {
      const held = table.credentials.get(write.personId) ?? new Set<string>();
      const item = { type: 'held-skill', personId: write.personId, skillId: write.skill };
      const had = held.has(write.skill);
      if (write.remove) held.delete(write.skill);
      else held.add(write.skill);
      table.credentials.set(write.personId, held);
      if (write.remove) return had ? record('REMOVE', undefined, item) : null;
      return record(had ? 'MODIFY' : 'INSERT', item, had ? item : undefined);
    }
    case 'enrollment': {
      const key = `${write.personId}|${write.courseId}`;
      const old = table.enrollments.get(key);
      const enrollment = { personId: write.personId, courseId: write.courseId, status: write.status };
      table.enrollments.set(key, enrollment);
      return record(
        old ? 'MODIFY' : 'INSERT',
        { type: 'enrollment', ...enrollment },
        old && { type: 'enrollment', ...old },
      );
    }
  }
}
