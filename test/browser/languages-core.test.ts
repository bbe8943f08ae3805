// The parts of already-converted pages a signed-in member reads (the board's saved-search form, an
// opening's admin box, my page's recommendations, a syndicate's admin section) in Spanish and Dutch.
import { describe, expect, inject, it } from 'vitest';
import { browserForFile } from '../support/browser.ts';
import { signIn } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

describe('the signed-in parts of the board, an opening and a syndicate in Spanish and Dutch', () => {
  it('shows a syndicate admin the saved-search form and the opening’s admin box in Spanish, the syndicate in Dutch', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, baseUrl, /Bram Jansen/, '/es/jobs/');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await page.getByText('Guardar esta búsqueda', { exact: true }).first().click();
    await expect(page.getByLabel('Avisos').count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Guardar esta búsqueda' }).count()).resolves.toBe(1);

    await page.goto(`${baseUrl}/es/jobs/riverside-builders-site-carpenter/`);
    await expect(
      page.getByRole('link', { name: 'Ver las candidaturas, ordenadas por competencias' }).count(),
    ).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Editar', exact: true }).count()).resolves.toBe(1);

    await page.goto(`${baseUrl}/es/me/`);
    await expect(page.getByRole('heading', { name: 'Recomendado para ti' }).count()).resolves.toBe(1);
    await expect(
      page.getByRole('heading', { name: 'Vacantes para las que ya cumples los requisitos' }).count(),
    ).resolves.toBe(1);

    await page.goto(`${baseUrl}/nl/syndicates/riverside-builders/`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nl');
    await expect(page.getByRole('heading', { name: 'Leden en verzoeken' }).count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { name: 'Open plekken' }).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Het collectief verlaten' }).count()).resolves.toBe(1);
  });
});
