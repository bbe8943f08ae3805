// An axe sweep (WCAG 2.1 A and AA rules) of every kind of page, signed in, in Chromium: in the light theme
// and again in the dark one (the system setting each page follows), so contrast is checked in both.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { unsubscribeToken } from '#domain/notifications/unsubscribe.ts';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { courseNamed, finishLessonsOverHttp } from '../support/quiz.ts';
import { signIn, tokenFor } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const themes = ['light', 'dark'] as const;
let browser: Browser;
const contexts = {} as Record<(typeof themes)[number], BrowserContext>;

beforeAll(async () => {
  browser = await launchBrowser();
  const light = await browser.newContext({ colorScheme: 'light' });
  await signIn(await light.newPage(), baseUrl, /Carmen Ruiz/, '/me/');
  // The same session, with the system set to dark.
  const dark = await browser.newContext({ colorScheme: 'dark', storageState: await light.storageState() });
  for (const context of [light, dark]) {
    // As an init script: a <script> tag added to the page would be refused by its CSP, rightly.
    await context.addInitScript({ content: axeSource });
  }
  Object.assign(contexts, { light, dark });
  // With the lessons done, the quiz page below shows its form of drawn questions, not only a notice.
  const pv = courseNamed('solar-pv-fundamentals-and-site-survey');
  await finishLessonsOverHttp(baseUrl, await tokenFor(baseUrl, 'demo-carmen'), pv);
});
afterAll(() => browser?.close());

const pages = [
  '/',
  '/learn/',
  '/learn/?trade=care',
  '/learn/solar-pv-fundamentals-and-site-survey/',
  '/learn/solar-pv-fundamentals-and-site-survey/01-volts-amps-watts-and-kilowatt-hours/',
  '/learn/solar-pv-fundamentals-and-site-survey/quiz/',
  // A course with practical tasks, and its evidence page (before the quiz: the tasks, no forms yet).
  '/learn/plasterboard-hanging-and-jointing/',
  '/learn/plasterboard-hanging-and-jointing/practical/',
  '/learn/skills/',
  '/learn/skills/pv-module-mounting/',
  '/learn/practices/',
  '/learn/practices/care-shift-handover/',
  '/paths/',
  '/paths/electrician/',
  '/jobs/',
  '/jobs/?sort=match',
  // Nothing matches: the broader searches.
  '/jobs/?q=zzqx&trade=care&remote=true',
  '/jobs/riverside-builders-site-carpenter/',
  '/syndicates/',
  '/syndicates/riverside-builders/',
  '/search/?q=solar',
  '/shortages/',
  '/economy/',
  '/innovations/',
  '/innovations/log/',
  // A draft whose co-inventor has not accepted yet: the consent section.
  '/innovations/seed-tray-labels/',
  '/ledger/',
  '/credentials/verify/',
  '/me/',
  '/me/profile/',
  '/me/profile/skills/?q=safety',
  '/me/profile/cv/',
  // The confirmation step only: nothing here presses its button.
  '/me/delete/',
  '/me/notifications/',
  '/me/profile/goal/',
  '/me/saved-searches/',
  '/people/demo-carmen/',
  '/me/email/',
  // The page an email's unsubscribe link opens (signed with the stack's key; opening it changes nothing).
  `/unsubscribe/${unsubscribeToken(
    readFileSync(join(import.meta.dirname, '../../.cache/instance-key/email-link-key.txt'), 'utf8').trim(),
    { personId: 'demo-carmen', kind: 'value-report-settled' },
  )}/`,
  '/unsubscribe/not-a-link-guildhall-made/',
  '/dev/mail/',
  '/me/pay/?to=syndicate:taller-comun-valencia',
  '/me/payment-requests/',
  '/market/',
  '/market/?side=want&kind=labour',
  '/me/market/',
  '/me/market/new/?side=offer',
  '/me/market/new/?side=want',
  '/me/work/',
  '/me/orders/',
  '/me/orders/?side=selling',
  // The opening form, with its skill finder and the form's hidden default button (Carmen admins it).
  '/syndicates/taller-comun-valencia/openings/new/',
  // Another person's profile: the pay form beside it.
  '/people/demo-ada/',
  '/auth/sign-in',
  '/no-such-page/',
  // The same templates in Spanish and Dutch: a few of them, not every page three times.
  '/es/',
  '/nl/jobs/',
  '/es/learn/solar-pv-fundamentals-and-site-survey/',
  '/nl/search/?q=solar',
];

// A few pages at once (vitest's maxConcurrency, 5), each in its own tab: a page and its axe run wait on
// the stack and on Chromium in turn, so one at a time left the machine's second core idle. Each test
// checks with its own `expect`, as concurrent tests must.
describe.each(themes)('accessibility in the %s theme', (theme) => {
  it.concurrent.for(pages)('%s has no axe violations', async (path, { expect }) => {
    const page = await contexts[theme].newPage();
    await page.goto(`${baseUrl}${path}`);
    expect(await page.evaluate(`matchMedia('(prefers-color-scheme: dark)').matches`)).toBe(theme === 'dark');
    const result = (await page.evaluate(
      `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`,
    )) as { violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }> };
    const summary = result.violations.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    );
    expect(summary).toEqual([]);
    await page.close();
  });
});
