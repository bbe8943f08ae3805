// Practical sign-off in the browser (issue 18, Femi's scenario without the path): Femi passes the
// plasterboard course's quiz, sends evidence for each practical task with a photo, and asks Riverside
// Builders; he cannot assess himself, Joost (a member without the credential) cannot either; Lotte (a
// member holding it, from the demo data) signs both off, and the credential shows the evidence and verifies.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolationsAs, launchBrowser } from '../support/browser.ts';
import { answersTo, courseNamed, finishLessonsOverHttp } from '../support/quiz.ts';
import { apiAs, signIn, tokenFor } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
const course = courseNamed('plasterboard-hanging-and-jointing');
const work = `/practical-work/demo-femi/${course.id}/`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** A JPEG whose EXIF names where it was taken. */
const photo = () => {
  const exif = Buffer.from('Exif\0\0GPSLatitude 51.5072 N');
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (exif.length + 2) >> 8, (exif.length + 2) & 0xff]), exif]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    app1,
    Buffer.from([0xff, 0xda, 0, 8, 1, 1, 0, 0, 63, 0, 1, 0xff, 0xd9]),
  ]);
};

async function passTheQuiz() {
  const token = await tokenFor(baseUrl, 'demo-femi');
  await finishLessonsOverHttp(baseUrl, token, course);
  const quiz = await apiAs(baseUrl, 'demo-femi', 'GET', `/api/me/enrollments/${course.id}/quiz`);
  const draw = quiz.draw as { id: string; questions: Array<{ id: string }> };
  const answers = answersTo(
    course,
    draw.questions.map((q) => q.id),
  );
  await apiAs(baseUrl, 'demo-femi', 'POST', `/api/me/enrollments/${course.id}/quiz-attempts`, {
    drawId: draw.id,
    answers,
  });
}

async function session(name: RegExp, returnTo: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, baseUrl, name, returnTo);
  return page;
}

describe('practical sign-off', () => {
  it('takes Femi’s evidence, refuses him and a member without the credential as assessors, and issues the credential with Lotte’s sign-offs', async () => {
    await passTheQuiz();
    const femi = await session(/Femi Adeyemi/, `/learn/${course.id}/practical/`);
    await expect(femi.locator('h1').textContent()).resolves.toBe('Practical tasks');
    for (const task of course.practical) {
      const section = femi.locator('section', { has: femi.getByRole('heading', { name: task.title }) });
      await section
        .getByLabel(/What you did/)
        .fill(`I did “${task.title}” on the practice wall, filmed from two sides.`);
      await section.getByRole('button', { name: 'Save evidence' }).click();
      await femi.waitForURL(/done=saved/);
    }
    const first = femi.locator('section', {
      has: femi.getByRole('heading', { name: course.practical[0]?.title ?? '' }),
    });
    await first.getByLabel(/Add a photo/).setInputFiles({ name: 'wall.jpg', mimeType: 'image/jpeg', buffer: photo() });
    await first.getByRole('button', { name: 'Add the photo' }).click();
    await femi.waitForURL(/done=saved/);
    await femi.getByLabel(/Riverside Builders/).check();
    await femi.getByRole('button', { name: 'Ask for an assessment' }).click();
    await femi.waitForURL(/done=asked/);

    // The evidence page with its forms, and the review page with its own, on a phone: no axe violations.
    expect(await axeViolationsAs(browser, baseUrl, /Femi Adeyemi/, `/learn/${course.id}/practical/`)).toEqual([]);
    expect(await axeViolationsAs(browser, baseUrl, /Lotte Bakker/, work)).toEqual([]);

    // Femi, on his own work's review page, is told he cannot assess it; and no form is offered.
    await femi.goto(`${baseUrl}${work}`);
    await expect(femi.getByText(/cannot assess your own work/).count()).resolves.toBe(1);
    await expect(femi.getByRole('button', { name: 'Record my assessment' }).count()).resolves.toBe(0);
    // The same refusal in Spanish on the Spanish page.
    await femi.goto(`${baseUrl}/es${work}`);
    await expect(femi.locator('p.notice').textContent()).resolves.toBe(
      'No puedes evaluar tu propio trabajo: tiene que hacerlo alguien de otro colectivo.',
    );

    const joost = await session(/Joost de Vries/, '/syndicates/riverside-builders/practical-work/');
    await expect(joost.getByRole('link', { name: new RegExp(course.title) }).count()).resolves.toBe(1);
    await joost.goto(`${baseUrl}${work}`);
    await expect(joost.getByText(/you need a credential for/).count()).resolves.toBe(1);
    await joost.goto(`${baseUrl}/nl${work}`);
    await expect(joost.locator('p.notice').textContent()).resolves.toMatch(
      /^Om „.+” te beoordelen heb je een diploma nodig voor .+ op niveau gevorderd of hoger\.$/,
    );
    await expect(joost.getByRole('button', { name: 'Record my assessment' }).count()).resolves.toBe(0);

    const lotte = await session(/Lotte Bakker/, '/syndicates/riverside-builders/practical-work/');
    await lotte.getByRole('link', { name: new RegExp(course.title) }).click();
    await lotte.waitForURL(`${baseUrl}${work}`);
    // The photo is served without where it was taken.
    const photoHref = await lotte.getByRole('link', { name: 'Photo 1' }).getAttribute('href');
    const served = await lotte.request.get(`${baseUrl}${photoHref}`);
    expect(served.headers()['content-type']).toBe('image/jpeg');
    expect((await served.body()).includes('GPSLatitude')).toBe(false);
    for (const task of course.practical) {
      const section = lotte.locator('section', { has: lotte.getByRole('heading', { name: task.title }) });
      await section.getByLabel(/Sign off/).check();
      await section.getByLabel(/What you saw/).fill('Watched it by video: done right, and safely.');
      await section.getByRole('button', { name: 'Record my assessment' }).click();
      await lotte.waitForURL(/done=(reviewed|issued)/);
    }
    await expect(lotte.getByText('Every task is signed off: the credential is issued.').count()).resolves.toBe(1);

    await lotte.getByRole('link', { name: 'its public page' }).click();
    await lotte.waitForURL(/\/credentials\/[a-z2-9]{16}\//);
    await expect(lotte.getByRole('heading', { name: 'Practical tasks, signed off' }).count()).resolves.toBe(1);
    await expect(lotte.getByText(/Verified\./).count()).resolves.toBe(1);
    await expect(lotte.getByRole('link', { name: 'The assessor’s profile' }).count()).resolves.toBe(
      course.practical.length,
    );
  });
});
