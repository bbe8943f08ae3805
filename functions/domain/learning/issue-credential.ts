// Issuing a course's credential: built and signed here, stored by the transaction that earns it (a quiz
// pass, or a practical course's last sign-off). A practical course's credential lists, as Open Badges
// `evidence`, each task and who signed it off; a credential earned by quiz alone says so in its criteria.
import type { Course } from '../content/commons.ts';
import type { Identity } from '../identity.ts';
import { getMe } from '../people/get-me.ts';
import { randomToken } from '../credentials/recipient.ts';
import { buildAchievementCredential, type PracticalEvidence } from './credential.ts';
import type { CredentialedSkill, StoredCredential } from './learning-repository.ts';
import type { LearningDependencies } from './learning-use-cases.ts';
import type { RandomInt } from './quiz-draw.ts';

/** The Open Badges credential, signed with the instance key. */
export async function issueCredential(
  deps: LearningDependencies & { randomInt: RandomInt },
  identity: Identity,
  course: Course,
  credentialId: string,
  score: { correct: number; total: number },
  now: Date,
  evidence: PracticalEvidence[] = [],
): Promise<StoredCredential> {
  const person = await getMe(deps, identity);
  const skills = course.skills.flatMap((taught) => {
    const skill = deps.commons.skills.get(taught.skill);
    return skill ? [skill] : [];
  });
  // The profile's address, else the token's (a profile made before it carried one): hashed, never shown.
  const email = person.email ?? identity.email;
  const credential = buildAchievementCredential({
    credentialId,
    person,
    recipientEmail: email ? { email, salt: randomToken(deps.randomInt) } : undefined,
    course,
    skills,
    issuer: deps.signer.issuer,
    siteUrl: deps.siteUrl,
    issuedAt: now,
    score,
    evidence,
  });
  const jws = await deps.signer.sign(credential, {
    subject: credential.credentialSubject.id,
    jti: credential.id,
    issuedAt: now,
  });
  return {
    id: credentialId,
    personId: identity.personId,
    courseId: course.id,
    issuedAt: now.toISOString(),
    skills: course.skills.map((taught) => taught.skill),
    jws,
  };
}

/** The skills a credential grants: the course's, at the levels it teaches them. */
export function grantedSkills(course: Course, personId: string, credentialId: string, at: string): CredentialedSkill[] {
  return course.skills.map((taught) => ({
    personId,
    skillId: taught.skill,
    level: taught.level,
    credentialId,
    since: at,
  }));
}
