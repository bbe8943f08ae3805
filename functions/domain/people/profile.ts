// What a person says about themselves, and how a change to it applies. The API's `PATCH /api/me` and the
// site's profile form parse with the same schema; a change names only the fields it changes (the rest
// stay) and the version it was made from, so two tabs cannot silently overwrite each other.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { type SkillLevel, skillLevels } from '../content/commons.ts';
import { skillRefSchema } from '../content/skill-ref.ts';
import { ConflictError, ValidationError } from '../errors.ts';
import { peopleWords } from '../i18n/account/people-refusals.ts';
import { type Locale, locales } from '../i18n/locales.ts';
import { translatePlain } from '../i18n/translate-plain.ts';
import { say } from '../plain-words.ts';
import { text } from '../text.ts';
import type { Goal } from './goal.ts';
import { type LanguageTag, languageTags } from './languages.ts';

/** Who may see a section of a profile: anyone, people who share an active syndicate with you, or you. */
export const visibilities = ['public', 'members', 'private'] as const;
export type Visibility = (typeof visibilities)[number];

/** The sections of a public profile, each with its own visibility. `about` is place, bio, availability… */
export const profileSections = ['about', 'credentials', 'skills', 'courses', 'syndicates', 'innovations'] as const;
export type ProfileSection = (typeof profileSections)[number];
export type Privacy = Record<ProfileSection, Visibility>;

/** Nothing is shown beyond the name until the person chooses: privacy by default (GDPR art. 25). */
export const defaultPrivacy: Privacy = {
  about: 'members',
  credentials: 'members',
  skills: 'members',
  courses: 'members',
  syndicates: 'members',
  innovations: 'members',
};

export const availabilityStatuses = ['available', 'available-from', 'unavailable'] as const;
export type Availability =
  | { status: 'available' }
  | { status: 'available-from'; from: string }
  | { status: 'unavailable' };

/** Supply for the shortage index: anyone not saying they are unavailable (see ARCHITECTURE.md). */
export const countsAsAvailable = (availability: Availability) => availability.status !== 'unavailable';

export const linkKinds = ['portfolio', 'code', 'other'] as const;
export type LinkKind = (typeof linkKinds)[number];
export type Links = Partial<Record<LinkKind, string>>;

export interface DeclaredSkill {
  /** Canonical (content/skill-ref.ts): a commons skill's id, or an ESCO-only skill's URI. */
  skill: string;
  /** ESCO's label, stored beside an ESCO-only skill for display; never sent by the person. */
  label?: string | undefined;
  level: SkillLevel;
  /** Evidence, both optional: a link to work done, and a short description of it. */
  link?: string | undefined;
  note?: string | undefined;
}

/** At most this many declared skills: more than a working life's worth, and one item stays small. */
export const maxDeclaredSkills = 50;

const webAddressMessage = 'Enter a web address starting with https:// or http://, such as https://example.org/work.';

/**
 * The shape the OpenAPI document gives a link, so a client (or a fuzzer) can make one: letters beyond
 * ASCII are allowed in the host and the path (https://münchen.example/café), as browsers allow them.
 */
const webAddressShape =
  /^[Hh][Tt][Tt][Pp][Ss]?:\/\/[A-Za-z0-9.\-\u00C0-\uD7FF]+(?::[0-9]{1,4})?(?:[/?#][!-~\u00C0-\uD7FF]*)?$/u;

/**
 * A web address a person gives: http or https only (no `javascript:`, `data:` or `file:`), with a host
 * and no user name or password in it, at most 500 characters.
 */
export const webAddressSchema = /* @__PURE__ */ lazySchema(() =>
  z.string().check(
    z.trim(),
    z.maxLength(500, 'The link can have at most 500 characters.'),
    z.regex(webAddressShape, webAddressMessage),
    // The URL parser's own reading is the rule; a link the shape refused is not refused twice.
    z.refine((value) => !webAddressShape.test(value) || isWebAddress(value), webAddressMessage),
  ),
);

export function isWebAddress(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && !url.username && !url.password
    );
  } catch {
    return false;
  }
}

