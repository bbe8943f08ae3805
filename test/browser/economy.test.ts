// The economy in the open, on a phone: the public page draws the balance histogram as SVG with the same
// counts in a table, shows the demo's trade, changes period with a plain form and fits 360 px without
// sideways scrolling. No JavaScript runs.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const shots = join(import.meta.dirname, '../../.tmp/screenshots');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('the economy page', () => {
  it('draws the balance histogram and its table on a 360 px phone, without JavaScript or sideways scrolling', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/ledger/`);
    await page.getByRole('link', { name: 'The economy in figures' }).click();
    await page.waitForURL(`${baseUrl}/economy/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('The economy');

    const chart = page.getByRole('img', { name: /Accounts by balance/ });
    await expect(chart.count()).resolves.toBe(1);
    await expect(chart.locator('rect').count()).resolves.toBe(15);
    const table = page.getByRole('table', { name: 'Accounts by balance, most owed first' });
    const rows = table.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(15);
    const counts = (await rows.locator('td').allTextContents()).map(Number);
    const accounts = Number(await page.locator('dt:text-is("Accounts") + dd').textContent());
    expect(accounts).toBeGreaterThan(0);
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(accounts);
    // The bars are the table's counts, in the same order.
    await expect(chart.locator('text.value').allTextContents()).resolves.toEqual(counts.map(String));

    // The demo's payments and its settlement are trade in the last 30 days; the sum of balances is zero.
    await expect(
      page.locator('dt:text-is("Payments and settlements in the period") + dd').textContent(),
    ).resolves.not.toBe('0');
    await expect(page.locator('dt:text-is("Sum of all balances") + dd').textContent()).resolves.toBe('0.00 Bound');
    await expect(
      page
        .getByRole('table', { name: /Days with movements/ })
        .locator('tbody tr')
        .count(),
    ).resolves.toBeGreaterThan(0);
    await expect(
      page.getByText(/Velocity: the volume in the period divided by the sum of all positive balances/).count(),
    ).resolves.toBe(1);

    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBe(0);
    await page.screenshot({ path: join(shots, 'economy-phone.png'), fullPage: true });
    await chart.screenshot({ path: join(shots, 'economy-histogram-phone.png') });

    await page.getByLabel('Period').selectOption('7');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/\/economy\/\?days=7$/);
    await expect(page.getByText(/^From \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d \(UTC\)/).count()).resolves.toBe(1);
    const csvUrl = await page.getByRole('link', { name: 'CSV' }).getAttribute('href');
    expect(csvUrl).toBe('/api/economy?days=7&format=csv');
    const csv = await (await fetch(`${baseUrl}${csvUrl}`)).text();
    expect(csv.split('\r\n')[0]).toBe('figure,key,value');

    // A year is shown month by month (its whole months read as their totals), 13 months it touches.
    await page.getByLabel('Period').selectOption('365');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/\/economy\/\?days=365$/);
    await expect(page.getByRole('heading', { name: 'Day by day' }).count()).resolves.toBe(0);
    const months = page.getByRole('table', { name: /Each month of the period/ }).locator('tbody tr');
    await expect(months.count()).resolves.toBeGreaterThanOrEqual(12);
    const movements = (await months.locator('td:nth-child(3)').allTextContents()).map(Number);
    await expect(page.locator('dt:text-is("Payments and settlements in the period") + dd').textContent()).resolves.toBe(
      String(movements.reduce((sum, n) => sum + n, 0)),
    );
    const overflowYear = await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflowYear).toBe(0);
    await context.close();
  });
});
