// The quiz over the API, against DynamoDB Local: what a failed attempt answers, the wait after two
// fails in a row, the lessons a credential needs, and answers only to the draw the learner was given.
import { describe, expect, it } from 'vitest';
import { questionsPerAttempt } from '#domain/learning/quiz-draw.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { answersTo, courseNamed, finishLessons, openDraw, revealedResults, takeQuiz } from '../support/quiz.ts';
import { tableSnapshot } from '../support/write-world.ts';

const course = courseNamed('double-entry-bookkeeping-basics');
const perAttempt = questionsPerAttempt(course);
const start = Date.parse('2026-11-21T12:00:00.000Z');

async function api() {
  const clock = { minutes: 0 };
  const { services, call } = await apiOnFreshTable({ now: () => new Date(start + clock.minutes * 60_000) });
  const submit = (submission: unknown) =>
    call('POST', `/api/me/enrollments/${course.id}/quiz-attempts`, 'learner', submission);
  return { services, call, submit, clock, table: services.config.TABLE_NAME };
}
/** Answers to the whole pool, for submissions refused before their answers are read. */
const anyAnswers = () =>
  answersTo(
    course,
    course.quiz.map((question) => question.id),
  );

describe('the quiz over the API', () => {
  it('answers a failed attempt with which questions were wrong, and no answer or explanation anywhere in the body', async () => {
    const { call } = await api();
    const failed = await takeQuiz(call, 'learner', course, 2);
    expect(failed.status).toBe(200);
    expect(body(failed).grade).toMatchObject({ passed: false, correct: perAttempt - 2, total: perAttempt });
    const sent = JSON.stringify(failed.body);
    for (const question of course.quiz) expect(sent).not.toContain(question.explanation);
    expect(sent).not.toMatch(/"answer"|"explanation"/);
    expect(body(failed).grade.results.filter((result: { correct: boolean }) => !result.correct)).toHaveLength(2);
  });

  it('answers a pass with each right option and its explanation', async () => {
    const { call } = await api();
    const passed = await takeQuiz(call, 'learner', course);
    expect(body(passed).grade.passed).toBe(true);
    expect(body(passed).grade.results).toHaveLength(perAttempt);
    expect(body(passed).grade.results).toEqual(revealedResults(course, body(passed).grade.results));
  });

  it('refuses a third attempt right after two fails with 429, Retry-After and a sentence, records nothing, and accepts it after the wait', async () => {
    const { call, submit, clock, table } = await api();
    expect((await takeQuiz(call, 'learner', course, perAttempt)).status).toBe(200);
    clock.minutes = 2;
    const second = await takeQuiz(call, 'learner', course, perAttempt);
    expect(body(second).retryAt).toBe(new Date(start + 12 * 60_000).toISOString());

    clock.minutes = 5;
    const opened = await call('GET', `/api/me/enrollments/${course.id}/quiz`, 'learner');
    expect(body(opened)).toMatchObject({ status: 'waiting', retryAfterSeconds: 420, failedInRow: 2 });
    expect(body(opened).draw).toBeUndefined();
    const before = await tableSnapshot(table);
    const third = await submit({ drawId: 'spent', answers: anyAnswers() });
    expect(third.status).toBe(429);
    expect(third.headers['retry-after']).toBe('420');
    expect(third.headers['content-type']).toBe('application/problem+json');
    expect(body(third).detail).toBe('You have failed this quiz 2 times in a row. You can try again in 7 minutes.');
    expect(await tableSnapshot(table)).toBe(before);

    clock.minutes = 12;
    const draw = await openDraw(call, 'learner', course);
    const after = await submit({ drawId: draw.id, answers: answersTo(course, draw.questions) });
    expect(after.status).toBe(200);
    expect(body(after)).toMatchObject({ attempt: 3, grade: { passed: true } });
  });

  it('refuses a submission before every lesson is done, saying how many are left', async () => {
    const { call, submit, table } = await api();
    await call('POST', '/api/me/enrollments', 'learner', { courseId: course.id });
    await call('PUT', `/api/me/enrollments/${course.id}/lessons/${course.lessons[0]?.id}`, 'learner');
    const opened = await call('GET', `/api/me/enrollments/${course.id}/quiz`, 'learner');
    expect(body(opened)).toMatchObject({ status: 'lessons-left', nextLessonId: course.lessons[1]?.id });
    const before = await tableSnapshot(table);
    const refused = await submit({ drawId: 'none', answers: anyAnswers() });
    expect(refused.status).toBe(422);
    const left = course.lessons.length - 1;
    expect(body(refused)).toMatchObject({
      rule: 'lessons-not-done',
      detail: expect.stringContaining(`${left} of ${course.lessons.length} ${left === 1 ? 'is' : 'are'} left`),
    });
    expect(await tableSnapshot(table)).toBe(before);
  });

  it('refuses answers to a spent draw with 422 naming body.drawId, and answers of the wrong shape with 400', async () => {
    const { call, submit } = await api();
    await finishLessons(call, 'learner', course);
    const draw = await openDraw(call, 'learner', course);
    const answers = answersTo(course, draw.questions, perAttempt);
    expect((await submit({ drawId: draw.id, answers })).status).toBe(200);
    const spent = await submit({ drawId: draw.id, answers });
    expect(spent.status).toBe(422);
    expect(body(spent).errors).toEqual([
      { field: 'body.drawId', message: expect.stringContaining('open the quiz again') },
    ]);
    const shapeless = await submit({ drawId: draw.id, answers: [1, 2, 3] });
    expect(shapeless.status).toBe(400);
    // Three answers with the same fault are one message on the list, naming the entries.
    expect(body(shapeless).errors).toContainEqual({
      field: 'body.answers',
      message: 'Give the fields this needs. This applies to entries 1, 2 and 3.',
    });
  });

  it('shows the same draw on every ask until it is submitted', async () => {
    const { call } = await api();
    await finishLessons(call, 'learner', course);
    const first = await call('GET', `/api/me/enrollments/${course.id}/quiz`, 'learner');
    const again = await call('GET', `/api/me/enrollments/${course.id}/quiz`, 'learner');
    expect(first.headers['cache-control']).toBe('private, no-store');
    expect(again.body).toEqual(first.body);
    expect(JSON.stringify(first.body)).not.toMatch(/"answer"|"explanation"/);
  });
});
