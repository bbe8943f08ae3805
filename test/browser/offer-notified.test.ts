// The hiring loop that talks back, end to end on one machine: Bram, admin of Zonnewerk Rotterdam,
// shortlists Dev, writes to him and offers him the position; the table's stream (the local stack's
// poller) tells Dev in his inbox, counted in the header, and by an email caught at /dev/mail/, whose
// link opens his application's page, where he accepts through the confirmation step; the position
// fills. Grace, declined from another opening with a reason, is told so in her inbox, and her
// application's page says why. Each opening is a new one of a syndicate no other browser test hires for, and everything is
// looked up by its unique title, so what other tests send Dev does not matter.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { apiAs, signIn } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/**
 * Asks `found` again every 200 ms until it answers, for at most 30 s: the poller reads the stream every
 * 100 ms, but under CI's load, with every earlier browser test's records before this one's, it lags.
 */
async function eventually<T>(what: string, found: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await found();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Not there after 30 s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The header's unread count (0 when it shows none). */
async function unreadInHeader(page: Page) {
  const count = page.locator('.site-header .inbox-link .count');
  return (await count.count()) === 0 ? 0 : Number((await count.textContent())?.replace(/\D/g, '') || 0);
}

describe('a stage change that reaches the applicant', () => {
  it('tells Dev in his inbox and by email, whose link leads him to accept, and the position fills', async () => {
    const title = `Solar roof fitter ${Date.now()}`;
    const opening = await apiAs(baseUrl, 'demo-bram', 'POST', '/api/syndicates/zonnewerk-rotterdam/openings', {
      title,
      description: 'Fit solar panels on the roofs of a housing co-op, in a team that plans the week together.',
      skills: [{ skill: 'solar-site-survey', level: 'working' }],
      positions: 1,
      hoursPerWeek: 24,
      pay: [{ amount: 3600, currency: 'EUR', per: 'hour' }],
      place: 'Rotterdam, NL',
      remote: false,
      employmentType: 'CONTRACTOR',
      validThrough: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
    });
    const id = String(opening.id);
    const applicationPath = `/jobs/${id}/applications/demo-dev/`;
    await apiAs(baseUrl, 'demo-bram', 'PUT', `/api/openings/${id}/status`, { status: 'open' });
    await apiAs(baseUrl, 'demo-dev', 'PUT', `/api/openings/${id}/applications/me`, {
      note: 'I fitted panels on two schools.',
    });

    // Bram shortlists Dev, writes to him and offers him the position, all on the site.
    const admin = await browser.newContext();
    const adminPage = await admin.newPage();
    await signIn(adminPage, baseUrl, /Bram Jansen/, `/jobs/${id}/applicants/`);
    await adminPage.getByRole('button', { name: 'Shortlist Dev Patel' }).click();
    await expect(adminPage.getByRole('status').textContent()).resolves.toContain('Moved to “Shortlisted”');
    await adminPage.getByRole('link', { name: 'Stage and messages with Dev Patel' }).click();
    await adminPage.waitForURL(`${baseUrl}${applicationPath}`);
    await adminPage.getByLabel('Write to the applicant').fill('Could you climb a roof on **Thursday**?');
    await adminPage.getByRole('button', { name: 'Send' }).click();
    await expect(adminPage.getByRole('status').textContent()).resolves.toBe('Your message is sent.');
    await adminPage.getByRole('radio', { name: /Offered the position/ }).check();
    await adminPage.getByLabel(/A message to Dev Patel/).fill('The roofs are yours if you want them.');
    await adminPage.getByRole('button', { name: 'Move' }).click();
    await expect(adminPage.getByRole('status').textContent()).resolves.toBe('The stage is changed.');

    // The stream tells Dev: his inbox holds the offer, unread, linking to his application's page.
    const offer = `You have an offer for ${title}`;
    await eventually('the offer in Dev’s inbox', async () => {
      const inbox = (await apiAs(baseUrl, 'demo-dev', 'GET', '/api/me/notifications')) as {
        items: Array<{ title: string }>;
      };
      return inbox.items.find((item) => item.title === offer);
    });
    const applicant = await browser.newContext({ viewport: { width: 360, height: 780 }, javaScriptEnabled: false });
    const page = await applicant.newPage();
    await signIn(page, baseUrl, /Dev Patel/, '/me/notifications/');
    expect(await unreadInHeader(page)).toBeGreaterThan(0);
    const item = page.locator('li.notification', { hasText: offer });
    await expect(item.getAttribute('class')).resolves.toContain('unread');
    await expect(item.getByRole('link').getAttribute('href')).resolves.toBe(applicationPath);

    // And by email: the caught mail names the offer and links to the same page on the site.
    await eventually('the offer’s email at /dev/mail/', async () => {
      await page.goto(`${baseUrl}/dev/mail/`);
      return (await page.getByRole('link', { name: offer }).count()) > 0 ? true : undefined;
    });
    await page.getByRole('link', { name: offer }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(offer);
    await expect(page.locator('main').textContent()).resolves.toContain('dev@demo.guildhall.coop');
    const text = (await page.locator('pre').textContent()) ?? '';
    expect(text).toContain('The syndicate wrote a message with it.');
    const link = /Open it on Guildhall: (\S+)/.exec(text)?.[1] ?? '';
    expect(link).toBe(`${baseUrl}${applicationPath}`);

    // He follows it, reads the offer and Bram's messages, and accepts through the confirmation step.
    await page.goto(link);
    await expect(page.locator('.status').first().textContent()).resolves.toBe('Offered the position');
    await expect(page.locator('.thread .prose strong').first().textContent()).resolves.toBe('Thursday');
    await expect(page.locator('.thread').textContent()).resolves.toContain('The roofs are yours');
    await page.getByRole('link', { name: 'Accept the offer…' }).click();
    await expect(page.getByRole('heading', { name: 'Accept the offer?' }).count()).resolves.toBe(1);
    await expect(page.locator('main').textContent()).resolves.toContain(
      `Accepting fills one position of “${title}” and cannot be undone`,
    );
    await page.getByRole('button', { name: 'Yes, accept the offer' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('You accepted the offer');
    await expect(page.locator('.status').first().textContent()).resolves.toBe('Accepted (the position is filled)');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

    const filled = (await (await fetch(`${baseUrl}/api/openings/${id}`)).json()) as Record<string, unknown>;
    expect(filled).toMatchObject({ filled: 1, status: 'filled' });
    // Bram hears that his offer was accepted, in his inbox.
    await eventually('the acceptance in Bram’s inbox', async () => {
      const inbox = (await apiAs(baseUrl, 'demo-bram', 'GET', '/api/me/notifications?pageSize=100')) as {
        items: Array<{ title: string }>;
      };
      return inbox.items.find((notice) => notice.title === `An applicant accepted the offer for ${title}`);
    });
    await admin.close();
    await applicant.close();
  }, 90_000);

  it('tells Grace, declined with a reason, in her inbox, and her application’s page says why', async () => {
    const title = `Battery store fitter ${Date.now()}`;
    const opening = await apiAs(baseUrl, 'demo-bram', 'POST', '/api/syndicates/zonnewerk-rotterdam/openings', {
      title,
      description: 'Fit home battery stores beside solar roofs, in a team that plans the week together.',
      skills: [{ skill: 'solar-site-survey', level: 'working' }],
      positions: 1,
      hoursPerWeek: 16,
      pay: [{ amount: 3400, currency: 'EUR', per: 'hour' }],
      place: 'Rotterdam, NL',
      remote: false,
      employmentType: 'CONTRACTOR',
      validThrough: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
    });
    const id = String(opening.id);
    const applicationPath = `/jobs/${id}/applications/demo-grace/`;
    await apiAs(baseUrl, 'demo-bram', 'PUT', `/api/openings/${id}/status`, { status: 'open' });
    await apiAs(baseUrl, 'demo-grace', 'PUT', `/api/openings/${id}/applications/me`, {
      note: 'I kept the books of a battery co-op.',
    });

    // Bram declines her through the confirmation step, picking the reason she will be told.
    const admin = await browser.newContext();
    const adminPage = await admin.newPage();
    await signIn(adminPage, baseUrl, /Bram Jansen/, applicationPath);
    await adminPage.getByRole('link', { name: 'Decline Grace Mensah…' }).click();
    await expect(adminPage.locator('main').textContent()).resolves.toContain(
      `Declining ends this application to “${title}” for good`,
    );
    await adminPage.getByLabel(/The reason Grace Mensah will be told/).selectOption('another-applicant');
    await adminPage.getByLabel('A few words beside the reason (optional)').fill('We hope to see you on the next roof.');
    await adminPage.getByRole('button', { name: 'Decline the applicant' }).click();
    await expect(adminPage.locator('.status').first().textContent()).resolves.toMatch(/Declined/);
    await admin.close();

    // The stream tells her: the notification is in her inbox, unread, and links to her application.
    const declined = `Your application to ${title} was declined`;
    await eventually('the decline in Grace’s inbox', async () => {
      const inbox = (await apiAs(baseUrl, 'demo-grace', 'GET', '/api/me/notifications')) as {
        items: Array<{ title: string }>;
      };
      return inbox.items.find((item) => item.title === declined);
    });
    const applicant = await browser.newContext({ viewport: { width: 360, height: 780 }, javaScriptEnabled: false });
    const page = await applicant.newPage();
    await signIn(page, baseUrl, /Grace Mensah/, '/me/notifications/');
    const item = page.locator('li.notification', { hasText: declined });
    await expect(item.getAttribute('class')).resolves.toContain('unread');
    await expect(item.textContent()).resolves.toContain('The syndicate gave a reason.');
    await item.getByRole('link').click();
    await page.waitForURL(`${baseUrl}${applicationPath}`);
    await expect(page.locator('.notice').first().textContent()).resolves.toBe(
      'Reason given: We chose another applicant. We hope to see you on the next roof.',
    );
    // Declined is final: she is offered nothing to do on it.
    await expect(page.getByRole('link', { name: /Withdraw|Accept the offer/ }).count()).resolves.toBe(0);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await applicant.close();
  });
});
