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
