// A learner shares a credential and a visitor opens it: the public page says who earned what and that
// the signature is genuine, LinkedIn's link carries the right parameters, the badges download with the
// credential inside and verify on the site; the page works without JavaScript, on a phone, by keyboard.
// Grace passes a course here (no other browser test signs in as her), through the API.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { extractFromSvg } from '#domain/credentials/svg.ts';
import { launchBrowser } from '../support/browser.ts';
import { answersTo, courseNamed, finishLessonsOverHttp } from '../support/quiz.ts';
import { tokenFor } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
const course = courseNamed('haccp-for-small-kitchens');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;
let id: string;
let pageUrl: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const token = await tokenFor(baseUrl, 'demo-grace');
  await finishLessonsOverHttp(baseUrl, token, course);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const quiz = (await (await fetch(`${baseUrl}/api/me/enrollments/${course.id}/quiz`, { headers })).json()) as {
    draw: { id: string; questions: Array<{ id: string }> };
  };
  const passed = await fetch(`${baseUrl}/api/me/enrollments/${course.id}/quiz-attempts`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      drawId: quiz.draw.id,
      answers: answersTo(
        course,
        quiz.draw.questions.map((question) => question.id),
      ),
    }),
  });
  id = String(((await passed.json()) as { credentialId?: string }).credentialId);
  pageUrl = `${baseUrl}/credentials/${id}/`;
});
afterAll(() => browser?.close());

describe('a shared credential', () => {
  it('shows a visitor who earned what, the skills with ESCO links, and that the signature is genuine', async () => {
    const context = await browser.newContext();
    await context.addInitScript({ content: axeSource });
    const page = await context.newPage();
    const response = await page.goto(pageUrl);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe(course.title);
    await expect(page.locator('.lede').textContent()).resolves.toMatch(/Earned by Grace Mensah on \d{1,2} \w+ \d{4}/);
    await expect(page.getByRole('status').first().textContent()).resolves.toMatch(/Verified\. Genuine/);
    const esco = page.getByRole('link', { name: /ESCO definition/ }).first();
    await expect(esco.getAttribute('href')).resolves.toMatch(/^http:\/\/data\.europa\.eu\/esco\/skill\//);
    await expect(page.getByLabel('Link to this credential').inputValue()).resolves.toBe(pageUrl);
    const result = (await page.evaluate(
      `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`,
    )) as { violations: Array<{ id: string }> };
    expect(result.violations.map((violation) => violation.id)).toEqual([]);
    await context.close();
  });

  it('links to LinkedIn’s add-certification form with the name, issuer, date, address and id', async () => {
    const page = await browser.newPage();
    await page.goto(pageUrl);
    const href = await page.getByRole('link', { name: 'Add to LinkedIn' }).getAttribute('href');
    const url = new URL(href ?? '');
    const issued = new Date(String(await page.locator('.lede time').getAttribute('datetime')));
    expect(url.origin + url.pathname).toBe('https://www.linkedin.com/profile/add');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: course.title,
      organizationName: 'Guildhall',
      issueYear: String(issued.getUTCFullYear()),
      issueMonth: String(issued.getUTCMonth() + 1),
      certUrl: pageUrl,
      certId: id,
    });
    await page.close();
  });

  it('downloads the SVG and PNG badges with the credential inside, and the verification page finds them genuine', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(pageUrl);
    const [svgDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Badge image (SVG)' }).click(),
    ]);
    expect(svgDownload.suggestedFilename()).toBe(`guildhall-${id}.svg`);
    const svgPath = await svgDownload.path();
    const svg = readFileSync(svgPath, 'utf8');
    expect(svg).toContain('<openbadges:credential xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" verify="');
    const jws = await (await fetch(`${baseUrl}/credentials/${id}/credential.jwt`)).text();
    expect(extractFromSvg(svg)).toBe(jws);

    const [pngDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Badge image (PNG)' }).click(),
    ]);
    const pngPath = await pngDownload.path();
    for (const [file, email, sentence] of [
      [svgPath, 'grace@demo.guildhall.coop', 'The recipient’s email address is grace@demo.guildhall.coop.'],
      [pngPath, 'someone@example.org', 'The recipient’s email address is not someone@example.org.'],
    ] as const) {
      await page.goto(`${baseUrl}/credentials/verify/`);
      await page.getByLabel(/Or upload the credential file/).setInputFiles(file);
      await page.getByLabel('Recipient’s email address (optional)').fill(email);
      await page.getByRole('button', { name: 'Verify' }).click();
      await page.waitForURL(`${baseUrl}/credentials/verify/`);
      const status = await page.getByRole('status').textContent();
      expect(status).toContain('Valid. Genuine');
      expect(status).toContain(sentence);
    }
    await context.close();
  });

  it('tells an altered badge from a file that is no credential on the verification page', async () => {
    const page = await browser.newPage();
    const jws = await (await fetch(`${baseUrl}/credentials/${id}/credential.jwt`)).text();
    const [header, payload, signature] = jws.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    claims.credentialSubject.name = 'Mallory';
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    const svg = await (await fetch(`${baseUrl}/credentials/${id}/badge.svg`)).text();
    for (const [text, sentence] of [
      [svg.replace(jws, forged), 'Not valid. This credential was altered'],
      ['a shopping list', 'Not valid. This is not a credential'],
    ]) {
      await page.goto(`${baseUrl}/credentials/verify/`);
      await page.locator('#credential').fill(text ?? '');
      await page.getByRole('button', { name: 'Verify' }).click();
      await page.waitForURL(`${baseUrl}/credentials/verify/`);
      await expect(page.getByRole('alert').textContent()).resolves.toContain(sentence);
    }
    await page.close();
  });

  it('copies the link with the button, and shows the link to select by hand without JavaScript', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(pageUrl);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.locator('[data-copy-status]').textContent()).resolves.toBe('Link copied.');
    await expect(page.evaluate('navigator.clipboard.readText()')).resolves.toBe(pageUrl);
    await context.close();

    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(pageUrl);
    await expect(plain.getByRole('button', { name: 'Copy link' }).isVisible()).resolves.toBe(false);
    await expect(plain.getByLabel('Link to this credential').inputValue()).resolves.toBe(pageUrl);
    await noScript.close();
  });

  it('fits a 360 px phone and reaches the share link and LinkedIn by keyboard', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(pageUrl);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await page.screenshot({
      path: join(import.meta.dirname, '../../.tmp/screenshots/credential-phone.png'),
      fullPage: true,
    });
    const reached: string[] = [];
    for (let tab = 0; tab < 40 && !reached.includes('Add to LinkedIn'); tab++) {
      await page.keyboard.press('Tab');
      reached.push(
        String(await page.evaluate('document.activeElement?.id || document.activeElement?.textContent?.trim()')),
      );
    }
    expect(reached).toContain('credential-link');
    expect(reached).toContain('Add to LinkedIn');
    await context.close();
  });

  it('answers an unknown or guessed id with a 404 page', async () => {
    const page = await browser.newPage();
    for (const guess of ['abcdefghjkmn2345', `${course.id}.demo-grace`]) {
      const response = await page.goto(`${baseUrl}/credentials/${guess}/`);
      expect(response?.status()).toBe(404);
      await expect(page.locator('h1').textContent()).resolves.toBe('No such credential');
      expect((await fetch(`${baseUrl}/credentials/${guess}/badge.png`)).status).toBe(404);
    }
    await page.close();
  });
});
