import type { AstroCookies } from 'astro';
import type { Identity } from '#domain/identity.ts';
import { sessionCookieName, signInLocation } from '#http/session.ts';
import { identityFromClaims } from '#http/token-verifier.ts';
import { getServices } from './services.ts';

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
    return identityFromClaims({ ...(await getServices().verifyToken(token)) });
  } catch {
    return null;
  }
}

/** Where to send someone who must sign in first, returning them to `path` after. */
export function signInRedirect(path: string): Response {
  return seeOther(signInLocation(getServices().config.AUTH_SIGN_IN_URL, path));
}

export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { location } });
}
