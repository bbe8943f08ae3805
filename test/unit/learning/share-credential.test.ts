import { generateKeyPairSync } from 'node:crypto';
import type { JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { newPerson } from '#domain/people/person.ts';
import { createCredentialSigner } from '#adapters/credentials/credential-signer.ts';
import { extractFromPng } from '#domain/credentials/png.ts';
import { hashedEmailIdentifier, recipientEmailCheck } from '#domain/credentials/recipient.ts';
import { extractFromSvg } from '#domain/credentials/svg.ts';
import { NotFoundError } from '#domain/errors.ts';
import type { Identity } from '#domain/identity.ts';
import { isShareableCredentialId, newCredentialId } from '#domain/learning/credential.ts';
import { getMyCredential } from '#domain/learning/learning-use-cases.ts';
import { bakedBadge, getPublicCredential, linkedInAddUrl } from '#domain/learning/public-credential.ts';
import { dayIn, verificationReasonIn } from '#domain/i18n/records/verification-reasons.ts';
import { verifyCredential } from '#domain/learning/verify-credential.ts';
import { courseNamed, takeQuizDirectly } from '../../support/quiz.ts';
import { fakeServices, memoryPeople } from '../../support/services.ts';

const course = courseNamed('haccp-for-small-kitchens');
const femi = { personId: 'femi', claimedName: 'Femi Adeyemi', email: 'femi@example.org' };

const payloadOf = (jws: string) => JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString());
// biome-ignore lint/suspicious/noExplicitAny: a test edits the decoded claims at any depth, as a forger would.
const withPayload = (jws: string, change: (claims: Record<string, any>) => void) => {
  const [header, payload, signature] = jws.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
  change(claims);
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
};

async function passed(services = fakeServices(), who: Identity = femi) {
  const { credentialId } = await takeQuizDirectly(services, who, course);
  const stored = await getMyCredential(services, who, credentialId ?? '');
  return { services, stored };
}

describe('a hashed email names the recipient without revealing the address', () => {
  it('hashes email + salt with SHA-256, as Open Badges defines (a known answer)', () => {
    // printf 'femi@example.org' 'x7k2m9q4' | sha256sum, computed outside this code.
    expect(hashedEmailIdentifier('femi@example.org', 'x7k2m9q4')).toEqual({
      type: 'IdentityObject',
      identityType: 'emailAddress',
      hashed: true,
      salt: 'x7k2m9q4',
      identityHash: 'sha256$5906b5e3951df1643e01b0826ee572c1fb3a739399a9e1b3ab59be7c29444d08',
    });
  });

  it.each([
    ['the same address', 'femi@example.org', 'matches'],
    ['the address typed with capitals and spaces', '  Femi@Example.ORG ', 'matches'],
    ['another address', 'mallory@example.org', 'differs'],
  ] as const)('answers %s: %s', (_case, email, expected) => {
    expect(recipientEmailCheck([hashedEmailIdentifier('femi@example.org', 'salt')], email)).toBe(expected);
  });

  it('cannot say when the credential carries no hashed email', () => {
    expect(recipientEmailCheck(undefined, 'femi@example.org')).toBe('unknown');
    expect(recipientEmailCheck([{ identityType: 'emailAddress', hashed: false }], 'x@y.z')).toBe('unknown');
  });

  it('adds the profile’s address, hashed, to a new credential and never the address itself', async () => {
    const { stored } = await passed();
    const subject = payloadOf(stored.jws).credentialSubject;
    expect(JSON.stringify(subject)).not.toContain('femi@');
    expect(subject.identifier).toEqual([
      expect.objectContaining({ identityType: 'emailAddress', hashed: true, salt: expect.stringMatching(/^\w{16}$/) }),
    ]);
    expect(recipientEmailCheck(subject.identifier, 'femi@example.org')).toBe('matches');
  });

  it('uses the token’s address when the profile has none, and adds no identifier when neither has one', async () => {
    const people = memoryPeople([newPerson({ id: 'femi', name: 'Femi', createdAt: '2026-01-01T00:00:00Z' })]);
    const fromToken = (await passed(fakeServices({ people }))).stored;
    expect(recipientEmailCheck(payloadOf(fromToken.jws).credentialSubject.identifier, femi.email)).toBe('matches');
    const none = (await passed(fakeServices(), { personId: 'nomail', claimedName: 'No Mail' })).stored;
    expect(payloadOf(none.jws).credentialSubject.identifier).toBeUndefined();
  });

  it('salts each credential differently, so two credentials of one person do not share a hash', async () => {
    const services = fakeServices();
    const first = (await passed(services)).stored;
    const { credentialId } = await takeQuizDirectly(
      services,
      femi,
      courseNamed('solar-pv-fundamentals-and-site-survey'),
    );
    const second = await getMyCredential(services, femi, credentialId ?? '');
    const hash = (jws: string) => payloadOf(jws).credentialSubject.identifier[0].identityHash;
    expect(hash(first.jws)).not.toBe(hash(second.jws));
  });
});

