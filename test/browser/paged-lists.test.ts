// The site's lists a page at a time, as a visitor without JavaScript walks them: Next to the end and
// Previous back to the start, every item once, never more than a page's worth, by mouse or keyboard.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { commons } from '../support/services.ts';
import { signIn, tokenFor } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** A call to the API as a demo person, which must succeed. */
async function call(token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(300);
  return (await response.json()) as Record<string, unknown>;
}

/**
 * A new record of Carmen's, adopted by Zonnewerk Rotterdam (Bram, its one member, adopts directly), with
 * `count` value reports settled, report n for (n + 1) × 0.02 Bound: Carmen receives 0.(n + 1) Bound each
 * time (a cent each, so the syndicate's credit is never in the way), an amount no other line of hers has.
 */
async function settledRoyalties(count: number): Promise<string> {
  const [carmen, bram] = await Promise.all([tokenFor(baseUrl, 'demo-carmen'), tokenFor(baseUrl, 'demo-bram')]);
  const title = `Paged statement trays ${Date.now()}`;
  const { record } = (await call(carmen, 'POST', '/api/innovations', {
    title,
    problem: 'A problem described at enough length to pass the rules.',
    improvement: 'An improvement described at enough length to pass the rules.',
    practice: 'recording-a-repair-from-intake-to-return',
    effect: { unit: 'minutes', before: 10, after: 5, method: 'Timed ten jobs each way, by hand.' },
    inventors: [{ personId: 'demo-carmen' }],
    license: 'CC-BY-SA-4.0',
  })) as { record: { id: string } };
  const id = record.id;
  await call(carmen, 'POST', `/api/innovations/${id}/publication`);
  await call(bram, 'PUT', `/api/innovations/${id}/adoptions/zonnewerk-rotterdam`, {
    implementers: [{ personId: 'demo-bram' }],
  });
  for (let n = 0; n < count; n++) {
    const day = new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10);
    const { report } = (await call(bram, 'POST', `/api/innovations/${id}/adoptions/zonnewerk-rotterdam/reports`, {
      amount: (n + 1) * 2,
      periodFrom: day,
      periodTo: day,
      method: 'Hours saved times our agreed hourly rate in Bound.',
    })) as { report: { id: string } };
    const decided = await call(carmen, 'PUT', `/api/innovations/${id}/reports/${report.id}/decision`, {
      decision: 'confirm',
    });
    expect((decided.report as { status: string }).status).toBe('settled');
  }
  return title;
}

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

  it('walks a Bound statement with Next to its end and back with Previous, every movement once', async () => {
    const settlements = 41;
    const title = await settledRoyalties(settlements);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, baseUrl, /Carmen Ruiz/, '/ledger/me/');
    const balance = await page.locator('dl.facts dd').first().textContent();
    const forward = await walk(page, 'table.data tbody tr', 'Next →', 'Pages of movements');
    expect(forward.length).toBeGreaterThan(2);
    expect(forward.every((rows) => rows.length <= 20)).toBe(true);
    const mine = forward.flat().filter((row) => row.includes(title));
    expect(mine).toHaveLength(settlements);
    // Oldest first, and each settlement's royalty exactly once.
    const amounts = mine.map((row) => Number(/Royalty received.*?0\.(\d\d) Bound/.exec(row)?.[1]));
    expect(amounts).toEqual(Array.from({ length: settlements }, (_, n) => n + 1));
    expect(page.url()).toMatch(/cursor=/);
    // The balance is the account's, on every page: not a sum of the rows shown.
    await expect(page.locator('dl.facts dd').first().textContent()).resolves.toBe(balance);
    const back = await walk(page, 'table.data tbody tr', '← Previous', 'Pages of movements');
    expect(back).toEqual([...forward].reverse());
    await context.close();
  });
});
