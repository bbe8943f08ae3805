// Ada offers bookkeeping hours; Bram orders three of them for Riverside Builders from the order form,
// she accepts and delivers, he confirms, and she sees three times the rate in her statement. Every step
// asks first and names what it will do. Plain HTML forms: no JavaScript runs (but axe's, on Bram's
// pages, which checks the order form, the order and a confirmation step). The offer is written into
// the stack's table as the offers' module stores it (its pages are another change's).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDocumentClient } from '#adapters/dynamodb/client.ts';
import { lastPage, launchBrowser } from '../support/browser.ts';
import { offerItem } from '../support/offers.ts';
import { signIn } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
const store = inject('store');
const shots = join(import.meta.dirname, '../../.tmp/screenshots');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;

/** The page's WCAG 2.1 A and AA violations, by axe (the accessibility sweep's rules), as lines. */
async function violations(page: Page): Promise<string[]> {
  const result = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`,
  )) as { violations: Array<{ id: string; help: string }> };
  return result.violations.map((v) => `${v.id}: ${v.help}`);
}
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Presses a step's button, then its confirmation's, and lands on the order again with what happened. */
async function step(page: Page, button: string, consequence: RegExp) {
  await page.getByRole('button', { name: button, exact: true }).click();
  await expect(page.getByRole('heading', { name: `${button}?` }).count()).resolves.toBe(1);
  await expect(page.locator('main').textContent()).resolves.toMatch(consequence);
  await page.getByRole('button', { name: `Yes, ${button.toLowerCase()}` }).click();
  await page.waitForURL(/\?done=/);
}

describe('an order in Bound', () => {
  it('takes Ada’s bookkeeping hours from Bram’s order for his syndicate to her statement', async () => {
    const offerId = `ada-books-${Date.now()}`;
    const client = createDocumentClient({ region: 'eu-west-1', endpoint: store.endpoint, timeoutMs: 10_000 });
    const title = `Bookkeeping hours ${offerId}`;
    const Item = offerItem({ id: offerId, seller: 'person:demo-ada', title, price: 2000n });
    await client.send(new PutCommand({ TableName: store.tableName, Item }));
    client.destroy();

    // JavaScript runs here only for axe: the pages' own forms need none.
    const bramContext = await browser.newContext({ viewport: { width: 360, height: 780 } });
    await bramContext.addInitScript({ content: axeSource });
    const bram = await bramContext.newPage();
    await signIn(bram, baseUrl, /Bram Jansen/, `/me/orders/new/?offer=${offerId}`);
    await expect(violations(bram)).resolves.toEqual([]);
    await expect(bram.locator('main').textContent()).resolves.toMatch(/20\.00 Bound per hour/);
    // A fraction of an hour is refused beside the field, and nothing is ordered.
    await bram.getByLabel(/^How many hours/).fill('1.5');
    await bram.getByRole('button', { name: 'Order', exact: true }).click();
    await expect(bram.getByRole('alert').textContent()).resolves.toMatch(/whole number of units/);
    await bram.getByLabel(/^How many hours/).fill('3');
    await bram.getByLabel('Order for').selectOption({ label: 'Riverside Builders (as its admin)' });
    await bram.getByRole('button', { name: 'Order', exact: true }).click();
    await bram.waitForURL(/\/me\/orders\/[a-z0-9-]+\/\?done=placed/);
    const orderUrl = bram.url().replace(/\?.*$/, '');
    await expect(bram.locator('main').textContent()).resolves.toMatch(/60\.00 Bound/);

    const adaContext = await browser.newContext({ javaScriptEnabled: false });
    const ada = await adaContext.newPage();
    await signIn(ada, baseUrl, /Ada Okafor/, '/me/orders/?side=selling');
    await ada.getByRole('link', { name: title }).click();
    await step(ada, 'Accept', /commit to deliver/);
    await step(ada, 'Mark delivered', /asked to confirm/);
    await expect(ada.getByRole('status').textContent()).resolves.toMatch(/Marked delivered/);

    await bram.goto(orderUrl);
    await expect(violations(bram)).resolves.toEqual([]);
    await bram.getByRole('button', { name: 'Confirm and pay', exact: true }).click();
    await expect(violations(bram)).resolves.toEqual([]);
    await bram.goto(orderUrl);
    await step(bram, 'Confirm and pay', /60\.00 Bound moves to the seller now/);
    await expect(bram.getByRole('status').textContent()).resolves.toMatch(/Confirmed and paid/);
    await bram.screenshot({ path: join(shots, 'order-confirmed.png'), fullPage: true });

    await ada.goto(`${baseUrl}/ledger/me/`);
    await lastPage(ada);
    const row = ada.getByRole('row').filter({ hasText: title });
    await expect(row.textContent()).resolves.toMatch(/Payment received.*Riverside Builders.*60\.00 Bound/);
    await bramContext.close();
    await adaContext.close();
  });
});