describe('credential ids', () => {
  it('are 16 letters and digits from a cryptographic source, not the course and person', async () => {
    const { stored } = await passed();
    expect(stored.id).toMatch(/^[a-km-z2-9]{16}$/);
    expect(stored.id).not.toContain('femi');
    expect(payloadOf(stored.jws).id).toBe(`https://guildhall.test/credentials/${stored.id}/`);
  });

  it.each([
    ['a new id', 'abcdefghjkmn2345', true],
    ['an id made before, from course and person', 'solar-pv-fundamentals-and-site-survey.femi', false],
    ['too short', 'abcdefgh', false],
    ['a letter the alphabet leaves out (l)', 'abcdefghjklm2345', false],
  ])('are public only when unguessable: %s', (_case, id, shareable) => {
    expect(isShareableCredentialId(id)).toBe(shareable);
  });

  it('take every letter of their alphabet from the random source', () => {
    const seen = new Set(newCredentialId((max) => max - 1) + newCredentialId(() => 0));
    expect(seen).toEqual(new Set(['9', 'a']));
  });
});

describe('the verifier tells apart what it is handed', () => {
  it.each([
    ['plain text', 'not a credential', 'not-a-credential', /three base64url parts/],
    ['a JWS whose payload is not JSON', 'eyJhbGciOiJFZERTQSJ9.bm90IGpzb24.c2ln', 'not-a-credential', /three base64url/],
    [
      'a signed token that is no credential',
      'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.c2ln',
      'not-a-credential',
      /not an Open Badges/,
    ],
    ['an SVG with no credential', '<svg></svg>', 'not-a-credential', /no openbadges:credential/],
  ])('calls %s not a credential', async (_case, input, status, reason) => {
    expect(await verifyCredential(fakeServices().signer, input)).toMatchObject({ valid: false, status, reason });
  });

  it('calls a credential whose payload changed after signing altered', async () => {
    const { services, stored } = await passed();
    const forged = withPayload(stored.jws, (claims) => {
      claims.credentialSubject.name = 'Mallory';
    });
    expect(await verifyCredential(services.signer, forged)).toMatchObject({
      valid: false,
      status: 'altered',
      reason: expect.stringMatching(/^This credential was altered/),
    });
  });

  it('says a credential signed with another key was signed by a key it does not know', async () => {
    const { services, stored } = await passed();
    const privateJwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }) as JWK;
    const other = await createCredentialSigner({
      privateJwk: { ...privateJwk, kid: 'elsewhere' },
      issuer: services.signer.issuer,
    });
    const payload = payloadOf(stored.jws);
    const foreign = await other.sign(payload, { subject: payload.sub, jti: payload.jti, issuedAt: new Date() });
    expect(await verifyCredential(services.signer, foreign)).toMatchObject({
      valid: false,
      status: 'unknown-key',
      reason: expect.stringMatching(/key this Guildhall does not know/),
    });
    // The same foreign signature under this instance's key id is a signature that does not match.
    const sameKid = await createCredentialSigner({ privateJwk, issuer: services.signer.issuer });
    const disguised = await sameKid.sign(payload, { subject: payload.sub, jti: payload.jti, issuedAt: new Date() });
    expect(await verifyCredential(services.signer, disguised)).toMatchObject({ status: 'altered' });
  });

  it('verifies the baked SVG and PNG as it verifies the .jwt, and checks an email against the recipient', async () => {
    const { services, stored } = await passed();
    const shared = await getPublicCredential(services, stored.id);
    const svg = bakedBadge(shared, 'svg');
    const png = Buffer.from(bakedBadge(shared, 'png')).toString('base64');
    for (const [input, format] of [
      [stored.jws, 'jws'],
      [svg, 'svg'],
      [png, 'png'],
    ] as const) {
      expect(await verifyCredential(services.signer, input, { recipientEmail: 'FEMI@example.org' })).toMatchObject({
        valid: true,
        status: 'valid',
        format,
        subjectName: 'Femi Adeyemi',
        recipientEmail: 'matches',
      });
    }
    const altered = svg.replace(
      stored.jws,
      withPayload(stored.jws, (claims) => {
        claims.name = 'Forged';
      }),
    );
    expect(await verifyCredential(services.signer, altered)).toMatchObject({ status: 'altered' });
  });
});

