// An admin posts an opening, a member applies, the admin offers them the position (the whole loop,
// to an accepted offer, is hiring-loop.test.ts); the opening page carries valid
// JobPosting data and the board's feed is valid Atom.
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

describe('a syndicate fills a position', () => {
  it('takes an opening from the admin’s form to an offer made to an applicant', async () => {
    const admin = await browser.newContext();
    const adminPage = await admin.newPage();
    await signIn(adminPage, baseUrl, /Bram Jansen/, '/syndicates/riverside-builders/');
    await adminPage.getByRole('link', { name: 'Post an opening' }).click();
    await adminPage.waitForURL(/openings\/new/);

    // An empty form is refused with every problem named, and nothing is created.
    await adminPage.getByRole('button', { name: 'Save as draft' }).click();
    await expect(adminPage.getByRole('alert').textContent()).resolves.toMatch(/title[\s\S]*description/);

    const title = `Timber framer ${Date.now()}`;
    await adminPage.getByLabel('Title').fill(title);
    await adminPage
      .getByLabel(/^Description/)
      .fill('Frame internal walls for a tenant-run retrofit, with a team that shares the work fairly.');
    await adminPage.getByLabel('Skill 1').selectOption('stud-wall-framing');
    await adminPage.getByLabel('Hours per week').fill('30');
    await adminPage.getByLabel('Amount 1').fill('38.50');
    await adminPage.getByRole('button', { name: 'Save as draft' }).click();
    await adminPage.waitForURL(/\/jobs\/[a-z0-9-]+\/$/);
    const openingUrl = adminPage.url();
    await expect(adminPage.locator('.status').first().textContent()).resolves.toBe('Draft');
    expect(await adminPage.locator('script[type="application/ld+json"]').count()).toBe(0);
    await adminPage.getByRole('button', { name: 'Publish' }).click();
    await expect(adminPage.getByRole('status').textContent()).resolves.toContain('published');

    const member = await browser.newContext();
    const memberPage = await member.newPage();
    await signIn(memberPage, baseUrl, /Dev Patel/, new URL(openingUrl).pathname);
    await memberPage
      .getByLabel('A short note to the syndicate')
      .fill('I framed walls for two seasons and can start next week.');
    await memberPage.getByRole('button', { name: 'Apply' }).click();
    await expect(memberPage.getByRole('status').textContent()).resolves.toContain('application is in');
    await memberPage
      .getByRole('button', { name: 'Apply' })
      .count()
      .then((count) => expect(count).toBe(0));

    await adminPage.goto(`${openingUrl}applicants/`);
    await expect(adminPage.locator('h2').first().textContent()).resolves.toContain('Dev Patel');
    await adminPage.screenshot({ path: join(shots, 'applicants.png'), fullPage: true });
    await adminPage.getByRole('button', { name: 'Offer the position to Dev Patel' }).click();
    await expect(adminPage.getByRole('status').textContent()).resolves.toContain('Offered the position');

    await memberPage.goto(openingUrl);
    await expect(memberPage.locator('body').textContent()).resolves.toContain('Offered the position');
    await admin.close();
    await member.close();
  });
});

describe('what search engines and feed readers get', () => {
  it('sends JobPosting JSON-LD with every required field in the HTML, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/jobs/riverside-builders-site-carpenter/`);
    const raw = await page.locator('script[type="application/ld+json"]').textContent();
    const data = JSON.parse(raw ?? '{}');
    for (const field of ['title', 'description', 'datePosted', 'hiringOrganization', 'validThrough']) {
      expect(data[field], field).toBeTruthy();
    }
    expect(data.jobLocation ?? data.applicantLocationRequirements).toBeTruthy();
    expect(data['@type']).toBe('JobPosting');
    await page.screenshot({ path: join(shots, 'opening.png'), fullPage: true });
    await context.close();
  });

  it('says an expired opening has expired, without the markup, and leaves it out of the sitemap', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/jobs/zonnewerk-solar-surveyor/`);
    await expect(page.locator('body').textContent()).resolves.toContain('expired on');
    expect(await page.locator('script[type="application/ld+json"]').count()).toBe(0);
    const map = await (await fetch(`${baseUrl}/sitemap.xml`)).text();
    expect(map).not.toContain('zonnewerk-solar-surveyor');
    expect(map).toContain('riverside-builders-site-carpenter');
    await page.close();
  });

  it('serves the filtered board as a valid Atom feed', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/jobs/?trade=care`);
    const feed = await (await fetch(`${baseUrl}/jobs/feed.xml?trade=care`)).text();
    const parsed = await page.evaluate(
      `(() => { const d = new DOMParser().parseFromString(${JSON.stringify(feed)}, 'application/xml');
        return { error: d.getElementsByTagName('parsererror').length, root: d.documentElement.namespaceURI + ' ' + d.documentElement.localName,
                 entries: d.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'entry').length }; })()`,
    );
    expect(parsed).toMatchObject({ error: 0, root: 'http://www.w3.org/2005/Atom feed' });
    expect((parsed as { entries: number }).entries).toBeGreaterThan(3);
    await page.close();
  });

  it('paginates and filters the board without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/jobs/`);
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/^\d+ open openings\./);
    const first = await page.locator('.cards > li h2 a').allTextContents();
    await page.getByRole('link', { name: 'Next →' }).click();
    await page.waitForURL(/[?&]page=2\b/);
    await expect(page.locator('.page-numbers [aria-current="page"]').textContent()).resolves.toBe('2');
    const second = await page.locator('.cards > li h2 a').allTextContents();
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((title) => first.includes(title))).toEqual([]);
    await page.getByLabel('Remote').selectOption('true');
    await page.getByRole('button', { name: 'Show openings' }).click();
    const cards = await page.locator('.cards > li').count();
    expect(cards).toBeGreaterThan(0);
    await expect(page.locator('.cards').textContent()).resolves.toContain('Remote');
    await context.close();
  });
});
