// The credential signer on node:crypto against jose, which signed every credential issued before it:
// the same bytes out, each accepted by the other, and each kind of refusal its own error.
import { createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { importJWK, jwtVerify, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createCredentialSigner } from '#adapters/credentials/credential-signer.ts';
import { fromBase64url, signCompactJws, toBase64url, verifyCompactJws } from '#adapters/credentials/compact-jws.ts';
import {
  CredentialRejectedError,
  CredentialSignatureError,
  CredentialVerificationError,
  NotACredentialError,
} from '#domain/errors.ts';
import type { AchievementCredential } from '#domain/learning/credential.ts';

const newKey = (): JsonWebKey => generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
const issuer = { id: 'https://guildhall.example/credentials/issuer', name: 'Guildhall' };
const claims = { subject: 'person-ada', jti: 'urn:uuid:1b9d6bcd', issuedAt: new Date('2026-03-01T10:00:00.900Z') };
const credential = {
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  id: 'urn:uuid:1b9d6bcd',
  type: ['VerifiableCredential', 'AchievementCredential'],
  issuer: { id: issuer.id, type: ['Profile'], name: 'Guildhall' },
  validFrom: '2026-03-01T10:00:00Z',
  name: 'Solar PV — fundamentals ✓',
  credentialSubject: {
    id: 'person-ada',
    type: ['AchievementSubject'],
    name: 'Ada Okafor',
    achievement: {
      id: 'https://guildhall.example/courses/solar',
      type: ['Achievement'],
      achievementType: 'Course',
      name: 'Solar PV',
      description: 'Site survey and safe isolation.',
      criteria: { narrative: 'Pass the quiz.' },
      alignment: [],
    },
  },
} as unknown as AchievementCredential;

function joseSign(privateJwk: JsonWebKey, payload: Record<string, unknown>, header: Record<string, unknown> = {}) {
  return importJWK(privateJwk as never, 'EdDSA').then((key) =>
    new SignJWT(payload)
      .setProtectedHeader({ alg: 'EdDSA', kid: 'instance', typ: 'vc+jwt', ...header })
      .setIssuer(issuer.id)
      .setSubject(claims.subject)
      .setJti(claims.jti)
      .setIssuedAt(Math.floor(claims.issuedAt.getTime() / 1000))
      .setNotBefore(Math.floor(claims.issuedAt.getTime() / 1000))
      .sign(key),
  );
}

const parts = (jws: string) => jws.split('.') as [string, string, string];
const json = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
const encode = (value: unknown) => toBase64url(JSON.stringify(value));

describe('credential signer', () => {
  it('writes exactly the bytes jose wrote for the same credential, so old and new credentials are one format', async () => {
    const key = newKey();
    const ours = await createCredentialSigner({ privateJwk: key, issuer }).sign(credential, claims);
    expect(ours).toBe(await joseSign(key, { ...credential }));
  });

  it('issues credentials jose verifies, and verifies credentials jose issued', async () => {
    const key = newKey();
    const signer = createCredentialSigner({ privateJwk: key, issuer });
    const publicKey = await importJWK(signer.publicJwk as never, 'EdDSA');
    const { payload, protectedHeader } = await jwtVerify(await signer.sign(credential, claims), publicKey, {
      algorithms: ['EdDSA'],
      issuer: issuer.id,
    });
    expect(protectedHeader).toEqual({ alg: 'EdDSA', kid: 'instance', typ: 'vc+jwt' });
    expect(payload).toMatchObject({ sub: 'person-ada', jti: claims.jti, iat: 1772359200, nbf: 1772359200 });

    const fromJose = await signer.verify(await joseSign(key, { ...credential }));
    expect(fromJose).toMatchObject({
      outcome: 'valid',
      payload: { iss: issuer.id, name: credential.name, credentialSubject: { name: 'Ada Okafor' } },
    });
  });

  it('publishes the public half of the key with its kid, and never the private part', () => {
    const key = { ...newKey(), kid: 'guildhall-2026' };
    const { publicJwk } = createCredentialSigner({ privateJwk: key, issuer });
    expect(publicJwk).toEqual({
      kty: 'OKP',
      crv: 'Ed25519',
      x: key.x,
      kid: 'guildhall-2026',
      alg: 'EdDSA',
      use: 'sig',
    });
  });

  it('refuses a key whose public half does not match its private half', () => {
    const other = newKey();
    expect(() => createCredentialSigner({ privateJwk: { ...newKey(), x: other.x }, issuer })).toThrow(/inconsistent/);
    expect(() => createCredentialSigner({ privateJwk: { kty: 'EC', crv: 'P-256' }, issuer })).toThrow(/Ed25519/);
  });
});

describe('credential verification refuses, each for its own reason', () => {
  const key = newKey();
  const signer = () => createCredentialSigner({ privateJwk: key, issuer });
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: String(key.x) }, format: 'jwk' });
  const signed = () => signer().sign(credential, claims);
  const refusal = async (jws: string) => {
    let error: unknown;
    try {
      verifyCompactJws(jws, publicKey, { algorithms: ['EdDSA'], kid: 'instance' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CredentialVerificationError);
    return error as CredentialVerificationError;
  };

  it('a payload changed after signing, as altered', async () => {
    const [header, payload, signature] = parts(await signed());
    const forged = { ...json(payload), credentialSubject: { ...json(payload).credentialSubject, name: 'Mallory' } };
    expect(await refusal(`${header}.${encode(forged)}.${signature}`)).toBeInstanceOf(CredentialSignatureError);
  });

  it('a changed signature, as altered, whether it still decodes or not', async () => {
    const [header, payload, signature] = parts(await signed());
    const flipped = Buffer.from(fromBase64url(signature) ?? []);
    flipped[10] = (flipped[10] ?? 0) ^ 1;
    expect(await refusal(`${header}.${payload}.${toBase64url(flipped)}`)).toBeInstanceOf(CredentialSignatureError);
    expect(await refusal(`${header}.${payload}.${signature.slice(0, -2)}`)).toBeInstanceOf(CredentialSignatureError);
    expect(await refusal(`${header}.${payload}.${signature}A`)).toBeInstanceOf(CredentialSignatureError);
    expect(await refusal(`${header}.${payload}.`)).toBeInstanceOf(CredentialSignatureError);
  });

  it('a credential signed with another key, as altered', async () => {
    const foreign = await createCredentialSigner({ privateJwk: newKey(), issuer }).sign(credential, claims);
    expect(await refusal(foreign)).toBeInstanceOf(CredentialSignatureError);
  });

  it('alg "none" or HS256 (an HMAC keyed with the public key), before any signature is checked', async () => {
    const [, payload] = parts(await signed());
    const none = `${encode({ alg: 'none', typ: 'vc+jwt' })}.${payload}.`;
    expect(await refusal(none)).toMatchObject({ constructor: CredentialRejectedError, field: 'alg' });

    const hsHeader = encode({ alg: 'HS256', typ: 'vc+jwt' });
    const mac = createHmac('sha256', Buffer.from(String(signer().publicJwk.x), 'base64url'))
      .update(`${hsHeader}.${payload}`)
      .digest('base64url');
    expect(await refusal(`${hsHeader}.${payload}.${mac}`)).toMatchObject({
      constructor: CredentialRejectedError,
      field: 'alg',
    });
    const withoutAlg = `${encode({ typ: 'vc+jwt' })}.${payload}.${parts(await signed())[2]}`;
    expect(await refusal(withoutAlg)).toMatchObject({ field: 'alg' });
  });

  it('a header with critical extensions it does not understand, as jose did', async () => {
    const jws = await joseSign(key, { ...credential }, { crit: ['b64'], b64: true });
    expect(await refusal(jws)).toMatchObject({ constructor: CredentialRejectedError, field: 'crit' });
  });

  it('text that is not a credential at all', async () => {
    const [header, payload, signature] = parts(await signed());
    for (const text of [
      '',
      'not a credential',
      `${header}.${payload}`,
      `${header}.${payload}.${signature}.extra`,
      `${header}!.${payload}.${signature}`,
      `${toBase64url('not json')}.${payload}.${signature}`,
      `${encode(['EdDSA'])}.${payload}.${signature}`,
      `${header}.${encode('a string')}.${signature}`,
      `${header}.${toBase64url(Uint8Array.of(0x7b, 0xff, 0x7d))}.${signature}`,
      `${header} .${payload}.${signature}`,
    ]) {
      expect(await refusal(text), text).toBeInstanceOf(NotACredentialError);
    }
  });

  it('as the signer answers the domain: another algorithm or key id is an unknown key, anything else that fails is a bad signature', async () => {
    const [header, payload, signature] = parts(await signed());
    const other = createCredentialSigner({ privateJwk: { ...newKey(), kid: 'elsewhere' }, issuer });
    expect(await signer().verify(await other.sign(credential, claims))).toEqual({ outcome: 'unknown-key' });
    expect(await signer().verify(`${encode({ alg: 'none' })}.${payload}.`)).toEqual({ outcome: 'unknown-key' });
    const forged = { ...json(payload), name: 'Forged' };
    expect(await signer().verify(`${header}.${encode(forged)}.${signature}`)).toEqual({ outcome: 'bad-signature' });
    expect(await signer().verify('not a credential')).toEqual({ outcome: 'bad-signature' });
    const sameKid = createCredentialSigner({ privateJwk: newKey(), issuer });
    expect(await signer().verify(await sameKid.sign(credential, claims))).toEqual({ outcome: 'bad-signature' });
  });

  it('leaves the issuer and the dates to the domain: a genuine signature is valid whatever the payload says', async () => {
    const elsewhere = createCredentialSigner({
      privateJwk: key,
      issuer: { id: 'https://elsewhere.example/issuer', name: 'X' },
    });
    const future = { ...claims, issuedAt: new Date('2099-01-01T00:00:00Z') };
    expect(await signer().verify(await elsewhere.sign(credential, future))).toMatchObject({
      outcome: 'valid',
      payload: { iss: 'https://elsewhere.example/issuer', nbf: 4070908800 },
    });
  });
});

