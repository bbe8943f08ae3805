// Ada pays Taller Común for a repair from the syndicate's page, with a memo, and finds the payment in
// her statement; a mistyped amount is refused with the problem named and nothing paid. Carmen asks Ada
// to pay her, and Ada pays from her requests. Every step is a plain HTML form: no JavaScript runs.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { lastPage, launchBrowser } from '../support/browser.ts';
import { signIn } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
const shots = join(import.meta.dirname, '../../.tmp/screenshots');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('paying in Bound', () => {
  it('lets Ada pay Taller Común for a repair with a memo, and shows it in her statement', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const ada = await context.newPage();
    await signIn(ada, baseUrl, /Ada Okafor/, '/syndicates/taller-comun-valencia/');
    const memo = `Kettle base repair ${Date.now()}`;

    // A third decimal is refused by name, the typed memo kept, and nothing is paid.
    await ada.getByLabel(/^Amount, in Bound/).fill('12.505');
    await ada.getByLabel(/^What it is for/).fill(memo);
    await ada.getByRole('button', { name: 'Pay Taller Común Valencia' }).click();
    await expect(ada.getByRole('alert').textContent()).resolves.toMatch(/Amount: Bound has two decimal places/);
    await expect(ada.getByLabel(/^What it is for/).inputValue()).resolves.toBe(memo);

    await ada.getByLabel(/^Amount, in Bound/).fill('12.50');
    await ada.getByRole('button', { name: 'Pay Taller Común Valencia' }).click();
    await ada.waitForURL(/\/me\/pay\/\?paid=/);
    await expect(ada.getByRole('status').textContent()).resolves.toContain(
      `You paid 12.50 Bound to Taller Común Valencia, for “${memo}”.`,
    );
    await ada.screenshot({ path: join(shots, 'payment-made.png'), fullPage: true });

    await ada.getByRole('link', { name: 'See it in my statement' }).click();
    await lastPage(ada);
    const row = ada.getByRole('row').filter({ hasText: memo });
    await expect(row.count()).resolves.toBe(1);
    await expect(row.textContent()).resolves.toMatch(/Payment made.*Taller Común Valencia.*−12\.50 Bound/);

    // The syndicate's public statement shows it received, with who paid and the memo.
    await ada.goto(`${baseUrl}/ledger/syndicates/taller-comun-valencia/`);
    await lastPage(ada);
    await expect(ada.getByRole('row').filter({ hasText: memo }).textContent()).resolves.toMatch(
      /Payment received.*Ada Okafor.*12\.50 Bound/,
    );
    await context.close();
  });

  it('lets Carmen ask Ada to be paid from Ada’s profile, and Ada pay it once from her requests', async () => {
    const memo = `Invoice: soldering lesson ${Date.now()}`;
    const carmenContext = await browser.newContext({ javaScriptEnabled: false });
    const carmen = await carmenContext.newPage();
    await signIn(carmen, baseUrl, /Carmen Ruiz/, '/people/demo-ada/');
    await carmen.getByRole('link', { name: 'Ask Ada Okafor to pay you instead' }).click();
    await expect(carmen.getByLabel(/^Who should pay/).inputValue()).resolves.toBe('person:demo-ada');
    await carmen.getByLabel(/^Amount, in Bound/).fill('4');
    await carmen.getByLabel(/^What it is for/).fill(memo);
    await carmen.getByRole('button', { name: 'Ask to be paid' }).click();
    await expect(carmen.getByRole('status').textContent()).resolves.toContain('Asked');
    await expect(carmen.getByRole('row').filter({ hasText: memo }).textContent()).resolves.toMatch(
      /Ada Okafor.*4\.00 Bound.*open/,
    );

    const adaContext = await browser.newContext({ javaScriptEnabled: false });
    const ada = await adaContext.newPage();
    await signIn(ada, baseUrl, /Ada Okafor/, '/me/payment-requests/');
    const row = ada.getByRole('row').filter({ hasText: memo });
    await row.getByRole('button', { name: 'Pay 4.00 Bound to Carmen Ruiz' }).click();
    await expect(ada.getByRole('status').textContent()).resolves.toBe('Paid: it is in your statement.');
    await expect(ada.getByRole('row').filter({ hasText: memo }).textContent()).resolves.toMatch(/paid/);
    await expect(ada.getByRole('row').filter({ hasText: memo }).getByRole('button').count()).resolves.toBe(0);
    await carmenContext.close();
    await adaContext.close();
  });
});
