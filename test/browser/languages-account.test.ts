// The account pages beyond the profile in Spanish and Dutch: a member who reads Guildhall in their
// language finds their orders, payments, saved searches, email settings, goal and work in it, under
// /es/ and /nl/, with the page's language declared; and an unsubscribe link that does not work says
// so in the reader's language.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile } from '../support/browser.ts';
import { signIn } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB' });
  return context.newPage();
}

const heading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true }).count();

describe('the account pages in Spanish and Dutch', () => {
  it('shows my orders, a payment form and my saved searches in Spanish under /es/', async () => {
    const page = await newPage();
    await signIn(page, baseUrl, /Bram Jansen/, '/es/me/orders/');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await expect(page.locator('h1').textContent()).resolves.toBe('Mis pedidos');
    await expect(heading(page, 'Pedidos hechos')).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Ventas' }).count()).resolves.toBe(1);

    await page.goto(`${baseUrl}/es/me/pay/`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await expect(page.locator('h1').textContent()).resolves.toBe('Pagar en Bound');
    await expect(page.getByLabel('Importe, en Bound').count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Pagar', exact: true }).count()).resolves.toBe(1);

    await page.goto(`${baseUrl}/es/me/saved-searches/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Mis búsquedas guardadas');
    await expect(page.getByRole('link', { name: 'la bolsa de empleo' }).first().getAttribute('href')).resolves.toBe(
      '/es/jobs/',
    );
  });

  it('shows my email settings, my goal and my work in Dutch under /nl/', async () => {
    const page = await newPage();
    await signIn(page, baseUrl, /Bram Jansen/, '/nl/me/email/');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nl');
    await expect(page.locator('h1').textContent()).resolves.toBe('E-mailinstellingen');
    await expect(page.getByRole('group', { name: 'Mail me in deze gevallen' }).count()).resolves.toBe(1);
    // Each kind named as the emails' footers name it (one list: the email area's).
    await expect(page.getByLabel('Iemand heeft een van je aanbiedingen besteld').count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'E-mailinstellingen opslaan' }).count()).resolves.toBe(1);

    await page.goto(`${baseUrl}/nl/me/profile/goal/`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nl');
    await expect(page.locator('h1').textContent()).resolves.toBe('Mijn doel');
    await expect(page.getByRole('button', { name: 'Mijn doel opslaan' }).count()).resolves.toBe(1);

    await page.goto(`${baseUrl}/nl/me/work/`);
    await expect(heading(page, 'Uren registreren')).resolves.toBe(1);
    await expect(heading(page, 'Mijn geregistreerde uren')).resolves.toBe(1);
  });

  it('says an unsubscribe link that does not work in Spanish, with the way to the email settings', async () => {
    const page = await newPage();
    const response = await page.goto(`${baseUrl}/es/unsubscribe/not-a-token`);
    expect(response?.status()).toBe(400);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await expect(page.locator('h1').textContent()).resolves.toBe('Este enlace no funciona');
    await expect(page.getByRole('link', { name: 'Ajustes de correo' }).getAttribute('href')).resolves.toBe(
      '/es/me/email/',
    );
  });
});
