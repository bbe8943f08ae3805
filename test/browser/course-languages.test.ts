// A course translated into Spanish and Dutch (content/courses/<id>/*.es.md, *.nl.md): the catalogue says
// which languages each course can be read in, and a translated lesson reads in Spanish, marked as such.
// The Spanish addresses (/es/…) are the site's language routing; the text is the course's translation.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { commons } from '../support/services.ts';

const baseUrl = inject('baseUrl');
const course = commons.courses.get('budgeting-and-cash-flow-for-small-traders');
const untranslated = commons.courses.get('double-entry-bookkeeping-basics');
const lesson = course?.lessons[0];
const spanish = course?.translations?.es;
if (!course || !untranslated || !lesson || !spanish)
  throw new Error('the translated demo course is missing from content/');

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(() => browser?.close());

/** Each language a list offers: its name, `lang`, `hreflang` (none for the one being read) and address. */
const offered = (list: ReturnType<Page['getByRole']>) =>
  list.locator('[lang]').evaluateAll((items) =>
    items.map((item) => ({
      name: item.textContent,
      lang: item.getAttribute('lang'),
      hreflang: item.getAttribute('hreflang'),
      href: item.getAttribute('href'),
    })),
  );

describe('a course in more than one language', () => {
  it('is listed in the catalogue with each language it can be read in, named in that language', async () => {
    await page.goto(`${baseUrl}/learn/?trade=bookkeeping`);
    const card = (title: string) =>
      page.locator('.card', { has: page.getByRole('link', { name: title, exact: true }) });
    expect(await offered(card(course.title).getByRole('list', { name: 'Can be read in' }))).toEqual([
      { name: 'English', lang: 'en', hreflang: 'en', href: `/learn/${course.id}/` },
      { name: 'Español', lang: 'es', hreflang: 'es', href: `/es/learn/${course.id}/` },
      { name: 'Nederlands', lang: 'nl', hreflang: 'nl', href: `/nl/learn/${course.id}/` },
    ]);
    expect(await offered(card(untranslated.title).getByRole('list', { name: 'Can be read in' }))).toEqual([
      { name: 'English', lang: 'en', hreflang: 'en', href: `/learn/${untranslated.id}/` },
    ]);
  });

  it('reads a translated lesson in Spanish, marked lang="es", offering it in English and Dutch too', async () => {
    const translated = spanish.lessons[lesson.id];
    if (!translated) throw new Error('the first lesson has no Spanish translation');
    const response = await page.goto(`${baseUrl}/es/learn/${course.id}/${lesson.id}/`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    const article = page.locator('article');
    expect(await article.getAttribute('lang')).toBe('es');
    await expect(article.locator('h1').textContent()).resolves.toBe(translated.title);
    expect(await article.textContent()).toContain('Fotografía los tiques de papel el mismo día');
    expect(await article.textContent()).not.toContain('Photograph paper receipts');
    expect(await offered(page.getByRole('list', { name: 'Lee esta lección en' }))).toEqual([
      { name: 'English', lang: 'en', hreflang: 'en', href: `/learn/${course.id}/${lesson.id}/` },
      { name: 'Español', lang: 'es', hreflang: null, href: null },
      { name: 'Nederlands', lang: 'nl', hreflang: 'nl', href: `/nl/learn/${course.id}/${lesson.id}/` },
    ]);
  });
});