describe('the public credential', () => {
  it('says who earned what and when, the skills with their ESCO links, and that the signature is genuine', async () => {
    const { services, stored } = await passed();
    const shared = await getPublicCredential(services, stored.id);
    expect(shared).toMatchObject({
      id: stored.id,
      url: `https://guildhall.test/credentials/${stored.id}/`,
      recipient: { name: 'Femi Adeyemi', emailHashed: true },
      achievement: { name: course.title },
      verification: { status: 'valid', sentence: expect.stringMatching(/^Genuine/) },
      jws: stored.jws,
    });
    expect(shared.skills.map((skill) => skill.id).sort()).toEqual(course.skills.map((s) => s.skill).sort());
    const esco = shared.skills.filter((skill) => skill.framework === 'ESCO');
    expect(esco.length).toBeGreaterThan(0);
    expect(esco.every((skill) => skill.url.startsWith('http://data.europa.eu/esco/'))).toBe(true);
    expect(extractFromSvg(bakedBadge(shared, 'svg'))).toBe(stored.jws);
    expect(extractFromPng(bakedBadge(shared, 'png'))).toBe(stored.jws);
  });

  it('does not exist for an id nobody was given', async () => {
    const { services } = await passed();
    await expect(getPublicCredential(services, 'abcdefghjkmn2345')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('does not exist for an id made before from course and person, even where the store holds one', async () => {
    const { services, stored } = await passed();
    const oldId = `${course.id}.femi`;
    const learning = { ...services.learning, getCredential: async (id: string) => ({ ...stored, id }) };
    await expect(getPublicCredential({ ...services, learning }, oldId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPublicCredential({ ...services, learning }, stored.id)).resolves.toMatchObject({ id: stored.id });
  });

  it('builds LinkedIn’s add-certification link with its documented parameters', () => {
    const url = new URL(
      linkedInAddUrl({
        name: 'Solar PV & site survey',
        organizationName: 'Guildhall',
        issuedAt: new Date('2026-12-31T23:30:00Z'),
        certUrl: 'https://guildhall.example/credentials/abc/',
        certId: 'abc',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://www.linkedin.com/profile/add');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: 'Solar PV & site survey',
      organizationName: 'Guildhall',
      issueYear: '2026',
      issueMonth: '12',
      certUrl: 'https://guildhall.example/credentials/abc/',
      certId: 'abc',
    });
  });
});

// The verifier keeps its reason as a key and values: the API's English `reason` is unchanged, and the
// verify page and a credential's public page say it in the reader's language.
describe('the verifier’s reason in Spanish and Dutch', () => {
  it('says a genuine credential is genuine, with the day it was issued in the reader’s words', async () => {
    const { services, stored } = await passed();
    const result = await verifyCredential(services.signer, stored.jws);
    if (!result.valid) throw new Error('expected a genuine credential');
    const day = new Date(result.validFrom);
    expect(result.reason).toBe(
      `Genuine: signed with this Guildhall’s key and unaltered since it was issued on ${dayIn(result.validFrom, 'en')}.`,
    );
    expect(dayIn(result.validFrom, 'en')).toContain(String(day.getUTCFullYear()));
    expect(verificationReasonIn(result.said, 'en')).toBe(result.reason);
    expect(verificationReasonIn(result.said, 'es')).toBe(
      `Auténtica: firmada con la clave de este Guildhall y sin ningún cambio desde que se emitió el ${dayIn(result.validFrom, 'es')}.`,
    );
    expect(dayIn(result.validFrom, 'es')).toMatch(
      new RegExp(`^${day.getUTCDate()} de \\p{L}+ de ${day.getUTCFullYear()}$`, 'u'),
    );
    expect(verificationReasonIn(result.said, 'nl')).toBe(
      `Echt: ondertekend met de sleutel van deze Guildhall en niet gewijzigd sinds de uitgifte op ${dayIn(result.validFrom, 'nl')}.`,
    );
  });

  it('says why something is not a credential, and that one was altered, in Spanish and Dutch', async () => {
    const svg = await verifyCredential(fakeServices().signer, '<svg></svg>');
    expect(svg.reason).toBe(
      'This is not a credential: this SVG image carries no credential (it has no openbadges:credential element).',
    );
    expect(verificationReasonIn(svg.said, 'es')).toBe(
      'Esto no es una credencial: esta imagen SVG no lleva ninguna credencial (no tiene el elemento openbadges:credential).',
    );
    expect(verificationReasonIn(svg.said, 'nl')).toBe(
      'Dit is geen diploma: deze SVG-afbeelding bevat geen diploma (er zit geen openbadges:credential-element in).',
    );
    const { services, stored } = await passed();
    const forged = withPayload(stored.jws, (claims) => {
      claims.credentialSubject.name = 'Mallory';
    });
    const altered = await verifyCredential(services.signer, forged);
    expect(verificationReasonIn(altered.said, 'es')).toMatch(/^Esta credencial se ha alterado: /);
    expect(verificationReasonIn(altered.said, 'nl')).toMatch(/^Dit diploma is gewijzigd: /);
  });

  it('gives a credential’s public page its verification sentence in the page’s language', async () => {
    const { services, stored } = await passed();
    const dutch = await getPublicCredential(services, stored.id, 'nl');
    expect(dutch.verification).toEqual({
      status: 'valid',
      sentence: `Echt: ondertekend met de sleutel van deze Guildhall en niet gewijzigd sinds de uitgifte op ${dayIn(dutch.issuedAt, 'nl')}.`,
    });
    expect((await getPublicCredential(services, stored.id)).verification.sentence).toMatch(/^Genuine: /);
  });
});
