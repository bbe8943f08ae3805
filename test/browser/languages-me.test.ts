// The account pages in Spanish and Dutch: a member who reads Guildhall in their language sees their
// own page and the profile form in it, under /es/ and /nl/, with the page's language declared.
import { describe, expect, inject, it } from 'vitest';
import { browserForFile } from '../support/browser.ts';
import { apiAs, signIn } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

describe('the account pages in Spanish and Dutch', () => {
  it('shows my page in Spanish under /es/ and my profile form in Dutch under /nl/', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, baseUrl, /Bram Jansen/, '/es/me/');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await expect(page.getByRole('heading', { name: 'Cursos en curso' }).count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { name: 'Competencias que tengo' }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Editar mi perfil' }).count()).resolves.toBe(1);

    await page.goto(`${baseUrl}/nl/me/profile/`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nl');
    await expect(page.locator('h1').textContent()).resolves.toBe('Mijn profiel bewerken');
    await expect(page.getByRole('button', { name: 'Mijn profiel opslaan' }).count()).resolves.toBe(1);
    await expect(page.getByLabel('Uren per week').count()).resolves.toBe(1);
  });

  it('says in Spanish that my profile changed elsewhere when I save a copy opened before the change', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, baseUrl, /Kwame Boateng/, '/es/me/profile/');
    // The same profile saved meanwhile from another tab: the copy on this page is now a version behind.
    const me = await apiAs(baseUrl, 'demo-kwame', 'GET', '/api/me');
    await apiAs(baseUrl, 'demo-kwame', 'PATCH', '/api/me', { version: me.version, place: me.place });
    await page.getByRole('button', { name: 'Guardar mi perfil' }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain(
      'Tu perfil se cambió en otro sitio (en otra pestaña o en otro dispositivo) después de que abrieras esta copia.',
    );
  });
});
