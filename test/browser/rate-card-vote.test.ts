// Riverside Builders votes a new rate card, in Chromium, on phones without JavaScript: Bram drafts it
// with a line for unpleasant work (stripping mouldy plaster, paid 1.5×), edits the draft, and opens it;
// of the five members, Bram, Joost and Lotte vote yes and Sanne no, Kwame does not vote: 3 of 5 is half
// or more, so it passes. Then Kwame logs hours on the new line and Bram's approval pays him 1.5× its
// rate. Three days pass in the stack's table: the test moves the proposal's closing time into the past
// (as the write world does; the sweep's index keeps the old time, so the closing is Bram's click).
// Then Joost proposes Lotte as an admin: a membership keeps its votes secret, so Sanne (a member) sees
// the counts and no names, and a visitor sees neither. Joost, Lotte, Sanne and Kwame are demo people no
// other browser test signs in as; the opening is new.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDocumentClient } from '#adapters/dynamodb/client.ts';
import { proposalLookup } from '#adapters/dynamodb/keys.ts';
import { axeViolationsAs, lastPage, launchBrowser } from '../support/browser.ts';
import { apiAs, signIn } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
const store = inject('store');
const stamp = Date.now().toString(36);
const opening = `Damp flat strip-out ${stamp}`;
const title = `Pay mouldy strip-outs as unpleasant ${stamp}`;
const line = 'Stripping mouldy plaster';
const phone = { javaScriptEnabled: false, viewport: { width: 360, height: 800 } };
let browser: Browser;
const contexts: BrowserContext[] = [];

/** A member's phone, signed in, on `path`. */
async function as(name: RegExp, path: string): Promise<Page> {
  const context = await browser.newContext(phone);
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, baseUrl, name, path);
  return page;
}

/** The axe violations of a page as `person` sees it (support/browser.ts). */
const axeViolations = (person: RegExp, path: string) => axeViolationsAs(browser, baseUrl, person, path);

beforeAll(async () => {
  browser = await launchBrowser();
  // Kwame holds a position at a new Riverside opening, so he may log hours against its rate card.
  const made = await apiAs(baseUrl, 'demo-bram', 'POST', '/api/syndicates/riverside-builders/openings', {
    title: opening,
    description: 'Strip mould-damaged plaster back to brick in a flat of the housing co-op, then make good.',
    skills: [{ skill: 'construction-site-safety', level: 'working' }],
    positions: 1,
    hoursPerWeek: 16,
    pay: [{ amount: 4000, currency: 'BOUND', per: 'hour' }],
    place: 'Rotterdam, NL',
    remote: false,
    employmentType: 'CONTRACTOR',
    validThrough: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
  });
  const id = String(made.id);
  await apiAs(baseUrl, 'demo-bram', 'PUT', `/api/openings/${id}/status`, { status: 'open' });
  await apiAs(baseUrl, 'demo-kwame', 'PUT', `/api/openings/${id}/applications/me`, { note: 'I can start Monday.' });
  await apiAs(baseUrl, 'demo-bram', 'PUT', `/api/openings/${id}/applicants/demo-kwame/stage`, { stage: 'offered' });
  await apiAs(baseUrl, 'demo-kwame', 'PUT', `/api/openings/${id}/applications/me/offer`, { answer: 'accept' });
}, 60_000);
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

