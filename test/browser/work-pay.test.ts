// Pay for work in Chromium, without JavaScript, on a phone-sized screen: Carmen, a member of a new
// bookkeeping syndicate who fills a position of it, logs two and a half hours (a mistyped number of
// hours is refused beside its field first); Femi, its admin, approves them through a confirmation step
// that names the amount; Carmen finds hours × rate in her statement. The syndicate and the opening are
// new, so no other browser test meets them. Since Carmen works under its rate card too, Femi changes
// the card only by proposing it to the members' vote.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { possessive } from '#domain/plain-words.ts';
import { axeViolationsAs, lastPage, launchBrowser } from '../support/browser.ts';
import { apiAs, signIn } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
const stamp = Date.now().toString(36);
const syndicateId = `ledger-helpers-${stamp}`;
const title = `Month-end bookkeeper ${stamp}`;
let browser: Browser;

/** The axe violations of a page as `person` sees it (support/browser.ts). */
const axeViolations = (person: RegExp, path: string) => axeViolationsAs(browser, baseUrl, person, path);

beforeAll(async () => {
  browser = await launchBrowser();
  await apiAs(baseUrl, 'demo-femi', 'POST', '/api/syndicates', {
    id: syndicateId,
    name: `Ledger Helpers ${stamp}`,
    trade: 'bookkeeping',
    description: 'Bookkeepers who keep the accounts of small co-operatives, sharing the month-end rush.',
    place: 'Bristol',
    rateCard: [
      {
        service: 'Month-end bookkeeping',
        rate: { amount: 2500, currency: 'BOUND', per: 'hour' },
        skillId: 'bookkeeping-fundamentals',
        level: 'working',
      },
    ],
  });
  await apiAs(baseUrl, 'demo-grace', 'PUT', `/api/syndicates/${syndicateId}/credit-limit`, {
    credit: 100_000,
    reason: 'Agreed by its members at the founding meeting.',
  });
  await apiAs(baseUrl, 'demo-carmen', 'POST', `/api/syndicates/${syndicateId}/join-requests`);
  await apiAs(baseUrl, 'demo-femi', 'PUT', `/api/syndicates/${syndicateId}/members/demo-carmen`, {
    decision: 'approve',
  });
  const opening = await apiAs(baseUrl, 'demo-femi', 'POST', `/api/syndicates/${syndicateId}/openings`, {
    title,
    description: 'Keep the books of three food co-operatives through the month-end close, with a shared checklist.',
    skills: [{ skill: 'bookkeeping-fundamentals', level: 'working' }],
    positions: 1,
    hoursPerWeek: 10,
    pay: [{ amount: 2500, currency: 'BOUND', per: 'hour' }],
    place: 'Bristol',
    remote: true,
    employmentType: 'CONTRACTOR',
    validThrough: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
  });
  const id = String(opening.id);
  await apiAs(baseUrl, 'demo-femi', 'PUT', `/api/openings/${id}/status`, { status: 'open' });
  await apiAs(baseUrl, 'demo-carmen', 'PUT', `/api/openings/${id}/applications/me`, { note: 'I keep two co-ops.' });
  await apiAs(baseUrl, 'demo-femi', 'PUT', `/api/openings/${id}/applicants/demo-carmen/stage`, { stage: 'offered' });
  await apiAs(baseUrl, 'demo-carmen', 'PUT', `/api/openings/${id}/applications/me/offer`, { answer: 'accept' });
}, 60_000);
afterAll(() => browser?.close());

