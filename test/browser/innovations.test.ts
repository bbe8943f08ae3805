// An inventor publishes a record, a syndicate adopts it and reports value, the inventor confirms, and
// both see the settled amounts. Every step is a plain HTML form: the browsers run without JavaScript.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { lastPage, launchBrowser } from '../support/browser.ts';
import { signIn, tokenFor } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
const shots = join(import.meta.dirname, '../../.tmp/screenshots');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Every visible form control has an accessible name, and the page has exactly one h1. */
async function expectAccessibleForms(page: Page) {
  const unnamed = await page.evaluate(`[...document.querySelectorAll('input, select, textarea, button')]
    .filter((el) => el.type !== 'hidden')
    .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby') && !(el.tagName === 'BUTTON' && el.textContent.trim()))
    .map((el) => el.outerHTML.slice(0, 80))`);
  expect(unnamed, page.url()).toEqual([]);
  expect(await page.locator('h1').count(), page.url()).toBe(1);
}

const statusText = (page: Page) => page.getByRole('status').first().textContent();

describe('an improvement from draft to settled royalty', () => {
  it('publishes, adopts, reports, confirms and shows both sides the settled amounts', async () => {
    const carmen = await browser.newContext({ javaScriptEnabled: false });
    const inventor = await carmen.newPage();
    await signIn(inventor, baseUrl, /Carmen Ruiz/, '/innovations/new/');
    await expectAccessibleForms(inventor);

    // An empty form is refused with the problems named, and nothing is created.
    await inventor.getByLabel('Inventors').fill('');
    await inventor.getByRole('button', { name: 'Save as draft' }).click();
    await expect(inventor.getByRole('alert').textContent()).resolves.toMatch(/title[\s\S]*problem[\s\S]*inventors/i);

    const title = `Colour-coded parts trays ${Date.now()}`;
    await inventor.getByLabel('Title').fill(title);
    await inventor
      .getByLabel(/^The problem/)
      .fill('Small screws from different jobs got mixed up on the shared bench every week.');
    await inventor
      .getByLabel(/^The improvement/)
      .fill('One tray per job, in the colour of the job tag, and a lid that clips shut.');
    await inventor.getByLabel('Practice guide').selectOption('recording-a-repair-from-intake-to-return');
    await inventor.getByLabel('Unit of measure').fill('mixed-up parts per month');
    await inventor.getByLabel('Measured before').fill('9');
    await inventor.getByLabel('Measured after').fill('1');
    await inventor.getByLabel('How it was measured').fill('Counted by the bench lead for two months each way.');
    await inventor.getByLabel('Inventors').fill('demo-carmen');
    await inventor.getByRole('button', { name: 'Save as draft' }).click();
    await inventor.waitForURL(/\/innovations\/[a-z0-9-]+\/$/);
    const recordUrl = inventor.url();
    await expect(inventor.locator('.status').first().textContent()).resolves.toBe('Draft');
    expect((await fetch(recordUrl)).status).toBe(404);
    await inventor.getByRole('button', { name: 'Publish…' }).click();
    // Publishing cannot be undone: the page says so, and what it means, before the button that does it.
    await expect(inventor.locator('#publish-confirm').textContent()).resolves.toMatch(
      /cannot be undone[\s\S]*registry log/,
    );
    expect((await fetch(recordUrl)).status).toBe(404);
    await inventor.getByRole('button', { name: 'Yes, publish version 1' }).click();
    await expect(statusText(inventor)).resolves.toMatch(/Published as version 1/);
    expect((await fetch(recordUrl)).status).toBe(200);

    const bram = await browser.newContext({ javaScriptEnabled: false });
    const admin = await bram.newPage();
    // Zonnewerk, where Bram is the only member, adopts directly; a syndicate of several (Riverside) adopts
    // by a vote of its members (test/integration/decisions-adoption.test.ts).
    await signIn(admin, baseUrl, /Bram Jansen/, `${new URL(recordUrl).pathname}adopt/`);
    await expectAccessibleForms(admin);
    await admin.getByRole('button', { name: 'Adopt for Zonnewerk Rotterdam' }).click();
    await expect(statusText(admin)).resolves.toContain('adoption is recorded');
    await admin.getByRole('link', { name: 'Report value for Zonnewerk Rotterdam' }).click();
    await expectAccessibleForms(admin);
    await admin.getByLabel(/^Value realised/).fill('100.00');
    await admin.getByLabel('How it was measured').fill('Parts lost and re-ordered, at what they cost us in Bound.');
    await admin.getByRole('button', { name: 'Report the value' }).click();
    await expect(statusText(admin)).resolves.toContain('value report is recorded');
    await expect(admin.locator('#reports').locator('..').textContent()).resolves.toBeTruthy();

    await inventor.goto(recordUrl);
    await expectAccessibleForms(inventor);
    await inventor.getByRole('button', { name: 'Confirm 100.00 Bound…' }).click();
    await expect(inventor.locator('[id^="confirm-"]').textContent()).resolves.toMatch(/cannot be taken back/);
    await inventor.getByRole('button', { name: 'Yes, confirm 100.00 Bound' }).click();
    await expect(statusText(inventor)).resolves.toBe('Confirmed and settled: 50.00 Bound went to the inventors.');
    await expect(inventor.locator('main').textContent()).resolves.toContain('Carmen Ruiz received 50.00 Bound');
    await inventor.screenshot({ path: join(shots, 'innovation-settled.png'), fullPage: true });
    await inventor.goto(`${baseUrl}/ledger/me/`);
    await lastPage(inventor);
    await expect(inventor.locator('main').textContent()).resolves.toMatch(new RegExp(`${title}[\\s\\S]*50\\.00 Bound`));

    await admin.goto(`${baseUrl}/ledger/syndicates/zonnewerk-rotterdam/`);
    await lastPage(admin);
    const statement = await admin.locator('main').textContent();
    expect(statement).toContain(title);
    expect(statement).toContain('−50.00 Bound');
    // The CSV link of a page downloads from that page's first movement on.
    const csvHref = await admin.getByRole('link', { name: 'Download as CSV' }).getAttribute('href');
    expect(csvHref).toMatch(/^\/ledger\/syndicates\/zonnewerk-rotterdam\.csv/);
    const csv = await (await fetch(`${baseUrl}${csvHref}`)).text();
    expect(csv).toContain(',royalty-paid,');
    expect(csv).toContain(',-5000,-50.00,');
    // A cursor the statement never gave out is refused, saying which parameter, not answered with a 500.
    const forged = await fetch(`${baseUrl}/ledger/syndicates/zonnewerk-rotterdam.csv?cursor=v1.eyJwayI6IngifQ`);
    expect(forged.status).toBe(400);
    await expect(forged.text()).resolves.toContain('query.cursor');
    await admin.screenshot({ path: join(shots, 'syndicate-statement.png'), fullPage: true });
    await carmen.close();
    await bram.close();
  });
});

