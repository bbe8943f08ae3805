// Every protected route, called with every kind of bad token, through the local gateway (which plays
// API Gateway's JWT authorizer with the same verifier): not one gets past.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPair, importJWK, type JWK, SignJWT, UnsecuredJWT } from 'jose';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { apiRoutes } from '#http/api.ts';
import { createDevIdentityProvider, devAudience, devIssuer } from '#local/dev-identity.ts';

const baseUrl = inject('baseUrl');
const keyFile = join(import.meta.dirname, '../../.cache/dev-identity/signing-key.json');
const person = { id: 'demo-ada', name: 'Ada Okafor' };
const badTokens: Record<string, string | undefined> = {};

async function signed(claims: { iss?: string; aud?: string; iat?: number }, key?: Parameters<SignJWT['sign']>[0]) {
  const jwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
  return new SignJWT({ name: person.name, token_use: 'id' })
    .setProtectedHeader({ alg: 'RS256', kid: jwk.kid ?? 'dev' })
    .setSubject(person.id)
    .setIssuer(claims.iss ?? devIssuer)
    .setAudience(claims.aud ?? devAudience)
    .setIssuedAt(claims.iat)
    .setExpirationTime('1h')
    .sign(key ?? (await importJWK(jwk, 'RS256')));
}

beforeAll(async () => {
  const provider = await createDevIdentityProvider(keyFile);
  const good = await provider.sign(person);
  const [header, payload, signature] = good.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
  badTokens.missing = undefined;
  badTokens['unsigned (alg none)'] = new UnsecuredJWT({ sub: person.id })
    .setIssuer(devIssuer)
    .setAudience(devAudience)
    .setExpirationTime('1h')
    .encode();
  badTokens['wrong key'] = await signed({}, (await generateKeyPair('RS256')).privateKey);
  badTokens['wrong issuer'] = await signed({ iss: 'https://evil.example/auth' });
  badTokens['wrong audience'] = await signed({ aud: 'another-app' });
  badTokens.expired = await provider.sign(person, { expiresInSeconds: -120 });
  badTokens['not yet valid'] = await provider.sign(person, { notBeforeSeconds: 3600 });
  badTokens['issued in the future'] = await signed({ iat: Math.floor(Date.now() / 1000) + 3600 });
  badTokens.tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: 'demo-bram' })).toString('base64url')}.${signature}`;
  badTokens.garbage = 'not-a-token';
  // The control: a good token does get through, so a 401 below means the token, not the route.
  const me = await fetch(`${baseUrl}/api/me`, { headers: { authorization: `Bearer ${good}` } });
  expect(me.status).toBe(200);
});

const protectedRoutes = apiRoutes.filter((route) => route.auth === 'required');

describe('bad tokens on protected routes', () => {
  it('covers every protected route', () => {
    expect(protectedRoutes.length).toBeGreaterThan(10);
  });

  it.each(protectedRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s rejects every bad token',
    async (_name, route) => {
      const path = route.path.replace(/\{\w+\}/g, 'x-1');
      for (const [kind, token] of Object.entries(badTokens)) {
        const response = await fetch(`${baseUrl}${path}`, {
          method: route.method,
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: '{}' }),
        });
        expect(response.status, `${kind} on ${route.method} ${path}`).toBe(401);
      }
    },
  );
});
