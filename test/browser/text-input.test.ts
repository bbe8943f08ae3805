// The site's forms take text through the same normaliser as the API: a name of zero-width spaces or
// one with a direction override is refused, and the sentence saying why sits beside the field, with
// what was typed kept; a note of only invisible characters is refused beside the note.
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

/** The message shown inside a field's own label, beside the field. */
const besideField = (page: Page, id: string) => page.locator(`label[for="${id}"] .field-error, #${id} ~ .field-error`);

describe('invisible and unsafe text in the site’s forms', () => {
  it('refuses a syndicate name of zero-width spaces, or with a direction override, saying why beside the name', async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, baseUrl, /Bram Jansen/, '/syndicates/new/');
    const found = async (name: string) => {
      await page.getByLabel('Name').fill(name);
      await page.getByLabel(/^Web address/).fill(`quiet-${Date.now()}`);
      await page.getByLabel(/^What you do/).fill('Carpenters who share the bench and the work fairly.');
      await page.getByLabel('Place').fill('Rotterdam, NL');
      const [response] = await Promise.all([
        page.waitForResponse((answer) => answer.request().method() === 'POST'),
        page.getByRole('button', { name: 'Found the syndicate' }).click(),
      ]);
      return response.status();
    };

    expect(await found('\u200B\u200B\u200B')).toBe(400);
    await expect(besideField(page, 'f-name').textContent()).resolves.toBe(
      'The name needs at least 3 visible characters; spaces and invisible characters do not count.',
    );

    expect(await found('Quiet \u202Esredliub')).toBe(400);
    await expect(besideField(page, 'f-name').textContent()).resolves.toContain(
      'invisible direction-control characters (U+202E)',
    );
    await expect(page.getByLabel('Name').inputValue()).resolves.toBe('Quiet \u202Esredliub');
    await page.context().close();
  });

  it('refuses an application note of only invisible characters, saying why beside the note', async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, baseUrl, /Eun-ji/, '/jobs/riverside-builders-site-carpenter/');
    await page.getByLabel('A short note to the syndicate').fill('\u2060\u200B\u00AD');
    const [response] = await Promise.all([
      page.waitForResponse((answer) => answer.request().method() === 'POST'),
      page.getByRole('button', { name: 'Apply' }).click(),
    ]);
    expect(response.status()).toBe(400);
    await expect(besideField(page, 'note').textContent()).resolves.toBe(
      'The note needs at least 1 visible character; spaces and invisible characters do not count.',
    );
    // Nothing was sent: the form is still there to apply with.
    await expect(page.getByRole('button', { name: 'Apply' }).count()).resolves.toBe(1);
    await page.context().close();
  });
});
