// Skill shortages as people meet them: the public shortages page with its chart and tables, the open
// data behind it, a learner's recommendations leading their dashboard, the shortage on a course page,
// and an admin's view of who could fill an opening. Each page gets an accessibility sweep.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { commons } from '../support/services.ts';
import { signIn } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
const shots = join(import.meta.dirname, '../../.tmp/screenshots');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/**
 * The checks an axe run would make that matter on these pages (axe itself is not installed): every
 * chart has an accessible name and a description, every table a caption and header cells, headings do
 * not skip a level, every link has text, and nothing scrolls sideways on a phone.
 */
async function accessibilitySweep(page: Page) {
  const problems = await page.evaluate(`(() => {
    const problems = [];
    const text = (id) => (document.getElementById(id)?.textContent ?? '').trim();
    for (const svg of document.querySelectorAll('svg[role="img"]')) {
      const ids = (svg.getAttribute('aria-labelledby') ?? '').split(' ').filter(Boolean);
      if (ids.length < 2 || ids.some((id) => !text(id))) problems.push('a chart without a name and a description');
    }
    for (const svg of document.querySelectorAll('svg:not([role="img"])')) {
      if (svg.getAttribute('aria-hidden') !== 'true') problems.push('a decorative svg not hidden from screen readers');
    }
    for (const table of document.querySelectorAll('table')) {
      if (!table.querySelector('caption')?.textContent?.trim()) problems.push('a table without a caption');
      if (table.querySelectorAll('th[scope]').length === 0) problems.push('a table without header cells');
    }
    let level = 0;
    for (const heading of document.querySelectorAll('main h1, main h2, main h3, main h4')) {
      const next = Number(heading.tagName.slice(1));
      if (next > level + 1) problems.push('a heading skips from h' + level + ' to h' + next + ': ' + heading.textContent);
      level = next;
    }
    for (const link of document.querySelectorAll('a')) {
      if (!(link.textContent ?? '').trim() && !link.getAttribute('aria-label')) problems.push('a link without text');
    }
    if (document.querySelectorAll('main h1').length !== 1) problems.push('not exactly one h1');
    return problems;
  })()`);
  expect(problems).toEqual([]);
}

describe('the shortages page', () => {
  it('ranks trades and skills with a chart and the same figures in tables, readable without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shortages' }).click();
    await page.waitForURL(`${baseUrl}/shortages/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Skill shortages');
    await expect(page.getByRole('img', { name: /Shortage score by trade/ }).count()).resolves.toBe(1);
    await expect(
      page.getByRole('table', { name: 'Shortage score by trade' }).locator('tbody tr').count(),
    ).resolves.toBe(commons.trades.length);
    // The demo board asks for construction skills, so they lead the first page of skills (the top 20);
    // the table links each skill to courses that teach it.
    const skills = page.getByRole('table', { name: 'Skills, scarcest first' });
    await expect(skills.locator('tbody tr').count()).resolves.toBe(20);
    const timber = commons.courses.get('timber-stud-partition-walls')?.title ?? '';
    await expect(skills.getByRole('link', { name: timber }).count()).resolves.toBeGreaterThan(0);
    await accessibilitySweep(page);
    await page.screenshot({ path: join(shots, 'shortages.png'), fullPage: true });
    await page.screenshot({ path: join(shots, 'shortages-top.png'), clip: { x: 0, y: 0, width: 1280, height: 1600 } });
    await context.close();
  });

  it('narrows to one trade and offers that trade’s figures as CSV', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/shortages/`);
    await page.getByRole('navigation', { name: 'Trades' }).getByRole('link', { name: 'Care' }).click();
    await page.waitForURL(/trade=care/);
    await expect(page.locator('h2').first().textContent()).resolves.toMatch(
      new RegExp(`^Care: rank \\d+ of ${commons.trades.length}$`),
    );
    const csvUrl = await page.getByRole('link', { name: 'CSV' }).getAttribute('href');
    const csv = await (await fetch(`${baseUrl}${csvUrl}`)).text();
    const [header, ...rows] = csv.trim().split('\r\n');
    expect(header).toMatch(/^rank,skill,label,trade,/);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((row) => row.split(',')[3] === 'care')).toBe(true);
    await page.close();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/shortages/`);
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBe(0);
    await page.screenshot({ path: join(shots, 'shortages-phone.png') });
    await context.close();
  });
});

describe('shortages where people learn and hire', () => {
  it('leads a learner’s dashboard with courses ranked for them, each with its reason', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, baseUrl, /Ada Okafor/, '/me/');
    await expect(page.locator('main h2').first().textContent()).resolves.toBe('Recommended for you');
    const first = page.locator('.recommended .card').first();
    await expect(first.locator('h3').textContent()).resolves.toBeTruthy();
    await expect(first.locator('p').first().textContent()).resolves.toMatch(
      /(open positions? in \d+ syndicates? asks? for|no open position asks).*; (you hold \d+ of its \d+ prerequisites?|it needs no earlier skills)/i,
    );
    await expect(page.getByRole('heading', { name: 'Openings you qualify for now' }).count()).resolves.toBe(1);
    await accessibilitySweep(page);
    await page.screenshot({ path: join(shots, 'recommendations.png'), fullPage: true });
    await context.close();
  });

  it('shows on a course page how short the skills it teaches are', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/learn/timber-stud-partition-walls/`);
    // The demand is a server island: it arrives after the prerendered page.
    await page
      .getByText(/shortage rank \d+ of \d+/)
      .first()
      .waitFor();
    await expect(
      page.getByRole('link', { name: /Every construction skill, ranked by shortage/ }).count(),
    ).resolves.toBe(1);
    await page.close();
  });

  it('tells a syndicate admin, on an opening, how many members qualify and how many are learning its skills', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, baseUrl, /Bram Jansen/, '/jobs/riverside-builders-site-carpenter/');
    const readiness = page.locator('.readiness');
    await expect(readiness.locator('h3').textContent()).resolves.toBe('Who could fill it');
    await expect(readiness.locator('p').first().textContent()).resolves.toMatch(
      /\d+ members? of the commons (is|are) available and holds? every skill it asks for \(\d+ in Riverside Builders\); \d+ learners? (is|are) part-way/,
    );
    await expect(readiness.locator('.freshness').textContent()).resolves.toMatch(
      /^Counted (less than a minute|\d+ minutes?) ago \(at \d\d:\d\d UTC\); counted again when older than 5 minutes\.$/,
    );
    await accessibilitySweep(page);
    await context.close();

    const visitor = await browser.newPage();
    await visitor.goto(`${baseUrl}/jobs/riverside-builders-site-carpenter/`);
    await expect(visitor.locator('.readiness').count()).resolves.toBe(0);
    await visitor.close();
  });
});
