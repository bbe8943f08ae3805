// Demo credentials: a demo person who holds a course's credential, so a syndicate of its trade has an
// assessor for its practical tasks (issue 18) and the sign-off can be tried with `npm start`. Issued as
// the quiz issues one (signed with the instance key, the skills granted in the pass's transaction), by
// quiz alone, which the credential says: it stands for one earned before the course had practical tasks.
import type { Services } from '#app/services.ts';
import { newCredentialId } from '#domain/learning/credential.ts';
import { newEnrollment } from '#domain/learning/enrollment.ts';
import { grantedSkills, issueCredential } from '#domain/learning/issue-credential.ts';
import { randomInt } from 'node:crypto';

/** Who holds which course's credential in the demo: Lotte, a plasterer of Riverside Builders. */
export const demoCredentials = [{ personId: 'demo-lotte', courseId: 'plasterboard-hanging-and-jointing' }];

/**
 * Gives the person the course's credential unless they hold it already (a second start changes nothing).
 * Returns the credential's id, or undefined when it was held already.
 */
export async function grantCourseCredential(
  services: Services,
  personId: string,
  courseId: string,
): Promise<string | undefined> {
  const course = services.commons.courses.get(courseId);
  if (!course) throw new Error(`no course ${courseId} in the commons`);
  const now = services.now();
  const enrollment = await services.learning.createEnrollment(newEnrollment(personId, course, now));
  if (enrollment.credentialId) return undefined;
  const credentialId = newCredentialId(randomInt);
  const at = now.toISOString();
  const total = Math.min(course.questionsPerAttempt, course.quiz.length);
  const questions = course.quiz.slice(0, total);
  const credential = await issueCredential(
    { ...services, randomInt },
    { personId },
    course,
    credentialId,
    { correct: total, total },
    now,
  );
  await services.learning.recordPass(
    {
      ...enrollment,
      lessonsDone: course.lessons.map((lesson) => lesson.id),
      status: 'completed',
      quizAttempts: enrollment.quizAttempts + 1,
      passedAt: at,
      credentialId,
      updatedAt: at,
      version: enrollment.version + 1,
    },
    {
      personId,
      courseId,
      attempt: enrollment.quizAttempts + 1,
      questions: questions.map((question) => question.id),
      answers: questions.map((question) => ({ question: question.id, option: question.answer })),
      correct: total,
      total,
      passed: true,
      at,
    },
    credential,
    grantedSkills(course, personId, credentialId, at),
  );
  return credentialId;
}

export async function seedCredentials(services: Services): Promise<number> {
  let granted = 0;
  for (const { personId, courseId } of demoCredentials)
    if (await grantCourseCredential(services, personId, courseId)) granted++;
  return granted;
}
