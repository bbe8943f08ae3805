import { describe, expect, it } from 'vitest';
import { createLearningRepository } from '#adapters/dynamodb/learning-repository.ts';
import { createPeopleRepository } from '#adapters/dynamodb/people-repository.ts';
import { ConflictError } from '#domain/errors.ts';
import {
  completeLesson,
  enrollInCourse,
  type LearningDependencies,
  myLearning,
  submitQuiz,
} from '#domain/learning/learning-use-cases.ts';
import { commons, fakeServices } from '../support/services.ts';
import { documentClient, freshTable, uniqueId } from '../support/dynamodb.ts';

const course = commons.courses.get('double-entry-bookkeeping-basics');
if (!course) throw new Error('the demo course is missing from content/');
const right = course.quiz.map((question) => question.answer);

async function deps(): Promise<LearningDependencies> {
  const { tableName } = await freshTable();
  const client = documentClient();
  const base = fakeServices();
  return {
    ...base,
    learning: createLearningRepository(client, tableName),
    people: createPeopleRepository(client, tableName),
    now: () => new Date(),
  };
}

describe('learning against DynamoDB Local', () => {
  it('takes a learner from enrollment to credential, and keeps it all', async () => {
    const services = await deps();
    const learner = { personId: uniqueId('learner'), claimedName: 'Femi' };
    await enrollInCourse(services, learner, course.id);
    for (const lesson of course.lessons) await completeLesson(services, learner, course.id, lesson.id);
    const outcome = await submitQuiz(services, learner, course.id, right);
    expect(outcome.grade.passed).toBe(true);

    const summary = await myLearning(services, learner);
    expect(summary.enrollments[0]).toMatchObject({ status: 'completed', progress: { allLessonsDone: true } });
    expect(summary.credentials.map((c) => c.id)).toEqual([outcome.credentialId]);
    expect(summary.credentialedSkills.map((s) => s.skillId).sort()).toEqual(course.skills.map((s) => s.skill).sort());
    expect(await services.learning.getCredential(outcome.credentialId ?? '')).toMatchObject({
      personId: learner.personId,
    });
  });

  it('issues one credential when the same pass is submitted twice at once', async () => {
    const services = await deps();
    const learner = { personId: uniqueId('learner') };
    await enrollInCourse(services, learner, course.id);
    const results = await Promise.allSettled([1, 2, 3].map(() => submitQuiz(services, learner, course.id, right)));
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    expect(fulfilled.length).toBeGreaterThanOrEqual(1);
    for (const result of results) {
      if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(ConflictError);
    }
    expect(await services.learning.listCredentials(learner.personId)).toHaveLength(1);
  });

  it('keeps every lesson when lessons are marked concurrently', async () => {
    const services = await deps();
    const learner = { personId: uniqueId('learner') };
    await enrollInCourse(services, learner, course.id);
    await Promise.all(course.lessons.map((lesson) => completeLesson(services, learner, course.id, lesson.id)));
    const enrollment = await services.learning.getEnrollment(learner.personId, course.id);
    expect(enrollment?.lessonsDone).toEqual(course.lessons.map((lesson) => lesson.id));
  });

  it('never downgrades a skill held at a higher level', async () => {
    const services = await deps();
    const personId = uniqueId('learner');
    const base = { personId, credentialId: 'x', since: new Date().toISOString() };
    const enrollment = await enrollInCourse(services, { personId }, course.id);
    const attempt = {
      personId,
      courseId: course.id,
      attempt: 1,
      answers: right,
      correct: 6,
      total: 6,
      passed: true,
      at: base.since,
    };
    await services.learning.recordPass(
      { ...enrollment, version: enrollment.version + 1, quizAttempts: 1 },
      attempt,
      { id: uniqueId('cred'), personId, courseId: course.id, issuedAt: base.since, skills: [], jws: 'x' },
      [{ ...base, skillId: 'bookkeeping-fundamentals', level: 'proficient' }],
    );
    const stored = await services.learning.getEnrollment(personId, course.id);
    await services.learning.recordPass(
      { ...(stored ?? enrollment), version: (stored?.version ?? 0) + 1 },
      { ...attempt, attempt: 2 },
      { id: uniqueId('cred'), personId, courseId: course.id, issuedAt: base.since, skills: [], jws: 'x' },
      [{ ...base, skillId: 'bookkeeping-fundamentals', level: 'foundation' }],
    );
    expect((await services.learning.listCredentialedSkills(personId))[0]?.level).toBe('proficient');
  });
});
