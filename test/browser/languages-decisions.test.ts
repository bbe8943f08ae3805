// The decisions list, the marketplace and the skill shortages in Spanish and Dutch: the same page files
// under /es/ and /nl/, their headings, labels and counts in the language of the address.
import { describe, expect, inject, it } from 'vitest';
import { browserForFile } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

async function visitor(locale = 'en-GB') {
  const context = await browser.newContext({ locale });
  return context.newPage();
}

describe('decisions, the market and the shortages in Spanish and Dutch', () => {
  it('shows the decisions, the marketplace and the shortages in the language of the address', async () => {
    const page = await visitor();
    await page.goto(`${baseUrl}/es/decisions/`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await expect(page.locator('h1').textContent()).resolves.toBe('Decisiones del procomún');
    await expect(page.getByRole('link', { name: 'Abiertas a votación' }).count()).resolves.toBe(1);

    await page.goto(`${baseUrl}/nl/market/?side=want`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nl');
    await expect(page.locator('h1').textContent()).resolves.toBe('Markt');
    await expect(page.getByRole('button', { name: 'Vraag tonen' }).count()).resolves.toBe(1);

    await page.goto(`${baseUrl}/es/shortages/`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await expect(page.locator('h1').textContent()).resolves.toBe('Carencias de oficios');
    await expect(page.getByRole('heading', { name: 'Oficios, de más a menos escasos' }).count()).resolves.toBe(1);
  });
});
