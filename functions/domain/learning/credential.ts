// Open Badges 3.0 AchievementCredentials: what a learner earns by passing a course. The credential
// names the course as the achievement and aligns it to each skill taught (with its ESCO URI where
// one exists). It is signed as a compact JWS (EdDSA / Ed25519) by the instance key: the port below.
import type { Course, Skill } from '../content/commons.ts';
import { type HashedEmailIdentifier, hashedEmailIdentifier, randomToken } from '../credentials/recipient.ts';

export interface CredentialSigner {
  /** The issuer's id (its public profile URL) and display name. */
  issuer: { id: string; name: string };
  /** Signs the credential as the JWS payload; returns the compact JWS. */
  sign(credential: AchievementCredential, claims: { subject: string; jti: string; issuedAt: Date }): Promise<string>;
  /** Checks a compact JWS against the instance key; never throws for a bad or foreign signature. */
  verify(jws: string): Promise<SignatureCheck>;
}

/**
 * What a signature check found: valid (with the payload), made by a key this instance does not hold
 * (another `kid` or algorithm in the header), or not matching the instance key (the bytes changed).
 */
export type SignatureCheck =
  | { outcome: 'valid'; payload: Record<string, unknown> }
  | { outcome: 'unknown-key' }
  | { outcome: 'bad-signature' };

export interface AchievementCredential {
  '@context': string[];
  id: string;
  type: ['VerifiableCredential', 'AchievementCredential'];
  issuer: { id: string; type: ['Profile']; name: string };
  validFrom: string;
  name: string;
  credentialSubject: {
    id: string;
    type: ['AchievementSubject'];
    name: string;
    /** The recipient's email, salted and hashed; absent when the person had no address at issue. */
    identifier?: HashedEmailIdentifier[];
    achievement: {
      id: string;
      type: ['Achievement'];
      achievementType: 'Course';
      name: string;
      description: string;
      criteria: { narrative: string };
      alignment: Array<{
        type: ['Alignment'];
        targetName: string;
        targetUrl: string;
        targetCode: string;
        targetFramework?: string;
        targetDescription: string;
      }>;
    };
    result: Array<{ type: ['Result']; value: string }>;
  };
}

export const credentialContexts = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
];

/**
 * A new credential's id: 16 characters of a 32-letter alphabet from a cryptographic source (80 bits).
 * The public page at /credentials/<id>/ names a person, so its id must not be guessable; ids made
 * before (`<course>.<person>`) were, and are never public (isShareableCredentialId). One credential per
 * person and course still holds: the pass is recorded over the enrollment's version, once.
 */
export function newCredentialId(randomInt: (maxExclusive: number) => number): string {
  return randomToken(randomInt, 16);
}

export function isShareableCredentialId(id: string): boolean {
  return /^[a-km-z2-9]{16}$/.test(id);
}

/** A date in words, as badges and pages show it (UTC, so every reader sees the same day). */
export const issuedOnWords = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The credential's public page, which is also its id inside the signed credential. */
export const credentialUrl = (siteUrl: string, credentialId: string) =>
  `${siteUrl}/credentials/${encodeURIComponent(credentialId)}/`;

export function buildAchievementCredential(input: {
  credentialId: string;
  person: { id: string; name: string };
  /** The recipient's email and a fresh salt, hashed into the credential; the address never is. */
  recipientEmail?: { email: string; salt: string } | undefined;
  course: Course;
  skills: Skill[];
  issuer: { id: string; name: string };
  siteUrl: string;
  issuedAt: Date;
  score: { correct: number; total: number };
}): AchievementCredential {
  const { course, siteUrl } = input;
  const levels = new Map(course.skills.map((taught) => [taught.skill, taught.level]));
  return {
    '@context': credentialContexts,
    id: credentialUrl(siteUrl, input.credentialId),
    type: ['VerifiableCredential', 'AchievementCredential'],
    issuer: { id: input.issuer.id, type: ['Profile'], name: input.issuer.name },
    validFrom: input.issuedAt.toISOString(),
    name: course.title,
    credentialSubject: {
      id: `urn:guildhall:person:${input.person.id}`,
      type: ['AchievementSubject'],
      name: input.person.name,
      ...(input.recipientEmail
        ? { identifier: [hashedEmailIdentifier(input.recipientEmail.email, input.recipientEmail.salt)] }
        : {}),
      achievement: {
        id: `${siteUrl}/learn/${course.id}/`,
        type: ['Achievement'],
        achievementType: 'Course',
        name: course.title,
        description: course.summary,
        criteria: {
          narrative: `Completed the Guildhall commons course "${course.title}" and passed its quiz with at least ${Math.round(course.passMark * 100)}% of answers right.`,
        },
        alignment: input.skills.map((skill) => ({
          type: ['Alignment'],
          targetName: skill.label,
          targetUrl: skill.esco ?? `${siteUrl}/learn/skills/${skill.id}/`,
          targetCode: skill.id,
          ...(skill.esco ? { targetFramework: 'ESCO' } : {}),
          targetDescription: `${skill.description} Level reached: ${levels.get(skill.id) ?? 'foundation'}.`,
        })),
      },
      result: [{ type: ['Result'], value: `${input.score.correct}/${input.score.total}` }],
    },
  };
}
