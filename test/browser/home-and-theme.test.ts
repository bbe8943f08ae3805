// The home page as a visitor finds it (a search box, openings in short-supply skills near them, new
// courses, the latest innovations, the commons' figures) and the colour theme: the system's setting with
// or without JavaScript, and a switch, worked with the keyboard, that keeps the choice from page to page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newestCourses } from '#domain/home/home-page.ts';
import { demoPeople } from '#local/demo-data/people.ts';
import { launchBrowser } from '../support/browser.ts';
import { commons } from '../support/services.ts';
import { signIn } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The remaining positions of every opening on the job board, page by page through the API. */
async function boardPositions(): Promise<number> {
  let total = 0;
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const answer = (await (
      await fetch(`${baseUrl}/api/openings?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
    ).json()) as { items: Array<{ positions: number; filled: number }>; next?: string };
    total += answer.items.reduce((sum, opening) => sum + opening.positions - opening.filled, 0);
    cursor = answer.next;
    if (!cursor) return total;
  }
  throw new Error('the board did not end within 100 pages');
}

const figure = async (page: Page, name: string) => {
  const text = await page.locator('.home-figures div').filter({ hasText: name }).locator('dd').textContent();
  return Number((text ?? '').replace(/,/g, ''));
};

describe('the home page', () => {
  it('searches from a labelled box with a plain form, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    const box = page.getByRole('search', { name: 'Search Guildhall' }).getByLabel('Search courses, openings');
    await box.fill('solar');
    await Promise.all([page.waitForURL(`${baseUrl}/search/?q=solar`), box.press('Enter')]);
    await expect(page.locator('.search-results > li').count()).resolves.toBeGreaterThan(0);
    await context.close();
  });

  it('shows the commons’ figures: its members, the board’s open positions, the credentials issued', async () => {
    const page = await browser.newPage();
    // Rendered for each request. Before a language is chosen, `/` answers by the browser's language, so
    // no shared cache keeps it (site/src/middleware.ts); once chosen (the switcher's `?lang=`, then its
    // cookie keys CloudFront's cache), signed out, shared caches may keep it a minute.
    const first = await page.goto(`${baseUrl}/`);
    expect(first?.headers()['cache-control']).toBe('private, no-store');
    await page.goto(`${baseUrl}/?lang=en`);
    const response = await page.goto(`${baseUrl}/`);
    expect(response?.headers()['cache-control']).toBe('public, max-age=60');
    expect(await figure(page, 'Members')).toBeGreaterThanOrEqual(demoPeople.length);
    expect(await figure(page, 'Open positions')).toBe(await boardPositions());
    expect(Number.isInteger(await figure(page, 'Credentials issued'))).toBe(true);
    await page.close();
  });

  it('shows a visitor openings in the scarcest skills, and a signed-in person those near their place', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    const anywhere = page.getByRole('region', { name: 'Openings in skills in short supply' });
    const shown = await anywhere.locator('.cards > li').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(4);
    await expect(anywhere.getByRole('link', { name: 'Sign in' }).count()).resolves.toBe(1);

    // Bram's profile says Rotterdam; the demo board has openings there.
    await signIn(page, baseUrl, /Bram Jansen/, '/');
    expect((await page.goto(`${baseUrl}/`))?.headers()['cache-control']).toBe('private, no-store');
    const near = page.getByRole('region', { name: 'Openings near Rotterdam in skills in short supply' });
    const cards = near.locator('.cards > li');
    expect(await cards.count()).toBeGreaterThan(0);
    for (const card of await cards.allTextContents()) expect(card).toContain('Rotterdam');
    await context.close();
  });

  it('lists the newest courses with the day each was added, and the latest innovations', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/`);
    const courses = page.getByRole('region', { name: 'New courses' });
    for (const course of newestCourses(commons.courses.values())) {
      await expect(courses.getByRole('link', { name: course.title }).count()).resolves.toBe(1);
    }
    await expect(courses.locator('time').count()).resolves.toBeGreaterThan(0);
    const innovations = page.getByRole('region', { name: 'The latest innovations' });
    await expect(innovations.locator('.cards > li').count()).resolves.toBeGreaterThan(0);
    await page.close();
  });
});

const lesson = '/learn/solar-pv-fundamentals-and-site-survey/01-volts-amps-watts-and-kilowatt-hours/';
const background = (page: Page) => page.evaluate('getComputedStyle(document.documentElement).backgroundColor');
/** The page's background in each theme (--paper in site/src/styles/global.css). */
const paper = { light: 'rgb(250, 248, 243)', dark: 'rgb(21, 23, 27)' };

describe('the colour theme', () => {
  it('follows the system’s dark or light setting on every kind of page, with or without JavaScript', async () => {
    for (const javaScriptEnabled of [true, false]) {
      for (const colorScheme of ['dark', 'light'] as const) {
        const context = await browser.newContext({ javaScriptEnabled, colorScheme });
        const page = await context.newPage();
        // The local gateway's own pages (sign-in, caught mail) too: they are not built with the site.
        for (const path of ['/auth/sign-in', '/dev/mail/', '/', lesson, '/jobs/']) {
          await page.goto(`${baseUrl}${path}`);
          expect(await background(page), `${path}, ${colorScheme}, JavaScript ${javaScriptEnabled}`).toBe(
            paper[colorScheme],
          );
        }
        // Without JavaScript the switch could not work: it is not shown.
        expect(await page.getByLabel('Theme').isVisible()).toBe(javaScriptEnabled);
        await context.close();
      }
    }
  });

  it('keeps a theme chosen with the keyboard across pages and visits, until the device’s setting is chosen again', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    // Tab to the switch, as a keyboard user would.
    for (let presses = 0; presses < 300; presses++) {
      if (await page.evaluate(`document.activeElement?.id === 'theme-choice'`)) break;
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate('document.activeElement?.id')).toBe('theme-choice');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByLabel('Theme').inputValue()).resolves.toBe('dark');
    expect(await background(page)).toBe(paper.dark);

    // Another page (prerendered), and the same page again later: still dark, from the first paint.
    for (const path of [lesson, '/']) {
      await page.goto(`${baseUrl}${path}`, { waitUntil: 'commit' });
      // Set by the script in <head>, before the body is parsed, so before anything is painted.
      await page.waitForSelector('body', { state: 'attached' });
      expect(await page.evaluate('document.documentElement.dataset.theme'), path).toBe('dark');
      await page.waitForLoadState('load');
      expect(await background(page), path).toBe(paper.dark);
      await expect(page.getByLabel('Theme').inputValue()).resolves.toBe('dark');
    }

    await page.getByLabel('Theme').focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(page.getByLabel('Theme').inputValue()).resolves.toBe('system');
    expect(await background(page)).toBe(paper.light);
    await page.reload();
    expect(await background(page)).toBe(paper.light);
    expect(await page.evaluate(`localStorage.getItem('guildhall-theme')`)).toBeNull();
    await context.close();
  });
});
