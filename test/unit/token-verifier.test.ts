import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  type JSONWebKeySet,
  jwtVerify,
  SignJWT,
  UnsecuredJWT,
} from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { UnauthenticatedError } from '#domain/errors.ts';
import {
  bearerToken,
  createTokenVerifier,
  identityFromClaims,
  type TokenVerifier,
} from '#adapters/auth/token-verifier.ts';
import { createDevIdentityProvider, type DevIdentityProvider } from '#local/dev-identity.ts';

let provider: DevIdentityProvider;
let verify: TokenVerifier;
const person = { id: 'person-1', name: 'Ada', email: 'ada@example.org' };

beforeAll(async () => {
  provider = await createDevIdentityProvider(join(mkdtempSync(join(tmpdir(), 'gh-idp-')), 'key.json'));
  verify = createTokenVerifier({ issuer: provider.issuer, audience: provider.audience, keys: { jwks: provider.jwks } });
});

async function foreignToken(claims: Record<string, unknown>, issuer = provider.issuer, audience = provider.audience) {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: provider.jwks.keys[0]?.kid ?? 'x' })
    .setSubject('person-1')
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);
}

describe('token verifier', () => {
  it('accepts a token from the identity provider and yields the identity from its claims', async () => {
    const claims = await verify(await provider.sign(person));
    expect(identityFromClaims({ ...claims })).toEqual({
      personId: 'person-1',
      claimedName: 'Ada',
      email: 'ada@example.org',
    });
    expect(claims.token_use).toBe('id');
  });

  const rejected: Array<[string, () => Promise<string>]> = [
    [
      'an unsigned token (alg: none)',
      async () =>
        new UnsecuredJWT({ sub: 'person-1' })
          .setIssuer(provider.issuer)
          .setAudience(provider.audience)
          .setExpirationTime('1h')
          .encode(),
    ],
    ['a token signed with another key', () => foreignToken({})],
    ['a token from another issuer', async () => foreignToken({}, 'https://evil.example')],
    ['an expired token', () => provider.sign(person, { expiresInSeconds: -60 })],
    ['a token not valid yet', () => provider.sign(person, { notBeforeSeconds: 3600 })],
    [
      'a tampered token',
      async () => {
        const [header, payload, signature] = (await provider.sign(person)).split('.');
        const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
        const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })).toString('base64url');
        return `${header}.${forged}.${signature}`;
      },
    ],
    ['garbage', async () => 'not.a.jwt'],
  ];

  it.each(rejected)('rejects %s', async (_name, makeToken) => {
    await expect(verify(await makeToken())).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('says why in the reader’s language, as the sign-in callback shows it', async () => {
    const error = await verify('not.a.token').then(
      () => undefined,
      (refusal: unknown) => refusal,
    );
    expect(error).toBeInstanceOf(UnauthenticatedError);
    const refused = error as UnauthenticatedError;
    expect([refused.message, refused.wordsIn?.('es'), refused.wordsIn?.('nl')]).toEqual([
      'The token is not valid.',
      'El token no es válido.',
      'Het token is niet geldig.',
    ]);
  });

  it('rejects a token for another audience', async () => {
    const other = createTokenVerifier({
      issuer: provider.issuer,
      audience: 'another-app',
      keys: { jwks: provider.jwks },
    });
    await expect(other(await provider.sign(person))).rejects.toThrow(/audience/);
  });
});

describe('when a token says it was issued', () => {
  const issuer = 'https://issuer.test';
  let keys: Awaited<ReturnType<typeof generateKeyPair>>;
  let jwks: JSONWebKeySet;
  const now = () => Math.floor(Date.now() / 1000);
  const tokenIssuedAt = (iat: number | undefined) => {
    const jwt = new SignJWT({ sub: 'person-1' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(issuer)
      .setAudience('app')
      .setExpirationTime(now() + 7200);
    return (iat === undefined ? jwt : jwt.setIssuedAt(iat)).sign(keys.privateKey);
  };
  const verifier = () => createTokenVerifier({ issuer, audience: 'app', keys: { jwks: jwks } });

  beforeAll(async () => {
    keys = await generateKeyPair('RS256');
    jwks = { keys: [{ ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256' }] };
  });

  it('is not checked against the clock by jose alone, which is why the verifier checks it', async () => {
    const fromTheFuture = await tokenIssuedAt(now() + 3600);
    await expect(jwtVerify(fromTheFuture, createLocalJWKSet(jwks), { issuer })).resolves.toBeDefined();
  });

  it.each([
    ['an hour', 3600],
    ['a minute', 60],
    ['just past the five-second skew', 7],
  ])('refuses a token issued %s in the future', async (_when, seconds) => {
    await expect(verifier()(await tokenIssuedAt(now() + seconds))).rejects.toThrow(/issued in the future/);
  });

  it('accepts a token issued within the skew of this clock, and one issued before now', async () => {
    await expect(verifier()(await tokenIssuedAt(now() + 3))).resolves.toMatchObject({ sub: 'person-1' });
    await expect(verifier()(await tokenIssuedAt(now() - 600))).resolves.toMatchObject({ sub: 'person-1' });
  });

  it('refuses a token that does not say when it was issued', async () => {
    await expect(verifier()(await tokenIssuedAt(undefined))).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});

describe('bearerToken', () => {
  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer abc', 'abc'],
    ['Basic abc', undefined],
    ['Bearer', undefined],
    [undefined, undefined],
  ])('reads %s as %s', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});

describe('identityFromClaims', () => {
  it('gives no identity without a subject', () => {
    expect(identityFromClaims({ email: 'x@example.org' })).toBeNull();
    expect(identityFromClaims(undefined)).toBeNull();
  });
});
