// A person in the commons: learner, syndicate member, inventor, or all three. What a person may do
// follows from data held here and in memberships, never from claims in their token.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { text } from '../text.ts';

/**
 * A person's display name as it is first stored, normalised like every name a person types. The
 * profile below reads what is stored and does not normalise again: a stored profile is never refused.
 */
export const personNameSchema = lazySchema(() => text(1, 120, { label: 'name' }));

export const personSchema = lazySchema(() =>
  z.object({
    id: z.string().check(z.minLength(1), z.maxLength(128)),
    name: z.string().check(z.minLength(1), z.maxLength(120)),
    email: z.optional(z.email()),
    bio: z._default(z.string().check(z.maxLength(2000)), ''),
    place: z._default(z.string().check(z.maxLength(120)), ''),
    /** Skills the person says they hold; credentialed skills are earned through courses. */
    declaredSkills: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(80))).check(z.maxLength(100)), []),
    available: z._default(z.boolean(), true),
    createdAt: z.iso.datetime(),
  }),
);

export type Person = z.infer<ReturnType<typeof personSchema>>;

/** The port the domain needs for people; the DynamoDB adapter implements it. */
export interface PeopleRepository {
  get(personId: string): Promise<Person | null>;
  /** People by id in batched reads; ids with no person are absent from the map. */
  getMany(personIds: readonly string[]): Promise<Map<string, Person>>;
  /** Creates the person unless one with the same id exists; returns the stored person either way. */
  createIfAbsent(person: Person): Promise<Person>;
}
