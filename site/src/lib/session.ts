import type { AstroCookies } from 'astro';
import type { Services } from '#app/services.ts';
import { StoreUnavailableError } from '#domain/errors.ts';
import type { Identity } from '#domain/identity.ts';
import { getMe } from '#domain/people/get-me.ts';
import type { Person } from '#domain/people/person.ts';
import { sessionCookieName, signInLocation } from '#http/session.ts';
import { identityFromClaims } from '#adapters/auth/token-verifier.ts';
import { requestLanguage } from './i18n.ts';
import { getServices, getTokenVerifier } from './services.ts';

// A request's cookies are one object for the middleware and the page: the token is verified once.
const verified = new WeakMap<AstroCookies, Promise<Identity | null>>();

/** The signed-in person from the session cookie, verified like any API token; null if none or invalid. */
export function currentIdentity(cookies: AstroCookies): Promise<Identity | null> {
  let identity = verified.get(cookies);
  if (!identity) {
    identity = verify(cookies.get(sessionCookieName)?.value);
    verified.set(cookies, identity);
  }
  return identity;
}

async function verify(token: string | undefined): Promise<Identity | null> {
  if (!token) return null;
  try {
    return identityFromClaims({ ...(await getTokenVerifier()(token)) });
  } catch {
    return null;
  }
}

const profiles = new WeakMap<AstroCookies, Promise<Person | null>>();

/**
 * The signed-in person's profile, read once per request (and made on their first visit from the
 * token's claims, in the language of the page they arrived on); null if signed out. Names shown on a
 * page come from here, never from the token.
 */
export function currentPerson(cookies: AstroCookies): Promise<Person | null> {
  let person = profiles.get(cookies);
  if (!person) {
    person = currentIdentity(cookies).then((identity) =>
      identity ? getMe(getServices(), identity, requestLanguage.getStore()) : null,
    );
    profiles.set(cookies, person);
  }
  return person;
}

/**
 * The name for the page header. While the store is not answering, none: pages that need no store
 * (the course catalog, search) still open, and the header then offers the profile link alone.
 */
export async function signedInName(cookies: AstroCookies): Promise<string | undefined> {
  try {
    return (await currentPerson(cookies))?.name;
  } catch (error) {
    if (error instanceof StoreUnavailableError) return undefined;
    throw error;
  }
}

/**
 * How many of the signed-in person's notifications are unread, for the header: one read of their
 * counter. None while signed out or while the store is not answering (the header then shows the link alone).
 */
export async function unreadNotifications(cookies: AstroCookies): Promise<number | undefined> {
  try {
    const identity = await currentIdentity(cookies);
    return identity ? await getServices().notifications.unreadCount(identity.personId) : undefined;
  } catch (error) {
    if (error instanceof StoreUnavailableError) return undefined;
    throw error;
  }
}

/**
 * The services for a page that has read the signed-in person: use cases that read that person again
 * (`getMe` inside them) get this request's copy instead of another read.
 */
export async function servicesWithCurrentPerson(cookies: AstroCookies): Promise<Services> {
  const services = getServices();
  const person = await currentPerson(cookies);
  if (!person) return services;
  const people = {
    ...services.people,
    get: async (personId: string) => (personId === person.id ? person : services.people.get(personId)),
  };
  // A new object over the shared one, not a spread: spreading would read its lazy parts (the commons) now.
  return Object.assign(Object.create(services) as Services, { people });
}

/** Where to send someone who must sign in first, returning them to `path` after. */
export function signInRedirect(path: string): Response {
  return seeOther(signInLocation(getServices().config.AUTH_SIGN_IN_URL, path));
}

export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { location } });
}
