// A person edits her profile and declares two skills found by searching the taxonomy, then a visitor
// sees her public page as her privacy choices say: the skills she made public, not what she kept to
// members. Grace is the demo steward; no other browser test signs in as her or writes her profile.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { signIn } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
const shots = join(import.meta.dirname, '../../.tmp/screenshots');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('a profile people edit', () => {
  it('takes Grace’s profile and two declared skills to a public page that shows what she chose', async () => {
    // A phone, without JavaScript: every step is a plain form.
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, baseUrl, /Grace Mensah/, '/me/profile/');

    // Until she chooses, the language for her emails is offered as the page's; she chooses Dutch.
    const emailLanguage = page.getByLabel(/^Language for emails/);
    await expect(emailLanguage.inputValue()).resolves.toBe('en');
    await page.goto(`${baseUrl}/es/me/profile/`);
    await expect(page.locator('#f-language').inputValue()).resolves.toBe('es');
    await page.goto(`${baseUrl}/me/profile/`);
    await emailLanguage.selectOption('nl');

    // A link that is no web address is refused beside its field, and what she typed stays.
    await page.getByRole('textbox', { name: /^Place/ }).fill('Leeds, West Yorkshire');
    await page.getByLabel('Portfolio').fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Save my profile' }).click();
    await expect(page.locator('#f-links .field-error').textContent()).resolves.toMatch(/https:\/\//);
    await expect(page.getByRole('textbox', { name: /^Place/ }).inputValue()).resolves.toBe('Leeds, West Yorkshire');
    await expect(emailLanguage.inputValue()).resolves.toBe('nl');

    await page.getByLabel('Portfolio').fill('https://grace.example/stewardship');
    await page
      .getByRole('textbox', { name: /^About me/ })
      .fill('Steward of this instance. I keep **the books** of the commons.');
    await page.getByLabel('Welsh').check();
    await page.getByLabel('English').check();
    await page.getByLabel('Declared skills').selectOption('public');
    await page.getByLabel('About me: place').selectOption('members');
    await page.getByRole('button', { name: 'Save my profile' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('saved');
    await expect(emailLanguage.inputValue()).resolves.toBe('nl');
    await page.screenshot({ path: join(shots, 'profile-edit.png'), fullPage: true });
    const fitsThePhone = async (on: typeof page) =>
      expect(await on.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await fitsThePhone(page);

    // Two skills, found by searching the taxonomy, added at a level; one gets evidence.
    await page.goto(`${baseUrl}/me/profile/skills/`);
    for (const [query, skill, level] of [
      ['bank rec', 'Bank reconciliation', 'proficient'],
      ['bookkeeping fund', 'Double-entry bookkeeping fundamentals', 'working'],
    ] as const) {
      await page.getByLabel(/^Search the skills/).fill(query);
      await page.getByRole('button', { name: 'Search' }).click();
      const card = page.locator('li.card', { has: page.getByRole('link', { name: skill }) });
      await card.getByLabel('Level').selectOption(level);
      await card.getByRole('button', { name: `Add ${skill}` }).click();
      await expect(page.getByRole('status').textContent()).resolves.toBe(`Saved ${skill}.`);
    }
    const declared = page.locator('li.card', { has: page.getByRole('heading', { name: 'Bank reconciliation' }) });
    await declared.getByLabel(/^Evidence: what you did/).fill('Reconciled the commons’ accounts every month of 2026.');
    await declared.getByRole('button', { name: 'Save Bank reconciliation' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toBe('Saved Bank reconciliation.');
    await fitsThePhone(page);
    await page.screenshot({ path: join(shots, 'profile-skills.png'), fullPage: true });

    // A visitor who is not signed in sees the public skills, and not what she kept to members.
    const visitor = await browser.newContext({ viewport: { width: 360, height: 780 }, javaScriptEnabled: false });
    const visit = await visitor.newPage();
    const response = await visit.goto(`${baseUrl}/people/demo-grace/`);
    expect(response?.status()).toBe(200);
    await expect(visit.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Grace Mensah');
    const skills = await visit
      .locator('section', { has: visit.getByRole('heading', { name: 'Declared skills' }) })
      .textContent();
    expect(skills).toContain('Bank reconciliation (proficient, declared)');
    expect(skills).toContain('Reconciled the commons’ accounts');
    expect(skills).toContain('Double-entry bookkeeping fundamentals (working, declared)');
    const body = (await visit.locator('main').textContent()) ?? '';
    expect(body).not.toContain('Leeds, West Yorkshire');
    expect(body).not.toContain('grace.example');
    expect(body).toMatch(/About[^.]*: not shown to you/);
    // Shown to whoever has the link, but not offered to search engines under her name.
    await expect(visit.locator('meta[name="robots"]').getAttribute('content')).resolves.toBe('noindex');
    await fitsThePhone(visit);
    await visit.screenshot({ path: join(shots, 'profile-public.png'), fullPage: true });
    await visitor.close();

    // She sees all of it on the same page, her bio rendered from markdown.
    await page.goto(`${baseUrl}/people/demo-grace/`);
    await expect(page.locator('section .prose strong').textContent()).resolves.toBe('the books');
    await expect(page.locator('main').textContent()).resolves.toContain('Leeds, West Yorkshire');

    // Her own page lists the skills she declared, with their levels, and leads back to the forms.
    const me = await page.goto(`${baseUrl}/me/`);
    expect(me?.status()).toBe(200);
    await expect(page.locator('main').textContent()).resolves.toContain('Bank reconciliation (proficient, declared)');
    await expect(page.getByRole('link', { name: 'Edit my profile' }).getAttribute('href')).resolves.toBe(
      '/me/profile/',
    );
    await context.close();
  });
});
