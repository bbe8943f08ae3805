// A followed remote commons' innovation record on this instance's innovations page (issue 20): kept as a
// `remote-record` item (as the record receiver keeps one, written here into the stack's table, since the
// federation itself runs in test/integration/two-instances-commons.test.ts), the stream indexer makes it
// a search document, and the page's first page lists it apart from this instance's records, "at <host>",
// linking to its origin. At 360 px, without JavaScript.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createDocumentClient } from '#adapters/dynamodb/client.ts';
import { remoteRecordKeys } from '#adapters/dynamodb/keys.ts';
import { objectDigest, type RemoteRecord } from '#domain/federation/remote-record.ts';
import { launchBrowser } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const store = inject('store');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** A remote record written straight into the stack's table, as the record receiver keeps one. */
async function keep(record: RemoteRecord) {
  const client = createDocumentClient({ region: 'eu-west-1', endpoint: store.endpoint, timeoutMs: 10_000 });
  await client.send(
    new PutCommand({
      TableName: store.tableName,
      Item: { ...remoteRecordKeys(record.followId, objectDigest(record.objectId)), type: 'remote-record', ...record },
    }),
  );
  client.destroy();
}

describe('a remote commons’ record on the innovations page', () => {
  it('is listed apart, at its instance, linking to its origin', async () => {
    const suffix = Date.now().toString(36);
    const record: RemoteRecord = {
      objectId: `https://valencia.example/api/federation/records/lift-${suffix}`,
      followId: 'followOfValenciaCommons',
      origin: 'valencia.example',
      title: `Strap lift for long stud walls ${suffix}`,
      summary: 'Two people raise a long wall from its head plate with a strap, on a count.',
      trade: 'construction',
      skills: [{ id: 'stud-wall-framing', label: 'Timber stud wall framing' }],
      licence: 'CC-BY-4.0',
      inventors: ['Marta Gil'],
      adoptions: 1,
      url: `https://valencia.example/innovations/lift-${suffix}/`,
      published: '2026-12-01T09:00:00.000Z',
      updated: '2026-12-01T09:00:00.000Z',
      receivedAt: '2026-12-01T09:00:01.000Z',
    };
    await keep(record);

    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    // Polled: the local stream poller and indexer bring it to search.
    await vi.waitFor(
      async () => {
        await page.goto(`${baseUrl}/innovations/?q=${encodeURIComponent(`Strap lift ${suffix}`)}`);
        const section = page.getByRole('region', { name: 'Records at commons this one follows' });
        await expect(section.getByRole('link', { name: record.title }).getAttribute('href')).resolves.toBe(record.url);
        await expect(section.textContent()).resolves.toContain('at valencia.example');
      },
      { timeout: 20_000, interval: 500 },
    );
    // Not among this instance's records: no card of its own links to a local page of it.
    await expect(page.locator(`a[href^="/innovations/lift-${suffix}"]`).count()).resolves.toBe(0);
    // It fits the narrow screen: nothing wider than the viewport.
    const scrollWidth = await page.evaluate('document.documentElement.scrollWidth');
    expect(scrollWidth).toBeLessThanOrEqual(360);
    await context.close();
  }, 60_000);

  it('is marked with its instance in search, linking to its origin, markup shown as text, with or without JavaScript', async () => {
    const suffix = `${Date.now().toString(36)}s`;
    // Written past the receiver (which reduces HTML to text): the pages escape what they show all the same.
    const markup = '<img src=x onerror="window.remoteMarkupRan=1">';
    const record: RemoteRecord = {
      objectId: `https://valencia.example/api/federation/records/hoist-${suffix}`,
      followId: 'followOfValenciaCommons',
      origin: 'valencia.example',
      title: `Rope hoist ${markup} ${suffix}`,
      summary: `A hoist for roof sheets ${markup}`,
      trade: 'construction',
      skills: [],
      licence: 'CC-BY-4.0',
      inventors: ['Marta Gil'],
      adoptions: 0,
      url: `https://valencia.example/innovations/hoist-${suffix}/`,
      published: '2026-12-01T09:00:00.000Z',
      updated: '2026-12-01T09:00:00.000Z',
      receivedAt: '2026-12-01T09:00:01.000Z',
    };
    await keep(record);
    const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    const hit = () => page.locator('.search-results li', { hasText: suffix });
    await vi.waitFor(
      async () => {
        await page.goto(`${baseUrl}/search/?q=${encodeURIComponent(`Rope hoist ${suffix}`)}`);
        await expect(hit().textContent()).resolves.toContain('at valencia.example');
      },
      { timeout: 20_000, interval: 500 },
    );
    await expect(hit().getByRole('link').getAttribute('href')).resolves.toBe(record.url);
    await expect(hit().getByRole('heading').textContent()).resolves.toContain('<img src=x');
    // The as-you-type results, rendered by the page's script from /api/search, mark it the same way.
    await page.fill('#q', `hoist ${suffix}`);
    await vi.waitFor(
      async () => {
        // The script has answered once the address is the typed query's (it replaces both at once).
        expect(new URL(page.url()).searchParams.get('q')).toBe(`hoist ${suffix}`);
        await expect(hit().textContent()).resolves.toContain('at valencia.example');
      },
      { timeout: 10_000, interval: 200 },
    );
    await expect(hit().getByRole('link').getAttribute('href')).resolves.toBe(record.url);
    await expect(page.evaluate('window.remoteMarkupRan')).resolves.toBeUndefined();
    await expect(page.locator('.search-results img').count()).resolves.toBe(0);
    await context.close();
  }, 60_000);
});
