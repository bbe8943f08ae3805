// The development identity provider: signs RS256 JWTs with the claim shape of Cognito ID tokens, so
// the verifier, the gateway's authorizer and the handlers run exactly as they do against Cognito.
// It exists only in the local stack; nothing in `infra/` or the handlers refers to it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JSONWebKeySet, type JWK, SignJWT } from 'jose';

export interface DevIdentityProvider {
  issuer: string;
  audience: string;
  jwks: JSONWebKeySet;
  sign(person: { id: string; name: string; email?: string | undefined }, options?: SignOptions): Promise<string>;
}

export interface SignOptions {
  expiresInSeconds?: number;
  notBeforeSeconds?: number;
}

export const devIssuer = 'https://guildhall.local/auth';
export const devAudience = 'guildhall-local';
export const sessionSeconds = 8 * 60 * 60;

/** Loads the signing key from `keyFile`, or makes one and keeps it there (so sessions survive restarts). */
export async function createDevIdentityProvider(keyFile: string): Promise<DevIdentityProvider> {
  let privateJwk: JWK;
  if (existsSync(keyFile)) {
    privateJwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
  } else {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    privateJwk = { ...(await exportJWK(privateKey)), kid: `dev-${Date.now().toString(36)}`, alg: 'RS256', use: 'sig' };
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, JSON.stringify(privateJwk), { mode: 0o600 });
  }
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
  const key = await importJWK(privateJwk, 'RS256');
  return {
    issuer: devIssuer,
    audience: devAudience,
    jwks: { keys: [publicJwk] },
    async sign(person, options = {}) {
      const now = Math.floor(Date.now() / 1000);
      const jwt = new SignJWT({
        name: person.name,
        ...(person.email ? { email: person.email } : {}),
        'cognito:username': person.id,
        token_use: 'id',
      })
        .setProtectedHeader({ alg: 'RS256', kid: privateJwk.kid ?? 'dev', typ: 'JWT' })
        .setSubject(person.id)
        .setIssuer(devIssuer)
        .setAudience(devAudience)
        .setIssuedAt(now)
        .setExpirationTime(now + (options.expiresInSeconds ?? sessionSeconds));
      if (options.notBeforeSeconds !== undefined) jwt.setNotBefore(now + options.notBeforeSeconds);
      return jwt.sign(key);
    },
  };
}
