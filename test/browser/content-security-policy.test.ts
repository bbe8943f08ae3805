// Every kind of page under its Content-Security-Policy, in Chromium: nothing the site itself ships is
// refused (a refusal would show as a `securitypolicyviolation` event or a console error), the scripts
// still do their work, and a script or style injected into a page runs nowhere.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { signIn } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

interface Watched {
  context: BrowserContext;
  /** Violations and console errors seen so far, each naming the page it happened on. */
  problems: string[];
}

/** A context that reports every CSP violation and console error of every page it opens. */
async function watchedContext(): Promise<Watched> {
  const context = await browser.newContext();
  const problems: string[] = [];
  await context.exposeBinding('reportViolation', ({ page }, violation: string) => {
    problems.push(`${page.url()}: ${violation}`);
  });
  // Runs before the page's own scripts, and (like every init script) outside the page's CSP.
  await context.addInitScript(`document.addEventListener('securitypolicyviolation', (event) => {
    window.reportViolation(event.effectiveDirective + ' refused ' + (event.blockedURI || 'inline') + ' (' + event.sample + ')');
  });`);
  context.on('page', (page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${page.url()}: console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  });
  return { context, problems };
}

/** Lets late violations (an island's script, a fetch) arrive before the page is judged. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  // Violation events are queued as tasks: one more task, and the round trip after their reports.
  await page.evaluate('new Promise((resolve) => setTimeout(resolve, 50))');
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const anonymousPages = [
  ['the home page, with the theme’s inline script (on demand)', '/'],
  ['a lesson (prerendered)', '/learn/solar-pv-fundamentals-and-site-survey/01-volts-amps-watts-and-kilowatt-hours/'],
  ['a practice guide (prerendered)', '/learn/practices/care-shift-handover/'],
  ['the course catalog (on demand)', '/learn/?trade=care'],
  ['the job board (on demand)', '/jobs/'],
  ['an opening with JSON-LD (on demand)', '/jobs/riverside-builders-site-carpenter/'],
  ['a syndicate (on demand)', '/syndicates/riverside-builders/'],
  ['the shortages with their charts (on demand)', '/shortages/'],
  ['the economy with its histogram (on demand)', '/economy/'],
  [
    'the registry log, verified, with an inclusion check (on demand)',
    '/innovations/log/?verify=1&record=two-minute-fault-triage-card',
  ],
  ['a record version (on demand)', '/innovations/two-minute-fault-triage-card/versions/1/'],
  ['the ledger (on demand)', '/ledger/'],
  ['the credential check form (on demand)', '/credentials/verify/'],
  ['a missing page', '/no-such-page/'],
  ['the local sign-in page (the gateway’s own)', '/auth/sign-in'],
] as const;

describe('the Content-Security-Policy', () => {
  it.each(anonymousPages)('refuses nothing %s ships', async (_kind, path) => {
    const { context, problems } = await watchedContext();
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl}${path}`);
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    await settle(page);
    // The one error a missing page must log is its own status.
    const own = `${baseUrl}${path}: console error: Failed to load resource: the server responded with a status of 404`;
    expect(problems.filter((problem) => !(response?.status() === 404 && problem.startsWith(own)))).toEqual([]);
    await context.close();
  });

  it('lets a course page’s server island fill in the demand for its skills', async () => {
    const { context, problems } = await watchedContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/learn/timber-stud-partition-walls/`);
    // The island's script replaces the fallback list with the live figures.
    await page
      .getByText(/shortage rank \d+ of \d+/)
      .first()
      .waitFor({ timeout: 10_000 });
    await settle(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets the search page show results as you type', async () => {
    const { context, problems } = await watchedContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/search/`);
    await page.getByLabel(/Search courses/).pressSequentially('solar', { delay: 20 });
    await page.locator('#results mark').first().filter({ hasText: /solar/i }).waitFor({ timeout: 10_000 });
    expect(page.url()).toContain('q=solar');
    await settle(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets forms post to the site and follow its redirects: signing in, checking a credential', async () => {
    const { context, problems } = await watchedContext();
    const page = await context.newPage();
    await signIn(page, baseUrl, /Carmen Ruiz/, '/me/');
    await page.goto(`${baseUrl}/credentials/verify/`);
    await page.locator('#credential').fill('not.a.credential');
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Not valid.');
    // Pages for signed-in people, with their forms.
    for (const path of ['/me/', '/syndicates/new/', '/innovations/new/', '/ledger/me/']) {
      await page.goto(`${baseUrl}${path}`);
      await settle(page);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('refuses a script, a style and a style attribute injected into a page', async () => {
    const { context, problems } = await watchedContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/jobs/`);
    // What an injection would add to the markup; `evaluate` itself runs outside the page's policy.
    const outcome = (await page.evaluate(`(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injectedRan = true;';
      document.body.append(script);
      const style = document.createElement('style');
      style.textContent = 'body { background: rgb(255, 0, 0); }';
      document.head.append(style);
      document.querySelector('main').setAttribute('style', 'color: rgb(0, 255, 0)');
      return {
        ran: window.injectedRan === true,
        background: getComputedStyle(document.body).backgroundColor,
        color: getComputedStyle(document.querySelector('main')).color,
      };
    })()`)) as { ran: boolean; background: string; color: string };
    expect(outcome.ran).toBe(false);
    expect(outcome.background).not.toBe('rgb(255, 0, 0)');
    expect(outcome.color).not.toBe('rgb(0, 255, 0)');
    await settle(page);
    const refused = () => problems.filter((problem) => problem.includes('refused inline'));
    await expect.poll(() => refused().length).toBe(3);
    for (const directive of ['script-src-elem', 'style-src-elem', 'style-src-attr']) {
      expect(refused().join('\n')).toContain(directive);
    }
    await context.close();
  });

  it('keeps the site out of frames on other pages', async () => {
    const { context, problems } = await watchedContext();
    const page = await context.newPage();
    // A page of no origin of ours that tries to frame the home page.
    await page.setContent(`<iframe src="${baseUrl}/" title="framed"></iframe>`);
    await page.waitForTimeout(1_000);
    // A refused frame holds the browser's error page, which may not answer: no title, then.
    const titles = await Promise.all(page.frames().map((frame) => frame.title().catch(() => '')));
    expect(titles.some((title) => title.includes('Guildhall'))).toBe(false);
    expect(problems.join('\n')).toContain("frame-ancestors 'none'");
    await context.close();
  });
});
