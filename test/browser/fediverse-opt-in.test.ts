// A person shows her public profile to the fediverse from her profile settings, on a phone without
// JavaScript: the box is off until she ticks it, refused beside it while nothing of her profile is
// public, and then her Person actor answers (activity+json); unticking it leaves a Tombstone (410).
// Lotte is a Riverside member whose profile no other browser test writes.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { signIn } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
const actorPath = '/api/federation/actors/p.demo-lotte';
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('showing a profile to the fediverse', () => {
  it('takes Lotte from off, through a refusal beside the box, to a Person actor and back to a Tombstone', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, baseUrl, /Lotte Bakker/, '/me/profile/');
    const box = page.getByLabel('Show my public profile to the fediverse');
    const actor = () =>
      page.request.get(`${baseUrl}${actorPath}`, { headers: { accept: 'application/activity+json' } });

    await expect(box.isChecked()).resolves.toBe(false);
    await expect(page.locator('#f-fediverse').textContent()).resolves.toContain('@p.demo-lotte@');
    await expect(page.locator('#f-fediverse-needs-public').textContent()).resolves.toMatch(/Only a public profile/);
    expect((await actor()).status()).toBe(404);

    // Ticked while nothing is public: refused beside the box, and the box stays as she left it.
    await box.check();
    await page.getByRole('button', { name: 'Save my profile' }).click();
    await expect(page.locator('#f-fediverse .field-error').textContent()).resolves.toMatch(
      /Only a public profile can be shown/,
    );
    await expect(box.isChecked()).resolves.toBe(true);
    expect((await actor()).status()).toBe(404);

    // “About me” to anyone, in the same save: her actor answers with her name and bio.
    await page.getByLabel('About me: place').selectOption('public');
    await page.getByRole('button', { name: 'Save my profile' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('saved');
    await expect(box.isChecked()).resolves.toBe(true);
    await expect(page.locator('#f-fediverse-needs-public').count()).resolves.toBe(0);
    const shown = await actor();
    expect(shown.status()).toBe(200);
    expect(await shown.json()).toMatchObject({
      type: 'Person',
      preferredUsername: 'p.demo-lotte',
      name: 'Lotte Bakker',
      summary: expect.stringContaining('Plasterer'),
      url: `${baseUrl}/people/demo-lotte/`,
    });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

    // Her public page names the handle, and points a fediverse server given its address at the actor.
    await page.goto(`${baseUrl}/people/demo-lotte/`);
    await expect(page.locator('#fediverse-handle').textContent()).resolves.toMatch(/as @p\.demo-lotte@/);
    await expect(
      page.locator('link[rel="alternate"][type="application/activity+json"]').getAttribute('href'),
    ).resolves.toBe(`${baseUrl}${actorPath}`);

    // The same box in Spanish.
    await page.goto(`${baseUrl}/es/me/profile/`);
    await expect(page.getByLabel('Mostrar mi perfil público en el fediverso').isChecked()).resolves.toBe(true);

    await page.goto(`${baseUrl}/me/profile/`);
    await box.uncheck();
    await page.getByRole('button', { name: 'Save my profile' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('saved');
    await expect(box.isChecked()).resolves.toBe(false);
    expect((await actor()).status()).toBe(410);
    await page.goto(`${baseUrl}/people/demo-lotte/`);
    await expect(page.locator('#fediverse-handle').count()).resolves.toBe(0);
    await expect(page.locator('link[rel="alternate"][type="application/activity+json"]').count()).resolves.toBe(0);
    await context.close();
  });
});