/** A skill's id as sent (the commons decides whether it is one of its skills). */
export const skillIdSchema = /* @__PURE__ */ lazySchema(() =>
  z.string().check(z.maxLength(80), z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use a skill id such as timber-framing.')),
);

/** A declared skill as sent: the skill (a commons id or an ESCO URI), the level claimed, optional evidence. */
export const declaredSkillSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    skill: skillRefSchema(),
    level: z.enum(skillLevels),
    link: z.optional(webAddressSchema()),
    note: z.optional(text(1, 280, { multiline: true, label: 'note' })),
  }),
);

/** The body of a single declaration (`PUT /api/me/skills/{skillId}`): the skill is in the address. */
export const skillDeclarationSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject(omitSkill(declaredSkillSchema().shape)),
);
const omitSkill = <T extends { skill: unknown }>({ skill: _skill, ...rest }: T) => rest;

const availabilitySchema = /* @__PURE__ */ lazySchema(() =>
  z.discriminatedUnion('status', [
    z.strictObject({ status: z.literal('available') }),
    z.strictObject({ status: z.literal('available-from'), from: z.iso.date() }),
    z.strictObject({ status: z.literal('unavailable') }),
  ]),
);

/** Each entry once: a duplicate is named by its position. */
const unique = <T>(key: (item: T) => string, what: string, field?: string) =>
  z.superRefine<T[]>((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(key(item))) {
        ctx.issues.push({
          code: 'custom',
          message: `${what} is listed twice; keep it once.`,
          input: item,
          path: field ? [i, field] : [i],
        });
      }
      seen.add(key(item));
    });
  });

/** `PATCH /api/me`: every field optional but `version`; null clears an optional field. */
export const profilePatchSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    version: z.int().check(z.minimum(0), z.maximum(1_000_000_000)),
    name: z.optional(text(1, 120, { label: 'name' })),
    place: z.optional(text(0, 120, { label: 'place' })),
    bio: z.optional(text(0, 2000, { multiline: true, label: 'bio' })),
    availability: z.optional(availabilitySchema()),
    hoursPerWeek: z.optional(z.nullable(z.int().check(z.minimum(1), z.maximum(80)))),
    languages: z.optional(
      z.array(z.enum(languageTags)).check(
        z.maxLength(12),
        unique((tag) => tag, 'A language'),
      ),
    ),
    links: z.optional(
      z.strictObject({
        portfolio: z.optional(z.nullable(webAddressSchema())),
        code: z.optional(z.nullable(webAddressSchema())),
        other: z.optional(z.nullable(webAddressSchema())),
      }),
    ),
    privacy: z.optional(
      z.strictObject({
        about: z.optional(z.enum(visibilities)),
        credentials: z.optional(z.enum(visibilities)),
        skills: z.optional(z.enum(visibilities)),
        courses: z.optional(z.enum(visibilities)),
        syndicates: z.optional(z.enum(visibilities)),
        innovations: z.optional(z.enum(visibilities)),
      }),
    ),
    declaredSkills: z.optional(
      z.array(declaredSkillSchema()).check(
        z.maxLength(maxDeclaredSkills),
        unique((s) => s.skill, 'A skill', 'skill'),
      ),
    ),
    language: z.optional(z.enum(locales)),
    /** Show the public profile to the fediverse as a `Person` actor (domain/federation/person-actor.ts). */
    fediverse: z.optional(z.boolean()),
  }),
);
export type ProfilePatch = z.infer<ReturnType<typeof profilePatchSchema>>;

