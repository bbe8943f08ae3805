// Taking a course's quiz in tests, as a learner would: finish the lessons, open the quiz (which draws
// the questions), and answer the drawn questions by their ids, rightly or wrongly, from the commons.
import type { Course } from '#domain/content/commons.ts';
import type { Identity } from '#domain/identity.ts';
import type { QuizAnswer } from '#domain/learning/grade-quiz.ts';
import { completeLesson, enrollInCourse } from '#domain/learning/learning-use-cases.ts';
import { openQuiz, type QuizDependencies, type QuizOutcome, submitQuiz } from '#domain/learning/quiz-use-cases.ts';
import type { ApiResponse } from './api-client.ts';
import { commons } from './services.ts';

type Call = (method: string, path: string, as: string | null, body?: unknown) => Promise<ApiResponse>;

export function courseNamed(courseId: string, from = commons): Course {
  const course = from.courses.get(courseId);
  if (!course) throw new Error(`the course ${courseId} is missing from content/`);
  return course;
}

/** Answers to the drawn questions: right ones, or for the first `wrong` of them an option that is not right. */
export function answersTo(course: Course, questionIds: readonly string[], wrong = 0): QuizAnswer[] {
  return questionIds.map((id, position) => {
    const question = course.quiz.find((candidate) => candidate.id === id);
    if (!question) throw new Error(`question ${id} is not in the pool of ${course.id}`);
    const option = position < wrong ? (question.answer + 1) % question.options.length : question.answer;
    return { question: id, option };
  });
}

/** Enrolls and marks every lesson of the course done, through the API. */
export async function finishLessons(call: Call, as: string, course: Course): Promise<void> {
  await call('POST', '/api/me/enrollments', as, { courseId: course.id });
  for (const lesson of course.lessons) {
    const done = await call('PUT', `/api/me/enrollments/${course.id}/lessons/${lesson.id}`, as);
    if (done.status !== 200) throw new Error(`marking ${lesson.id} done answered ${done.status}`);
  }
}

/** Opens the quiz through the API and returns the draw to answer. */
export async function openDraw(call: Call, as: string, course: Course): Promise<{ id: string; questions: string[] }> {
  const opened = await call('GET', `/api/me/enrollments/${course.id}/quiz`, as);
  const draw = (opened.body as { draw?: { id: string; questions: Array<{ id: string }> } }).draw;
  if (opened.status !== 200 || !draw) throw new Error(`opening the quiz answered ${JSON.stringify(opened.body)}`);
  return { id: draw.id, questions: draw.questions.map((question) => question.id) };
}

/** Finishes the lessons, opens the quiz and submits it with `wrong` answers wrong (0: a pass). */
export async function takeQuiz(call: Call, as: string, course: Course, wrong = 0): Promise<ApiResponse> {
  await finishLessons(call, as, course);
  const draw = await openDraw(call, as, course);
  return call('POST', `/api/me/enrollments/${course.id}/quiz-attempts`, as, {
    drawId: draw.id,
    answers: answersTo(course, draw.questions, wrong),
  });
}

/** The same through the use cases, for unit tests on fakes: lessons done, quiz opened, answers sent. */
export async function takeQuizDirectly(
  services: QuizDependencies,
  identity: Identity,
  course: Course,
  wrong = 0,
): Promise<QuizOutcome> {
  await enrollInCourse(services, identity, course.id);
  for (const lesson of course.lessons) await completeLesson(services, identity, course.id, lesson.id);
  const view = await openQuiz(services, identity, course.id);
  if (!view.draw) throw new Error(`the quiz is not open: ${view.status}`);
  const drawn = view.draw.questions.map((question) => question.id);
  return submitQuiz(services, identity, course.id, { drawId: view.draw.id, answers: answersTo(course, drawn, wrong) });
}

/** Enrolls and marks every lesson done over HTTP, as a signed-in person's client would (browser tests). */
export async function finishLessonsOverHttp(baseUrl: string, token: string, course: Course): Promise<void> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  await fetch(`${baseUrl}/api/me/enrollments`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ courseId: course.id }),
  });
  for (const lesson of course.lessons) {
    const done = await fetch(`${baseUrl}/api/me/enrollments/${course.id}/lessons/${lesson.id}`, {
      method: 'PUT',
      headers: { authorization: headers.authorization },
    });
    if (done.status !== 200) throw new Error(`marking ${lesson.id} done answered ${done.status}`);
  }
}

/** What a pass must say of each question it asked, all answered right: the right option and why. */
export function revealedResults(course: Course, results: Array<{ question: string }>) {
  return results.map(({ question: id }) => {
    const question = course.quiz.find((candidate) => candidate.id === id);
    return { question: id, correct: true, answer: question?.answer, explanation: question?.explanation };
  });
}
