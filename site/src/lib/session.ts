import type { AstroCookies } from 'astro';
import type { Identity } from '#domain/identity.ts';
import { sessionCookieName } from '#http/session.ts';
import { identityFromClaims } from '#http/token-verifier.ts';
import { getServices } from './services.ts';

/** The signed-in person from the session cookie, verified like any API token; null if none or invalid. */
export async function currentIdentity(cookies: AstroCookies): Promise<Identity | null> {
  const token = cookies.get(sessionCookieName)?.value;
  if (!token) return null;
  try {
    return identityFromClaims({ ...(await getServices().verifyToken(token)) });
  } catch {
    return null;
  }
}

/** Where to send someone who must sign in first, returning them to `path` after. */
export function signInRedirect(path: string): Response {
  const signIn = getServices().config.AUTH_SIGN_IN_URL;
  return new Response(null, { status: 303, headers: { location: `${signIn}?returnTo=${encodeURIComponent(path)}` } });
}

export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { location } });
}
