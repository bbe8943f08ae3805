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
  /** A course with practical tasks: each task and its assessor. Absent when the quiz alone earned it. */
  evidence?: CredentialEvidence[];
}

/** Open Badges 3.0 Evidence: one practical task and who signed it off (the narrative names them by profile URL). */
export interface CredentialEvidence {
  type: ['Evidence'];
  id: string;
  name: string;
  description: string;
  genre: string;
  narrative: string;
}

/** A signed-off task as the credential records it. */
export interface PracticalEvidence {
  taskId: string;
  title: string;
  shown: string;
  assessor: { name: string; profileUrl: string };
  syndicateName: string;
  signedAt: string;
  comment: string;
}

/** The genre every practical task's evidence carries, so a reader can tell it from other evidence. */
export const practicalEvidenceGenre = 'Practical task assessed by a syndicate member';

/** How a credential was earned, as its pages show it, read from its signed `evidence`. */
export interface EarnedBy {
  /** The quiz alone, or the quiz and each practical task signed off (listed in `evidence`). */
  earnedBy: 'quiz' | 'quiz-and-practical';
  /** Each practical task, what was shown, and who signed it off (their profile's address). */
  evidence: Array<{ task: string; shown: string; narrative: string; assessorUrl?: string | undefined }>;
}

/** The practical tasks a signed credential lists as evidence, each with its assessor's profile address. */
export function practicalEvidenceOf(evidence: unknown): EarnedBy {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const items = (Array.isArray(evidence) ? evidence : []) as Array<Record<string, unknown>>;
  const tasks = items
    .filter((item) => item?.genre === practicalEvidenceGenre)
    .map((item) => ({
      task: text(item.name),
      shown: text(item.description),
      narrative: text(item.narrative),
      // The narrative names the assessor as "Name (https://…/people/<id>/)", written by buildAchievementCredential.
      assessorUrl: /\((https?:\/\/[^\s)]+\/people\/[^\s)/]+\/)\)/.exec(text(item.narrative))?.[1],
    }));
  return { earnedBy: tasks.length > 0 ? 'quiz-and-practical' : 'quiz', evidence: tasks };
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
  /** Each practical task's sign-off; none when the course has no practical tasks. */
  evidence?: PracticalEvidence[];
}): AchievementCredential {
  const { course, siteUrl } = input;
  const evidence = input.evidence ?? [];
  const id = credentialUrl(siteUrl, input.credentialId);
  const levels = new Map(course.skills.map((taught) => [taught.skill, taught.level]));
  return {
    '@context': credentialContexts,
    id,
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
          narrative: `Completed the Guildhall commons course "${course.title}" and passed its quiz with at least ${Math.round(course.passMark * 100)}% of answers right.${
            evidence.length > 0
              ? ` Each of its ${evidence.length} practical tasks was then shown to an assessor from a syndicate of the trade, who holds its skills by credential, and signed off (see the evidence).`
              : ' Earned by the quiz alone: no practical task was assessed.'
          }`,
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
    ...(evidence.length > 0
      ? {
          evidence: evidence.map((task) => ({
            type: ['Evidence'] as ['Evidence'],
            id: `${id}#task-${task.taskId}`,
            name: task.title,
            description: task.shown,
            genre: practicalEvidenceGenre,
            narrative: `Signed off on ${issuedOnWords(task.signedAt)} by ${task.assessor.name} (${task.assessor.profileUrl}), a member of ${task.syndicateName}. ${task.comment}`,
          })),
        }
      : {}),
  };
}