describe('co-inventors are asked before anything is published', () => {
  it('lets a named co-inventor accept from their profile, and only then shows the author a Publish button', async () => {
    const carmen = await browser.newContext({ javaScriptEnabled: false });
    const author = await carmen.newPage();
    await signIn(author, baseUrl, /Carmen Ruiz/, '/innovations/new/');
    const title = `Two-bin spares cupboard ${Date.now()}`;
    await author.getByLabel('Title').fill(title);
    await author.getByLabel(/^The problem/).fill('Spare fuses ran out without anyone noticing until a repair stalled.');
    await author
      .getByLabel(/^The improvement/)
      .fill('Two bins per spare part: when the front bin is empty, the back one moves forward and is reordered.');
    await author.getByLabel('Practice guide').selectOption('recording-a-repair-from-intake-to-return');
    await author.getByLabel('Unit of measure').fill('stalled repairs per month');
    await author.getByLabel('Measured before').fill('6');
    await author.getByLabel('Measured after').fill('1');
    await author.getByLabel('How it was measured').fill('Counted on the job records for three months each way.');
    await author.getByLabel('Inventors').fill('demo-carmen 60%\ndemo-dev 40%');
    await author.getByRole('button', { name: 'Save as draft' }).click();
    await author.waitForURL(/\/innovations\/[a-z0-9-]+\/$/);
    const recordUrl = author.url();
    await expect(author.locator('#consent-missing').textContent()).resolves.toBe(
      'Still to accept these inventors and shares: Dev Patel.',
    );
    expect(await author.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    await author.screenshot({ path: join(shots, 'innovation-awaiting-consent.png'), fullPage: true });

    const devContext = await browser.newContext({ javaScriptEnabled: false });
    const dev = await devContext.newPage();
    await signIn(dev, baseUrl, /Dev Patel/, '/me/');
    await expectAccessibleForms(dev);
    await expect(dev.locator('#invitations + ul').textContent()).resolves.toContain(
      `${title}: you are named a co-inventor, with 40%`,
    );
    await dev.screenshot({ path: join(shots, 'innovation-invitation.png'), fullPage: true });
    await dev.getByRole('button', { name: `Accept: ${title}` }).click();
    await expect(statusText(dev)).resolves.toBe('You accepted the inventors and shares of this draft.');
    await expect(dev.locator('main').textContent()).resolves.toContain(
      'Everyone has accepted these inventors and shares.',
    );

    await author.goto(recordUrl);
    await expectAccessibleForms(author);
    await author.getByRole('button', { name: 'Publish…' }).click();
    await author.getByRole('button', { name: 'Yes, publish version 1' }).click();
    await expect(statusText(author)).resolves.toMatch(/Published as version 1/);
    await carmen.close();
    await devContext.close();
  });

  it('takes a co-inventor who declines off the draft and out of their list', async () => {
    const token = await tokenFor(baseUrl, 'demo-carmen');
    const created = await fetch(`${baseUrl}/api/innovations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: `Declined idea ${Date.now()}`,
        problem: 'A problem described at enough length to pass the rules.',
        improvement: 'An improvement described at enough length to pass the rules.',
        practice: 'recording-a-repair-from-intake-to-return',
        effect: { unit: 'minutes', before: 10, after: 5, method: 'Timed ten jobs each way, by hand.' },
        inventors: [{ personId: 'demo-carmen' }, { personId: 'demo-eunji' }],
        license: 'CC-BY-SA-4.0',
      }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const { record } = (await created.json()) as { record: { id: string; title: string } };
    const context = await browser.newContext({ javaScriptEnabled: false });
    const eunji = await context.newPage();
    await signIn(eunji, baseUrl, /Eun-ji Park/, `/innovations/${record.id}/`);
    await expect(eunji.locator('main').textContent()).resolves.toContain(
      'You are named a co-inventor of this draft, with a 50% share.',
    );
    expect(await eunji.getByRole('link', { name: 'Edit the draft' }).count()).toBe(0);
    await eunji.getByRole('button', { name: 'Decline' }).click();
    await eunji.waitForURL(`${baseUrl}/me/#innovations`);
    await expect(eunji.locator('main').textContent()).resolves.not.toContain(record.title);
    expect((await eunji.goto(`${baseUrl}/innovations/${record.id}/`))?.status()).toBe(404);
    const draft = await fetch(`${baseUrl}/api/innovations/${record.id}/draft`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await draft.json()) as { inventors: unknown }).inventors).toEqual([
      { personId: 'demo-carmen', basisPoints: 10_000 },
    ]);
    await context.close();
  });
});

