// A person's first visit: the home page, the sign-in page, signing in as a demo person, the profile,
// and the API on the same origin. Screenshots land in .tmp/screenshots/ for a human look.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const shots = join(import.meta.dirname, '../../.tmp/screenshots');
let browser: Browser;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('the local stack in Chromium', () => {
  it('serves the home page with the main navigation, readable without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl}/`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toContain('Learn the skills');
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const label of ['Learn', 'Jobs', 'Innovations', 'Search']) {
      expect(await nav.getByRole('link', { name: label }).count()).toBe(1);
    }
    // No script but the theme's, inline, which applies a kept choice (site/src/lib/theme.ts).
    const scripts = await page
      .locator('script')
      .evaluateAll((found) =>
        found.map((script) => ({ src: script.getAttribute('src'), bytes: script.textContent?.length ?? 0 })),
      );
    expect(scripts).toEqual([{ src: null, bytes: expect.any(Number) }]);
    expect(scripts[0]?.bytes).toBeLessThan(1_000);
    await page.screenshot({ path: join(shots, 'home.png'), fullPage: true });
    await context.close();
  });

  it('lets a person skip to the content with the keyboard', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate('document.activeElement && document.activeElement.textContent');
    expect(focused).toBe('Skip to content');
    await page.close();
  });

  it('signs in as a demo person and shows their profile', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/me/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Your profile');
    await page.getByRole('link', { name: 'Sign in' }).first().click();
    await page.waitForURL(/\/auth\/sign-in/);
    await page.getByRole('button', { name: /Ada Okafor/ }).click();
    await page.waitForURL(`${baseUrl}/me/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Ada Okafor');
    await expect(page.getByRole('link', { name: 'Signed in as Ada Okafor' }).count()).resolves.toBe(1);
    await page.screenshot({ path: join(shots, 'signed-in.png'), fullPage: true });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.goto(`${baseUrl}/me/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Your profile');
    await context.close();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBe(0);
    await page.screenshot({ path: join(shots, 'home-phone.png'), fullPage: true });
    await context.close();
  });
});

describe('the local gateway over HTTP', () => {
  it('reports health on the same origin as the site', async () => {
    const response = await fetch(`${baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toMatch(/[0-9a-f-]{36}/);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('plays the JWT authorizer: no token, 401 before the handler', async () => {
    const response = await fetch(`${baseUrl}/api/me`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
  });

  it('answers /api/me for a bearer token from the development identity provider', async () => {
    const signIn = await fetch(`${baseUrl}/auth/sign-in`, {
      method: 'POST',
      body: new URLSearchParams({ personId: 'demo-bram', returnTo: '/' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      redirect: 'manual',
    });
    expect(signIn.status).toBe(303);
    const token = /guildhall_session=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1] ?? '';
    const me = await fetch(`${baseUrl}/api/me`, { headers: { authorization: `Bearer ${decodeURIComponent(token)}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: 'demo-bram', name: 'Bram Jansen' });
  });

  it('serves the OpenAPI document', async () => {
    const document: unknown = await (await fetch(`${baseUrl}/api/openapi.json`)).json();
    expect(document).toMatchObject({ openapi: '3.1.0', paths: { '/api/health': {}, '/api/me': {} } });
  });
});

describe('an address that does not exist', () => {
  it('answers 404 with a page that helps the person on', async () => {
    const response = await fetch(`${baseUrl}/no-such-page/`);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('<h1>Page not found</h1>');
    expect(html).toContain('href="/search/"');
  });
});
