// Every page on a phone: each page the link crawl reaches, signed out and signed in, opened at 360 px
// wide, fits the screen (nothing scrolls sideways but boxes made to) and has controls a thumb can hit
// (WCAG 2.2 target size: 24 × 24 px, or spaced so a 24 px circle on each touches no other).
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { crawl, pagesOfEachKind } from '../support/crawl.ts';
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
        // Grouped by the kind of element (a page's own words and widths go beside its path).
        if (measure.documentWidth > measure.viewport) {
          const kinds = new Set(measure.wider.map((what) => what.replace(/ ".*$/, '')));
          note(
            `wider than the screen, pushed by ${[...kinds].join(', ')}`,
            `${path} (${measure.documentWidth} px: ${measure.wider.join(', ')})`,
          );
        }
        for (const target of targetsTooSmall(measure.targets))
          note(
            `too small to tap: ${target.what}`,
            `${path} (${target.width.toFixed(1)} × ${target.height.toFixed(1)} px)`,
          );
      }
      await page.close();
    }),
  );
  // One line per kind of misfit, with how many pages show it and the first few.
  return [...problems].map(
    ([problem, where]) => `${problem} on ${where.length} page(s): ${where.slice(0, 3).join('; ')}`,
  );
}

describe('on a 360 px phone', () => {
  it('every page a visitor reaches fits the screen, with controls big enough or far enough apart to tap', async () => {
    const { pages } = await crawl(baseUrl, {});
    expect(pages.length).toBeGreaterThan(200);
    const context = await browser.newContext(phone);
    expect(await sweep(context, pagesOfEachKind(pages))).toEqual([]);
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
    expect(await sweep(context, pagesOfEachKind(pages))).toEqual([]);
    await context.close();
  }, 900_000);
});

describe('the pages people read most, on a phone', () => {
  it('breaks an address longer than the line in a record’s text rather than widen the page', async () => {
    // The XSS suite's hostile record once made its page 398 px wide: a pasted URL is one long word.
    const token = await tokenFor(baseUrl, 'demo-bram');
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const address = `https://example.org/${'averylongpathsegment'.repeat(3)}`;
    const created = await fetch(`${baseUrl}/api/innovations`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        title: 'A record with a long address in it',
        problem: `Written down at ${address} for anyone to read.`,
        improvement: `See [${address}](${address}) and ${address} for the whole method.`,
        skills: ['stud-wall-framing'],
        effect: { unit: 'minutes', before: 10, after: 5, method: 'Timed ten jobs each way.' },
        inventors: [{ personId: 'demo-bram' }],
        license: 'CC-BY-SA-4.0',
      }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const { record } = (await created.json()) as { record: { id: string } };
    const published = await fetch(`${baseUrl}/api/innovations/${record.id}/publication`, { method: 'POST', headers });
    expect(published.status).toBe(200);
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    for (const path of [`/innovations/${record.id}/`, `/innovations/${record.id}/versions/1/`]) {
      await page.goto(`${baseUrl}${path}`);
      const measure = (await page.evaluate(measureScript)) as Measure;
      expect(measure.documentWidth, `${path}: ${measure.wider.join(', ')}`).toBeLessThanOrEqual(measure.viewport);
    }
    await context.close();
  });

  it('keeps the header to one line with a Menu button that opens to every section, and shows the links themselves on a wide screen', async () => {
    // Without JavaScript: the menu is a details element.
    const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/learn/`);
    const header = await page.locator('.site-header').boundingBox();
    expect(header?.height).toBeLessThanOrEqual(64);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Jobs' }).isVisible()).resolves.toBe(false);
    await page.locator('.site-header summary', { hasText: 'Menu' }).click();
    for (const label of ['Learn', 'Jobs', 'Market', 'Shortages', 'Innovations', 'Search', 'My profile', 'Sign in'])
      await expect(page.locator('.site-header').getByRole('link', { name: label }).isVisible(), label).resolves.toBe(
        true,
      );
    await nav.getByRole('link', { name: 'Jobs' }).click();
    await page.waitForURL(`${baseUrl}/jobs/`);
    await context.close();

    const wide = await browser.newPage({ viewport: { width: 1280, height: 740 } });
    await wide.goto(`${baseUrl}/learn/`);
    await expect(wide.locator('.site-header summary').isVisible()).resolves.toBe(false);
    await expect(
      wide.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).isVisible(),
    ).resolves.toBe(true);
    expect((await wide.locator('.site-header').boundingBox())?.height).toBeLessThanOrEqual(80);
    await wide.close();
  });

  it('shows each movement’s amount and balance on the screen, not past its edge', async () => {
    const context = await browser.newContext(phone);
    const token = await tokenFor(baseUrl, 'demo-carmen');
    await context.addCookies([{ name: 'guildhall_session', value: encodeURIComponent(token), url: baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/ledger/me/`);
    const rows = page.locator('table.data tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    for (const label of ['Amount', 'Balance']) {
      const column = (await page.locator('table.data thead th').allTextContents()).indexOf(label);
      const cell = await rows.first().locator('td').nth(column).boundingBox();
      expect(cell && cell.x >= 0 && cell.x + cell.width <= 360, `${label}: ${JSON.stringify(cell)}`).toBe(true);
    }
    await context.close();
  });

  it('summarises the shortages: the top 20 skills in a page a few screens long, the rest a tap away by page or trade', async () => {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/shortages/`);
    await expect(page.locator('table.data').last().locator('tbody tr').count()).resolves.toBe(20);
    const height = (await page.evaluate('document.documentElement.scrollHeight')) as number;
    // About eight screens (6,254 px when written; 8,106 px before the phone's summary, 12,146 px with every
    // figure stacked): the figures behind each score show from 40rem up and in the CSV.
    expect(height).toBeLessThanOrEqual(7000);
    await expect(
      page.getByRole('navigation', { name: 'Pages of skills' }).getByRole('link', { name: 'Next →' }).count(),
    ).resolves.toBe(1);
    await page.getByRole('navigation', { name: 'Trades' }).getByRole('link', { name: 'Care' }).click();
    await page.waitForURL(/trade=care/);
    await context.close();
  });
});
