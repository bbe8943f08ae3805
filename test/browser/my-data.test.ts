// A person's data from the site: Eun-ji puts a CV on her profile (a file that is no PDF is refused
// beside the field, and the name her file had is never used), downloads it back, and downloads
// everything Guildhall holds about her as one JSON file. On a phone, without JavaScript. No other
// browser test reads Eun-ji's CV or data; none deletes her account (this test does not either).
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { pdf } from '../support/pdf.ts';
import { signIn } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('a person’s data on the site', () => {
  it('takes Eun-ji’s CV, gives it back as a download, and downloads all her data', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, baseUrl, /Eun-ji Park/, '/me/profile/cv/');

    // A text file named like a PDF is refused, saying why; nothing is kept.
    await page
      .getByLabel(/a PDF/)
      .setInputFiles({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf at all') });
    await page.getByRole('button', { name: 'Upload my CV' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Only a PDF can be a CV');
    await expect(page.locator('main').textContent()).resolves.toContain('no CV on your profile');

    // A real PDF, under a name that tries to climb out of a folder: taken, and the name goes nowhere.
    const cv = pdf('% Eun-ji Park, care worker and trainer');
    await page.getByLabel(/a PDF/).setInputFiles({ name: '../../x.pdf', mimeType: 'application/pdf', buffer: cv });
    await page.getByRole('button', { name: 'Upload my CV' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Your CV is on your profile');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

    const [cvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download my CV' }).click(),
    ]);
    expect(cvDownload.suggestedFilename()).toBe('cv.pdf');
    expect((await readFile((await cvDownload.path()) ?? '')).equals(cv)).toBe(true);
    const served = await context.request.get(`${baseUrl}/me/profile/cv.pdf`);
    expect(served.headers()).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': 'attachment; filename="cv.pdf"',
      'x-content-type-options': 'nosniff',
    });

    await page.goto(`${baseUrl}/me/profile/`);
    const [dataDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download my data' }).click(),
    ]);
    const data = JSON.parse(await readFile((await dataDownload.path()) ?? '', 'utf8')) as {
      personId: string;
      items: Array<{ type: string; id?: string; size?: number }>;
      continueAt?: string;
    };
    expect(data.personId).toBe('demo-eunji');
    expect(data.continueAt).toBeUndefined();
    expect(data.items.find((item) => item.type === 'person')).toMatchObject({ id: 'demo-eunji' });
    expect(data.items.find((item) => item.type === 'cv')).toMatchObject({ size: cv.length });
    await context.close();
  });
});
