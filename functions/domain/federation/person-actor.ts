// A person's `Person` actor (issue 20, "Actors and discovery"): off unless the person opts in, in their
// profile settings, and possible only while their profile has a public section. The actor shows only
// what their public profile shows anyone: the name (always public), the bio when "About me" is public,
// and a link to the public profile page. Pure: the federation adapter and the people domain both ask here.
//
// The handle. Syndicates are Group actors under their id (lowercase words and hyphens) and the instance
// is `_instance`; a person's actor is `p.<person id>`. A dot is in no syndicate id (slugSchema) and not
// in `_instance`, so no person can take a syndicate's name or the instance's, whatever their id; and
// Mastodon's usernames allow a dot inside (`[a-z0-9_]+([a-z0-9_.-]+[a-z0-9_]+)?`), so `@p.<id>@<host>`
// can be searched and mentioned there, where a `~` prefix could not.
import { escapeHtml } from '../content/html.ts';
import type { Person } from '../people/person.ts';
import { hasPublicProfile } from '../people/profile.ts';

export const personActorPrefix = 'p.';

/** The actor identifier (and WebFinger username) of a person. */
export const personActorIdentifier = (personId: string) => `${personActorPrefix}${personId}`;

/** The person an actor identifier or WebFinger username names, or null when it names no person. */
export function personIdOfActor(identifier: string): string | null {
  if (identifier.slice(0, personActorPrefix.length).toLowerCase() !== personActorPrefix) return null;
  const personId = identifier.slice(personActorPrefix.length);
  return personId === '' ? null : personId;
}

/**
 * Where a person stands to the fediverse: `shown` (opted in, with a public profile: the actor answers),
 * `withdrawn` (was shown and no longer is: a Tombstone, 410), `none` (never opted in, or no such person:
 * 404, and WebFinger never finds them).
 */
export type PersonActorState = 'shown' | 'withdrawn' | 'none';

export function personActorState(person: Pick<Person, 'fediverse' | 'fediverseLeftAt' | 'privacy'> | null) {
  if (!person) return 'none' satisfies PersonActorState;
  if (person.fediverse === true) {
    return (hasPublicProfile(person.privacy) ? 'shown' : 'withdrawn') satisfies PersonActorState;
  }
  return (person.fediverseLeftAt ? 'withdrawn' : 'none') satisfies PersonActorState;
}

/** What the Person actor says of the person: only what their public profile shows a visitor. */
export interface PersonActorProfile {
  preferredUsername: string;
  name: string;
  /** The bio as escaped HTML (line breaks kept), when "About me" is public and the bio is not empty. */
  summary?: string | undefined;
  /** The public profile page. */
  url: string;
  /** Whether Mastodon may suggest and index the actor: only an opted-in person is served at all. */
  discoverable: boolean;
  indexable: boolean;
}

export function personActorProfile(
  person: Pick<Person, 'id' | 'name' | 'bio' | 'privacy' | 'fediverse' | 'fediverseLeftAt'>,
  origin: string,
): PersonActorProfile {
  const shown = personActorState(person) === 'shown';
  const bio = person.privacy.about === 'public' ? person.bio.trim() : '';
  return {
    preferredUsername: personActorIdentifier(person.id),
    name: person.name,
    ...(bio ? { summary: `<p>${escapeHtml(bio).replace(/\r?\n/g, '<br>')}</p>` } : {}),
    url: `${origin}/people/${encodeURIComponent(person.id)}/`,
    discoverable: shown,
    indexable: shown,
  };
}

/** A person's remote followers, as the people domain forgets them (the table keeps them under the person). */
export interface PersonFollowers {
  /**
   * Removes up to `limit` of the person's followers, the first in key order; how many were removed. A
   * caller repeats until it answers fewer than `limit`: every read is one bounded page.
   */
  forgetFollowers(personId: string, limit: number): Promise<number>;
}

/** Followers forgotten a page at a time. */
export const forgetPageSize = 100;

/**
 * Forgets every follower of a person who stopped showing their profile to the fediverse, a page at a
 * time, each page read from the start again (the ones left are the ones still to go).
 */
export async function forgetPersonFollowers(followers: PersonFollowers, personId: string): Promise<number> {
  let forgotten = 0;
  for (;;) {
    const removed = await followers.forgetFollowers(personId, forgetPageSize);
    forgotten += removed;
    if (removed < forgetPageSize) return forgotten;
  }
}
