// A demo learner takes a course end to end: enrolls, works through the lessons, passes the quiz,
// downloads the credential, and verifies it on the site; a tampered copy fails.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
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
    expect(await page.content()).not.toContain(course.quiz[0]?.explanation);

    // A first try with one question left blank is refused, and says which.
    for (const [index, question] of course.quiz.entries()) {
      if (index === 0) continue;
      await page.locator(`#q${index}-${question.answer}`).check();
    }
    await page.evaluate('document.querySelector("form[action$=\'/quiz/\']").noValidate = true');
    await page.getByRole('button', { name: 'Submit my answers' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Question 1 needs an answer');

    await page.locator(`#q0-${course.quiz[0]?.answer}`).check();
    await page.getByRole('button', { name: 'Submit my answers' }).click();
    await page.waitForURL(`${baseUrl}/learn/${course.id}/quiz/result/`);
    await expect(page.getByRole('status').textContent()).resolves.toContain('You passed.');
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

  it('sends a visitor who is not signed in to sign in before enrolling, then back', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/learn/${course.id}/`);
    await page.getByRole('button', { name: 'Start or resume this course' }).click();
    await page.waitForURL(/\/auth\/sign-in\?returnTo=/);
    await page.getByRole('button', { name: /Dev Patel/ }).click();
    await page.waitForURL(`${baseUrl}/learn/${course.id}/`);
    await context.close();
  });
});

describe('the learning API over HTTP', () => {
  it('never ships quiz answers before submission', async () => {
    const body = await (await fetch(`${baseUrl}/api/courses/${course.id}`)).text();
    expect(body).not.toContain('"answer"');
    expect(body).not.toContain(course.quiz[0]?.explanation ?? 'x');
  });

  it('refuses quiz answers of the wrong shape, naming the field', async () => {
    const headers = {
      authorization: `Bearer ${await tokenFor(baseUrl, 'demo-ada')}`,
      'content-type': 'application/json',
    };
    await fetch(`${baseUrl}/api/me/enrollments`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ courseId: course.id }),
    });
    const wrongShape = await fetch(`${baseUrl}/api/me/enrollments/${course.id}/quiz-attempts`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ answers: 'all of them' }),
    });
    expect(wrongShape.status).toBe(400);
    expect(await wrongShape.json()).toMatchObject({ errors: [{ field: 'body.answers' }] });
    const tooFew = await fetch(`${baseUrl}/api/me/enrollments/${course.id}/quiz-attempts`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ answers: [0] }),
    });
    expect(tooFew.status).toBe(422);
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
