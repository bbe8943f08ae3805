// Training places on a phone (issue 18): Bram, admin of Riverside Builders, posts one without
// JavaScript at 360 px, for learners of the plasterboard course with Lotte (who holds its credential)
// as mentor; the rule's refusal of a member without the credential shows beside the mentor field. The
// place shows on the board filtered to training places and on the course's page; Eun-ji, who has not
// enrolled in the course, is refused with the rule's sentence when she applies.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile } from '../support/browser.ts';
import { courseNamed } from '../support/quiz.ts';
import { signIn } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
const course = courseNamed('plasterboard-hanging-and-jointing');
const browser = browserForFile();
const phone = { viewport: { width: 360, height: 780 } };

/** Reloads `path` until a link named `title` is on it: the place reaches search through the table's stream. */
async function untilListed(page: Page, path: string, title: string) {
  const deadline = Date.now() + 40_000;
  for (;;) {
    await page.goto(`${baseUrl}${path}`);
    if ((await page.getByRole('link', { name: title }).count()) > 0) return;
    if (Date.now() > deadline) throw new Error(`${title} was not listed on ${path}`);
    await page.waitForTimeout(250);
  }
}

describe('training places', () => {
  it('are posted by an admin without JavaScript, found by kind on the board and on the course page, and refuse a learner not enrolled', async () => {
    const admin = await (await browser.newContext({ ...phone, javaScriptEnabled: false })).newPage();
    await signIn(admin, baseUrl, /Bram Jansen/, '/syndicates/riverside-builders/openings/new/');
    const title = `Plasterboard trainee ${Date.now()}`;
    await admin.getByLabel('Title').fill(title);
    await admin
      .getByLabel(/^Description/)
      .fill('Hang and joint board on our retrofits beside a mentor, while you finish the plasterboard course.');
    await admin.getByLabel('Skill 1').selectOption('plasterboard-hanging');
    await admin.getByLabel('Hours per week').fill('20');
    await admin.getByLabel('Amount 1').fill('15');
    await admin.getByLabel('This is a training place').check();
    await admin.getByLabel(/^Course/).selectOption(course.id);
    // Joost is a member without the course's credential: the rule's sentence shows by the mentor field.
    await admin.getByLabel(/^Mentor/).selectOption({ label: 'Joost de Vries' });
    await admin.getByRole('button', { name: 'Save as draft' }).click();
    await expect(admin.locator('#e-trainingMentor').textContent()).resolves.toMatch(
      /^The mentor needs a credential for /,
    );
    await expect(admin.getByLabel(/^Mentor/).getAttribute('aria-invalid')).resolves.toBe('true');
    // What was typed and chosen comes back: only the mentor changes.
    await expect(admin.getByLabel(/^Course/).inputValue()).resolves.toBe(course.id);
    await admin.getByLabel(/^Mentor/).selectOption({ label: 'Lotte Bakker' });
    await admin.getByRole('button', { name: 'Save as draft' }).click();
    await admin.waitForURL(/\/jobs\/[a-z0-9-]+\/$/);
    const placePath = new URL(admin.url()).pathname;
    // The place's page says what it is: for learners of the course, with Lotte as mentor.
    await expect(admin.locator('.facts').textContent()).resolves.toContain(
      `For learners part way through ${course.title}, mentored by Lotte Bakker of Riverside Builders.`,
    );
    await admin.getByRole('button', { name: 'Publish' }).click();
    await expect(admin.getByRole('status').textContent()).resolves.toContain('published');

    // Its edit keeps the kind (no choice to make it a job) and offers the course and mentor again.
    await admin.goto(`${baseUrl}${placePath}edit/`);
    await expect(admin.getByLabel('This is a training place').count()).resolves.toBe(0);
    await expect(admin.getByLabel(/^Mentor/).inputValue()).resolves.toBe('demo-lotte');
    await admin.getByLabel('Hours per week').fill('24');
    await admin.getByRole('button', { name: 'Save changes' }).click();
    await admin.waitForURL(`${baseUrl}${placePath}`);
    await expect(admin.locator('.facts').textContent()).resolves.toContain('mentored by Lotte Bakker');

    // The board, filtered by its own control to training places, lists it; filtered to jobs, not.
    await untilListed(admin, '/jobs/', title);
    await admin.getByLabel('Kind of opening').selectOption('training');
    await admin.getByRole('button', { name: 'Show openings' }).click();
    await admin.waitForURL(/[?&]kind=training\b/);
    await expect(admin.getByRole('link', { name: title }).count()).resolves.toBe(1);
    await admin.getByLabel('Kind of opening').selectOption('job');
    await admin.getByRole('button', { name: 'Show openings' }).click();
    await admin.waitForURL(/[?&]kind=job\b/);
    await expect(admin.getByRole('link', { name: title }).count()).resolves.toBe(0);

    // The course's page, on a phone with scripts (its training places are read on request), offers it.
    const visitor = await (await browser.newContext(phone)).newPage();
    await visitor.goto(`${baseUrl}/learn/${course.id}/`);
    const section = visitor.locator('section', {
      has: visitor.getByRole('heading', { name: 'Train with a syndicate' }),
    });
    await section.waitFor();
    await expect(section.getByRole('link', { name: title }).count()).resolves.toBe(1);

    // Eun-ji has not enrolled in the course: her application is refused with the rule's sentence.
    const learner = await (await browser.newContext({ ...phone, javaScriptEnabled: false })).newPage();
    await signIn(learner, baseUrl, /Eun-ji Park/, placePath);
    await learner.getByLabel('A short note to the syndicate').fill('I would like to learn to hang board.');
    await learner.getByRole('button', { name: 'Apply' }).click();
    await expect(learner.getByRole('alert').textContent()).resolves.toBe(
      `This training place is for learners of “${course.title}”: enroll in the course first, then apply.`,
    );
  });
});
