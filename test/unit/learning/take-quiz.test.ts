// The quiz's integrity, through the use cases on in-memory fakes: a credential needs the lessons done,
// answers to a drawn set of questions, and knowledge rather than retries; a fail hands out no answers.
import { describe, expect, it } from 'vitest';
import type { Commons, Course } from '#domain/content/commons.ts';
import { ConflictError, RateLimitedError, RuleViolationError, ValidationError } from '#domain/errors.ts';
import { completeLesson, enrollInCourse } from '#domain/learning/learning-use-cases.ts';
import { openQuiz, submitQuiz } from '#domain/learning/quiz-use-cases.ts';
import { answersTo, courseNamed, revealedResults } from '../../support/quiz.ts';
import { commons, fakeServices, memoryLearning } from '../../support/services.ts';

const real = courseNamed('timber-stud-partition-walls');
/** The same course asking 3 of its 6 questions, as every course will once its pool is twice an attempt. */
const course: Course = { ...real, questionsPerAttempt: 3 };
const withCourse = (changed: Course): Commons => ({
  ...commons,
  courses: new Map([...commons.courses, [changed.id, changed]]),
});
const ada = { personId: 'ada' };
const start = Date.parse('2026-11-21T12:00:00.000Z');

/** Services with a clock the test moves and a random source it chooses. */
function world(options: { randomInt?: (max: number) => number; course?: Course } = {}) {
  const clock = { minutes: 0 };
  const learning = memoryLearning();
  const services = fakeServices({
    commons: withCourse(options.course ?? course),
    learning,
    now: () => new Date(start + clock.minutes * 60_000),
    ...(options.randomInt ? { randomInt: options.randomInt } : {}),
  });
  return { services, learning, clock };
}

async function finishLessons(services: ReturnType<typeof world>['services'], target = course) {
  await enrollInCourse(services, ada, target.id);
  for (const lesson of target.lessons) await completeLesson(services, ada, target.id, lesson.id);
}

/** Opens the quiz and answers its draw, the first `wrong` answers wrong. */
async function attempt(services: ReturnType<typeof world>['services'], wrong = 0, target = course) {
  const view = await openQuiz(services, ada, target.id);
  if (!view.draw) throw new Error(`the quiz is not open: ${view.status}`);
  const drawn = view.draw.questions.map((question) => question.id);
  return submitQuiz(services, ada, target.id, { drawId: view.draw.id, answers: answersTo(target, drawn, wrong) });
}

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
};

describe('a failed attempt', () => {
  it('says which questions were wrong, and gives neither the right options nor any explanation', async () => {
    const { services } = world();
    await finishLessons(services);
    const outcome = await attempt(services, 2);
    expect(outcome.grade).toMatchObject({ passed: false, correct: 1, total: 3 });
    expect(outcome.grade.results.map((result) => result.correct)).toEqual([false, false, true]);
    const body = JSON.stringify(outcome);
    for (const question of course.quiz) expect(body).not.toContain(question.explanation);
    expect(body).not.toMatch(/"answer"|"explanation"/);
  });
});

describe('a pass', () => {
  it('gives each right option and its explanation', async () => {
    const { services } = world();
    await finishLessons(services);
    const outcome = await attempt(services);
    expect(outcome.grade.passed).toBe(true);
    expect(outcome.grade.results).toHaveLength(3);
    expect(outcome.grade.results).toEqual(revealedResults(course, outcome.grade.results));
  });
});

