// Issue 16's scenario, its last step: Ada earns Bound by a sale (Bram's syndicate orders three of her
// bookkeeping hours, she delivers, Bram confirms: made through the API, as the order test does it through
// the pages), then buys a small appliance repair from the Taller Común with it from the site: she orders
// the demo's repair offer, Carmen accepts and delivers it for the syndicate, Ada confirms and pays, and
// her statement shows both movements, each balance the one before it plus the movement. Plain HTML
// forms: no JavaScript runs. Files run one at a time, so nothing else moves Ada's balance meanwhile.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { lastPage, launchBrowser } from '../support/browser.ts';
import { signIn, tokenFor } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** An API call as a demo person, with an Idempotency-Key, failing the test on anything but success. */
async function api(personId: string, method: string, path: string, body: unknown) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await tokenFor(baseUrl, personId)}`,
      'content-type': 'application/json',
      'idempotency-key': `repair-with-earnings-${Date.now()}-${Math.random()}`,
    },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as Record<string, unknown>;
  expect(response.status, `${method} ${path}: ${JSON.stringify(answer).slice(0, 300)}`).toBeLessThan(300);
  return answer;
}

/** Presses a step's button, then its confirmation's, and lands on the order again with what happened. */
async function step(page: Page, button: string, consequence: RegExp) {
  await page.getByRole('button', { name: button, exact: true }).click();
  await expect(page.locator('main').textContent()).resolves.toMatch(consequence);
  await page.getByRole('button', { name: `Yes, ${button.toLowerCase()}` }).click();
  await page.waitForURL(/\?done=/);
}

/** Bound as the statement prints it ("−45.00 Bound", "1,015.00 Bound"), in minor units. */
const minor = (text: string) => {
  const found = /(−|-)?([\d,]+)\.(\d\d) Bound/.exec(text);
  if (!found) throw new Error(`no amount in ${text}`);
  const units = BigInt(`${found[2]?.replaceAll(',', '')}${found[3]}`);
  return found[1] ? -units : units;
};

describe('Ada spends what she earned', () => {
  it('buys a repair from the Taller Común with her bookkeeping hours’ pay, and her statement adds up', async () => {
    // She earns: three hours of her demo offer at 20.00 Bound, ordered by Bram for Riverside Builders.
    const sale = await api('demo-bram', 'POST', '/api/orders', {
      offerId: 'demo-offer-ada-bookkeeping',
      quantity: 3,
      buyer: 'syndicate:riverside-builders',
    });
    await api('demo-ada', 'PUT', `/api/orders/${sale.id}/step`, { action: 'accept' });
    await api('demo-ada', 'PUT', `/api/orders/${sale.id}/step`, { action: 'deliver' });
    await api('demo-bram', 'PUT', `/api/orders/${sale.id}/step`, { action: 'confirm' });

    // She spends: one repair job of the Taller Común's demo offer, 45.00 Bound, for her own account.
    const adaContext = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 780 } });
    const ada = await adaContext.newPage();
    await signIn(ada, baseUrl, /Ada Okafor/, '/me/orders/new/?offer=demo-offer-taller-repairs');
    await expect(ada.locator('main').textContent()).resolves.toMatch(/Small appliance repairs at the Taller Común/);
    await ada.getByLabel(/^How many jobs/).fill('1');
    await ada.getByRole('button', { name: 'Order', exact: true }).click();
    await ada.waitForURL(/\/me\/orders\/[a-z0-9-]+\/\?done=placed/);
    const orderUrl = ada.url().replace(/\?.*$/, '');
    const orderPath = new URL(orderUrl).pathname;
    await expect(ada.locator('main').textContent()).resolves.toMatch(/45\.00 Bound/);

    // Carmen, the syndicate's admin, finds it among the Taller Común's sales, accepts it and delivers.
    const carmenContext = await browser.newContext({ javaScriptEnabled: false });
    const carmen = await carmenContext.newPage();
    const selling = `/me/orders/?side=selling&account=${encodeURIComponent('syndicate:taller-comun-valencia')}`;
    await signIn(carmen, baseUrl, /Carmen Ruiz/, selling);
    await carmen.locator(`a[href="${orderPath}"]`).first().click();
    await step(carmen, 'Accept', /commit to deliver/);
    await step(carmen, 'Mark delivered', /asked to confirm/);

    await ada.goto(orderUrl);
    await step(ada, 'Confirm and pay', /45\.00 Bound moves to the seller now/);
    await expect(ada.getByRole('status').textContent()).resolves.toMatch(/Confirmed and paid/);

    // Her statement: the pay received, then the repair paid, each balance the one before plus the movement.
    await ada.goto(`${baseUrl}/ledger/me/`);
    await lastPage(ada);
    const rows = await ada.getByRole('row').allTextContents();
    const earned = rows.findLastIndex((row) => /Payment received.*Bookkeeping hours.*Riverside Builders/.test(row));
    const spent = rows.findLastIndex((row) => /Payment made.*Small appliance repairs.*Taller Común Valencia/.test(row));
    expect(earned).toBeGreaterThan(0);
    expect(spent).toBe(earned + 1);
    const cells = async (index: number) => ada.getByRole('row').nth(index).getByRole('cell').allTextContents();
    const [pay, repair] = [await cells(earned), await cells(spent)];
    expect(minor(pay[4] ?? '')).toBe(6000n);
    expect(minor(repair[4] ?? '')).toBe(-4500n);
    expect(minor(repair[5] ?? '')).toBe(minor(pay[5] ?? '') - 4500n);
    // The balance shown above the statement is the last line's.
    await expect(ada.locator('main dl.facts dd').first().textContent()).resolves.toBe(repair[5]);
    await carmenContext.close();
    await adaContext.close();
  });
});
