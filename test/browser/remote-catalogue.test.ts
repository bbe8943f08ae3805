// What the commons this one follows sent, on the pages (issue 20): /learn/ shows a followed commons'
// course apart, at its host, linking there, with its languages; /shortages/ shows the region, each
// commons' part on a line of its own, on a 360 px phone without widening the page. The remote items are
// written to the stack's table as their receivers keep them (the two-instance test brings them end to end).
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createDocumentClient } from '#adapters/dynamodb/client.ts';
import {
  createRemoteCourseRepository,
  createRemoteShortageRepository,
} from '#adapters/dynamodb/remote-catalogue-repository.ts';
import { remoteFollowId } from '#domain/federation/remote-follow.ts';
import { browserForFile } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const store = inject('store');
const browser = browserForFile();
const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

const origin = 'a-commons-with-a-rather-long-name.example:8443';
const followId = remoteFollowId(`https://${origin}/api/federation/actors/_instance`);
const title = `Valencian tiling ${Date.now().toString(36)}`;

beforeAll(async () => {
  const client = createDocumentClient({ region: 'eu-west-1', endpoint: store.endpoint, timeoutMs: 10_000 });
  await createRemoteCourseRepository(client, store.tableName).putIfNewer({
    objectId: `https://${origin}/api/federation/courses/valencian-tiling`,
    followId,
    origin,
    kind: 'course',
    title,
    summary: 'Setting and grouting wall tiles the Valencian way.',
    trade: 'construction',
    skills: [{ id: 'tiling', label: 'Wall tiling' }],
    licence: 'CC-BY-SA-4.0',
    languages: ['en', 'es'],
    hours: 6,
    url: `https://${origin}/learn/valencian-tiling/`,
    updated: new Date().toISOString(),
    receivedAt: new Date().toISOString(),
  });
  await createRemoteShortageRepository(client, store.tableName).putIfNewer({
    objectId: `https://${origin}/api/federation/shortages/2099-01-01`,
    followId,
    origin,
    date: '2099-01-01',
    members: 40,
    openPositions: 7,
    rows: [{ skill: { id: 'stud-wall-framing', label: 'Stud wall framing' }, demand: 500, supply: 1, score: 250 }],
    receivedAt: new Date().toISOString(),
  });
  client.destroy();
});

/** Whether the page is wider than the phone's screen (something in it did not wrap). */
const overflows = (page: Page) => page.evaluate('document.documentElement.scrollWidth > window.innerWidth');

describe('the commons this one follows, on its pages', () => {
  it('lists a followed commons’ course apart on /learn/, at its host, linking to it there', async () => {
    const page = await (await browser.newContext(phone)).newPage();
    await page.goto(`${baseUrl}/learn/`);
    const section = page.getByRole('region', { name: 'From the commons we follow' });
    const link = section.getByRole('link', { name: title });
    await expect(link.getAttribute('href')).resolves.toBe(`https://${origin}/learn/valencian-tiling/`);
    await expect(section.getByText(`At ${origin}`).count()).resolves.toBe(1);
    await expect(
      section.getByRole('list', { name: 'Can be read in' }).last().getByText('Español').count(),
    ).resolves.toBe(1);
    expect(await overflows(page)).toBe(false);
  });

  it('shows the region on /shortages/, the followed commons’ part beside this one’s, within 360 px', async () => {
    const page = await (await browser.newContext(phone)).newPage();
    await page.goto(`${baseUrl}/shortages/`);
    const region = page.getByRole('region', { name: 'In the region' });
    await expect(region.getByText(`${origin}: 2099-01-01, 40 members, 7 open positions`).count()).resolves.toBe(1);
    // Summed with this commons' own by its id, and named as this commons names it.
    const row = region.getByRole('row', { name: /Timber stud wall framing/ });
    await expect(row.getByText(new RegExp(`^${origin.replace(/\./g, '\\.')}: demand 500`)).count()).resolves.toBe(1);
    expect(await overflows(page)).toBe(false);
  });
});