/** The profile fields a person owns, as stored on their person item. */
export interface Profile {
  name: string;
  place: string;
  bio: string;
  availability: Availability;
  /** Derived from `availability` on every write: what the shortage index reads. */
  available: boolean;
  hoursPerWeek?: number | undefined;
  languages: LanguageTag[];
  links: Links;
  privacy: Privacy;
  declaredSkills: DeclaredSkill[];
  /** The language Guildhall writes to them in (emails); none (a profile made before it was kept) means English. */
  language?: Locale | undefined;
  /** What the person aims for (goal.ts); set through `PUT /api/me/goal`, not the profile patch. */
  goal?: Goal | undefined;
  /**
   * Whether the person shows their public profile to the fediverse as a `Person` actor: off (absent)
   * until they opt in, and only while a section of their profile is public (`hasPublicProfile`).
   */
  fediverse?: boolean | undefined;
  /** When they last stopped showing it: their actor then answers as gone (410), not as never there. */
  fediverseLeftAt?: string | undefined;
  /** Optimistic concurrency: 0 for a profile never edited; every change adds one. */
  version: number;
  updatedAt?: string | undefined;
}

/** The refusal of a change made from an older copy of the profile, in each language (i18n/account). */
export const staleProfile = () => peopleWords({ key: 'stale-profile', values: {} });

/**
 * The profile after a change: the fields sent replace theirs (privacy and links field by field), null
 * clears, the rest stay. Refused as a conflict when the change was made from an older version.
 */
export function applyProfilePatch<P extends Profile>(profile: P, patch: ProfilePatch, now: Date): P {
  if (patch.version !== profile.version) {
    const { message, wordsIn } = staleProfile();
    throw new ConflictError(message, { wordsIn });
  }
  const { version: _version, links, privacy, hoursPerWeek, ...replaced } = patch;
  const next: P = { ...profile, ...replaced };
  if (links) {
    next.links = { ...profile.links };
    for (const kind of linkKinds) {
      const value = links[kind];
      if (value === null) delete next.links[kind];
      else if (value !== undefined) next.links[kind] = value;
    }
  }
  if (privacy) next.privacy = { ...profile.privacy, ...definedOnly(privacy) };
  if (hoursPerWeek === null) delete next.hoursPerWeek;
  else if (hoursPerWeek !== undefined) next.hoursPerWeek = hoursPerWeek;
  if (next.fediverse && !hasPublicProfile(next.privacy)) {
    // Named where the change was: the box ticked, or the sections made private under it.
    const field = patch.fediverse === undefined ? 'body.privacy' : 'body.fediverse';
    const message = say('publicProfileFirst');
    throw new ValidationError([{ field, message, wordsIn: (locale: Locale) => translatePlain(message, locale) }]);
  }
  if (profile.fediverse && !next.fediverse) next.fediverseLeftAt = now.toISOString();
  return touched(next, now);
}

/**
 * Whether the person has a public profile: a section anyone may see (their name always shows). Only
 * then may they show it to the fediverse (the profile patch above; the site's form says so beside the box).
 */
export const hasPublicProfile = (privacy: Privacy) => profileSections.some((section) => privacy[section] === 'public');

/** The profile with one skill declared (or its level and evidence changed), in the order first declared. */
export function withDeclaredSkill<P extends Profile>(profile: P, declared: DeclaredSkill, now: Date): P {
  const at = profile.declaredSkills.findIndex((s) => s.skill === declared.skill);
  const declaredSkills =
    at === -1 ? [...profile.declaredSkills, declared] : profile.declaredSkills.map((s, i) => (i === at ? declared : s));
  return touched({ ...profile, declaredSkills }, now);
}

export function withoutDeclaredSkill<P extends Profile>(profile: P, skill: string, now: Date): P {
  return touched({ ...profile, declaredSkills: profile.declaredSkills.filter((s) => s.skill !== skill) }, now);
}

/** The profile after any change: availability derived again, the next version, the time. */
export function touched<P extends Profile>(profile: P, now: Date): P {
  return {
    ...profile,
    available: countsAsAvailable(profile.availability),
    version: profile.version + 1,
    updatedAt: now.toISOString(),
  };
}

const definedOnly = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]-?: Exclude<T[K], undefined>;
  };

/** The ids of a person's declared skills: what the shortage index and an applicant's match count. */
export const declaredSkillIds = (profile: Pick<Profile, 'declaredSkills'>) =>
  profile.declaredSkills.map((s) => s.skill);