describe('pay for work', () => {
  it('pays Carmen hours × rate once Femi approves the hours she logged', async () => {
    const phone = { javaScriptEnabled: false, viewport: { width: 360, height: 800 } };
    const carmenContext = await browser.newContext(phone);
    const carmen = await carmenContext.newPage();
    await signIn(carmen, baseUrl, /Carmen Ruiz/, '/me/work/');
    const note = `Reconciled the bank for the bakery co-op ${stamp}`;
    await carmen.getByLabel(/^Position/).selectOption({ label: `${title}, Ledger Helpers ${stamp}` });
    await carmen
      .getByLabel(/^Work, at the syndicate/)
      .selectOption({ label: 'Month-end bookkeeping: 25.00 Bound an hour' });
    await carmen.getByLabel(/^What you did/).fill(note);

    // Hours that are not quarter hours are refused beside the field, the note kept, nothing logged.
    await carmen.getByLabel(/^Hours/).fill('2.6');
    await carmen.getByRole('button', { name: 'Log hours' }).click();
    await expect(carmen.locator('.field-error').first().textContent()).resolves.toMatch(/quarter hours/);
    await expect(carmen.getByLabel(/^What you did/).inputValue()).resolves.toBe(note);

    await carmen.getByLabel(/^Hours/).fill('2.5');
    await carmen.getByRole('button', { name: 'Log hours' }).click();
    await carmen.waitForURL(/\/me\/work\/\?logged=/);
    await expect(carmen.getByRole('status').textContent()).resolves.toContain('Logged');
    await expect(
      carmen
        .getByRole('row')
        .filter({ hasText: `Ledger Helpers ${stamp}` })
        .first()
        .textContent(),
    ).resolves.toMatch(/Month-end bookkeeping.*2\.5.*awaiting approval/);
    await expect(axeViolations(/Carmen Ruiz/, '/me/work/')).resolves.toEqual([]);

    const femiContext = await browser.newContext(phone);
    const femi = await femiContext.newPage();
    await signIn(femi, baseUrl, /Femi Adeyemi/, `/syndicates/${syndicateId}/`);
    await femi.getByRole('link', { name: 'Hours to approve' }).click();
    const card = femi.getByRole('listitem').filter({ hasText: note });
    await expect(card.textContent()).resolves.toContain('Approving pays 62.50 Bound (2.5 h × 25.00 Bound).');
    await card.getByRole('link', { name: 'Approve…' }).click();
    const confirm = femi.getByRole('listitem').filter({ hasText: note });
    await expect(confirm.textContent()).resolves.toContain(
      // The stamp is random: a name ending in s takes the apostrophe alone.
      `Pay Carmen Ruiz 62.50 Bound from ${possessive(`Ledger Helpers ${stamp}`)} account?`,
    );
    const confirmPath = new URL(femi.url()).pathname + new URL(femi.url()).search;
    await expect(axeViolations(/Femi Adeyemi/, confirmPath)).resolves.toEqual([]);
    await confirm.getByRole('button', { name: 'Yes, pay 62.50 Bound' }).click();
    await expect(femi.getByRole('status').textContent()).resolves.toContain('paid 62.50 Bound');
    await expect(femi.getByRole('listitem').filter({ hasText: note }).count()).resolves.toBe(0);

    await carmen.goto(`${baseUrl}/ledger/me/`);
    await lastPage(carmen);
    const memo = /Work: 2\.5 h of Month-end bookkeeping on \d{4}-\d{2}-\d{2}/;
    await expect(carmen.getByRole('row').filter({ hasText: memo }).last().textContent()).resolves.toMatch(
      new RegExp(`Payment received.*Ledger Helpers ${stamp}.*62\\.50 Bound`),
    );
    await carmen.goto(`${baseUrl}/me/work/`);
    await expect(
      carmen
        .getByRole('row')
        .filter({ hasText: `Ledger Helpers ${stamp}` })
        .first()
        .textContent(),
    ).resolves.toMatch(/approved.*62\.50 Bound \(2\.5 h × 25\.00 Bound\)/);
    await carmenContext.close();
    await femiContext.close();
  });

  it('has Femi propose a rate card with a skill’s unpleasant line to the members, refusing a level without a skill beside its row', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    const femi = await context.newPage();
    await signIn(femi, baseUrl, /Femi Adeyemi/, `/syndicates/${syndicateId}/`);
    // Carmen works under the card too, so it changes only by the members' vote: the editor says so.
    const editor = femi.locator('#f-rateCard');
    await expect(editor.textContent()).resolves.toContain('changes only by their vote');
    await expect(femi.getByRole('button', { name: 'Save the rate card' }).count()).resolves.toBe(0);
    await expect(axeViolations(/Femi Adeyemi/, `/syndicates/${syndicateId}/`)).resolves.toEqual([]);

    const added = femi.getByRole('group', { name: 'New line 1' });
    await added.getByLabel('Service').fill('Clearing a flooded archive');
    await added.getByLabel('Rate').fill('20');
    await added.getByLabel('Level').selectOption('working');
    await femi.getByRole('button', { name: 'Propose this rate card to the members' }).click();
    const refused = femi.getByRole('group', { name: 'Line 2: Clearing a flooded archive' });
    await expect(refused.getByRole('alert').textContent()).resolves.toContain('A level prices a skill');
    await expect(femi.url()).toContain(`/syndicates/${syndicateId}/`);

    await refused.getByLabel(/^Skill/).fill('bank-reconciliation');
    await refused.getByRole('checkbox', { name: /Unpleasant work/ }).check();
    await femi.getByLabel(/^Title of the proposal/).fill(`Pay flooded archives as unpleasant ${stamp}`);
    await femi.getByRole('checkbox', { name: /cannot be withdrawn/ }).check();
    await femi.getByRole('button', { name: 'Propose this rate card to the members' }).click();
    await femi.waitForURL(/\/decisions\/[^/]+\/\?done=propose$/);
    await expect(femi.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      `Pay flooded archives as unpleasant ${stamp}`,
    );
    await expect(femi.getByRole('status').textContent()).resolves.toContain('The members vote on it');
    await expect(femi.locator('main').textContent()).resolves.toContain(
      'Clearing a flooded archive (skill bank-reconciliation, working): 20.00 BOUND per hour, unpleasant: paid 1.5×',
    );
    const proposalPath = new URL(femi.url()).pathname;
    await expect(axeViolations(/Femi Adeyemi/, proposalPath)).resolves.toEqual([]);

    // Nothing was saved behind the members' backs: the card is as it was until they vote it.
    await femi.goto(`${baseUrl}/syndicates/${syndicateId}/`);
    await expect(femi.getByRole('row').filter({ hasText: 'Clearing a flooded archive' }).count()).resolves.toBe(0);
    await context.close();
  });
});