describe('lessons before the quiz', () => {
  it('refuses a submission while lessons are left, saying how many, and records nothing', async () => {
    const { services, learning } = world();
    await finishLessons(services);
    const view = await openQuiz(services, ada, course.id);
    const other = { ...ada, personId: 'bo' };
    await enrollInCourse(services, other, course.id);
    await completeLesson(services, other, course.id, course.lessons[0]?.id ?? '');
    const refused = await failure(submitQuiz(services, other, course.id, { drawId: view.draw?.id ?? '', answers: [] }));
    expect(refused).toBeInstanceOf(RuleViolationError);
    expect(refused).toMatchObject({
      rule: 'lessons-not-done',
      message: expect.stringContaining(`${course.lessons.length - 1} of ${course.lessons.length} are left`),
    });
    expect(learning.attempts).toEqual([]);
  });

  it('shows no questions while lessons are left, only the next lesson', async () => {
    const { services } = world();
    await enrollInCourse(services, ada, course.id);
    await completeLesson(services, ada, course.id, course.lessons[0]?.id ?? '');
    const view = await openQuiz(services, ada, course.id);
    expect(view).toMatchObject({
      status: 'lessons-left',
      lessonsLeft: course.lessons.length - 1,
      nextLessonId: course.lessons[1]?.id,
    });
    expect(view.draw).toBeUndefined();
  });
});

describe('the draw', () => {
  it('stays the same across reloads until it is submitted', async () => {
    const { services } = world();
    await finishLessons(services);
    const first = await openQuiz(services, ada, course.id);
    expect(first.draw?.questions).toHaveLength(3);
    expect(await openQuiz(services, ada, course.id)).toEqual(first);
    const view = JSON.stringify(first);
    for (const question of course.quiz) expect(view).not.toContain(question.explanation);
  });

  it('differs between attempts drawn with different randomness', async () => {
    const low = world({ randomInt: () => 0 });
    const high = world({ randomInt: (max) => max - 1 });
    const draws = [];
    for (const { services } of [low, high]) {
      await finishLessons(services);
      draws.push((await openQuiz(services, ada, course.id)).draw?.questions.map((question) => question.id));
    }
    expect(draws[0]).toEqual(course.quiz.slice(0, 3).map((question) => question.id));
    expect(draws[1]).not.toEqual(draws[0]);
  });

  it('is drawn afresh for the next attempt', async () => {
    let calls = 0;
    const { services } = world({ randomInt: (max) => (calls++ < 3 ? 0 : max - 1) });
    await finishLessons(services);
    const first = await openQuiz(services, ada, course.id);
    await attempt(services, 3);
    const second = await openQuiz(services, ada, course.id);
    expect(second.draw?.id).not.toBe(first.draw?.id);
    expect(second.draw?.questions).not.toEqual(first.draw?.questions);
  });

  it('grades only the drawn questions: answering the rest of the pool is refused', async () => {
    const { services } = world({ randomInt: () => 0 });
    await finishLessons(services);
    const view = await openQuiz(services, ada, course.id);
    const notDrawn = course.quiz.slice(3, 6).map((question) => question.id);
    const refused = await failure(
      submitQuiz(services, ada, course.id, { drawId: view.draw?.id ?? '', answers: answersTo(course, notDrawn) }),
    );
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).issues.map((issue) => issue.field)).toEqual([
      'body.answers.0.question',
      'body.answers.1.question',
      'body.answers.2.question',
      'body.answers',
    ]);
  });

  it('refuses answers quoting another learner’s draw, or a draw already submitted, naming the field', async () => {
    const { services, learning } = world();
    await finishLessons(services);
    const own = await openQuiz(services, ada, course.id);
    const bo = { personId: 'bo' };
    await enrollInCourse(services, bo, course.id);
    for (const lesson of course.lessons) await completeLesson(services, bo, course.id, lesson.id);
    const foreign = await openQuiz(services, bo, course.id);
    const answers = answersTo(course, own.draw?.questions.map((question) => question.id) ?? [], 3);

    const stolen = await failure(submitQuiz(services, ada, course.id, { drawId: foreign.draw?.id ?? '', answers }));
    expect((stolen as ValidationError).issues).toMatchObject([
      { field: 'body.drawId', message: expect.stringContaining('is not the draw waiting for your answers') },
    ]);
    const drawId = own.draw?.id ?? '';
    await submitQuiz(services, ada, course.id, { drawId, answers });
    const again = await failure(submitQuiz(services, ada, course.id, { drawId, answers }));
    expect((again as ValidationError).issues[0]?.field).toBe('body.drawId');
    expect(learning.attempts).toHaveLength(1);
  });

  it('is replaced when the course’s questions change before it is submitted', async () => {
    const { services } = world({ randomInt: () => 0 });
    await finishLessons(services);
    const before = await openQuiz(services, ada, course.id);
    const reworded = course.quiz.map((question, index) =>
      index === 0 ? { ...question, id: 'aaaaaaaaaaaa', question: `${question.question} (reworded)` } : question,
    );
    services.commons = withCourse({ ...course, quiz: reworded });
    const drawn = before.draw?.questions.map((question) => question.id) ?? [];
    const stale = await failure(
      submitQuiz(services, ada, course.id, { drawId: before.draw?.id ?? '', answers: answersTo(course, drawn) }),
    );
    expect((stale as ValidationError).issues[0]).toMatchObject({
      field: 'body.drawId',
      message: expect.stringContaining('questions changed'),
    });
    const after = await openQuiz(services, ada, course.id);
    expect(after.draw?.id).not.toBe(before.draw?.id);
    expect(after.draw?.questions[0]?.id).toBe('aaaaaaaaaaaa');
  });
});

