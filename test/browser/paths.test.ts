// Paths to an occupation: Femi finds the electrician's path, sees its courses in the order their
// prerequisites impose and how many of its skills he holds, sets it as his goal and finds it on his
// profile with the next course; the pages work without JavaScript and fit a phone. Femi's goal is
// written only here (no other browser test reads it), and he clears it again at the end.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { commons } from '../support/services.ts';
import { signIn } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
const electrician = commons.paths.get('electrician');
if (!electrician) throw new Error('the electrician path is missing from content/occupations.yaml');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const phone = { viewport: { width: 360, height: 740 } };
const documentWidth = (page: Page) => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;

describe('a path to an occupation', () => {
  it('Femi sets the electrician’s path as his goal and sees his progress on it and on his profile', async () => {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    await signIn(page, baseUrl, /Femi Adeyemi/, '/learn/');
    await page.getByRole('link', { name: 'Paths to an occupation' }).click();
    await page.getByRole('link', { name: 'Electrician', exact: true }).click();
    await page.waitForURL(`${baseUrl}/paths/electrician/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Electrician');
    const courses = await page.locator('ol.path-courses > li > a').allTextContents();
    const title = (id: string) => commons.courses.get(id)?.title ?? id;
    // Inspecting and testing requires safe isolation, which the foundation course teaches: it comes first.
    expect(courses.indexOf(title('electrical-safety-and-circuits'))).toBeLessThan(
      courses.indexOf(title('inspecting-and-testing-a-final-circuit')),
    );
    await expect(page.locator('#progress-heading + p').textContent()).resolves.toMatch(
      new RegExp(`You hold \\d+ of ${electrician.skills.length} skills`),
    );
    expect(await documentWidth(page)).toBeLessThanOrEqual(360);

    await page.getByRole('button', { name: 'Set as my goal' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/This path is now your goal/);
    await page.goto(`${baseUrl}/me/`);
    const section = page.locator('section[aria-labelledby="goal-path-heading"]');
    await expect(section.locator('h2').textContent()).resolves.toMatch(/My path: Electrician/);
    await expect(section.textContent()).resolves.toMatch(
      new RegExp(`of ${electrician.skills.length}[\\s\\S]*Next course: ${title('electrical-safety-and-circuits')}`),
    );
    // The opening form's occupation picker (Femi is an admin of Severn Sun) fits the phone too.
    await page.goto(`${baseUrl}/syndicates/severn-sun-coop/openings/new/`);
    await expect(
      page
        .getByLabel(/^Occupation/)
        .locator('option')
        .count(),
    ).resolves.toBeGreaterThan(50);
    expect(await documentWidth(page)).toBeLessThanOrEqual(360);
    await page.goto(`${baseUrl}/me/`);
    await section.getByRole('link', { name: 'Electrician' }).click();
    await page.getByRole('button', { name: 'Stop aiming for it' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/no longer your goal/);
    await context.close();
  });

  it('lists paths a page at a time and shows a path without JavaScript, asking a visitor to sign in', async () => {
    const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/paths/`);
    const first = await page.locator('ul.cards > li h2 a').allTextContents();
    expect(first[0]).toBe('Electrician');
    await page.getByRole('link', { name: 'Next →' }).click();
    const second = await page.locator('ul.cards > li h2 a').allTextContents();
    expect(second.some((label) => first.includes(label))).toBe(false);
    await page.goto(`${baseUrl}/paths/web-developer/`);
    await expect(page.getByRole('link', { name: 'Sign in' }).first().isVisible()).resolves.toBe(true);
    expect(await documentWidth(page)).toBeLessThanOrEqual(360);
    const missing = await page.goto(`${baseUrl}/paths/no-such-path/`);
    expect(missing?.status()).toBe(404);
    await context.close();
  });
});
