// A person in the commons: learner, syndicate member, inventor, or all three. What a person may do
// follows from data held here and in memberships, never from claims in their token.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { skillLevels, tradeIds } from '../content/commons.ts';
import { locales } from '../i18n/locales.ts';
import { text } from '../text.ts';
import { languageTags } from './languages.ts';
import {
  availabilityStatuses,
  countsAsAvailable,
  defaultPrivacy,
  linkKinds,
  type Profile,
  profileSections,
  visibilities,
} from './profile.ts';

/**
 * A person's display name as it is first stored, normalised like every name a person types. The
 * profile below reads what is stored and does not normalise again: a stored profile is never refused.
 */
export const personNameSchema = /* @__PURE__ */ lazySchema(() => text(1, 120, { label: 'name' }));

/**
 * A person as stored, read leniently: fields a profile gained later take their defaults, and a skill
 * declared before skills had levels (a bare id) reads as declared at foundation level, the least claim.
 */
export const personSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    id: z.string().check(z.minLength(1), z.maxLength(128)),
    name: z.string().check(z.minLength(1), z.maxLength(120)),
    email: z.optional(z.email()),
    bio: z._default(z.string().check(z.maxLength(2000)), ''),
    place: z._default(z.string().check(z.maxLength(120)), ''),
    availability: z._default(z.object({ status: z.enum(availabilityStatuses), from: z.optional(z.string()) }), {
      status: 'available' as const,
    }),
    available: z._default(z.boolean(), true),
    hoursPerWeek: z.optional(z.number()),
    languages: z._default(z.array(z.enum(languageTags)), []),
    links: z._default(z.partialRecord(z.enum(linkKinds), z.string()), {}),
    privacy: z._default(z.partialRecord(z.enum(profileSections), z.enum(visibilities)), {}),
    /** Skills the person says they hold; credentialed skills are earned through courses. */
    declaredSkills: z._default(
      z.array(
        z.union([
          z.object({
            skill: z.string(),
            /** ESCO's label, beside an ESCO-only skill (content/skill-ref.ts). */
            label: z.optional(z.string()),
            level: z.enum(skillLevels),
            link: z.optional(z.string()),
            note: z.optional(z.string()),
          }),
          z.pipe(
            z.string(),
            z.transform((skill) => ({ skill, level: 'foundation' as const })),
          ),
        ]),
      ),
      [],
    ),
    goal: z.optional(
      z.object({
        trade: z.optional(z.enum(tradeIds)),
        skills: z._default(z.array(z.string()), []),
        path: z.optional(z.string()),
      }),
    ),
    language: z.optional(z.enum(locales)),
    fediverse: z.optional(z.boolean()),
    fediverseLeftAt: z.optional(z.string()),
    version: z._default(z.number(), 0),
    updatedAt: z.optional(z.string()),
    createdAt: z.iso.datetime(),
  }),
);

export interface Person extends Profile {
  id: string;
  email?: string | undefined;
  createdAt: string;
}

/** A person as first stored: the profile empty, available, private to members (see profile.ts). */
export function newPerson(fields: Pick<Person, 'id' | 'name' | 'createdAt'> & Partial<Person>): Person {
  const person: Person = {
    bio: '',
    place: '',
    availability: { status: 'available' },
    languages: [],
    links: {},
    privacy: defaultPrivacy,
    declaredSkills: [],
    version: 0,
    ...fields,
    available: true,
  };
  return { ...person, available: countsAsAvailable(person.availability) };
}

/** A stored person item as the domain sees it (see personSchema); throws on an item that is no person. */
export function personFromItem(item: unknown): Person {
  const stored = personSchema().parse(item);
  // A person stored before availability had a status said only whether they were available.
  const { status, from } =
    stored.available || stored.version > 0 ? stored.availability : { status: 'unavailable' as const, from: undefined };
  return {
    ...stored,
    availability:
      status === 'available-from' && from
        ? { status, from }
        : status === 'unavailable'
          ? { status }
          : { status: 'available' },
    privacy: { ...defaultPrivacy, ...stored.privacy },
  };
}

/** The port the domain needs for people; the DynamoDB adapter implements it. */
export interface PeopleRepository {
  get(personId: string): Promise<Person | null>;
  /** People by id in batched reads; ids with no person are absent from the map. */
  getMany(personIds: readonly string[]): Promise<Map<string, Person>>;
  /**
   * People in draw order (`drawKey` of their id, decisions/circle.ts): those after `after` ('' for the
   * first), at most `limit`. A restorative circle draws its panel from it without reading everyone.
   */
  drawPage(after: string, limit: number): Promise<Array<{ personId: string; key: string }>>;
  /** Creates the person unless one with the same id exists; returns the stored person either way. */
  createIfAbsent(person: Person): Promise<Person>;
  /**
   * Replaces the person's profile if it is still at `person.version - 1` (the version the change was
   * made from); a ConflictError otherwise, and nothing is written.
   */
  saveProfile(person: Person): Promise<void>;
}
