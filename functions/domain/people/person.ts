// A person in the commons: learner, syndicate member, inventor, or all three. What a person may do
// follows from data held here and in memberships, never from claims in their token.
import * as z from 'zod';
import { text } from '../text.ts';

/**
 * A person's display name as it is first stored, normalised like every name a person types. The
 * profile below reads what is stored and does not normalise again: a stored profile is never refused.
 */
export const personNameSchema = text(1, 120, { label: 'name' });

export const personSchema = z.object({
  id: z.string().min(1).max(128),
  name: z.string().min(1).max(120),
  email: z.email().optional(),
  bio: z.string().max(2000).default(''),
  place: z.string().max(120).default(''),
  /** Skills the person says they hold; credentialed skills are earned through courses. */
  declaredSkills: z.array(z.string().min(1).max(80)).max(100).default([]),
  available: z.boolean().default(true),
  createdAt: z.iso.datetime(),
});

export type Person = z.infer<typeof personSchema>;

/** The port the domain needs for people; the DynamoDB adapter implements it. */
export interface PeopleRepository {
  get(personId: string): Promise<Person | null>;
  /** People by id in batched reads; ids with no person are absent from the map. */
  getMany(personIds: readonly string[]): Promise<Map<string, Person>>;
  /** Creates the person unless one with the same id exists; returns the stored person either way. */
  createIfAbsent(person: Person): Promise<Person>;
}
