// Debian's Chromium driven by Playwright; no browser is ever downloaded.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { signIn } from './sign-in.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Browser tests need Chromium at ${chromiumPath}: run \`sudo apt-get install -y chromium\` (or set CHROMIUM_PATH).`,
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Follows a statement's Next links to its last page, where the newest movements are (oldest first). */
export async function lastPage(page: Page) {
  for (let step = 0; step < 50; step++) {
    const next = page.getByRole('navigation', { name: 'Pages of movements' }).getByRole('link', { name: 'Next →' });
    if ((await next.count()) === 0) return;
    await Promise.all([page.waitForNavigation(), next.click()]);
  }
}

/**
 * The axe violations (WCAG 2.1 A and AA) of a page as `person` sees it on a phone, one line each: in a
 * context of its own, since axe needs scripts on and the flows it checks run without them.
 */
export async function axeViolationsAs(browser: Browser, baseUrl: string, person: RegExp, path: string) {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  await context.addInitScript({
    content: readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'),
  });
  const page = await context.newPage();
  await signIn(page, baseUrl, person, path);
  const result = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`,
  )) as { violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> };
  await context.close();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * One browser for a test file: launched before its tests, closed after them with every context opened
 * through it, so each file need not keep its own list.
 */
export function browserForFile(): { newContext(options?: BrowserContextOptions): Promise<BrowserContext> } {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });
  return {
    async newContext(options) {
      if (!browser) throw new Error('browserForFile: the browser opens before the file’s tests');
      const context = await browser.newContext(options);
      contexts.push(context);
      return context;
    },
  };
}
