// The job board on a phone: sorting by closing date and by best match (which asks a visitor to sign in
// first), saving a search, reading its private feed without a session, renewing the feed's address
// (the old one stops) and deleting the search, each irreversible step confirmed first; setting a goal
// and seeing the board rank by it, in words. Dev Patel writes only his own saved searches here, which
// no other browser test reads, and his goal, which he clears again.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
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

const phone = { viewport: { width: 360, height: 740 } };
/** Nothing wider than the screen: the widest element, if one is, by its tag, class and width. */
const overflow = (page: Page) =>
  page.evaluate(`(() => {
    const width = document.documentElement.clientWidth;
    const cardRight = (e) => { const card = e.closest('.card'); return card ? card.getBoundingClientRect().right : width; };
    const wide = [...document.querySelectorAll('body *')].find((e) => e.getBoundingClientRect().right > Math.min(width, cardRight(e)) + 1);
    return wide ? wide.tagName + '.' + wide.className + ' ' + (wide.textContent || '').slice(0, 40) + ' ' + Math.round(wide.getBoundingClientRect().right) + '/' + width : '';
  })()`);

async function atomEntries(page: Page, url: string): Promise<{ status: number; entries: number; error: number }> {
  const response = await fetch(url);
  if (response.status !== 200) return { status: response.status, entries: 0, error: 0 };
  const feed = await response.text();
  const parsed = (await page.evaluate(
    `(() => { const d = new DOMParser().parseFromString(${JSON.stringify(feed)}, 'application/xml');
      return { error: d.getElementsByTagName('parsererror').length,
               entries: d.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'entry').length }; })()`,
  )) as { entries: number; error: number };
  return { status: 200, ...parsed };
}

describe('sorting the job board and saving a search', () => {
  it('sorts by closing date on a phone, and says best match needs a sign-in', async () => {
    const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/jobs/`);
    await expect(page.locator('.cards > li').first().textContent()).resolves.toMatch(
      /Posted \d{1,2} [A-Z][a-z]+ \d{4}/,
    );
    await page.locator('select[name="sort"]').selectOption('closing');
    await page.getByRole('button', { name: 'Show openings' }).click();
    await page.waitForURL(/sort=closing/);
    const closes = await page
      .locator('.cards > li time')
      .evaluateAll((times) => times.filter((_, i) => i % 2 === 1).map((t) => t.getAttribute('datetime') ?? ''));
    expect(closes.length).toBeGreaterThan(1);
    expect(closes).toEqual([...closes].sort());
    expect(await overflow(page)).toBe('');

    await page.locator('select[name="sort"]').selectOption('match');
    await page.getByRole('button', { name: 'Show openings' }).click();
    await expect(page.locator('.notice').textContent()).resolves.toContain('sign in');
    await expect(page.getByRole('link', { name: 'Sign in to save this search' }).count()).resolves.toBe(1);
    await context.close();
  });

  it('ranks the board for a signed-in person, saves the search, and serves its feed to anyone with the address', async () => {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    await signIn(page, baseUrl, /Dev Patel/, '/jobs/?sort=match');
    await expect(page.getByRole('status').first().textContent()).resolves.toMatch(
      /ask for a skill you hold or aim for/,
    );
    await expect(page.locator('.cards .match').first().textContent()).resolves.toMatch(/^You hold \d+ of \d+ skills?/);
    await page.screenshot({ path: join(shots, 'jobs-best-match-360.png'), fullPage: true });
    expect(await overflow(page)).toBe('');

    await page.getByText('Save this search').first().click();
    const name = `My matches ${Date.now()}`;
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Alerts').selectOption('daily');
    await page.getByRole('button', { name: 'Save this search' }).click();
    await page.waitForURL(/\/me\/saved-searches\/\?done=save/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('saved');
    const card = page.locator('.cards > li', { hasText: name });
    const feedUrl = await card.getByLabel('Feed address (private)').inputValue();
    await page.screenshot({ path: join(shots, 'saved-searches-360.png'), fullPage: true });
    expect(feedUrl).toMatch(/\/jobs\/saved\/[A-Za-z0-9_-]{43}\/feed\.xml$/);
    expect(await overflow(page)).toBe('');

    // No session: the address is the key.
    const feed = await atomEntries(page, feedUrl.replace(/^https?:\/\/[^/]+/, baseUrl));
    expect(feed).toMatchObject({ status: 200, error: 0 });
    expect(feed.entries).toBeGreaterThan(0);

    // A new address, confirmed first: the old one stops answering.
    await card.getByRole('link', { name: `New feed address for ${name}` }).click();
    await expect(page.getByRole('heading', { level: 2 }).first().textContent()).resolves.toContain('new feed address');
    await page.getByRole('button', { name: 'Yes, give it a new address' }).click();
    await page.waitForURL(/done=renew/);
    const renewed = await page
      .locator('.cards > li', { hasText: name })
      .getByLabel('Feed address (private)')
      .inputValue();
    expect(renewed).not.toBe(feedUrl);
    expect((await atomEntries(page, feedUrl.replace(/^https?:\/\/[^/]+/, baseUrl))).status).toBe(404);
    expect((await atomEntries(page, renewed.replace(/^https?:\/\/[^/]+/, baseUrl))).status).toBe(200);

    // On an opening: which of its skills Dev holds, and the course for one he lacks.
    await page.goto(`${baseUrl}/jobs/commons-code-junior-developer/`);
    await expect(page.locator('#your-skills').textContent()).resolves.toMatch(
      /^You hold 3 of 4: .+; (the course .+ teaches|no course here teaches) .+\.$/,
    );
    await page.screenshot({ path: join(shots, 'opening-skills-held-360.png') });
    await page.goto(`${baseUrl}/me/saved-searches/`);

    // Deleting, confirmed first, names what stops working.
    await page
      .locator('.cards > li', { hasText: name })
      .getByRole('link', { name: `Delete ${name}` })
      .click();
    await expect(page.locator('#confirm-heading + p').textContent()).resolves.toContain('feed address stops working');
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await page.waitForURL(/done=delete/);
    await expect(page.locator('.cards > li', { hasText: name }).count()).resolves.toBe(0);
    expect((await atomEntries(page, renewed.replace(/^https?:\/\/[^/]+/, baseUrl))).status).toBe(404);
    await context.close();
  });

  it('ranks by the goal a person sets on their profile, and says so in words', async () => {
    const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, baseUrl, /Dev Patel/, '/me/profile/goal/');
    await page.getByLabel(/^Trade/).selectOption('software');
    await page.getByRole('button', { name: 'Save my goal' }).click();
    await page.waitForURL(/done=saved/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('You aim to work in software');
    await page.screenshot({ path: join(shots, 'goal-360.png'), fullPage: true });
    expect(await overflow(page)).toBe('');
    await page.goto(`${baseUrl}/jobs/?sort=match`);
    await expect(page.locator('.notice').first().textContent()).resolves.toContain(
      'because you aim to work in software',
    );
    await expect(page.locator('.cards .match').first().textContent()).resolves.toContain(
      'because you aim to work in software',
    );
    // Leave Dev as he was: without a goal.
    await page.goto(`${baseUrl}/me/profile/goal/`);
    await page.getByRole('button', { name: 'Clear my goal' }).click();
    await page.waitForURL(/done=cleared/);
    await context.close();
  });
});
