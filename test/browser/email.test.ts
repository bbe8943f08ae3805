// Email as a person meets it, on a phone without JavaScript: a notification mail caught by the local
// SMTP server and read at /dev/mail/; its "Stop these emails" link opens a page that asks first (the
// GET changes nothing) and whose button stops that kind; the settings page shows it and switches
// others. Eun-ji is a demo person no other browser test changes email settings for.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSmtpMailer } from '#adapters/mail/smtp-mailer.ts';
import type { Notification } from '#domain/notifications/notification.ts';
import { emailLinks, renderEmail } from '#domain/notifications/render-email.ts';
import { launchBrowser } from '../support/browser.ts';
import { signIn, tokenFor } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
const smtpUrl = inject('smtpUrl');
const shots = join(import.meta.dirname, '../../.tmp/screenshots');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function preferences(): Promise<Record<string, boolean>> {
  const response = await fetch(`${baseUrl}/api/me/email-preferences`, {
    headers: { authorization: `Bearer ${await tokenFor(baseUrl, 'demo-eunji')}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, boolean>;
}

describe('email, end to end on one machine', () => {
  it('takes Eun-ji from a caught mail to the unsubscribe page, which asks first, and to her settings', async () => {
    // The stack's own key (npm start keeps it in .cache), as the producer would sign with it.
    const key = readFileSync(join(import.meta.dirname, '../../.cache/instance-key/email-link-key.txt'), 'utf8').trim();
    const notification: Notification = {
      id: 'browser-email-1',
      personId: 'demo-eunji',
      kind: 'application-message',
      at: new Date().toISOString(),
      title: `Bram wrote about your application (${Date.now()})`,
      summary: 'Open the thread to read the message and answer it.',
      link: '/me/',
      eventKey: 'browser-email-1',
    };
    const smtp = createSmtpMailer({ url: smtpUrl, from: 'Guildhall <notifications@guildhall.localhost>' });
    await smtp.send(
      renderEmail(notification, { address: 'eunji@demo.guildhall.coop' }, emailLinks(baseUrl, key, notification)),
    );
    smtp.close();

    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, javaScriptEnabled: false });
    const page = await context.newPage();
    const fitsThePhone = async () =>
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

    await page.goto(`${baseUrl}/dev/mail/`);
    await page.getByRole('link', { name: notification.title }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(notification.title);
    await fitsThePhone();
    const text = (await page.locator('pre').textContent()) ?? '';
    const stop = /Stop these emails: (\S+)/.exec(text)?.[1] ?? '';
    expect(stop).toMatch(new RegExp(`^${baseUrl}/unsubscribe/[A-Za-z0-9._-]+/$`));

    // Opening the link (as a mail scanner would) changes nothing; the button does.
    await page.goto(stop);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Stop these emails?');
    await expect(page.getByText('A message about an application').count()).resolves.toBeGreaterThan(0);
    expect((await preferences())['application-message']).toBe(true);
    await page.getByRole('button', { name: 'Stop these emails' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Unsubscribed');
    await page.screenshot({ path: join(shots, 'email-unsubscribed.png'), fullPage: true });
    await fitsThePhone();
    expect((await preferences())['application-message']).toBe(false);

    // An altered link says plainly that it does not work, and changes nothing.
    const altered = await page.goto(stop.replace('application-message', 'saved-search-match'));
    expect(altered?.status()).toBe(400);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('This link does not work');

    // Her settings show the kind off; she turns saved-search mail off too, by keyboard.
    await signIn(page, baseUrl, /Eun-ji Park/, '/me/email/');
    const message = page.getByLabel('A message about an application');
    await expect(message.isChecked()).resolves.toBe(false);
    const searches = page.getByLabel('New openings match a search you saved');
    await searches.focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Save email settings' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Saved');
    await expect(searches.isChecked()).resolves.toBe(false);
    await page.screenshot({ path: join(shots, 'email-settings.png'), fullPage: true });
    await fitsThePhone();
    expect(await preferences()).toMatchObject({
      'application-message': false,
      'saved-search-match': false,
      'application-received': true,
    });
    await context.close();
  });
});
