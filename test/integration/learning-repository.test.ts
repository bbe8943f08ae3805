import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { attemptKeys } from '#adapters/dynamodb/keys.ts';
import { createLearningRepository } from '#adapters/dynamodb/learning-repository.ts';
import { createPeopleRepository } from '#adapters/dynamodb/people-repository.ts';
import { ConflictError, RequestShapeError, ValidationError } from '#domain/errors.ts';
import { completeLesson, enrollInCourse, myLearning } from '#domain/learning/learning-use-cases.ts';
import { openQuiz, type QuizDependencies, submitQuiz } from '#domain/learning/quiz-use-cases.ts';
import { answersTo, courseNamed, takeQuizDirectly } from '../support/quiz.ts';
import { fakeServices } from '../support/services.ts';
import { documentClient, freshTable, uniqueId } from '../support/dynamodb.ts';

const course = courseNamed('double-entry-bookkeeping-basics');
const lostTheRace = (error: unknown) =>
  error instanceof ConflictError ||
  (error instanceof ValidationError && error.issues.some((issue) => issue.field === 'body.drawId'));

/** A fresh learner with every lesson done and the quiz open: the draw's id and its question ids. */
async function learnerAtTheQuiz(services: QuizDependencies) {
  const learner = { personId: uniqueId('learner') };
  await enrollInCourse(services, learner, course.id);
  for (const lesson of course.lessons) await completeLesson(services, learner, course.id, lesson.id);
  const view = await openQuiz(services, learner, course.id);
  return {
    learner,
    view,
    drawId: view.draw?.id ?? '',
    drawn: view.draw?.questions.map((question) => question.id) ?? [],
  };
}

async function deps(): Promise<QuizDependencies> {
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

/** Every attempt of a learner at the course's quiz, newest first (a handful: one page holds them). */
async function attemptsOf(services: QuizDependencies, personId: string) {
  const page = await services.learning.pageAttempts(personId, course.id, { limit: 100 });
  expect(page.next).toBeUndefined();
  return page.items;
}

describe('learning against DynamoDB Local', () => {
  it('takes a learner from enrollment to credential, and keeps it all', async () => {
    const services = await deps();
    const learner = { personId: uniqueId('learner'), claimedName: 'Femi' };
    const outcome = await takeQuizDirectly(services, learner, course);
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
    const { learner, drawId, drawn } = await learnerAtTheQuiz(services);
    const submission = { drawId, answers: answersTo(course, drawn) };
    const results = await Promise.allSettled([1, 2, 3].map(() => submitQuiz(services, learner, course.id, submission)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const result of results) {
      // Lost the conditional write, or read the enrollment after the winner had spent the draw.
      if (result.status === 'rejected') expect(result.reason).toSatisfy(lostTheRace);
    }
    expect(await services.learning.listCredentials(learner.personId)).toHaveLength(1);
    expect(await attemptsOf(services, learner.personId)).toHaveLength(1);
    // The commons' figure counts the one credential, not the submissions that lost.
    expect(await services.learning.credentialsIssued()).toBe(1);
  });

  it('counts every credential the commons issues, from none, for the home page’s figures', async () => {
    const services = await deps();
    expect(await services.learning.credentialsIssued()).toBe(0);
    for (const name of ['Femi', 'Ada']) {
      const outcome = await takeQuizDirectly(services, { personId: uniqueId('learner'), claimedName: name }, course);
      expect(outcome.grade.passed).toBe(true);
    }
    expect(await services.learning.credentialsIssued()).toBe(2);
  });

  it('counts two failed submissions of one draw at once as one attempt, so neither brings the wait nearer', async () => {
    const services = await deps();
    const { learner, drawId, drawn } = await learnerAtTheQuiz(services);
    const submission = { drawId, answers: answersTo(course, drawn, drawn.length) };
    const results = await Promise.allSettled([1, 2].map(() => submitQuiz(services, learner, course.id, submission)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await services.learning.getEnrollment(learner.personId, course.id)).toMatchObject({
      quizAttempts: 1,
      failedInRow: 1,
    });
    expect(await attemptsOf(services, learner.personId)).toHaveLength(1);
  });

  it('keeps the draw across reads and removes it once submitted', async () => {
    const services = await deps();
    const { learner, view, drawId, drawn } = await learnerAtTheQuiz(services);
    expect(await openQuiz(services, learner, course.id)).toEqual(view);
    await submitQuiz(services, learner, course.id, {
      drawId,
      answers: answersTo(course, drawn, drawn.length),
    });
    const stored = await services.learning.getEnrollment(learner.personId, course.id);
    expect(stored?.quizDraw).toBeUndefined();
    expect((await attemptsOf(services, learner.personId))[0]).toMatchObject({
      questions: drawn,
      passed: false,
    });
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
      questions: course.quiz.map((question) => question.id),
      answers: answersTo(
        course,
        course.quiz.map((question) => question.id),
      ),
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

  it("reads a learner's quiz attempts newest first, a page at a time, and only that learner's at that quiz", async () => {
    const { tableName } = await freshTable();
    const client = documentClient();
    const learning = createLearningRepository(client, tableName);
    const learner = uniqueId('learner');
    const attempt = (personId: string, courseId: string, n: number) => ({
      PutRequest: {
        Item: {
          ...attemptKeys(personId, courseId, n),
          type: 'attempt',
          personId,
          courseId,
          attempt: n,
          questions: [],
          answers: [],
          correct: 0,
          total: 5,
          passed: false,
          at: new Date(Date.UTC(2026, 0, n)).toISOString(),
        },
      },
    });
    const others = [attempt(learner, 'another-course', 1), attempt(uniqueId('learner'), course.id, 9)];
    const mine = [1, 2, 3, 4, 5].map((n) => attempt(learner, course.id, n));
    await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: [...others, ...mine] } }));

    const pages: number[][] = [];
    let cursor: string | undefined;
    do {
      const page = await learning.pageAttempts(learner, course.id, { limit: 2, cursor });
      pages.push(page.items.map((a) => a.attempt));
      cursor = page.next;
    } while (cursor);
    expect(pages).toEqual([[5, 4], [3, 2], [1]]);

    const first = await learning.pageAttempts(learner, course.id, { limit: 2 });
    await expect(
      learning.pageAttempts(uniqueId('learner'), course.id, { limit: 2, cursor: first.next }),
    ).rejects.toBeInstanceOf(RequestShapeError);
  });
});
