// An admin opens an applicant from the ranked list: the profile as an admin of a syndicate she applied
// to may see it, and private notes the applicant never sees. Femi (admin of Severn Sun) posts an opening
// through the API and Ada applies to it; no other browser test signs in as Femi or writes these.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { signIn, tokenFor } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
const shots = join(import.meta.dirname, '../../.tmp/screenshots');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function api(method: string, path: string, personId: string, body?: unknown) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await tokenFor(baseUrl, personId)}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = (await response.json()) as Record<string, unknown>;
  expect(response.ok, `${method} ${path}: ${JSON.stringify(answer)}`).toBe(true);
  return answer;
}

let opening: Record<string, unknown>;
beforeAll(async () => {
  opening = await api('POST', '/api/syndicates/severn-sun-coop/openings', 'demo-femi', {
    title: `Solar surveyor ${Date.now()}`,
    description: 'Survey roofs for the co-op’s next community arrays, with a mentor on the first ten sites.',
    skills: [{ skill: 'solar-site-survey', level: 'working' }],
    positions: 1,
    hoursPerWeek: 20,
    pay: [{ amount: 2400, currency: 'GBP', per: 'hour' }],
    place: 'Bristol, GB',
    remote: false,
    employmentType: 'PART_TIME',
    validThrough: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
  });
  await api('PUT', `/api/openings/${opening.id}/status`, 'demo-femi', { status: 'open' });
  await api('PUT', `/api/openings/${opening.id}/applications/me`, 'demo-ada', { note: 'I can survey on weekdays.' });
});

describe('an admin reading an applicant', () => {
  it('opens Ada’s profile from the applicant list, adds a private note, and Ada cannot see it', async () => {
    // A phone, without JavaScript: links and plain forms only.
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, baseUrl, /Femi Adeyemi/, `/jobs/${opening.id}/applicants/`);
    await page.getByRole('link', { name: 'Ada Okafor', exact: true }).click();
    await page.waitForURL(/\/applicants\/demo-ada\/$/);
    // Ada keeps her place and bio to members; her applicant's admin sees them while she applies.
    await expect(page.locator('main').textContent()).resolves.toMatch(
      /you see what Ada Okafor shows members[\s\S]*Learner moving from retail/,
    );
    await expect(page.getByRole('heading', { name: 'About' }).count()).resolves.toBe(1);

    await page.getByLabel('Add a note').fill('Strong **references**. <script>alert(1)</script>');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.waitForURL(/added=1/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('Only the syndicate’s admins');
    const note = page.locator('#notes').locator('..').locator('.prose').first();
    await expect(note.locator('strong').textContent()).resolves.toBe('references');
    // Raw HTML in a note is never markup: the one markdown renderer reduces it to text.
    await expect(note.textContent()).resolves.toContain('alert(1)');
    expect(await page.locator('main script').count()).toBe(0);
    await page.screenshot({ path: join(shots, 'applicant-file.png'), fullPage: true });

    // Her own profile page shows Femi no more than it shows anyone: the relation comes from the application.
    await page.goto(`${baseUrl}/people/demo-ada/`);
    await expect(page.locator('main').textContent()).resolves.not.toContain('Learner moving from retail');

    const ada = await browser.newContext();
    const adaPage = await ada.newPage();
    await signIn(adaPage, baseUrl, /Ada Okafor/, '/');
    const answer = await adaPage.goto(`${baseUrl}/jobs/${opening.id}/applicants/demo-ada/`);
    expect(answer?.status()).toBe(404);
    await expect(adaPage.locator('body').textContent()).resolves.not.toContain('references');
    await ada.close();
    await context.close();
  });

  it('asks before declining, naming the consequence, and keeps the applicant pages accessible', async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const context = await browser.newContext();
    await context.addInitScript({ content: axeSource });
    const page = await context.newPage();
    await signIn(page, baseUrl, /Femi Adeyemi/, '/me/');
    const openingId = String(opening.id);
    await page.goto(`${baseUrl}/jobs/${openingId}/applicants/`);
    // On main, declining is confirmed on the application's own page (hiring-a's StageActions).
    await page.getByRole('link', { name: 'Decline Ada Okafor…' }).click();
    await expect(page.locator('#confirm-heading').textContent()).resolves.toBe('Decline this applicant?');
    await expect(page.locator('main').textContent()).resolves.toContain('ends this application');
    for (const path of [page.url(), `${baseUrl}/jobs/${openingId}/applicants/demo-ada/`]) {
      await page.goto(path);
      const result = (await page.evaluate(
        `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`,
      )) as { violations: Array<{ id: string; help: string }> };
      expect(
        result.violations.map((v) => `${v.id}: ${v.help}`),
        path,
      ).toEqual([]);
    }
    // Nothing was declined by asking.
    await page.goto(`${baseUrl}/jobs/${openingId}/applicants/`);
    await expect(page.locator('.status').first().textContent()).resolves.not.toMatch(/declined/i);
    await context.close();
  });
});
