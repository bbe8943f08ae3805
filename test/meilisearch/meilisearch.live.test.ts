// The Meilisearch adapter against a real engine: the port's contract, then what only a real engine can
// show (settings it accepts and lists back as declared, synonyms, quoting that survives its filter parser,
// its errors). Every request goes through the adapter's own HTTP transport. This file
// belongs to the `meilisearch` vitest project, which exists only when MEILISEARCH_URL is set.
//
// Use a test engine. Every index made here has a fresh uid and is deleted after the run, so the key in
// MEILISEARCH_KEY (the master key of a throwaway engine, or a key whose actions are `*` on indexes `guildhall-test-*`) needs
// `indexes.create` and `indexes.delete` on top of what the adapter itself needs.
import { randomUUID } from 'node:crypto';
import { Meilisearch } from 'meilisearch';
import { afterAll, describe, expect, it } from 'vitest';
import { createMeilisearchIndex, type MeilisearchSearchIndex } from '#adapters/search/meilisearch/meilisearch-index.ts';
import { indexSettings } from '#adapters/search/meilisearch/settings.ts';
import { settingsDrift } from '#adapters/search/meilisearch/settings-drift.ts';
import { SearchUnavailableError } from '#domain/errors.ts';
import { freePort } from '#local/dynamodb-local.ts';
import type { SearchDocument } from '#domain/search/search-port.ts';
import { fixtures, searchPortContract } from '../contract/search-port.ts';

const host = process.env.MEILISEARCH_URL ?? '';
if (host === '') throw new Error('MEILISEARCH_URL is not set; the `meilisearch` project should not have been created.');
const apiKey = process.env.MEILISEARCH_KEY;
const engine = new Meilisearch({ host, apiKey });
const made: string[] = [];

/** A new index as a process first meets it: nothing sent yet (the adapter applies its settings itself). */
function freshIndex(): { index: MeilisearchSearchIndex; uid: string } {
  const uid = `guildhall-test-${randomUUID()}`;
  made.push(uid);
  const index = createMeilisearchIndex({ host, apiKey, indexUid: uid, taskTimeoutMs: 60_000 });
  return { index, uid };
}

afterAll(async () => {
  await Promise.all(made.map((uid) => engine.deleteIndex(uid).waitTask({ timeout: 60_000 })));
});

searchPortContract('the Meilisearch adapter', async () => freshIndex().index);

describe('the Meilisearch adapter on a real engine', () => {
  const staircase = fixtures[0] as SearchDocument;

  it('leaves the engine with the settings it sent', async () => {
    const { index, uid } = freshIndex();
    await index.ensureSettings();
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
    // The comparison the adapter makes before writing and for health finds nothing left to change.
    expect(settingsDrift(sent, stored)).toEqual([]);
  });

  it('applies its settings before its first write, and a later process sends them no more', async () => {
    const { index, uid } = freshIndex();
    await index.upsert([staircase]);
    const again = createMeilisearchIndex({ host, apiKey, indexUid: uid, taskTimeoutMs: 60_000 });
    await again.upsert([{ ...staircase, id: 'opening:other' }]);
    const updates = await engine.tasks.getTasks({ indexUids: [uid], types: ['settingsUpdate'] });
    expect(updates.results.map((task) => task.status)).toEqual(['succeeded']);
    expect((await again.search({ text: '', facets: ['trade'] })).facets).toEqual({ trade: { Carpentry: 2 } });
  });

  it('reports settings changed behind its back as degraded, and is ok once they are applied again', async () => {
    const { uid } = freshIndex();
    const index = createMeilisearchIndex({ host, apiKey, indexUid: uid, taskTimeoutMs: 60_000, settingsCheckTtlMs: 0 });
    await index.upsert([staircase]);
    await engine.index(uid).updateFilterableAttributes(['type']).waitTask({ timeout: 60_000 });
    expect((await index.health()).degraded).toContain('(filterableAttributes)');
    await index.ensureSettings();
    expect((await index.health()).degraded).toBeUndefined();
  });

  it('finds a document by a synonym of a word in it', async () => {
    const { index } = freshIndex();
    await index.upsert([{ ...staircase, title: 'Joinery workshop assistant', summary: '', trade: undefined }]);
    expect((await index.search({ text: 'carpentry' })).hits.map((hit) => hit.document.id)).toEqual([staircase.id]);
  });

  it('matches a value with quotes, backslashes and unicode exactly, and a hostile value not at all', async () => {
    const { index } = freshIndex();
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
    const { index } = freshIndex();
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
    const unreachable = createMeilisearchIndex({ host: `http://127.0.0.1:${await freePort()}`, timeoutMs: 2000 });
    await expect(unreachable.health()).rejects.toThrow(SearchUnavailableError);
  });
});
