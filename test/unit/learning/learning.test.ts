import { describe, expect, it } from 'vitest';
import { markLessonDone, newEnrollment, progressOf } from '#domain/learning/enrollment.ts';
import { completeLesson, enrollInCourse, getMyCredential, myLearning } from '#domain/learning/learning-use-cases.ts';
import { openQuiz, submitQuiz } from '#domain/learning/quiz-use-cases.ts';
import { verifyCredential } from '#domain/learning/verify-credential.ts';
import { ConflictError, NotFoundError } from '#domain/errors.ts';
import { courseNamed, takeQuizDirectly } from '../../support/quiz.ts';
import { fakeServices } from '../../support/services.ts';

const course = courseNamed('timber-stud-partition-walls');
const now = new Date('2026-11-21T12:00:00Z');
const ada = { personId: 'ada', claimedName: 'Ada Okafor' };

describe('progress through a course', () => {
  it('counts lessons done in course order and resumes at the first one not done', () => {
    let enrollment = newEnrollment('ada', course, now);
    expect(progressOf(enrollment, course)).toMatchObject({
      done: 0,
      percent: 0,
      resumeLessonId: course.lessons[0]?.id,
    });
    enrollment = markLessonDone(enrollment, course, course.lessons[1]?.id ?? '', now);
    enrollment = markLessonDone(enrollment, course, course.lessons[0]?.id ?? '', now);
    expect(enrollment.lessonsDone).toEqual([course.lessons[0]?.id, course.lessons[1]?.id]);
    expect(progressOf(enrollment, course)).toMatchObject({
      done: 2,
      percent: 50,
      resumeLessonId: course.lessons[2]?.id,
    });
  });

  it('does not count a lesson twice', () => {
    const lesson = course.lessons[0]?.id ?? '';
    const once = markLessonDone(newEnrollment('ada', course, now), course, lesson, now);
    expect(markLessonDone(once, course, lesson, now).lessonsDone).toEqual([lesson]);
  });

  it('refuses a lesson the course does not have', () => {
    expect(() => markLessonDone(newEnrollment('ada', course, now), course, '99-nothing', now)).toThrow(NotFoundError);
  });
});

describe('a learner taking a course', () => {
  it('enrolls once, however often they press the button', async () => {
    const services = fakeServices();
    const first = await enrollInCourse(services, ada, course.id);
    const second = await enrollInCourse(services, ada, course.id);
    expect(second.enrolledAt).toBe(first.enrolledAt);
    expect((await myLearning(services, ada)).enrollments).toHaveLength(1);
  });

  it('cannot mark lessons or take the quiz of a course they are not enrolled in', async () => {
    const services = fakeServices();
    await expect(completeLesson(services, ada, course.id, course.lessons[0]?.id ?? '')).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(openQuiz(services, ada, course.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(submitQuiz(services, ada, course.id, { drawId: 'x', answers: [] })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('earns a credential and the course skills by passing, and only once', async () => {
    const services = fakeServices();
    const failed = await takeQuizDirectly(services, ada, course, course.quiz.length);
    expect(failed).toMatchObject({ attempt: 1, credentialId: undefined });
    const passed = await takeQuizDirectly(services, ada, course);
    expect(passed.attempt).toBe(2);
    expect(passed.credentialId).toBeDefined();
    const again = await takeQuizDirectly(services, ada, course);
    expect(again).toMatchObject({ attempt: 3, credentialId: passed.credentialId });

    const summary = await myLearning(services, ada);
    expect(summary.credentials).toHaveLength(1);
    expect(summary.enrollments[0]?.status).toBe('completed');
    expect(summary.credentialedSkills.map((skill) => skill.skillId).sort()).toEqual(
      course.skills.map((s) => s.skill).sort(),
    );
  });

  it('issues an Open Badges 3.0 AchievementCredential that verifies, aligned to ESCO where known', async () => {
    const services = fakeServices();
    const pv = courseNamed('solar-pv-fundamentals-and-site-survey');
    const { credentialId } = await takeQuizDirectly(services, ada, pv);
    const stored = await getMyCredential(services, ada, credentialId ?? '');
    const [header, payload] = stored.jws.split('.');
    expect(JSON.parse(Buffer.from(header ?? '', 'base64url').toString())).toMatchObject({
      alg: 'EdDSA',
      typ: 'vc+jwt',
    });
    const credential = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    expect(credential.type).toEqual(['VerifiableCredential', 'AchievementCredential']);
    expect(credential['@context']).toContain('https://www.w3.org/ns/credentials/v2');
    expect(credential.credentialSubject.achievement.alignment.length).toBe(pv.skills.length);
    const result = await verifyCredential(services.signer, stored.jws);
    expect(result).toMatchObject({ valid: true, subjectName: 'Ada Okafor', achievement: pv.title });
  });

  it('fails verification for a tampered credential, and says why', async () => {
    const services = fakeServices();
    const { credentialId } = await takeQuizDirectly(services, ada, course);
    const { jws } = await getMyCredential(services, ada, credentialId ?? '');
    const [header, payload, signature] = jws.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    claims.credentialSubject.name = 'Mallory';
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expect(await verifyCredential(services.signer, forged)).toMatchObject({
      valid: false,
      reason: expect.stringMatching(/altered/),
    });
    expect(await verifyCredential(services.signer, 'not a credential')).toMatchObject({ valid: false });
  });

  it('hides another person’s credential as if it did not exist', async () => {
    const services = fakeServices();
    const { credentialId } = await takeQuizDirectly(services, ada, course);
    await expect(getMyCredential(services, { personId: 'mallory' }, credentialId ?? '')).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('does not lose a lesson when two are marked at once', async () => {
    const services = fakeServices();
    await enrollInCourse(services, ada, course.id);
    await Promise.all(course.lessons.map((lesson) => completeLesson(services, ada, course.id, lesson.id)));
    const summary = await myLearning(services, ada);
    expect(summary.enrollments[0]?.progress.allLessonsDone).toBe(true);
  });
});

describe('the memory fake keeps the adapter’s promise', () => {
  it('refuses a save over a version it did not read', async () => {
    const services = fakeServices();
    const enrollment = await enrollInCourse(services, ada, course.id);
    await expect(
      services.learning.saveEnrollment({ ...enrollment, version: enrollment.version + 5 }),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});
