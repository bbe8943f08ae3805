// Verifies the bearer tokens Guildhall accepts: RS256 JWTs from one issuer for one audience.
// In AWS, API Gateway's JWT authorizer checks API calls before the Lambda runs and the site's server
// uses this module for its session cookie; locally the gateway uses this same module in the
// authorizer's place, so a token the cloud rejects is rejected on one machine too.
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { UnauthenticatedError } from '#domain/errors.ts';
import { edgeWords } from '#domain/i18n/edge-refusals.ts';
import type { Identity } from '#domain/identity.ts';

/** A token refused, in the reader's language too: the sign-in callback shows it (site/src/pages/auth/callback.ts). */
function refused(why: 'future' | 'audience' | 'invalid', cause?: unknown): UnauthenticatedError {
  const { message, wordsIn } = edgeWords({ key: 'token', values: { why } });
  return new UnauthenticatedError(message, { wordsIn, ...(cause === undefined ? {} : { cause }) });
}

export interface TokenVerifierOptions {
  issuer: string;
  audience: string;
  /** Inline keys (local identity provider) or the issuer's JWKS URL (Cognito). */
  keys: { jwks: JSONWebKeySet } | { jwksUrl: string };
  clockToleranceSeconds?: number;
}

export type TokenVerifier = (token: string) => Promise<JWTPayload>;

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const keySet =
    'jwks' in options.keys ? createLocalJWKSet(options.keys.jwks) : createRemoteJWKSet(new URL(options.keys.jwksUrl));
  const tolerance = options.clockToleranceSeconds ?? 5;
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keySet, {
        issuer: options.issuer,
        algorithms: ['RS256'],
        clockTolerance: tolerance,
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      // jose compares `iat` with the clock only when given a maximum token age, which Cognito's
      // configurable lifetimes make the wrong tool; a token from the future is forged or from a broken
      // clock either way, and API Gateway's authorizer refuses it too.
      if (typeof payload.iat === 'number' && payload.iat > Date.now() / 1000 + tolerance) {
        throw refused('future');
      }
      // Cognito ID tokens carry the app client in `aud`, access tokens in `client_id`:
      // API Gateway's JWT authorizer accepts either, and so do we.
      const audiences = [payload.aud, payload.client_id].flat().filter((value) => typeof value === 'string');
      if (!audiences.includes(options.audience)) {
        throw refused('audience');
      }
      return payload;
    } catch (error) {
      if (error instanceof UnauthenticatedError) throw error;
      if (error instanceof errors.JOSEError) throw refused('invalid', error);
      throw error;
    }
  };
}

/** The caller, from verified claims (Cognito's claim names; the local provider uses the same). */
export function identityFromClaims(claims: Record<string, unknown> | undefined): Identity | null {
  const sub = claims?.sub;
  if (typeof sub !== 'string' || sub.length === 0) return null;
  const identity: Identity = { personId: sub };
  if (typeof claims?.email === 'string') identity.email = claims.email;
  if (typeof claims?.name === 'string') identity.claimedName = claims.name;
  return identity;
}

/** The token in an `Authorization: Bearer …` header, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
