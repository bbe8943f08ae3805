// A followed remote syndicate's opening (federation, inbound): the stream indexer puts it in search as an
// opening with its instance (`origin`) and the origin's link; it leaves search when the item is removed;
// the board shows it apart from this instance's openings (never as one of them, so never in the local
// hiring flow), and drops it once its last day has passed.
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { indexStreamRecords } from '#app/stream-indexer.ts';
import { createLogger } from '#platform/log.ts';
import { createEmbeddedSearchEngine } from '#adapters/search/embedded/engine.ts';
import type { RemoteOpening } from '#domain/federation/remote-opening.ts';
import type { Opening } from '#domain/openings/opening.ts';
import { searchBoard } from '#domain/openings/search-board.ts';
import type { Syndicate } from '#domain/syndicates/syndicate.ts';
import { indexChangesFor } from '#domain/search/index-changes.ts';
import { openingDocument } from '#domain/search/documents.ts';
import { manyFrom } from '../../support/memory-pages.ts';
import { openOpening } from '../../support/open-opening.ts';

const now = new Date('2026-11-21T12:00:00Z');
const lookups = { syndicate: async () => null, now: () => now };
const remote = (overrides: Partial<RemoteOpening> = {}): RemoteOpening => ({
  noteId: 'http://127.0.0.1:4001/ap/openings/o1',
  followId: 'abcdefghijklmnopqrstuv',
  origin: '127.0.0.1:4001',
  groupId: 'http://127.0.0.1:4001/api/federation/actors/valencia-carpenters',
  syndicateName: 'Valencia Carpenters',
  title: 'Heat pump fitter in Valencia',
  summary: 'Fit air-source heat pumps in old flats.',
  place: 'Valencia, ES',
  remote: false,
  payText: 'EUR 24 per hour',
  skills: [{ id: 'heat-pump-installation', label: 'Heat pump installation' }],
  kind: 'job',
  url: 'http://127.0.0.1:4001/jobs/o1/',
  validThrough: '2026-12-31T23:59:59.000Z',
  published: '2026-11-20T09:00:00.000Z',
  updated: '2026-11-20T09:00:00.000Z',
  receivedAt: '2026-11-20T09:00:01.000Z',
  ...overrides,
});
const item = (opening: RemoteOpening) => ({
  pk: 'REMOTE-FOLLOW#x',
  sk: 'OPENING#y',
  type: 'remote-opening',
  ...opening,
});

describe('a remote opening in search', () => {
  it('is an open opening with its instance and the origin’s link, until its item is removed', async () => {
    const added = await indexChangesFor({ newItem: item(remote()) }, lookups);
    expect(added.upsert).toEqual([
      expect.objectContaining({
        type: 'opening',
        status: 'open',
        origin: '127.0.0.1:4001',
        url: 'http://127.0.0.1:4001/jobs/o1/',
        skills: ['heat-pump-installation'],
        closes: '2026-12-31',
      }),
    ]);
    const removed = await indexChangesFor({ oldItem: item(remote()) }, lookups);
    expect(removed).toEqual({ upsert: [], delete: [added.upsert[0]?.id] });
  });

  it('reaches search from the table’s stream, read back as the table holds it', async () => {
    const engine = createEmbeddedSearchEngine();
    const stored = item(remote());
    const image = marshall(stored, { removeUndefinedValues: true });
    const outcome = await indexStreamRecords(
      {
        search: engine,
        lookups,
        log: createLogger('silent'),
        items: async () => new Map([[`${stored.pk}\n${stored.sk}`, stored]]),
      },
      [{ eventName: 'INSERT', dynamodb: { SequenceNumber: '1', NewImage: image } }],
    );
    expect(outcome.batchItemFailures).toEqual([]);
    const found = await engine.search({ text: 'heat pump', filters: { type: ['opening'] } });
    expect(found.hits.map((hit) => hit.document.origin)).toEqual(['127.0.0.1:4001']);
  });

  it('is expired once its validThrough has passed', async () => {
    const changes = await indexChangesFor(
      { newItem: item(remote({ validThrough: '2026-11-01T00:00:00.000Z' })) },
      lookups,
    );
    expect(changes.upsert[0]?.status).toBe('expired');
  });
});

describe('the board with remote openings', () => {
  async function board(openings: RemoteOpening[]) {
    const search = createEmbeddedSearchEngine();
    const local = openOpening('a', { title: 'Heat pump fitter in Leeds' });
    await search.upsert([openingDocument(local, { name: 'Leeds Heat', trade: 'renewable-energy' }, now)]);
    for (const opening of openings)
      await search.upsert((await indexChangesFor({ newItem: item(opening) }, lookups)).upsert);
    return searchBoard(
      {
        search,
        openings: { getMany: manyFrom((id) => (id === 'a' ? local : undefined)) },
        syndicates: { getMany: manyFrom<Syndicate>(() => undefined) },
        now: () => now,
      },
      { text: 'heat pump' },
      { limit: 20 },
    );
  }

  it('shows them apart from this instance’s openings, marked with their instance and linking there', async () => {
    const page = await board([remote()]);
    expect(page.items.map((i) => i.opening.id)).toEqual(['a']);
    expect(page.remote).toEqual([
      expect.objectContaining({
        title: 'Heat pump fitter in Valencia',
        origin: '127.0.0.1:4001',
        url: 'http://127.0.0.1:4001/jobs/o1/',
      }),
    ]);
  });

  it('drops one whose last day has passed, even before the stream comes by again', async () => {
    const stale = remote({ validThrough: '2026-11-20T23:59:59.000Z' });
    const index = await indexChangesFor(
      { newItem: item(stale) },
      { ...lookups, now: () => new Date('2026-11-19T00:00:00Z') },
    );
    expect(index.upsert[0]?.status).toBe('open');
    const search = createEmbeddedSearchEngine();
    await search.upsert(index.upsert);
    const page = await searchBoard(
      {
        search,
        openings: { getMany: manyFrom<Opening>(() => undefined) },
        syndicates: { getMany: manyFrom<Syndicate>(() => undefined) },
        now: () => now,
      },
      { text: 'heat pump' },
      { limit: 20 },
    );
    expect(page.remote).toBeUndefined();
    expect(page.items).toEqual([]);
  });
});
