// Grace proposes a sense check to the commons on a phone, with no JavaScript: the form asks her to
// confirm that an open proposal cannot be withdrawn, then opens it; she votes yes with a reason, changes
// her vote to no, and the tally moves one count. The decisions pages pass an axe sweep. (No other
// browser test proposes or votes; Grace's only other writes are credential-sharing's quiz, by the API.)
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { signIn } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
const shots = join(import.meta.dirname, '../../.tmp/screenshots');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;
let proposalPath = '';
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('deciding together', () => {
  it('lets Grace open a proposal to the commons and vote on it on a phone without JavaScript, changing her vote once', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 780 } });
    const grace = await context.newPage();
    await signIn(grace, baseUrl, /Grace Mensah/, '/decisions/new/?kind=sense-check&scope=commons');
    const title = `Open the hall on Sundays ${Date.now()}`;

    // Without the confirmation, nothing opens: the box says why, and the title typed stays.
    await grace.getByLabel(/^Title/).fill(title);
    await grace.getByRole('button', { name: 'Propose' }).click();
    await expect(grace.getByRole('alert').textContent()).resolves.toMatch(/Tick this to open it now/);
    await expect(grace.getByLabel(/^Title/).inputValue()).resolves.toBe(title);

    await grace.getByLabel(/I understand that once open it cannot be withdrawn/).check();
    await grace.getByRole('button', { name: 'Propose' }).click();
    await grace.waitForURL(/\/decisions\/[a-z0-9-]+\/$/);
    proposalPath = new URL(grace.url()).pathname;
    await expect(grace.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(title);
    await expect(grace.locator('.lede').textContent()).resolves.toMatch(/Open for votes until/);

    await grace.getByRole('radio', { name: 'Yes' }).check();
    await grace.getByLabel(/^Why \(optional\)/).fill('Families need the space.');
    await grace.getByRole('button', { name: 'Vote' }).click();
    await expect(grace.getByRole('status').textContent()).resolves.toMatch(/Your vote is counted: yes/);
    await expect(grace.locator('.tally').textContent()).resolves.toMatch(/Yes\s*1\s*No\s*0\s*Abstain\s*0/);
    await expect(grace.getByLabel(/^Why \(optional\)/).inputValue()).resolves.toBe('Families need the space.');

    await grace.getByRole('radio', { name: 'No' }).check();
    await grace.getByRole('button', { name: 'Change my vote' }).click();
    await expect(grace.getByRole('status').textContent()).resolves.toMatch(/Your vote is counted: no/);
    await expect(grace.locator('.tally').textContent()).resolves.toMatch(/Yes\s*0\s*No\s*1\s*Abstain\s*0/);
    await expect(grace.getByRole('listitem').filter({ hasText: 'Grace Mensah' }).textContent()).resolves.toBe(
      'Grace Mensah: no — Families need the space.',
    );
    await grace.screenshot({ path: join(shots, 'proposal-voted.png'), fullPage: true });
    // Nothing is wider than the phone's screen.
    await expect(grace.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(360);

    await grace.goto(`${baseUrl}/decisions/`);
    await expect(grace.getByRole('link', { name: title }).count()).resolves.toBe(1);
    // A feed reader follows the commons' decisions: the new proposal is its newest entry.
    await grace.getByRole('link', { name: 'Follow them in a feed reader' }).click();
    const feed = await (await fetch(`${baseUrl}/decisions/feed.xml?scope=commons`)).text();
    expect(feed).toContain(`<title>Open for votes: ${title}</title>`);
    expect((await fetch(`${baseUrl}/decisions/feed.xml?scope=nowhere`)).status).toBe(404);
    await context.close();
  });

  it('has no axe violations on the decisions pages', async () => {
    const context = await browser.newContext();
    await context.addInitScript({ content: axeSource });
    const page = await context.newPage();
    await signIn(page, baseUrl, /Grace Mensah/, '/decisions/');
    for (const path of [
      '/decisions/',
      '/decisions/?status=closed',
      '/decisions/new/?kind=rate-card&scope=syndicate:riverside-builders',
      '/decisions/new/?kind=credit-limit',
      '/decisions/new/?kind=membership',
      '/decisions/new/?kind=resolve-disputed-report&scope=syndicate:zonnewerk-rotterdam&report=a-report',
      proposalPath || '/decisions/',
    ]) {
      await page.goto(`${baseUrl}${path}`);
      const result = (await page.evaluate(
        `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`,
      )) as { violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> };
      expect(
        result.violations.map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
        path,
      ).toEqual([]);
    }
    await context.close();
  });
});
