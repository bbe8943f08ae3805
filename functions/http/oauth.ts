// Signing in to the site in AWS: the OAuth 2.0 authorization code flow with PKCE against the Cognito
// user pool's hosted sign-in. Pure builders plus one exchange that takes its `fetch`; the site's
// /auth/* endpoints call these. (On one machine the local gateway's sign-in page stands in for it.)
import { createHash, randomBytes } from 'node:crypto';
import { UnauthenticatedError } from '#domain/errors.ts';
import { type SignInRefusal, signInWords } from '#domain/i18n/account/sign-in-refusals.ts';
import { safeReturnTo } from './session.ts';

export interface HostedUi {
  /** The user pool domain, e.g. https://guildhall.auth.eu-west-1.amazoncognito.com */
  baseUrl: string;
  clientId: string;
  /** Where the hosted sign-in returns to: `${PUBLIC_URL}/auth/callback`. */
  redirectUri: string;
}

export interface PendingSignIn {
  state: string;
  verifier: string;
  /** Always a path on this site: checked when the sign-in starts and again when read back from the cookie. */
  returnTo: string;
}

/** A fresh state and PKCE verifier for one sign-in, kept in a short-lived HttpOnly cookie. */
export function newPendingSignIn(returnTo: string | null | undefined): PendingSignIn {
  return {
    state: randomBytes(16).toString('base64url'),
    verifier: randomBytes(32).toString('base64url'),
    returnTo: safeReturnTo(returnTo),
  };
}

export function authorizeUrl(ui: HostedUi, pending: PendingSignIn): string {
  const challenge = createHash('sha256').update(pending.verifier).digest('base64url');
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: ui.clientId,
    redirect_uri: ui.redirectUri,
    scope: 'openid email profile',
    state: pending.state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  return `${ui.baseUrl}/oauth2/authorize?${query}`;
}

export function logoutUrl(ui: HostedUi, afterUri: string): string {
  return `${ui.baseUrl}/logout?${new URLSearchParams({ client_id: ui.clientId, logout_uri: afterUri })}`;
}

/** Why the sign-in did not finish, in English and in the reader's language (the callback page says it). */
function refused(refusal: SignInRefusal): UnauthenticatedError {
  const { message, wordsIn } = signInWords(refusal);
  return new UnauthenticatedError(message, { wordsIn });
}

/**
 * Checks the state, exchanges the code for tokens, and returns the ID token, which the caller then
 * verifies with the same verifier the API uses before trusting it.
 */
export async function exchangeCode(
  ui: HostedUi,
  pending: PendingSignIn | undefined,
  params: { code: string | null; state: string | null },
  fetchImpl: typeof fetch = fetch,
): Promise<string> {
  if (!pending || !params.state || params.state !== pending.state) throw refused({ key: 'not-started' });
  if (!params.code) throw refused({ key: 'cancelled' });
  const response = await fetchImpl(`${ui.baseUrl}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: ui.clientId,
      code: params.code,
      redirect_uri: ui.redirectUri,
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw refused({ key: 'refused', values: { status: response.status } });
  const tokens = (await response.json()) as { id_token?: unknown };
  if (typeof tokens.id_token !== 'string') throw refused({ key: 'no-token' });
  return tokens.id_token;
}

export function encodePending(pending: PendingSignIn): string {
  return Buffer.from(JSON.stringify(pending)).toString('base64url');
}

export function decodePending(value: string | undefined): PendingSignIn | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<PendingSignIn>;
    if (
      typeof parsed.state === 'string' &&
      typeof parsed.verifier === 'string' &&
      typeof parsed.returnTo === 'string'
    ) {
      // The cookie comes back from the browser, so whoever holds it could have written any target in it.
      return { state: parsed.state, verifier: parsed.verifier, returnTo: safeReturnTo(parsed.returnTo) };
    }
  } catch {
    // A cookie we cannot read is the same as no pending sign-in: the caller answers "sign in again".
  }
  return undefined;
}
