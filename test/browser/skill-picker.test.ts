// The skills pickers over the commons and all of ESCO (issue 18): without JavaScript the profile's
// search page answers as the picker does; with it, suggestions arrive as you type in a native datalist,
// and on the opening form choosing one fills the first empty skill row. ESCO's other skills are declared
// and asked for as the commons' are. Sanne (who declares no skill) declares one of ESCO's and removes it
// again; Bram only fills the form without saving it.
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
  it('answers a search of the profile’s skills with the commons first and ESCO’s others apart, and declares one of ESCO’s, without JavaScript', async () => {
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
    const label = String(await link.textContent());
    await esco.getByRole('button', { name: `Add ${label}`, exact: true }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toBe(`Saved ${label}.`);
    const declared = page.locator('li.card', { has: page.getByRole('heading', { name: label, exact: true }) });
    await declared.getByRole('button', { name: `Remove ${label}`, exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Declared (0)' }).count()).resolves.toBe(1);
    await expect(page.getByRole('status').first().textContent()).resolves.toBe('Removed the ESCO skill.');
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
    // The commons' skills ESCO's drywall skills stand for come first, in the order search ranks them.
    expect(options.slice(0, 2).sort()).toEqual(['Plasterboard hanging', 'Plasterboard taping and jointing']);
    expect(options).toContain('use sander');
    await input.fill('Plasterboard hanging');
    await input.press('Enter');
    await page.waitForURL(/q=Plasterboard\+hanging/);
    await expect(page.getByRole('button', { name: 'Add Plasterboard hanging' }).count()).resolves.toBe(1);
    await context.close();
  });

  it('fills the first empty skill rows of the opening form with a commons skill found by an ESCO word and with one of ESCO’s', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, baseUrl, /Bram Jansen/, '/syndicates/riverside-builders/openings/new/');
    const finder = page.getByLabel(/^Find a skill/);
    await expect(finder.isVisible()).resolves.toBe(true);
    await finder.pressSequentially('drywall', { delay: 30 });
    // The commons' skills first, then ESCO's: an opening may ask for either.
    await expect.poll(() => optionsOf(page, 'f-skill-find-suggestions'), { timeout: 5000 }).toContain('use sander');
    const offered = await optionsOf(page, 'f-skill-find-suggestions');
    // Both are the commons' skills ESCO's drywall skills stand for; search ranks which comes first.
    expect(offered.slice(0, 2).sort()).toEqual(['Plasterboard hanging', 'Plasterboard taping and jointing']);
    await finder.fill('Plasterboard hanging');
    await expect.poll(() => page.locator('select[name="skill0"]').inputValue()).toBe('plasterboard-hanging');
    await expect(page.locator('[data-skill-status]').textContent()).resolves.toBe(
      'Plasterboard hanging added as Skill 1.',
    );
    await expect(finder.inputValue()).resolves.toBe('');
    await finder.pressSequentially('drywall', { delay: 30 });
    await expect.poll(() => optionsOf(page, 'f-skill-find-suggestions'), { timeout: 5000 }).toContain('use sander');
    await finder.fill('use sander');
    await expect
      .poll(() => page.locator('select[name="skill1"]').inputValue())
      .toMatch(/^http:\/\/data\.europa\.eu\/esco\/skill\//);
    await expect(page.locator('select[name="skill0"]').inputValue()).resolves.toBe('plasterboard-hanging');

    // Without JavaScript, Find sends the form back with ESCO's matches in every row, the rows kept.
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await signIn(plain, baseUrl, /Bram Jansen/, '/syndicates/riverside-builders/openings/new/');
    await plain.getByLabel(/^Title/).fill('Drywall finisher');
    await plain.locator('select[name="skill0"]').selectOption('plasterboard-hanging');
    await plain.getByLabel(/^Find a skill/).fill('drywall');
    await plain.getByRole('button', { name: 'Find', exact: true }).click();
    await expect(plain.getByLabel(/^Title/).inputValue()).resolves.toBe('Drywall finisher');
    await expect(plain.locator('select[name="skill0"]').inputValue()).resolves.toBe('plasterboard-hanging');
    await expect(plain.locator('[data-skill-status]').textContent()).resolves.toMatch(
      /ESCO skills? found for “drywall”/,
    );
    const sander = plain.locator('select[name="skill1"] optgroup[label="From ESCO"] option', { hasText: 'use sander' });
    await expect(sander.count()).resolves.toBe(1);
    await plain.locator('select[name="skill1"]').selectOption({ label: 'use sander' });
    await expect(plain.locator('select[name="skill1"]').inputValue()).resolves.toMatch(/^http:\/\/data\.europa\.eu\//);
    await noScript.close();
    await context.close();
  });
  it('suggests the plasterboard skill from a plasterboard description, adds it when the admin says so, and saves the opening with it, without JavaScript', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, baseUrl, /Bram Jansen/, '/syndicates/riverside-builders/openings/new/');
    const title = `Plasterboard fixer ${Date.now()}`;
    await page.getByLabel(/^Title/).fill(title);
    await page
      .getByLabel(/^Description/)
      .fill('Hang plasterboard on new stud walls and ceilings in a community hall, then tape and fill the joints.');
    await page.getByLabel('Hours per week').fill('30');
    await page.getByLabel('Amount 1').fill('38.50');
    await page.getByRole('button', { name: 'Suggest skills from the description' }).click();
    // Suggested, not added: every skill row is still empty until the admin picks one.
    const suggestions = page.locator('[data-description-suggestions]');
    await expect(suggestions.textContent()).resolves.toContain('Skills the description mentions');
    await expect(page.locator('select[name="skill0"]').inputValue()).resolves.toBe('');
    await expect(page.getByLabel(/^Title/).inputValue()).resolves.toBe(title);
    await suggestions.getByRole('button', { name: 'Add Plasterboard hanging', exact: true }).click();
    await expect(page.locator('select[name="skill0"]').inputValue()).resolves.toBe('plasterboard-hanging');
    // What the opening asks for already is not suggested again.
    await expect(
      suggestions.getByRole('button', { name: 'Add Plasterboard hanging', exact: true }).count(),
    ).resolves.toBe(0);
    await expect(page.getByLabel('Amount 1').inputValue()).resolves.toBe('38.50');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.waitForURL(/\/jobs\/[a-z0-9-]+\/$/);
    await expect(page.locator('main').textContent()).resolves.toContain('Plasterboard hanging');
    await context.close();
  });
});
