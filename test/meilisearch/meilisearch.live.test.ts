// The Meilisearch adapter against a real engine: the port's contract, then what only a real engine can
// show (settings it accepts, synonyms, quoting that survives its filter parser, its errors). This file
// belongs to the `meilisearch` vitest project, which exists only when MEILISEARCH_URL is set.
//
// Use a test engine. Every index made here has a fresh uid and is deleted after the run, so the key in
// MEILISEARCH_KEY (the master key of a throwaway engine, or a key whose actions are `*` on indexes `guildhall-test-*`) needs
// `indexes.create` and `indexes.delete` on top of what the adapter itself needs.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { Meilisearch } from 'meilisearch';
import { afterAll, describe, expect, it } from 'vitest';
import { createMeilisearchIndex, type MeilisearchSearchIndex } from '#adapters/search/meilisearch/meilisearch-index.ts';
import { indexSettings } from '#adapters/search/meilisearch/settings.ts';
import { SearchUnavailableError } from '#domain/errors.ts';
import type { SearchDocument } from '#domain/search/search-port.ts';
import { fixtures, searchPortContract } from '../contract/search-port.ts';

const host = process.env.MEILISEARCH_URL ?? '';
if (host === '') throw new Error('MEILISEARCH_URL is not set; the `meilisearch` project should not have been created.');
const apiKey = process.env.MEILISEARCH_KEY;
const engine = new Meilisearch({ host, apiKey });
const made: string[] = [];

async function freshIndex(): Promise<{ index: MeilisearchSearchIndex; uid: string }> {
  const uid = `guildhall-test-${randomUUID()}`;
  made.push(uid);
  const index = createMeilisearchIndex({ host, apiKey, indexUid: uid, taskTimeoutMs: 60_000 });
  await index.ensureSettings();
  return { index, uid };
}

afterAll(async () => {
  await Promise.all(made.map((uid) => engine.deleteIndex(uid).waitTask({ timeout: 60_000 })));
});

searchPortContract('the Meilisearch adapter', async () => (await freshIndex()).index);

describe('the Meilisearch adapter on a real engine', () => {
  const staircase = fixtures[0] as SearchDocument;

  it('leaves the engine with the settings it sent', async () => {
    const { uid } = await freshIndex();
    const stored = await engine.index(uid).getSettings();
    const sent = indexSettings();
    expect(stored.searchableAttributes).toEqual(sent.searchableAttributes);
    expect(stored.displayedAttributes).toEqual(sent.displayedAttributes);
    expect(stored.rankingRules).toEqual(sent.rankingRules);
    // Meilisearch keeps these as sets, and may list them in another order.
    expect([...(stored.filterableAttributes ?? [])].sort()).toEqual([...(sent.filterableAttributes ?? [])].sort());
    expect([...(stored.sortableAttributes ?? [])].sort()).toEqual([...(sent.sortableAttributes ?? [])].sort());
    expect(stored.typoTolerance).toMatchObject({ enabled: true, disableOnAttributes: ['skills'] });
    expect(stored.pagination).toEqual(sent.pagination);
    expect(Object.keys(stored.synonyms ?? {}).sort()).toEqual(Object.keys(sent.synonyms ?? {}).sort());
  });

  it('finds a document by a synonym of a word in it', async () => {
    const { index } = await freshIndex();
    await index.upsert([{ ...staircase, title: 'Joinery workshop assistant', summary: '', trade: undefined }]);
    expect((await index.search({ text: 'carpentry' })).hits.map((hit) => hit.document.id)).toEqual([staircase.id]);
  });

  it('matches a value with quotes, backslashes and unicode exactly, and a hostile value not at all', async () => {
    const { index } = await freshIndex();
    const place = 'Back\\slash "quoted" \\" Café 東京';
    await index.upsert([
      { ...staircase, place },
      { ...staircase, id: 'opening:other', place: 'x' },
    ]);
    const exact = await index.search({ text: '', filters: { place: [place] } });
    expect(exact.hits.map((hit) => hit.document)).toEqual([{ ...staircase, place, body: '' }]);
    const hostile = await index.search({ text: '', filters: { place: ['x" OR type = "opening'] } });
    expect(hostile.total).toBe(0);
  });

  it('stores ids that Meilisearch itself would refuse, and lists them back unchanged', async () => {
    const { index } = await freshIndex();
    const ids = ['lesson:timber-frames/joints', 'opening:café', `opening:${'x'.repeat(600)}`];
    await index.upsert(ids.map((id) => ({ ...staircase, id })));
    expect((await index.listIds()).map(({ id }) => id).sort()).toEqual([...ids].sort());
  });

  it('reports an index that does not exist as search being unavailable', async () => {
    const missing = createMeilisearchIndex({ host, apiKey, indexUid: `guildhall-test-${randomUUID()}` });
    await expect(missing.search({ text: 'oak' })).rejects.toThrow(SearchUnavailableError);
    await expect(missing.health()).rejects.toThrow(SearchUnavailableError);
  });

  it('reports an engine that cannot be reached as search being unavailable', async () => {
    const unreachable = createMeilisearchIndex({ host: `http://127.0.0.1:${await closedPort()}`, timeoutMs: 2000 });
    await expect(unreachable.health()).rejects.toThrow(SearchUnavailableError);
  });
});

/** A local port nothing listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('No TCP port was handed out.');
  return address.port;
}
