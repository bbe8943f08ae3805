// Search as a person uses it: a plain form without JavaScript, results as you type with it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { commons } from '../support/services.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('the search page', () => {
  it('works as a plain form without JavaScript, forgiving a typo and highlighting what matched', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/search/`);
    await page.getByLabel(/Search courses/).fill('solar instaler');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/q=solar/);
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/\d+ results? for “solar instaler”/);
    await expect(page.locator('.search-results mark').first().textContent()).resolves.toMatch(/solar|installer/i);
    await page.getByRole('link', { name: /^Openings \(\d+\)/ }).click();
    await page.waitForURL(/type=opening/);
    const kinds = await page.locator('.search-results .meta').allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.every((kind) => kind.startsWith('Openings'))).toBe(true);
    await context.close();
  });

  it('updates the results as you type', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/search/`);
    await page.getByLabel(/Search courses/).pressSequentially('bookkeep', { delay: 20 });
    // Results for each prefix typed ("bookk", …) may show on the way; they must settle on the whole word.
    // A locator, not waitForFunction: that evaluates its predicate with eval, which the page's CSP refuses.
    await page
      .locator('#results mark')
      .first()
      .filter({ hasText: /bookkeep/i })
      .waitFor({ timeout: 10_000 });
    await expect(page.locator('#results mark').first().textContent()).resolves.toMatch(/bookkeep/i);
    expect(page.url()).toContain('q=bookkeep');
    await page.close();
  });

  it('finds openings on the job board by words, forgiving a typo, within the filters', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/jobs/`);
    await page.getByLabel('Words').fill('heat pmup');
    await page.getByLabel('Trade').selectOption('renewable-energy');
    await page.getByRole('button', { name: 'Show openings' }).click();
    await page.waitForURL(/q=heat/);
    const titles = await page.locator('.cards h2').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.join(' ').toLowerCase()).toMatch(/heat pump/);
    await context.close();
  });

  it('finds courses in the catalog by words', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/learn/?q=bookkeping`);
    const titles = await page.locator('.cards h2').allTextContents();
    // Every course named for bookkeeping is found, and nothing from another trade is.
    const named = [...commons.courses.values()].filter((c) => /bookkeeping/i.test(c.title)).map((c) => c.title);
    const bookkeeping = new Set(
      [...commons.courses.values()].filter((c) => c.trade === 'bookkeeping').map((c) => c.title),
    );
    expect(named.length).toBeGreaterThan(0);
    expect(titles).toEqual(expect.arrayContaining(named));
    expect(titles.filter((title) => !bookkeeping.has(title))).toEqual([]);
    await context.close();
  });
});
