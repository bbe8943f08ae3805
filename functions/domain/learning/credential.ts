// Open Badges 3.0 AchievementCredentials: what a learner earns by passing a course. The credential
// names the course as the achievement and aligns it to each skill taught (with its ESCO URI where
// one exists). It is signed as a compact JWS (EdDSA / Ed25519) by the instance key: the port below.
import type { Course, Skill } from '../content/commons.ts';

export interface CredentialSigner {
  /** The issuer's id (its public profile URL) and display name. */
  issuer: { id: string; name: string };
  /** Signs the credential as the JWS payload; returns the compact JWS. */
  sign(credential: AchievementCredential, claims: { subject: string; jti: string; issuedAt: Date }): Promise<string>;
  /** Returns the payload when the signature is the instance key's; throws otherwise. */
  verify(jws: string): Promise<Record<string, unknown>>;
}

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

export function credentialIdFor(personId: string, courseId: string): string {
  // One credential per person and course: a repeated pass can never mint a second one.
  return `${courseId}.${personId}`;
}

export function buildAchievementCredential(input: {
  credentialId: string;
  person: { id: string; name: string };
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
    id: `${siteUrl}/credentials/${encodeURIComponent(input.credentialId)}`,
    type: ['VerifiableCredential', 'AchievementCredential'],
    issuer: { id: input.issuer.id, type: ['Profile'], name: input.issuer.name },
    validFrom: input.issuedAt.toISOString(),
    name: course.title,
    credentialSubject: {
      id: `urn:guildhall:person:${input.person.id}`,
      type: ['AchievementSubject'],
      name: input.person.name,
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
