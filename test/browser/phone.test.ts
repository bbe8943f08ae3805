// Every page on a phone: each page the link crawl reaches, signed out and signed in, opened at 360 px
// wide, fits the screen (nothing scrolls sideways but boxes made to) and has controls a thumb can hit
// (WCAG 2.2 target size: 24 × 24 px, or spaced so a 24 px circle on each touches no other).
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { crawl } from '../support/crawl.ts';
import { tokenFor } from '../support/sign-in.ts';
import { measureScript, type Target, targetsTooSmall } from '../support/target-size.ts';

const baseUrl = inject('baseUrl');
const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

interface Measure {
  viewport: number;
  documentWidth: number;
  wider: string[];
  targets: Target[];
}

/** Opens each page in a few tabs at once; answers every misfit, grouped by what it is, with its pages. */
async function sweep(context: BrowserContext, paths: string[]) {
  const problems = new Map<string, string[]>();
  const note = (problem: string, path: string) => problems.set(problem, [...(problems.get(problem) ?? []), path]);
  const queue = [...paths];
  await Promise.all(
    [0, 1, 2].map(async () => {
      const page = await context.newPage();
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        await page.goto(`${baseUrl}${path}`);
        const measure = (await page.evaluate(measureScript)) as Measure;
        if (measure.documentWidth > measure.viewport)
          note(`wider than the screen: ${measure.documentWidth} px (${measure.wider.join(', ')})`, path);
        for (const target of targetsTooSmall(measure.targets))
          note(`too small to tap: ${target.what} ${target.width.toFixed(1)} × ${target.height.toFixed(1)} px`, path);
      }
      await page.close();
    }),
  );
  // One line per kind of misfit, with how many pages show it and the first few.
  return [...problems].map(
    ([problem, where]) => `${problem} on ${where.length} page(s): ${where.slice(0, 3).join(' ')}`,
  );
}

describe('on a 360 px phone', () => {
  it('every page a visitor reaches fits the screen, with controls big enough or far enough apart to tap', async () => {
    const { pages } = await crawl(baseUrl, {});
    expect(pages.length).toBeGreaterThan(200);
    const context = await browser.newContext(phone);
    expect(await sweep(context, pages)).toEqual([]);
    await context.close();
  }, 900_000);

  it('every page a signed-in member reaches fits the screen too, her own and her syndicates’ admin pages included', async () => {
    // Carmen runs a syndicate, learns and invents; opening pages only reads (the link test crawls as her too).
    const token = await tokenFor(baseUrl, 'demo-carmen');
    const { pages } = await crawl(baseUrl, { cookie: `guildhall_session=${encodeURIComponent(token)}` }, (path) =>
      path.startsWith('/auth/'),
    );
    expect(pages.some((path) => path.startsWith('/me/'))).toBe(true);
    const context = await browser.newContext(phone);
    await context.addCookies([{ name: 'guildhall_session', value: encodeURIComponent(token), url: baseUrl }]);
    expect(await sweep(context, pages)).toEqual([]);
    await context.close();
  }, 900_000);
});
