// The reindex after a deploy against DynamoDB Local: the table read a page per run through a real Scan
// cursor, carried from run to run as the queue carries it, until the index equals the table.
import { describe, expect, it } from 'vitest';
import { scanPage } from '#adapters/dynamodb/bulk.ts';
import { createEmbeddedSearchEngine } from '#adapters/search/embedded/engine.ts';
import { type ReindexStep, reindexStepSchema, runReindexStep } from '#app/reindex-pages.ts';
import { reconcile, tradeOf } from '#app/search-sync.ts';
import { apiOnFreshTable } from '../support/api-client.ts';
import { documentClient } from '../support/dynamodb.ts';

const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const opening = (title: string) => ({
  title,
  description: 'Install air-source heat pumps in terraced homes with a team that shares work and pay fairly.',
  skills: [{ skill: 'heat-pump-installation', level: 'working' }],
  positions: 1,
  hoursPerWeek: 30,
  pay: [{ amount: 3000, currency: 'GBP', per: 'hour' }],
  place: 'Leeds, GB',
  remote: false,
  employmentType: 'CONTRACTOR',
  validThrough: inAMonth,
});

/** A slice of ESCO (the reindex reads the whole data file in AWS): three skills, indexed after the commons. */
const esco = {
  imported: '2026-12-06',
  skills: ['plaster walls', 'install heat pumps', 'tile roofs'].map((label, i): [string, string, null, string] => [
    `skill/00000000-0000-4000-8000-00000000000${i}`,
    label,
    null,
    label,
  ]),
};

describe('the paged reindex against the real table', () => {
  it('rebuilds an empty index from the table a page per run until reconcile finds no difference', async () => {
    const search = createEmbeddedSearchEngine();
    const { services, call } = await apiOnFreshTable({ search });
    await call('POST', '/api/syndicates', 'admin', {
      id: 'leeds-heat',
      name: 'Leeds Heat',
      trade: 'renewable-energy',
      description: 'Heat pump fitters sharing work.',
      place: 'Leeds, GB',
      rateCard: [],
    });
    for (let i = 0; i < 7; i++) {
      const created = await call(
        'POST',
        '/api/syndicates/leeds-heat/openings',
        'admin',
        opening(`Heat pump fitter ${i}`),
      );
      const id = (created.body as { id: string }).id;
      if (i % 3 !== 0) await call('PUT', `/api/openings/${id}/status`, 'admin', { status: 'open' });
    }
    const client = documentClient();
    const queue: ReindexStep[] = [];
    const pages: number[] = [];
    const deps = {
      indexVersion: 'v1',
      scanPage: async (request: Parameters<typeof scanPage>[2]) => {
        const page = await scanPage(client, services.config.TABLE_NAME, request);
        pages.push(page.items.length);
        return page;
      },
      search,
      lookups: {
        syndicate: (id: string) => services.syndicates.get(id),
        now: services.now,
        tradeOf: (version: Parameters<typeof tradeOf>[1]) => tradeOf(services.commons, version),
      },
      commons: services.commons,
      esco: () => esco,
      // Through JSON, as through the queue: the cursor must survive being a message.
      send: async (steps: ReindexStep[]) => {
        queue.push(...steps.map((step) => reindexStepSchema().parse(JSON.parse(JSON.stringify(step)))));
      },
      log: { info: () => {}, warn: () => {} },
    };
    queue.push({ kind: 'commons', version: 'c1' }, { kind: 'start', version: 'v1', segments: 2 });
    for (let step = queue.shift(); step; step = queue.shift()) await runReindexStep(deps, step, 3);

    expect(Math.max(...pages)).toBeLessThanOrEqual(3);
    expect(pages.length).toBeGreaterThan(2);
    const report = await reconcile(services, esco);
    expect(report).toMatchObject({ missing: [], extra: [], stale: [] });
    expect(report.indexed).toBe(report.expected);
    expect((await search.listIds()).filter((entry) => entry.id.startsWith('skill:'))).toHaveLength(3);
  });

  it('refuses a cursor the table never gave out', async () => {
    const { services } = await apiOnFreshTable();
    const client = documentClient();
    const forged = Buffer.from('{"PK":{"nested":true}}').toString('base64url');
    await expect(
      scanPage(client, services.config.TABLE_NAME, { segment: 0, segments: 1, cursor: forged, limit: 5 }),
    ).rejects.toThrow(/scan cursor/);
  });
});
