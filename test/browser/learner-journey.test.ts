// A demo learner takes a course end to end: enrolls, works through the lessons, passes the quiz,
// downloads the credential, and verifies it on the site; a tampered copy fails.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { questionsPerAttempt } from '#domain/learning/quiz-draw.ts';
import { launchBrowser } from '../support/browser.ts';
import { courseNamed, finishLessonsOverHttp } from '../support/quiz.ts';
import { signIn as signInAs, tokenFor } from '../support/sign-in.ts';
import { commons } from '../support/services.ts';

const baseUrl = inject('baseUrl');
const shots = join(import.meta.dirname, '../../.tmp/screenshots');
const course = commons.courses.get('double-entry-bookkeeping-basics');
if (!course) throw new Error('the demo course is missing from content/');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const signIn = (page: Page, name: RegExp, returnTo = '/') => signInAs(page, baseUrl, name, returnTo);
/** The ids of the questions the quiz page asks, in order. */
const drawnQuestions = (page: Page) =>
  page
    .locator('fieldset[data-question]')
    .evaluateAll((sets) => sets.map((set) => set.getAttribute('data-question') ?? ''));

describe('a learner takes a course', () => {
  it('finds it in the catalog by trade, works through the lessons, passes, and verifies the credential', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, /Femi Adeyemi/, '/learn/');

    await page.getByLabel('Trade').selectOption('bookkeeping');
    await page.getByRole('button', { name: 'Show courses' }).click();
    await page.waitForURL(/trade=bookkeeping/);
    await page.getByRole('link', { name: course.title }).click();
    await page.waitForURL(`${baseUrl}/learn/${course.id}/`);
    await page.getByRole('button', { name: 'Start or resume this course' }).click();

    for (const lesson of course.lessons) {
      await page.waitForURL(`${baseUrl}/learn/${course.id}/${lesson.id}/`);
      await expect(page.locator('h1').textContent()).resolves.toBe(lesson.title);
      await page.getByRole('button', { name: /Mark done/ }).click();
    }
    await page.waitForURL(`${baseUrl}/learn/${course.id}/quiz/`);
    const html = await page.content();
    for (const question of course.quiz) expect(html).not.toContain(question.explanation);

    // The questions drawn for Femi, named by id; a reload shows the same ones (no shopping for easy ones).
    const drawn = await drawnQuestions(page);
    expect(drawn).toHaveLength(questionsPerAttempt(course));
    await page.reload();
    expect(await drawnQuestions(page)).toEqual(drawn);
    const rightOption = (id: string) => course.quiz.find((question) => question.id === id)?.answer;

    // A first try with one question left blank is refused, and says which.
    for (const [index, id] of drawn.entries()) {
      if (index === 0) continue;
      await page.locator(`#q-${id}-${rightOption(id)}`).check();
    }
    await page.evaluate('document.querySelector("form[action$=\'/quiz/\']").noValidate = true');
    await page.getByRole('button', { name: 'Submit my answers' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Question 1 needs an answer');
    expect(await drawnQuestions(page)).toEqual(drawn);

    await page.locator(`#q-${drawn[0]}-${rightOption(drawn[0] ?? '')}`).check();
    await page.getByRole('button', { name: 'Submit my answers' }).click();
    await page.waitForURL(`${baseUrl}/learn/${course.id}/quiz/result/`);
    await expect(page.getByRole('status').textContent()).resolves.toContain('You passed.');
    // After a pass, the explanations are there to learn from.
    const explained = course.quiz.find((question) => question.id === drawn[0])?.explanation ?? 'missing';
    await expect(page.locator('main').textContent()).resolves.toContain(explained);
    await page.screenshot({ path: join(shots, 'quiz-passed.png'), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'download your credential' }).click(),
    ]);
    const file = join(shots, 'credential.jwt');
    await download.saveAs(file);
    const jws = readFileSync(file, 'utf8');
    expect(jws.split('.')).toHaveLength(3);

    await page.goto(`${baseUrl}/me/`);
    await expect(page.locator('body').textContent()).resolves.toContain('proven by a credential');

    await page.goto(`${baseUrl}/credentials/verify/`);
    await page.setInputFiles('#file', file);
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/Valid\.[\s\S]*Femi Adeyemi/);
    await page.screenshot({ path: join(shots, 'credential-valid.png'), fullPage: true });

    const [header, payload, signature] = jws.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    claims.credentialSubject.achievement.name = 'Master of everything';
    await page.goto(`${baseUrl}/credentials/verify/`);
    await page
      .locator('#credential')
      .fill(`${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`);
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Not valid.');
    await context.close();
  });

  it('after a fail shows which answers were wrong but not the right ones, and after two makes the learner wait', async () => {
    const haccp = courseNamed('haccp-for-small-kitchens');
    await finishLessonsOverHttp(baseUrl, await tokenFor(baseUrl, 'demo-eunji'), haccp);
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, /Eun-ji Park/, `/learn/${haccp.id}/quiz/`);
    for (const attempt of [1, 2]) {
      if (attempt === 2) await page.goto(`${baseUrl}/learn/${haccp.id}/quiz/`);
      for (const id of await drawnQuestions(page)) {
        const question = haccp.quiz.find((candidate) => candidate.id === id);
        await page.locator(`#q-${id}-${((question?.answer ?? 0) + 1) % (question?.options.length ?? 2)}`).check();
      }
      await page.getByRole('button', { name: 'Submit my answers' }).click();
      await page.waitForURL(`${baseUrl}/learn/${haccp.id}/quiz/result/`);
      await expect(page.getByRole('status').textContent()).resolves.toContain('Not this time.');
      const result = (await page.locator('main').textContent()) ?? '';
      expect(result).toContain('Not right');
      expect(result).not.toContain('The answer is');
      for (const question of haccp.quiz) expect(result).not.toContain(question.explanation);
    }
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/You can try again in (9|10) minutes\./);
    await page.screenshot({ path: join(shots, 'quiz-failed-twice.png'), fullPage: true });

    await page.goto(`${baseUrl}/learn/${haccp.id}/quiz/`);
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/You can try again in (9|10) minutes\./);
    await expect(page.locator('form[action$="/quiz/"]').count()).resolves.toBe(0);
    await context.close();
  });

  it('sends a visitor who is not signed in to sign in before enrolling, then to confirm it, and to the lessons before the quiz', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/learn/${course.id}/`);
    await page.getByRole('button', { name: 'Start or resume this course' }).click();
    await page.waitForURL(/\/auth\/sign-in\?returnTo=/);
    await page.getByRole('button', { name: /Dev Patel/ }).click();
    // The post is not replayed behind his back: the page asks, and starting takes him to the first lesson.
    await page.waitForURL(`${baseUrl}/learn/${course.id}/enroll/`);
    await expect(page.locator('h1').textContent()).resolves.toBe(`Start ${course.title}`);
    await page.getByRole('button', { name: 'Start the course' }).click();
    await page.waitForURL(`${baseUrl}/learn/${course.id}/${course.lessons[0]?.id}/`);

    // The quiz waits for the lessons: no questions yet, only how many lessons are left and the next one.
    await page.goto(`${baseUrl}/learn/${course.id}/quiz/`);
    const total = course.lessons.length;
    await expect(page.getByRole('status').textContent()).resolves.toContain(`${total} of ${total} are left`);
    await expect(page.locator('form[action$="/quiz/"]').count()).resolves.toBe(0);
    await page.getByRole('link', { name: course.lessons[0]?.title }).click();
    await page.waitForURL(`${baseUrl}/learn/${course.id}/${course.lessons[0]?.id}/`);
    await context.close();
  });
});

describe('the learning API over HTTP', () => {
  it('never ships quiz answers before submission', async () => {
    const body = await (await fetch(`${baseUrl}/api/courses/${course.id}`)).text();
    expect(body).not.toContain('"answer"');
    expect(body).not.toContain(course.quiz[0]?.explanation ?? 'x');
  });

  it('refuses quiz answers before the lessons are done, and of the wrong shape, naming the field', async () => {
    const token = await tokenFor(baseUrl, 'demo-ada');
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const submit = (body: unknown) =>
      fetch(`${baseUrl}/api/me/enrollments/${course.id}/quiz-attempts`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
    await fetch(`${baseUrl}/api/me/enrollments`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ courseId: course.id }),
    });
    const early = await submit({ drawId: 'none', answers: [{ question: course.quiz[0]?.id, option: 0 }] });
    expect(early.status).toBe(422);
    expect(await early.json()).toMatchObject({ rule: 'lessons-not-done' });

    await finishLessonsOverHttp(baseUrl, token, course);
    const quiz = (await (await fetch(`${baseUrl}/api/me/enrollments/${course.id}/quiz`, { headers })).json()) as {
      draw: { id: string; questions: Array<{ id: string }> };
    };
    expect(quiz).toMatchObject({ status: 'open', draw: { questions: expect.any(Array) } });
    const wrongShape = await submit({ drawId: quiz.draw.id, answers: 'all of them' });
    expect(wrongShape.status).toBe(400);
    expect(await wrongShape.json()).toMatchObject({ errors: [{ field: 'body.answers' }] });
    const tooFew = await submit({
      drawId: quiz.draw.id,
      answers: [{ question: quiz.draw.questions[0]?.id, option: 0 }],
    });
    expect(tooFew.status).toBe(422);
    expect(await tooFew.json()).toMatchObject({ errors: [{ field: 'body.answers' }] });
  });

  it('answers clear 4xx for an unknown course and for answers of the wrong shape', async () => {
    const missing = await fetch(`${baseUrl}/api/courses/no-such-course`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    const verify = await fetch(`${baseUrl}/api/credentials/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ credential: 42 }),
    });
    expect(verify.status).toBe(400);
    expect(await verify.json()).toMatchObject({ errors: [{ field: 'body.credential' }] });
  });
});