describe('a rate card voted by Riverside Builders', () => {
  it('passes with 3 of 5 members voting yes, and the next work payment is at its unpleasant rate (1.5×)', async () => {
    // Bram drafts the card: the syndicate's four lines as they are, and a new one at 30.00 Bound an hour.
    const bram = await as(/Bram Jansen/, '/decisions/new/?kind=rate-card&scope=syndicate:riverside-builders');
    const added = bram.getByRole('group', { name: 'New line 1' });
    await added.getByLabel('Service').fill(line);
    await added.getByLabel('Rate').fill('30');
    await added.getByRole('checkbox', { name: /Unpleasant work/ }).check();
    await bram.getByLabel(/^Title/).fill(title);
    await bram.getByLabel(/Keep it as a draft/).check();
    await bram.getByRole('button', { name: 'Propose' }).click();
    await bram.waitForURL(/\/decisions\/[a-z0-9-]+\/$/);
    const proposalPath = new URL(bram.url()).pathname;
    await expect(bram.locator('.lede').textContent()).resolves.toBe('Draft: only you see it until you open it.');

    // He edits the draft: the rate was meant to be 40.00; the other lines stay as they were.
    await bram.getByRole('link', { name: 'Edit the draft' }).click();
    await expect(axeViolations(/Bram Jansen/, new URL(bram.url()).pathname)).resolves.toEqual([]);
    const edited = bram.getByRole('group', { name: `Line 5: ${line}` });
    await expect(edited.getByLabel('Rate').inputValue()).resolves.toBe('30.00');
    await expect(edited.getByRole('checkbox', { name: /Unpleasant work/ }).isChecked()).resolves.toBe(true);
    await edited.getByLabel('Rate').fill('40');
    await bram.getByRole('button', { name: 'Save the draft' }).click();
    await bram.waitForURL(`${baseUrl}${proposalPath}?done=edit`);
    await expect(bram.getByRole('status').textContent()).resolves.toContain('Draft saved');
    await expect(bram.locator('main').textContent()).resolves.toContain(
      `${line}: 40.00 BOUND per hour, unpleasant: paid 1.5×`,
    );
    await expect(bram.locator('main').textContent()).resolves.toContain('Carpentry, per hour: 45.00 EUR per hour');

    await bram.getByRole('button', { name: 'Open it for votes' }).click();
    await expect(bram.locator('.lede').textContent()).resolves.toMatch(/^Open for votes until/);
    await expect(bram.locator('main').textContent()).resolves.toContain(
      'It passes with at least 3 yes votes of the 5 members who could vote when it opened',
    );

    // Four of the five vote, each on their own phone; Kwame does not.
    const votes: Array<[RegExp, string, 'Yes' | 'No']> = [
      [/Bram Jansen/, 'Bram Jansen', 'Yes'],
      [/Joost de Vries/, 'Joost de Vries', 'Yes'],
      [/Lotte Bakker/, 'Lotte Bakker', 'Yes'],
      [/Sanne Visser/, 'Sanne Visser', 'No'],
    ];
    for (const [person, name, choice] of votes) {
      const page = name === 'Bram Jansen' ? bram : await as(person, proposalPath);
      await page.getByRole('radio', { name: choice }).check();
      await page.getByRole('button', { name: 'Vote' }).click();
      await expect(page.getByRole('status').textContent()).resolves.toContain(
        `Your vote is counted: ${choice.toLowerCase()}`,
      );
    }
    await bram.goto(`${baseUrl}${proposalPath}`);
    await expect(bram.locator('.tally').textContent()).resolves.toMatch(/Yes\s*3\s*No\s*1\s*Abstain\s*0/);
    await expect(bram.getByRole('listitem').filter({ hasText: 'Sanne Visser' }).textContent()).resolves.toBe(
      'Sanne Visser: no',
    );

    // Until it closes, the card is as it was: Kwame has no such line to log hours on.
    const kwame = await as(/Kwame Boateng/, '/me/work/');
    const work = kwame.getByLabel(/^Work, at the syndicate/);
    await expect(work.locator('option', { hasText: line }).count()).resolves.toBe(0);

    // Three days pass.
    const client = createDocumentClient({ region: 'eu-west-1', endpoint: store.endpoint, timeoutMs: 10_000 });
    await client.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: proposalLookup(proposalPath.split('/')[2] ?? ''),
        UpdateExpression: 'SET closesAt = :past',
        ExpressionAttributeValues: { ':past': new Date(Date.now() - 1000).toISOString() },
      }),
    );
    client.destroy();
    await bram.goto(`${baseUrl}${proposalPath}`);
    await bram.getByRole('button', { name: 'Close and count the votes' }).click();
    await expect(bram.getByRole('status').textContent()).resolves.toMatch(
      /^Closed\. Passed on \d{4}-\d{2}-\d{2}, and its change was made\.$/,
    );
    await bram.goto(`${baseUrl}/syndicates/riverside-builders/`);
    await expect(bram.locator('main').textContent()).resolves.toContain(line);

    // Kwame logs two hours on the new line: 40.00 Bound an hour, paid 1.5× as unpleasant work.
    await kwame.goto(`${baseUrl}/me/work/`);
    const note = `Stripped the back bedroom to brick ${stamp}`;
    await kwame.getByLabel(/^Position/).selectOption({ label: `${opening}, Riverside Builders` });
    await work.selectOption({ label: `${line}: 60.00 Bound an hour, unpleasant work paid 1.5×` });
    await kwame.getByLabel(/^What you did/).fill(note);
    await kwame.getByLabel(/^Hours/).fill('2');
    await kwame.getByRole('button', { name: 'Log hours' }).click();
    await kwame.waitForURL(/\/me\/work\/\?logged=/);

    await bram.goto(`${baseUrl}/syndicates/riverside-builders/work/`);
    const card = bram.getByRole('listitem').filter({ hasText: note });
    await expect(card.textContent()).resolves.toContain('Approving pays 120.00 Bound (2 h × 60.00 Bound).');
    await card.getByRole('link', { name: 'Approve…' }).click();
    await bram
      .getByRole('listitem')
      .filter({ hasText: note })
      .getByRole('button', { name: 'Yes, pay 120.00 Bound' })
      .click();
    await expect(bram.getByRole('status').textContent()).resolves.toContain('paid 120.00 Bound');

    await kwame.goto(`${baseUrl}/ledger/me/`);
    await lastPage(kwame);
    const memo = new RegExp(`Work: 2 h of ${line} on \\d{4}-\\d{2}-\\d{2}`);
    await expect(kwame.getByRole('row').filter({ hasText: memo }).last().textContent()).resolves.toMatch(
      /Payment received.*Riverside Builders.*120\.00 Bound/,
    );
  });

  it('keeps a membership vote secret: counts for the members only until it closes, and no voter named', async () => {
    const joost = await as(/Joost de Vries/, '/decisions/new/?kind=membership&scope=syndicate:riverside-builders');
    await expect(joost.locator('main').textContent()).resolves.toContain('Its votes are secret');
    await joost.getByLabel(/^Title/).fill(`Lotte as an admin ${stamp}`);
    await joost.getByLabel(/^What happens to them/).selectOption('make-admin');
    await joost.getByLabel(/^Person’s id/).fill('demo-lotte');
    await joost.getByLabel(/I understand that once open/).check();
    await joost.getByRole('button', { name: 'Propose' }).click();
    await joost.waitForURL(/\/decisions\/[a-z0-9-]+\/$/);
    const path = new URL(joost.url()).pathname;
    await joost.getByRole('radio', { name: 'Yes' }).check();
    await joost.getByRole('button', { name: 'Vote' }).click();
    await expect(joost.getByRole('status').textContent()).resolves.toContain('Your vote is counted: yes');

    // A member sees the counts, and nobody's name beside a vote, not even her own.
    const sanne = await as(/Sanne Visser/, path);
    await expect(sanne.locator('.tally').textContent()).resolves.toMatch(/Yes\s*1\s*No\s*0\s*Abstain\s*0/);
    await expect(sanne.getByRole('heading', { name: 'How members voted' }).count()).resolves.toBe(0);
    await expect(sanne.locator('main').textContent()).resolves.toContain('nobody is shown who voted how');
    // A visitor sees neither the counts nor the names, on the page or in the list.
    const visitor = await browser.newContext(phone);
    contexts.push(visitor);
    const page = await visitor.newPage();
    await page.goto(`${baseUrl}${path}`);
    await expect(page.locator('.tally').count()).resolves.toBe(0);
    await expect(page.locator('main').textContent()).resolves.not.toContain('Joost de Vries');
    await page.goto(`${baseUrl}/decisions/?scope=syndicate:riverside-builders`);
    const listed = page.getByRole('listitem').filter({ hasText: `Lotte as an admin ${stamp}` });
    await expect(listed.textContent()).resolves.toContain('Its votes are secret: the counts are shown once it closes.');
    await expect(axeViolations(/Sanne Visser/, path)).resolves.toEqual([]);
  });
});
