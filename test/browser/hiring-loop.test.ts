// The hiring loop in Chromium: Bram, admin of Riverside Builders, shortlists Ada, writes to her and
// offers her the position; Ada, on a phone-sized screen, reads the message and the offer on her
// application's page and accepts it through the confirmation step; the position fills. The opening
// is a new one, so no other browser test meets it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { signIn, tokenFor } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function api(token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const answer = (await response.json()) as Record<string, unknown>;
  expect(response.status, JSON.stringify(answer)).toBeLessThan(300);
  return answer;
}

/** The page's axe violations (WCAG 2.1 A and AA), one line each. */
async function axeViolations(page: Page) {
  const result = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`,
  )) as { violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> };
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the hiring loop', () => {
  it('takes Ada from applicant to a filled position: shortlisted, written to, offered, accepted', async () => {
    const bram = await tokenFor(baseUrl, 'demo-bram');
    const ada = await tokenFor(baseUrl, 'demo-ada');
    const title = `Stair builder ${Date.now()}`;
    const opening = await api(bram, 'POST', '/api/syndicates/riverside-builders/openings', {
      title,
      description: 'Build and fit timber stairs for a tenant-run retrofit, with a team that shares the work fairly.',
      skills: [{ skill: 'stud-wall-framing', level: 'working' }],
      positions: 1,
      hoursPerWeek: 30,
      pay: [{ amount: 3850, currency: 'EUR', per: 'hour' }],
      place: 'Rotterdam, NL',
      remote: false,
      employmentType: 'CONTRACTOR',
      validThrough: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
    });
    const id = String(opening.id);
    await api(bram, 'PUT', `/api/openings/${id}/status`, { status: 'open' });
    await api(ada, 'PUT', `/api/openings/${id}/applications/me`, {
      note: 'I built the stairs at the Delfshaven co-op.',
    });

    const admin = await browser.newContext();
    await admin.addInitScript({ content: axeSource });
    const adminPage = await admin.newPage();
    await signIn(adminPage, baseUrl, /Bram Jansen/, `/jobs/${id}/applicants/`);
    await adminPage.getByRole('button', { name: 'Shortlist Ada Okafor' }).click();
    await expect(adminPage.getByRole('status').textContent()).resolves.toContain('Moved to “Shortlisted”');
    await adminPage.getByRole('link', { name: 'Stage and messages with Ada Okafor' }).click();
    await adminPage.waitForURL(/\/applications\/demo-ada\/$/);
    await adminPage.getByLabel('Write to the applicant').fill('Could you start on **Monday**?');
    await adminPage.getByRole('button', { name: 'Send' }).click();
    await expect(adminPage.getByRole('status').textContent()).resolves.toBe('Your message is sent.');
    await adminPage.getByRole('radio', { name: /Offered the position/ }).check();
    await adminPage.getByLabel(/A message to Ada Okafor/).fill('The stairs are yours if you want them.');
    await adminPage.getByRole('button', { name: 'Move' }).click();
    await expect(adminPage.getByRole('status').textContent()).resolves.toBe('The stage is changed.');

    expect(await axeViolations(adminPage)).toEqual([]);

    const applicant = await browser.newContext({ viewport: { width: 360, height: 740 } });
    await applicant.addInitScript({ content: axeSource });
    const adaPage = await applicant.newPage();
    await signIn(adaPage, baseUrl, /Ada Okafor/, `/jobs/${id}/`);
    await adaPage.getByRole('link', { name: 'Answer the offer, and your messages' }).click();
    await expect(adaPage.locator('.status').first().textContent()).resolves.toBe('Offered the position');
    // Bram's markdown arrives rendered, and the stage change's message is in the thread too.
    await expect(adaPage.locator('.thread .prose strong').first().textContent()).resolves.toBe('Monday');
    await expect(adaPage.locator('.thread').textContent()).resolves.toContain('The stairs are yours');
    // Nothing on the page is wider than the phone.
    expect(await adaPage.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    expect(await axeViolations(adaPage)).toEqual([]);

    await adaPage.getByRole('link', { name: 'Accept the offer…' }).click();
    await expect(adaPage.getByRole('heading', { name: 'Accept the offer?' }).count()).resolves.toBe(1);
    await expect(adaPage.locator('main').textContent()).resolves.toContain(
      `Accepting fills one position of “${title}” and cannot be undone`,
    );
    expect(await axeViolations(adaPage)).toEqual([]);
    await adaPage.getByRole('button', { name: 'Yes, accept the offer' }).click();
    await expect(adaPage.getByRole('status').textContent()).resolves.toContain('You accepted the offer');
    await expect(adaPage.locator('.status').first().textContent()).resolves.toBe('Accepted (the position is filled)');

    const filled = (await (await fetch(`${baseUrl}/api/openings/${id}`)).json()) as Record<string, unknown>;
    expect(filled).toMatchObject({ filled: 1, status: 'filled' });
    await adminPage.reload();
    await expect(adminPage.locator('.status').first().textContent()).resolves.toBe('Accepted (the position is filled)');
    await admin.close();
    await applicant.close();
  });
});
