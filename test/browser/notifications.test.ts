// A person's inbox on a phone without JavaScript: Carmen asks to join Havenlijn Logistics, Bram
// approves; the stream tells her, the header counts it, she reads it in Dutch under /nl/, and she marks
// it read, then everything. No other browser test joins Havenlijn or reads Carmen's inbox.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { apiAs, signIn } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('the inbox', () => {
  it('tells Carmen her request was approved, counts it in the header, and marks it read', async () => {
    await apiAs(baseUrl, 'demo-carmen', 'POST', '/api/syndicates/havenlijn-logistics/join-requests');
    await apiAs(baseUrl, 'demo-bram', 'PUT', '/api/syndicates/havenlijn-logistics/members/demo-carmen', {
      decision: 'approve',
    });
    // The stream poller runs every 100 ms: wait for the notification, as a person would refresh.
    let unread = 0;
    for (let i = 0; i < 50 && unread === 0; i++) {
      const inbox = (await apiAs(baseUrl, 'demo-carmen', 'GET', '/api/me/notifications')) as {
        items: Array<{ title: string; readAt?: string }>;
      };
      unread = inbox.items.filter((n) => n.title.includes('Havenlijn') && !n.readAt).length;
      if (unread === 0) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(unread).toBe(1);

    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, baseUrl, /Carmen Ruiz/, '/me/notifications/');
    const header = page.locator('.site-header .inbox-link');
    const count = async () =>
      Number(
        (
          await header
            .locator('.count')
            .textContent()
            .catch(() => '0')
        )?.replace(/\D/g, '') || 0,
      );
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await expect(header.textContent()).resolves.toMatch(/Notifications \d+ unread/);

    // The same notification read under /nl/: its title and summary in Dutch, the syndicate's name as written.
    await page.goto(`${baseUrl}/nl/me/notifications/`);
    const dutch = page.locator('li.notification', { hasText: 'Je bent lid geworden van Havenlijn Logistics' });
    await expect(dutch.locator('p').first().textContent()).resolves.toBe(
      'Je verzoek om lid te worden van Havenlijn Logistics is geaccepteerd.',
    );
    await page.goto(`${baseUrl}/me/notifications/`);

    const item = page.locator('li.notification', { hasText: 'You joined Havenlijn Logistics' });
    await expect(item.getAttribute('class')).resolves.toContain('unread');
    await expect(item.getByRole('link').getAttribute('href')).resolves.toBe('/syndicates/havenlijn-logistics/');
    await item.getByRole('button', { name: /Mark read/ }).click();
    await expect(
      page.locator('li.notification', { hasText: 'You joined Havenlijn Logistics' }).getAttribute('class'),
    ).resolves.not.toContain('unread');
    expect(await count()).toBe(before - 1);

    if (before > 1) await page.getByRole('button', { name: 'Mark all read' }).click();
    await expect(page.locator('#unread-summary').textContent()).resolves.toBe('Nothing unread.');
    await expect(header.locator('.count').count()).resolves.toBe(0);
    // Nothing wider than the phone.
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBe(0);
    await context.close();
  }, 60_000);
});
