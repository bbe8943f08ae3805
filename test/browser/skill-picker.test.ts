// The skills pickers over the commons and all of ESCO (issue 18): without JavaScript the profile's
// search page answers as the picker does; with it, suggestions arrive as you type in a native datalist,
// and on the opening form choosing one fills the first empty skill row. Nothing here writes: Sanne (who declares no skill) only
// searches, Bram only fills the form without saving it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { signIn } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const optionsOf = (page: import('playwright-core').Page, list: string) =>
  page
    .locator(`#${list} option`)
    .evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));

describe('the skills pickers', () => {
  it('answers a search of the profile’s skills with the commons first and ESCO’s others apart, without JavaScript', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, baseUrl, /Sanne Visser/, '/me/profile/skills/');
    await page.getByLabel(/^Search the skills/).fill('fotovoltaic');
    await page.getByRole('button', { name: 'Search' }).click();
    // A misspelling the commons' own words miss, reaching its skills through ESCO's labels.
    await expect(page.getByRole('button', { name: 'Add Mounting PV modules' }).count()).resolves.toBe(1);
    const esco = page.locator('section', { has: page.getByRole('heading', { name: /Also in ESCO/ }) });
    await expect(esco.textContent()).resolves.toContain('ESCO, © European Union, CC BY 4.0');
    const link = esco.getByRole('link').first();
    await expect(link.getAttribute('href')).resolves.toMatch(/^http:\/\/data\.europa\.eu\/esco\/skill\//);
    await expect(esco.getByRole('button').count()).resolves.toBe(0);
    await context.close();
  });

  it('suggests as you type on the profile, and Enter searches what was chosen', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, baseUrl, /Sanne Visser/, '/me/profile/skills/');
    const input = page.getByLabel(/^Search the skills/);
    await expect(input.getAttribute('list')).resolves.toBe('f-q-suggestions');
    await input.pressSequentially('drywal', { delay: 30 });
    await expect.poll(() => optionsOf(page, 'f-q-suggestions'), { timeout: 5000 }).toContain('Plasterboard hanging');
    const options = await optionsOf(page, 'f-q-suggestions');
    expect(options[0]).toBe('Plasterboard hanging');
    expect(options).toContain('use sander');
    await input.fill('Plasterboard hanging');
    await input.press('Enter');
    await page.waitForURL(/q=Plasterboard\+hanging/);
    await expect(page.getByRole('button', { name: 'Add Plasterboard hanging' }).count()).resolves.toBe(1);
    await context.close();
  });

  it('fills the first empty skill row of the opening form with a commons skill found by an ESCO word', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, baseUrl, /Bram Jansen/, '/syndicates/riverside-builders/openings/new/');
    const finder = page.getByLabel(/^Find a skill/);
    await expect(finder.isVisible()).resolves.toBe(true);
    await finder.pressSequentially('drywall', { delay: 30 });
    // Only the commons' skills: an opening asks for those (ESCO's "use sander" is not offered here).
    await expect
      .poll(() => optionsOf(page, 'f-skill-find-suggestions'), { timeout: 5000 })
      .toEqual(['Plasterboard hanging', 'Plasterboard taping and jointing']);
    await finder.fill('Plasterboard hanging');
    await expect.poll(() => page.locator('select[name="skill0"]').inputValue()).toBe('plasterboard-hanging');
    await expect(page.locator('[data-skill-status]').textContent()).resolves.toBe(
      'Plasterboard hanging added as Skill 1.',
    );
    await expect(finder.inputValue()).resolves.toBe('');

    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await signIn(plain, baseUrl, /Bram Jansen/, '/syndicates/riverside-builders/openings/new/');
    await expect(plain.getByLabel(/^Find a skill/).isVisible()).resolves.toBe(false);
    await expect(plain.locator('select[name="skill0"]').count()).resolves.toBe(1);
    await noScript.close();
    await context.close();
  });
});