describe('the wait after two failed attempts in a row', () => {
  it('refuses a third attempt at once with the time to wait, records nothing, and accepts it after the wait', async () => {
    const { services, learning, clock } = world();
    await finishLessons(services);
    expect((await attempt(services, 3)).retryAt).toBeUndefined();
    clock.minutes = 1;
    const second = await attempt(services, 3);
    expect(second.retryAt).toBe(new Date(start + 11 * 60_000).toISOString());

    clock.minutes = 4;
    const waiting = await openQuiz(services, ada, course.id);
    expect(waiting).toMatchObject({ status: 'waiting', retryAfterSeconds: 7 * 60 });
    expect(waiting.draw).toBeUndefined();
    const before = await services.learning.getEnrollment(ada.personId, course.id);
    const refused = await failure(
      submitQuiz(services, ada, course.id, { drawId: 'anything', answers: [{ question: 'aaaaaaaaaaaa', option: 0 }] }),
    );
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect(refused).toMatchObject({
      retryAfterSeconds: 7 * 60,
      message: 'You have failed this quiz 2 times in a row. You can try again in 7 minutes.',
    });
    expect(learning.attempts).toHaveLength(2);
    expect(await services.learning.getEnrollment(ada.personId, course.id)).toEqual(before);

    clock.minutes = 11;
    const third = await attempt(services, 3);
    expect(third).toMatchObject({ attempt: 3, retryAt: undefined });
    expect(await services.learning.getEnrollment(ada.personId, course.id)).toMatchObject({ failedInRow: 1 });
  });

  it('starts the count again after a pass', async () => {
    const { services } = world();
    await finishLessons(services);
    await attempt(services, 3);
    await attempt(services);
    expect(await attempt(services, 3)).toMatchObject({ attempt: 3, retryAt: undefined });
    expect((await openQuiz(services, ada, course.id)).status).toBe('open');
  });

  it('counts two submissions of the same draw at once as one attempt', async () => {
    const { services, learning } = world();
    await finishLessons(services);
    const view = await openQuiz(services, ada, course.id);
    const answers = answersTo(course, view.draw?.questions.map((question) => question.id) ?? [], 3);
    const results = await Promise.allSettled(
      [1, 2].map(() => submitQuiz(services, ada, course.id, { drawId: view.draw?.id ?? '', answers })),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((result) => result.status === 'rejected');
    expect(rejected?.status === 'rejected' && rejected.reason).toBeInstanceOf(ConflictError);
    expect(learning.attempts).toHaveLength(1);
    expect(await services.learning.getEnrollment(ada.personId, course.id)).toMatchObject({
      quizAttempts: 1,
      failedInRow: 1,
    });
  });
});