describe('base64url', () => {
  it('reads only the one canonical spelling of each value', () => {
    expect(fromBase64url('QUJD')).toEqual(Buffer.from('ABC'));
    expect(fromBase64url('-_8')).toEqual(Buffer.from([0xfb, 0xff]));
    for (const text of ['QUI=', 'QUJ', '+/8', 'QU JD', 'QUJD!', 'Q']) expect(fromBase64url(text), text).toBeUndefined();
    expect(fromBase64url('QUI')).toEqual(Buffer.from('AB'));
  });
});

describe('compact JWS', () => {
  const key = newKey();
  const privateKey = createPrivateKey({ key, format: 'jwk' });
  const publicKey = createPublicKey(privateKey);
  const jws = signCompactJws({ alg: 'EdDSA', kid: 'instance' }, { hello: 'world' }, privateKey);

  it('refuses a header naming another key id, or none, when the verifier names its own, before reading the payload', () => {
    const expected = { algorithms: ['EdDSA'], kid: 'instance' };
    expect(verifyCompactJws(jws, publicKey, expected).payload).toEqual({ hello: 'world' });
    const [, payload, signature] = parts(jws);
    for (const header of [{ alg: 'EdDSA', kid: 'elsewhere' }, { alg: 'EdDSA' }]) {
      expect(() => verifyCompactJws(`${encode(header)}.${payload}.${signature}`, publicKey, expected)).toThrow(
        expect.objectContaining({ constructor: CredentialRejectedError, field: 'kid' }),
      );
    }
    const garbled = `${encode({ alg: 'EdDSA', kid: 'elsewhere' })}.not-json.${signature}`;
    expect(() => verifyCompactJws(garbled, publicKey, expected)).toThrow(expect.objectContaining({ field: 'kid' }));
  });
});