describe('the registry and its log, for anyone', () => {
  it('filters the registry without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/innovations/`);
    await expectAccessibleForms(page);
    // By the start of its name: a practice guide "for a sole trader" also puts "trade" in the guide filter's.
    await page.getByRole('combobox', { name: /^Trade\b/ }).selectOption('care');
    await page.getByRole('button', { name: 'Show records' }).click();
    expect(await page.locator('.cards > li').count()).toBe(1);
    await expect(page.locator('.cards').textContent()).resolves.toContain('five-line handover');
    await page.screenshot({ path: join(shots, 'innovations.png'), fullPage: true });
    await context.close();
  });

  it('verifies the log a window at a time and a record’s inclusion on the log page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/innovations/log/`);
    await expectAccessibleForms(page);
    await expect(page.locator('main').textContent()).resolves.toContain('Verifies with the instance key');
    await expect(page.locator('main').textContent()).resolves.toContain('npm run verify-log');
    await page.getByRole('button', { name: 'Verify 1,000 entries' }).click();
    const size = Number((await page.locator('dl.facts dd').first().textContent())?.replace(/,/g, ''));
    await expect(statusText(page)).resolves.toMatch(
      new RegExp(
        `^Entries 0 to ${(size - 1).toLocaleString('en')} verify, up to the signed root of ${size.toLocaleString('en')} entries`,
      ),
    );
    // A window that starts later is anchored by the head signed with the entry before it.
    await page.goto(`${baseUrl}/innovations/log/?from=${size - 1}`);
    await expect(statusText(page)).resolves.toMatch(/^Entries [\d,]+ to [\d,]+ verify/);
    await page.goto(`${baseUrl}/innovations/log/?from=${size + 5}`);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Give an entry number from 0 to');
    await page.getByLabel('Record id').fill('two-minute-fault-triage-card');
    await page.getByRole('button', { name: 'Check inclusion' }).click();
    const rows = page.locator('table.data tbody tr');
    expect(await rows.count()).toBe(4);
    for (const text of await rows.allTextContents()) expect(text).toContain('Included in the signed tree');
    await page.screenshot({ path: join(shots, 'registry-log.png'), fullPage: true });
    await context.close();
  });

  it('shows the ledger summing to zero', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/ledger/`);
    await expect(statusText(page)).resolves.toMatch(/^Sum of all balances: 0\.00 Bound/);
    await page.close();
  });
});
