// The work pages in Spanish and Dutch: a syndicate's admin reads the applicants to an opening, the hours
// awaiting approval, a new proposal, a new opening and the form to found a syndicate in the language of
// the address, with the page's language declared. The syndicate and its opening are new, so no other
// browser test meets them.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { browserForFile } from '../support/browser.ts';
import { apiAs, signIn } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
const stamp = Date.now().toString(36);
const syndicateId = `idiomas-${stamp}`;
let openingId = '';
const browser = browserForFile();

beforeAll(async () => {
  await apiAs(baseUrl, 'demo-femi', 'POST', '/api/syndicates', {
    id: syndicateId,
    name: `Contables ${stamp}`,
    trade: 'bookkeeping',
    description: 'Bookkeepers who keep the accounts of small co-operatives, in three languages.',
    place: 'Valencia',
    rateCard: [],
  });
  const opening = await apiAs(baseUrl, 'demo-femi', 'POST', `/api/syndicates/${syndicateId}/openings`, {
    title: `Bookkeeper ${stamp}`,
    description: 'Keep the books of three food co-operatives through the month-end close, with a shared checklist.',
    skills: [{ skill: 'bookkeeping-fundamentals', level: 'working' }],
    positions: 1,
    hoursPerWeek: 10,
    pay: [{ amount: 2500, currency: 'BOUND', per: 'hour' }],
    place: 'Valencia',
    remote: true,
    employmentType: 'CONTRACTOR',
    validThrough: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
  });
  openingId = String(opening.id);
  await apiAs(baseUrl, 'demo-femi', 'PUT', `/api/openings/${openingId}/status`, { status: 'open' });
  await apiAs(baseUrl, 'demo-carmen', 'PUT', `/api/openings/${openingId}/applications/me`, { note: 'Llevo dos.' });
}, 60_000);

describe('the work pages in Spanish and Dutch', () => {
  it('shows an admin the applicants, the hours to approve and a new proposal in the language of the address', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, baseUrl, /Femi Adeyemi/, `/es/jobs/${openingId}/applicants/`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await expect(page.locator('h1').textContent()).resolves.toBe('Candidaturas');
    await expect(page.getByRole('button', { name: 'Preseleccionar a Carmen Ruiz' }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Fase y mensajes con Carmen Ruiz' }).count()).resolves.toBe(1);
    await expect(page.locator('.status').first().textContent()).resolves.toBe('Enviada');

    await page.goto(`${baseUrl}/nl/syndicates/${syndicateId}/work/`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nl');
    await expect(page.locator('h1').textContent()).resolves.toBe('Uren om goed te keuren');
    await expect(page.getByRole('heading', { name: 'Wachten op goedkeuring' }).count()).resolves.toBe(1);

    await page.goto(`${baseUrl}/es/decisions/new/?kind=rate-card&scope=syndicate:${syndicateId}`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await expect(page.locator('h1').textContent()).resolves.toBe('Hacer una propuesta');
    await expect(page.getByRole('button', { name: 'Proponer' }).count()).resolves.toBe(1);
    await expect(page.getByLabel('Quién decide').count()).resolves.toBe(1);
    await expect(page.getByText('Esta propuesta decide las tarifas del colectivo.').count()).resolves.toBe(1);
  });

  it('shows the forms for a new opening and a new syndicate in Dutch', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, baseUrl, /Femi Adeyemi/, `/nl/syndicates/${syndicateId}/openings/new/`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nl');
    await expect(page.locator('h1').textContent()).resolves.toBe('Een vacature plaatsen');
    await expect(page.getByRole('button', { name: 'Als concept opslaan' }).count()).resolves.toBe(1);
    await expect(page.getByLabel('Uren per week').count()).resolves.toBe(1);

    await page.goto(`${baseUrl}/nl/syndicates/new/`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nl');
    await expect(page.locator('h1').textContent()).resolves.toBe('Een collectief oprichten');
    await expect(page.getByRole('button', { name: 'Het collectief oprichten' }).count()).resolves.toBe(1);
  });
});
