// The site's lists a page at a time, as a visitor without JavaScript walks them: Next to the end and
// Previous back to the start, every item once, never more than a page's worth, by mouse or keyboard.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { commons } from '../support/services.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Follows one link named `name` until there is none; the items of each page, in order. */
async function walk(page: Page, items: string, name: string, pager: string): Promise<string[][]> {
  const pages: string[][] = [await page.locator(items).allTextContents()];
  for (let step = 0; step < 50; step++) {
    const link = page.getByRole('navigation', { name: pager }).getByRole('link', { name });
    if ((await link.count()) === 0) break;
    await Promise.all([page.waitForNavigation(), link.click()]);
    pages.push(await page.locator(items).allTextContents());
  }
  return pages;
}

describe('lists read a page at a time', () => {
  it('walks the job board with Next to its end and back with Previous, each opening once', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/jobs/`);
    const total = Number((await page.getByRole('status').textContent())?.match(/^(\d+) open openings/)?.[1]);
    const forward = await walk(page, '.cards > li h2 a', 'Next →', 'Pages of openings');
    expect(forward.length).toBeGreaterThan(2);
    expect(forward.every((items) => items.length <= 20)).toBe(true);
    const titles = forward.flat();
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles).toHaveLength(total);
    const back = await walk(page, '.cards > li h2 a', '← Previous', 'Pages of openings');
    expect(back).toEqual([...forward].reverse());
    await context.close();
  });

  it('follows Next with the keyboard alone', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/shortages/`);
    const next = page.getByRole('navigation', { name: 'Pages of skills' }).getByRole('link', { name: 'Next →' });
    await next.focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(page.url()).toMatch(/cursor=/);
    const ranks = await page
      .getByRole('table', { name: 'Skills, scarcest first' })
      .locator('tbody tr td:first-child')
      .allTextContents();
    expect(ranks.map(Number)).toEqual(Array.from({ length: 20 }, (_, i) => 21 + i));
    await page.close();
  });

  it('pages the shortages of one trade through every skill of it, ranked within the trade', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/shortages/?trade=construction`);
    const pages = await walk(page, 'table.data tbody tr th a', 'Next →', 'Pages of skills');
    const construction = [...commons.skills.values()].filter((skill) => skill.trade === 'construction');
    expect(pages.flat().sort()).toEqual(construction.map((skill) => skill.label).sort());
    expect(page.url()).toContain('trade=construction');
    await context.close();
  });

  it('prerenders the skills taxonomy in page paths that link each other', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/learn/skills/`);
    const pages = await walk(page, 'main section li a', 'Next →', 'Pages of skills');
    expect(pages.flat()).toHaveLength(commons.skills.size);
    expect(page.url()).toMatch(/\/learn\/skills\/page\/\d+\/$/);
    await page.close();
  });
});
