// A credential its earner shares, over the API against DynamoDB Local: the public answer behind its
// page (and 404 for every id that is not a shared credential), and the verifier's answers for each
// way a credential comes (the .jwt, a baked SVG, a baked PNG) and each way it can fail.
import { generateKeyPairSync } from 'node:crypto';
import type { JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { createCredentialSigner } from '#adapters/credentials/credential-signer.ts';
import { bakedBadge, type PublicCredential } from '#domain/learning/public-credential.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { courseNamed, takeQuiz } from '../support/quiz.ts';
import { newPerson } from '#domain/people/person.ts';

const course = courseNamed('haccp-for-small-kitchens');

/** A learner with an email on their profile who passed the course: the API, and the credential's id. */
async function sharedCredential() {
  const api = await apiOnFreshTable();
  await api.services.people.createIfAbsent(
    newPerson({ id: 'femi', name: 'Femi Adeyemi', email: 'femi@example.org', createdAt: new Date().toISOString() }),
  );
  const passed = await takeQuiz(api.call, 'femi', course);
  const id = String(body(passed).credentialId);
  return { ...api, id };
}

const verify = (call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'], payload: unknown) =>
  call('POST', '/api/credentials/verify', null, payload);

describe('a shared credential over the API', () => {
  it('answers anyone, signed in or not, with who earned what, when, the ESCO-linked skills and the signature checked', async () => {
    const { call, id } = await sharedCredential();
    expect(id).toMatch(/^[a-km-z2-9]{16}$/);
    for (const as of [null, 'someone-else']) {
      const shared = await call('GET', `/api/credentials/${id}`, as);
      expect(shared.status).toBe(200);
      expect(shared.headers['cache-control']).toBe('public, max-age=300');
      expect(body(shared)).toMatchObject({
        id,
        url: `https://guildhall.test/credentials/${id}/`,
        recipient: { name: 'Femi Adeyemi', emailHashed: true },
        achievement: { name: course.title },
        verification: { status: 'valid', sentence: expect.stringMatching(/^Genuine/) },
        downloads: {
          jwt: `https://guildhall.test/credentials/${id}/credential.jwt`,
          svg: `https://guildhall.test/credentials/${id}/badge.svg`,
          png: `https://guildhall.test/credentials/${id}/badge.png`,
        },
      });
      expect(body(shared).skills).toContainEqual(
        expect.objectContaining({
          framework: 'ESCO',
          url: expect.stringMatching(/^http:\/\/data\.europa\.eu\/esco\//),
        }),
      );
      expect(JSON.stringify(body(shared))).not.toContain('femi@example.org');
    }
  });

  it.each([
    ['an id nobody was given', 'abcdefghjkmn2345', 404],
    ['the old course.person form of an id', `${course.id}.femi`, 404],
    ['the issuer’s own address', 'issuer', 404],
    ['characters an id never has', 'abc%20def', 400],
  ])('answers %s as no credential', async (_case, id, status) => {
    const { call } = await sharedCredential();
    const response = await call('GET', `/api/credentials/${id}`, null);
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toBe('application/problem+json');
  });

  it('still answers the keys and the verifier at their own addresses', async () => {
    const { call } = await sharedCredential();
    expect(body(await call('GET', '/api/credentials/keys', null)).keys).toHaveLength(1);
    expect((await verify(call, { credential: 'x' })).status).toBe(200);
  });
});

describe('the verifier over the API', () => {
  it('finds the .jwt, the baked SVG and the baked PNG (base64 or a data URL) genuine, and checks the recipient’s email', async () => {
    const { call, id } = await sharedCredential();
    const shared = body(await call('GET', `/api/credentials/${id}`, null)) as PublicCredential;
    const png = Buffer.from(bakedBadge(shared, 'png')).toString('base64');
    for (const [credential, format] of [
      [shared.jws, 'jws'],
      [bakedBadge(shared, 'svg'), 'svg'],
      [png, 'png'],
      [`data:image/png;base64,${png}`, 'png'],
    ]) {
      const matches = await verify(call, { credential, recipientEmail: 'Femi@Example.org' });
      expect(body(matches)).toMatchObject({ valid: true, status: 'valid', format, recipientEmail: 'matches' });
    }
    const differs = await verify(call, { credential: shared.jws, recipientEmail: 'mallory@example.org' });
    expect(body(differs)).toMatchObject({ valid: true, recipientEmail: 'differs' });
    expect(body(await verify(call, { credential: shared.jws }))).not.toHaveProperty('recipientEmail');
  });

  it('tells not a credential, altered and an unknown key apart, each in a sentence', async () => {
    const { call, id, services } = await sharedCredential();
    const jws = String(body(await call('GET', `/api/credentials/${id}`, null)).jws);
    const [header, payload, signature] = jws.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    claims.credentialSubject.name = 'Mallory';
    const altered = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    const privateJwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }) as JWK;
    const elsewhere = await createCredentialSigner({
      privateJwk: { ...privateJwk, kid: 'elsewhere' },
      issuer: services.signer.issuer,
    });
    const foreign = await elsewhere.sign(claims, { subject: claims.sub, jti: claims.jti, issuedAt: new Date() });
    for (const [credential, status, sentence] of [
      ['hello', 'not-a-credential', /^This is not a credential: a signed credential is a compact JWS/],
      ['<svg xmlns="http://www.w3.org/2000/svg"/>', 'not-a-credential', /^This is not a credential: this SVG/],
      ['iVBORw0KGgoAAAANSUhEUg==', 'not-a-credential', /^This is not a credential: this PNG image cannot be read/],
      [altered, 'altered', /^This credential was altered/],
      [foreign, 'unknown-key', /signed by a key this Guildhall does not know/],
    ]) {
      const answer = await verify(call, { credential });
      expect(answer.status).toBe(200);
      expect(body(answer)).toEqual({ valid: false, status, reason: expect.stringMatching(sentence as RegExp) });
    }
    // The same answers in the reader's language (Accept-Language).
    const spanish = await call(
      'POST',
      '/api/credentials/verify',
      null,
      { credential: altered },
      { 'accept-language': 'es' },
    );
    expect(spanish.headers['content-language']).toBe('es');
    expect(body(spanish)).toEqual({
      valid: false,
      status: 'altered',
      reason: expect.stringMatching(/^Esta credencial se ha alterado: tiene la forma de una credencial de Guildhall/),
    });
    const dutch = await call('GET', `/api/credentials/${id}`, null, undefined, { 'accept-language': 'nl-NL,nl;q=0.9' });
    expect(dutch.headers.vary).toBe('Accept-Language');
    expect(body(dutch).verification).toEqual({
      status: 'valid',
      sentence: expect.stringMatching(
        /^Echt: ondertekend met de sleutel van deze Guildhall en niet gewijzigd sinds de uitgifte op \d+ \p{L}+ \d{4}\.$/u,
      ),
    });
  });

  it.each([
    [{ credential: '' }, 'body.credential'],
    [{ credential: 'x'.repeat(60_001) }, 'body.credential'],
    [{ credential: 'a.b.c', recipientEmail: 'not an address' }, 'body.recipientEmail'],
  ])('refuses a malformed request with 400 naming the field (%#)', async (payload, field) => {
    const { call } = await sharedCredential();
    const response = await verify(call, payload);
    expect(response.status).toBe(400);
    expect(body(response).errors).toContainEqual(expect.objectContaining({ field }));
  });
});
