// Issue 19's flow slips, as a person meets them. Dev, signed out, starts to apply to an opening and to ask
// to join a syndicate: the sign-in brings him back to the form, which says nothing was sent yet, and he
// sends it himself (a post sent without a session is never replayed). His profile offers the quiz once
// every lesson of a course is done and never lists a course both as recommended and in progress. Femi's
// syndicate lists a draft as a draft and, once published, as open. A search that finds nothing offers a
// spelling that finds something, the trades and places to browse; the new-proposal page's error summary
// lands on the fields it names. The syndicate and its openings are new (Femi's, as work-pay makes its
// own), so no other browser test meets them; Dev's other tests read his applications and inbox for
// openings of their own, and none reads his recommendations.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { courseNamed, finishLessonsOverHttp } from '../support/quiz.ts';
import { commons } from '../support/services.ts';
import { apiAs, signIn, tokenFor } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const stamp = Date.now().toString(36);
const syndicateId = `flow-checkers-${stamp}`;
const syndicateName = `Flow Checkers ${stamp}`;
const openTitle = `Bookkeeper for the flow checks ${stamp}`;
const draftTitle = `Draft bookkeeper ${stamp}`;
let openingId = '';
let draftId = '';
let browser: Browser;

const opening = (title: string) => ({
  title,
  description: 'Keep the books of a small co-operative through the month-end close, with a shared checklist.',
  skills: [{ skill: 'bookkeeping-fundamentals', level: 'working' }],
  positions: 1,
  hoursPerWeek: 8,
  pay: [{ amount: 2500, currency: 'BOUND', per: 'hour' }],
  place: 'Bristol',
  remote: true,
  employmentType: 'CONTRACTOR',
  validThrough: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
});

/** A fresh browser context that carries axe (as an init script: the pages' CSP refuses an added one). */
async function newContext() {
  const context = await browser.newContext();
  await context.addInitScript({ content: axeSource });
  return context;
}

/** The page's axe violations (WCAG 2.1 A and AA), one line each. */
async function axeViolations(page: Page) {
  const result = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`,
  )) as { violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> };
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** How many people applied to the opening, as its admin Femi reads them. */
async function applicants(id: string) {
  const answer = (await apiAs(baseUrl, 'demo-femi', 'GET', `/api/openings/${id}/applicants`)) as { items: unknown[] };
  return answer.items.length;
}

beforeAll(async () => {
  browser = await launchBrowser();
  await apiAs(baseUrl, 'demo-femi', 'POST', '/api/syndicates', {
    id: syndicateId,
    name: syndicateName,
    trade: 'bookkeeping',
    description: 'Bookkeepers who check that every flow of the site survives a sign-in.',
    place: 'Bristol',
  });
  openingId = String(
    (await apiAs(baseUrl, 'demo-femi', 'POST', `/api/syndicates/${syndicateId}/openings`, opening(openTitle))).id,
  );
  await apiAs(baseUrl, 'demo-femi', 'PUT', `/api/openings/${openingId}/status`, { status: 'open' });
  draftId = String(
    (await apiAs(baseUrl, 'demo-femi', 'POST', `/api/syndicates/${syndicateId}/openings`, opening(draftTitle))).id,
  );
}, 60_000);
afterAll(() => browser?.close());

describe('an action started while signed out', () => {
  it('brings Dev back to the opening’s form after signing in to apply, says nothing was sent yet, and sends it when he presses Apply', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/jobs/${openingId}/`);
    await page.getByRole('link', { name: 'Sign in to apply' }).click();
    await page.waitForURL(/\/auth\/sign-in\?returnTo=/);
    await page.getByRole('button', { name: /Dev Patel/ }).click();
    await page.waitForURL(`${baseUrl}/jobs/${openingId}/?continue=apply#apply`);
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'Your application is not sent yet: write a short note below and press Apply.',
    );
    expect(await applicants(openingId)).toBe(0);
    await expect(axeViolations(page)).resolves.toEqual([]);

    await page.getByLabel('A short note to the syndicate').fill('I keep the books of two co-ops already.');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(`${baseUrl}/jobs/${openingId}/`);
    await expect(page.getByRole('status').textContent()).resolves.toContain('Your application is in.');
    expect(await applicants(openingId)).toBe(1);
    await context.close();
  });

  it('brings Dev back to the syndicate’s Ask to join after signing in, says the request is not sent, and sends it when he asks', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/syndicates/${syndicateId}/`);
    await page.getByRole('link', { name: 'Sign in to ask to join' }).click();
    await page.waitForURL(/\/auth\/sign-in\?returnTo=/);
    await page.getByRole('button', { name: /Dev Patel/ }).click();
    await page.waitForURL(`${baseUrl}/syndicates/${syndicateId}/?continue=join#membership`);
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'Your request is not sent yet: press Ask to join to send it',
    );
    await page.getByRole('button', { name: 'Ask to join' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toBe('Your request is with the admins.');
    await context.close();
  });

  it('answers a form sent without a session with a sign-in that returns to the form, never replaying the post', async () => {
    const post = (path: string, fields: Record<string, string>) =>
      fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { origin: baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
        redirect: 'manual',
      });
    const returnTo = (response: Response) =>
      new URL(response.headers.get('location') ?? '', baseUrl).searchParams.get('returnTo');
    const course = 'food-safety-in-the-kitchen';

    const enroll = await post(`/learn/${course}/enroll`, { idempotencyKey: crypto.randomUUID() });
    expect(enroll.status).toBe(303);
    expect(returnTo(enroll)).toBe(`/learn/${course}/enroll/`);
    const apply = await post(`/jobs/${openingId}/`, { intent: 'apply', note: 'Sent after my session ended.' });
    expect(apply.status).toBe(303);
    expect(returnTo(apply)).toBe(`/jobs/${openingId}/?continue=apply#apply`);
    const join = await post(`/syndicates/${syndicateId}/`, { intent: 'join' });
    expect(returnTo(join)).toBe(`/syndicates/${syndicateId}/?continue=join#membership`);

    // Back from the sign-in, a course Dev has not started asks first: the GET writes nothing, the button does.
    const { enrollments } = (await apiAs(baseUrl, 'demo-dev', 'GET', '/api/me/learning')) as {
      enrollments: Array<{ courseId: string }>;
    };
    const started = new Set(enrollments.map((e) => e.courseId));
    const fresh = [...commons.courses.values()].find((c) => !started.has(c.id));
    if (!fresh) throw new Error('Dev has started every course');
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, baseUrl, /Dev Patel/, `/learn/${fresh.id}/enroll/`);
    await expect(page.locator('h1').textContent()).resolves.toBe(`Start ${fresh.title}`);
    await expect(axeViolations(page)).resolves.toEqual([]);
    const after = (await apiAs(baseUrl, 'demo-dev', 'GET', '/api/me/learning')) as {
      enrollments: Array<{ courseId: string }>;
    };
    expect(after.enrollments.map((e) => e.courseId)).not.toContain(fresh.id);
    await context.close();
  });
});

