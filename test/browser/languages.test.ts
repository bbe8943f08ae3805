// Guildhall in Spanish and Dutch: the same pages under /es/ and /nl/, a switcher that keeps the reader
// on the page they were reading, the browser's language on a first visit, a choice that sticks, the
// alternates search engines read, and a refused form that says why in the reader's language.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { commons } from '../support/services.ts';
import { signIn } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
const contexts: BrowserContext[] = [];
const course = [...commons.courses.values()][0];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

/** A fresh visitor, whose browser prefers `locale` (Playwright sends it as Accept-Language). */
async function visitor(locale = 'en-GB') {
  const context = await browser.newContext({ locale });
  contexts.push(context);
  return context.newPage();
}

describe('Guildhall in Spanish and Dutch', () => {
  it('shows the home page, the job board and a course in the language of the address', async () => {
    if (!course) throw new Error('the commons has no course');
    const page = await visitor();
    await page.goto(`${baseUrl}/es/`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await expect(page.locator('h1').textContent()).resolves.toBe(
      'Aprende los oficios que necesita tu comunidad. Encuentra trabajo con quienes los comparten.',
    );
    await expect(page.getByRole('heading', { name: 'El procomún en cifras' }).count()).resolves.toBe(1);

    await page.goto(`${baseUrl}/nl/jobs/`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nl');
    await expect(page.locator('h1').textContent()).resolves.toBe('Vacatures');
    await expect(page.getByRole('button', { name: 'Vacatures tonen' }).count()).resolves.toBe(1);

    await page.goto(`${baseUrl}/nl/learn/${course.id}/`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nl');
    await expect(page.locator('h1').textContent()).resolves.toBe(course.title);
    await expect(page.getByRole('button', { name: 'Deze cursus beginnen of hervatten' }).count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { name: 'Lessen' }).count()).resolves.toBe(1);
  });

  it('keeps a reader of a Spanish page on Spanish pages when they follow its links', async () => {
    const page = await visitor();
    await page.goto(`${baseUrl}/es/`);
    await Promise.all([
      page.waitForURL(`${baseUrl}/es/jobs/`),
      page.getByRole('link', { name: 'Empleo', exact: true }).first().click(),
    ]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Empleo');
  });

  it('switches language on the same page, with a plain link per language', async () => {
    if (!course) throw new Error('the commons has no course');
    const page = await visitor();
    await page.goto(`${baseUrl}/learn/${course.id}/`);
    const switcher = page.getByRole('navigation', { name: 'Language' });
    await Promise.all([page.waitForURL(/\/es\/learn\//), switcher.getByRole('link', { name: 'Español' }).click()]);
    expect(new URL(page.url()).pathname).toBe(`/es/learn/${course.id}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe(course.title);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');

    await page.goto(`${baseUrl}/jobs/?remote=true`);
    await Promise.all([
      page.waitForURL(/\/nl\/jobs\//),
      page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Nederlands' }).click(),
    ]);
    const url = new URL(page.url());
    expect([url.pathname, url.searchParams.get('remote')]).toEqual(['/nl/jobs/', 'true']);
  });

  it('answers an address under /es/ or /nl/ with no page behind it as not found, as its English address is', async () => {
    for (const path of ['/learn/no-such-course/', '/es/learn/no-such-course/', '/nl/learn/no-such-course/']) {
      const response = await fetch(`${baseUrl}${path}`, { redirect: 'manual' });
      expect([path, response.status]).toEqual([path, 404]);
    }
  });

  it('opens the home page in the browser’s language on a first visit', async () => {
    const page = await visitor('nl-NL');
    await page.goto(`${baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe('/nl/');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nl');
    // A visitor whose browser prefers none of them stays in English.
    const other = await visitor('fr-FR');
    const home = await other.goto(`${baseUrl}/`);
    expect(new URL(other.url()).pathname).toBe('/');
    // Not kept by a shared cache: the next browser to ask for `/` may prefer Dutch.
    expect(home?.headers()['cache-control']).toBe('private, no-store');
  });

  it('remembers a language chosen with the switcher over the browser’s', async () => {
    const page = await visitor('nl-NL');
    await page.goto(`${baseUrl}/`);
    await Promise.all([
      page.waitForURL(`${baseUrl}/?lang=en`),
      page.getByRole('navigation', { name: 'Taal' }).getByRole('link', { name: 'English' }).click(),
    ]);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page.goto(`${baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe('/');

    await page.goto(`${baseUrl}/jobs/`);
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Español' }).click();
    await page.waitForURL(/\/es\/jobs\//);
    await page.goto(`${baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe('/es/');
  });

  it('names the page in every language for search engines (hreflang), on prerendered and rendered pages', async () => {
    if (!course) throw new Error('the commons has no course');
    const page = await visitor();
    for (const path of ['/jobs/', `/learn/${course.id}/`]) {
      await page.goto(`${baseUrl}/nl${path}`);
      const alternates = await page
        .locator('link[rel="alternate"][hreflang]')
        .evaluateAll((links) =>
          links.map((link) => [link.getAttribute('hreflang'), new URL(link.getAttribute('href') ?? '').pathname]),
        );
      expect(alternates).toEqual([
        ['en', path],
        ['es', `/es${path}`],
        ['nl', `/nl${path}`],
        ['x-default', path],
      ]);
    }
    const map = await (await fetch(`${baseUrl}/sitemap.xml`)).text();
    expect(map).toContain(`/es/learn/${course.id}/</loc>`);
    expect(map).toContain(`hreflang="nl" href="`);
  });

  it('says why a form was refused in Spanish, on a Spanish page', async () => {
    const page = await visitor();
    await signIn(page, baseUrl, /Bram Jansen/, '/es/syndicates/new/');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await page.locator('#f-name').fill('Carpinteros del Turia');
    await page.locator('#f-id').fill('ct');
    await page.locator('#f-description').fill('Carpinteros que comparten el banco y el trabajo con justicia.');
    await page.locator('#f-place').fill('València, ES');
    const [response] = await Promise.all([
      page.waitForResponse((answer) => answer.request().method() === 'POST'),
      page.locator('form[method="post"] button[type="submit"]').last().click(),
    ]);
    expect(response.status()).toBe(400);
    expect(new URL(page.url()).pathname).toBe('/es/syndicates/new/');
    await expect(page.locator('label[for="f-id"] .field-error').textContent()).resolves.toBe(
      'Necesita al menos 3 caracteres.',
    );
  });
});
