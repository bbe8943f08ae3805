// Femi lists an offer from /me/market/ (a mistyped price is refused beside its field, the rest kept),
// finds it on the marketplace by the kind facet, and withdraws it after the page asks him to confirm.
// Others are offered the way to order it while it is open; he is not.
// Every step is a plain HTML form: no JavaScript runs, on a phone-sized screen.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { signIn } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The marketplace reads search, which the stream indexer fills a moment after the write. */
async function untilListed(page: Page, url: string, title: string) {
  for (let tries = 0; tries < 40; tries++) {
    await page.goto(url);
    if ((await page.getByRole('link', { name: title }).count()) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`“${title}” never appeared on ${url}`);
}

describe('the marketplace', () => {
  it('lets Femi list an offer, find it by its kind, and withdraw it after confirming', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    const femi = await context.newPage();
    await signIn(femi, baseUrl, /Femi Adeyemi/, '/me/market/');
    const title = `Hand-built bookshelves ${Date.now()}`;
    await femi.getByRole('link', { name: 'List an offer' }).click();
    await femi.getByLabel(/^Title/).fill(title);
    await femi.getByLabel(/^Description/).fill('Solid oak, **made to measure**.');
    await femi.getByLabel(/^Kind/).selectOption('good');
    await femi.getByLabel(/^Trade/).selectOption('construction');
    await femi.getByLabel(/^Place/).fill('Leeds, GB');
    await femi.getByLabel(/^Priced per/).selectOption('item');
    await femi.getByLabel(/^Price, in Bound/).fill('120.505');
    await femi.getByRole('button', { name: 'List an offer' }).click();
    await expect(femi.getByRole('alert').textContent()).resolves.toMatch(/Price: Bound has two decimal places/);
    await expect(femi.getByLabel(/^Title/).inputValue()).resolves.toBe(title);

    await femi.getByLabel(/^Price, in Bound/).fill('120.50');
    await femi.getByRole('button', { name: 'List an offer' }).click();
    await femi.waitForURL(/\/market\/offers\/[^/]+\/\?listed=1/);
    await expect(femi.getByRole('status').textContent()).resolves.toContain('Your offer is listed');
    // 120.50 Bound at the agreed 20.00 Bound an hour.
    await expect(femi.locator('main').textContent()).resolves.toContain(
      '120.50 Bound per item (6.03 hours of agreed work',
    );
    const offerUrl = femi.url().replace(/\?.*$/, '');
    // His own offer gives him no way to order it; someone signed out is asked to sign in to order it.
    await expect(femi.getByRole('link', { name: /order this offer/i }).count()).resolves.toBe(0);
    const visitorContext = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 360, height: 800 },
    });
    const visitor = await visitorContext.newPage();
    await visitor.goto(offerUrl);
    const orderLink = visitor.getByRole('link', { name: 'Sign in to order this offer' });
    await expect(orderLink.getAttribute('href')).resolves.toMatch(/^\/me\/orders\/new\/\?offer=/);

    // Found on the marketplace by the kind facet, and not under another kind.
    await untilListed(femi, `${baseUrl}/market/?side=offer&kind=good&trade=construction`, title);
    await expect(femi.getByLabel('Kind').locator('option:checked').textContent()).resolves.toMatch(/^good \(\d+\)$/);
    await femi.goto(`${baseUrl}/market/?side=offer&kind=labour&trade=construction`);
    await expect(femi.getByRole('link', { name: title }).count()).resolves.toBe(0);

    // Withdrawing asks first, naming what it does, then takes it off the marketplace.
    await femi.goto(offerUrl);
    await femi.getByRole('link', { name: 'Withdraw this offer' }).click();
    await expect(femi.getByRole('heading', { name: `Withdraw “${title}”?` }).count()).resolves.toBe(1);
    await expect(femi.locator('main').textContent()).resolves.toContain('It leaves the marketplace at once');
    await femi.getByRole('button', { name: 'Withdraw this offer' }).click();
    await expect(femi.getByRole('status').textContent()).resolves.toContain(`“${title}” is withdrawn`);
    await femi.goto(offerUrl);
    await expect(femi.locator('main').textContent()).resolves.toContain('This offer is withdrawn');
    // A withdrawn offer takes no orders: nobody is offered the way to order it.
    await visitor.goto(offerUrl);
    await expect(visitor.getByRole('link', { name: /order this offer/i }).count()).resolves.toBe(0);
    await visitorContext.close();
    await context.close();
  });
});