describe('Dev’s profile', () => {
  it('offers the quiz once every lesson is done, and never lists a course as both recommended and in progress', async () => {
    const token = await tokenFor(baseUrl, 'demo-dev');
    const { courses } = (await apiAs(baseUrl, 'demo-dev', 'GET', '/api/me/recommendations')) as {
      courses: Array<{ courseId: string; inProgress: boolean }>;
    };
    // His first recommendation not yet started (learner-journey starts double-entry bookkeeping for him).
    const first = courses.find((c) => !c.inProgress && c.courseId !== 'double-entry-bookkeeping-basics');
    if (!first) throw new Error('Dev has no course left to be recommended');
    const course = courseNamed(first.courseId);
    await finishLessonsOverHttp(baseUrl, token, course);

    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, baseUrl, /Dev Patel/, '/me/');
    const inProgressList = page
      .locator('h2', { hasText: 'Courses in progress' })
      .locator('xpath=following-sibling::*[1]');
    const card = inProgressList
      .locator('li.card')
      .filter({ has: page.getByRole('heading', { name: course.title, exact: true }) });
    // Soft: a profile that gets both wrong reports both.
    expect.soft(await card.locator('a.button').textContent()).toBe(`Take the quiz: ${course.title}`);
    expect.soft(await card.locator('a.button').getAttribute('href')).toBe(`/learn/${course.id}/quiz/`);
    const inProgress = await inProgressList.locator('h3').allTextContents();
    const recommended = await page.locator('.recommended .card h3').allTextContents();
    expect(inProgress).toContain(course.title);
    expect.soft(recommended.filter((title) => inProgress.includes(title))).toEqual([]);
    await context.close();
  });
});

describe('a syndicate’s list of every opening', () => {
  it('shows Femi a draft as a draft, and once he publishes it, as open and among the open positions', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, baseUrl, /Femi Adeyemi/, `/syndicates/${syndicateId}/`);
    const every = page.locator('#every-heading ~ ul li');
    await expect(every.filter({ hasText: draftTitle }).locator('.status').textContent()).resolves.toBe('Draft');
    await page.goto(`${baseUrl}/jobs/${draftId}/`);
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toBe('The opening is published.');
    await page.goto(`${baseUrl}/syndicates/${syndicateId}/`);
    await expect(every.filter({ hasText: draftTitle }).locator('.status').textContent()).resolves.toBe('Open');
    await expect(page.locator('#openings-heading ~ ul').first().textContent()).resolves.toContain(draftTitle);
    await context.close();
  });
});

describe('a search that finds nothing', () => {
  it('offers a spelling that finds something, every trade, and places to browse', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/search/?q=solr`);
    await expect(page.getByRole('heading', { name: 'Nothing matches “solr”' }).count()).resolves.toBe(1);
    for (const trade of commons.trades)
      await expect(page.getByRole('link', { name: trade.label, exact: true }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'every course' }).getAttribute('href')).resolves.toBe('/learn/');
    await expect(axeViolations(page)).resolves.toEqual([]);
    await page.getByRole('link', { name: 'solar', exact: true }).click();
    await page.waitForURL(`${baseUrl}/search/?q=solar`);
    await expect(page.getByRole('status').textContent()).resolves.not.toMatch(/^0 results/);
    await context.close();
  });
});

describe('the new-proposal page’s error summary', () => {
  it.each([
    ['credit-limit', { 'f-account': `syndicate:${syndicateId}`, 'f-credit': 'lots' }, '#f-credit'],
    [
      'credit-policy',
      { 'f-default-credit': 'lots', 'f-tier-months-0': '6', 'f-tier-credit-0': 'many' },
      '#f-default-credit',
    ],
  ] as const)('links each refusal of a %s proposal to the field it names', async (kind, fields, expected) => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, baseUrl, /Dev Patel/, `/decisions/new/?kind=${kind}`);
    await page.locator('#f-title').fill(`A ${kind} the flow checks refuse`);
    for (const [id, value] of Object.entries(fields)) await page.locator(`#${id}`).fill(value);
    await page.locator('#f-confirm').check();
    await page.getByRole('button', { name: 'Propose' }).click();
    const links = await page.locator('.error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain(expected);
    for (const href of links) {
      expect(href, 'a link to a field').toMatch(/^#f-/);
      await expect(page.locator(href ?? '').count(), `${href} is on the page`).resolves.toBe(1);
    }
    await context.close();
  });
});
