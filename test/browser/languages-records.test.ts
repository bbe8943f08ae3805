// The records pages in Spanish and Dutch: a visitor who reads Guildhall in their language sees an
// innovation record, the registry log, the economy, a syndicate's statement, a person's public page and
// the credential verifier in it, under /es/ and /nl/, with the page's language declared. No JavaScript runs.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { browserForFile } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const browser = browserForFile();
let page: Page;

beforeAll(async () => {
  page = await (await browser.newContext({ locale: 'en-GB', javaScriptEnabled: false })).newPage();
});

/** Opens a page and checks it answered, in the language its address names. */
async function open(path: string, lang: 'es' | 'nl') {
  const response = await page.goto(`${baseUrl}${path}`);
  expect(response?.status(), path).toBe(200);
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
}

describe('the records pages in Spanish and Dutch', () => {
  it('shows an innovation record in Spanish, its versions, royalties and log, with its links kept in Spanish', async () => {
    await open('/es/innovations/two-minute-fault-triage-card/', 'es');
    await expect(page.getByRole('heading', { name: 'Versiones' }).count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { name: 'Regalías' }).count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { name: 'Informes de valor' }).count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { name: 'Cómo se midió el efecto' }).count()).resolves.toBe(1);
    await expect(page.locator('dt:text-is("Inventores")').count()).resolves.toBe(1);
    await expect(page.locator('dt:text-is("Licencia") + dd').first().textContent()).resolves.toBe(
      'Creative Commons Atribución-CompartirIgual 4.0',
    );
    const proofs = page.getByRole('link', { name: 'Comprobar las pruebas de inclusión de este registro' });
    await expect(proofs.getAttribute('href')).resolves.toBe('/es/innovations/log/?record=two-minute-fault-triage-card');
  });

  it('checks a record’s inclusion on the registry log in Dutch, the window’s size written the Dutch way', async () => {
    await open('/nl/innovations/log/', 'nl');
    await expect(page.locator('h1').textContent()).resolves.toBe('Het openbare register');
    await expect(page.locator('main').textContent()).resolves.toContain('Klopt met de sleutel van de instantie');
    await expect(page.getByRole('button', { name: '1.000 regels controleren' }).count()).resolves.toBe(1);
    await page.getByLabel('Verslag-id').fill('two-minute-fault-triage-card');
    await page.getByRole('button', { name: 'Opname controleren' }).click();
    const rows = page.locator('table.data tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    for (const text of await rows.allTextContents()) expect(text).toContain('Opgenomen in de ondertekende boom');
  });

  it('shows the economy in Spanish, with the sum of balances in Bound written the Spanish way', async () => {
    await open('/es/economy/', 'es');
    await expect(page.locator('h1').textContent()).resolves.toBe('La economía');
    await expect(page.getByRole('button', { name: 'Mostrar' }).count()).resolves.toBe(1);
    await expect(page.getByLabel('Periodo').count()).resolves.toBe(1);
    await expect(
      page.getByRole('table', { name: 'Cuentas por saldo, primero las que más deben' }).count(),
    ).resolves.toBe(1);
    await expect(page.locator('dt:text-is("Suma de todos los saldos") + dd').textContent()).resolves.toBe('0,00 Bound');
    const ranges = await page
      .getByRole('table', { name: 'Cuentas por saldo, primero las que más deben' })
      .locator('tbody th')
      .allTextContents();
    expect(ranges[0]).toMatch(/^menos de −/);
    expect(ranges.at(-1)).toMatch(/^más de /);
  });

  it('shows a syndicate’s Bound statement in Dutch', async () => {
    await open('/nl/ledger/syndicates/zonnewerk-rotterdam/', 'nl');
    await expect(page.locator('h1').textContent()).resolves.toMatch(/^Bound-overzicht: /);
    await expect(page.getByRole('heading', { name: 'Boekingen' }).count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { name: 'Overgenomen innovaties' }).count()).resolves.toBe(1);
    await expect(page.locator('dt:text-is("Mag zakken tot")').count()).resolves.toBe(1);
  });

  it('shows a person’s public page in Dutch, naming the parts hidden from a visitor in Dutch', async () => {
    await open('/nl/people/demo-eunji/', 'nl');
    await expect(page.locator('h1').textContent()).resolves.toBe('Eun-ji Park');
    await expect(page.locator('main').textContent()).resolves.toMatch(
      /Info, [^.]*Opgegeven vaardigheden[^.]*: niet zichtbaar voor jou\./,
    );
  });

  it('asks for a credential to verify in Spanish and names what is missing in Spanish', async () => {
    await open('/es/credentials/verify/', 'es');
    await expect(page.locator('h1').textContent()).resolves.toBe('Verificar una credencial');
    await expect(page.getByLabel('Correo de quien la recibió (opcional)').count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Verificar' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Pega una credencial o elige su archivo o su imagen de insignia.',
    );
    // Why what was handed in is no credential, in Spanish too.
    await page.getByLabel(/^Credencial/).fill('<svg xmlns="http://www.w3.org/2000/svg"/>');
    await page.getByRole('button', { name: 'Verificar' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe(
      'No válida. Esto no es una credencial: esta imagen SVG no lleva ninguna credencial (no tiene el elemento openbadges:credential).',
    );
  });
});
