// Innovation records federate (issue 20): which activity a record's change calls for (published is a
// Create, a change the page shows an Update, leaving published a Delete); the record's Document in the
// agreed format and at its id (200, 410 Tombstone, 404); the stream queuing the change and the outbox
// fanning it out from the Service actor; and on the following side, the `record` receiver reading the
// Document fetched again (bounded, plain text, links on the origin only, newer wins), its search document
// with `origin`, and the innovations page's remote section.
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { recordDocument } from '#app/federation-outbox.ts';
import { publishOpeningRecords } from '#app/stream-federation.ts';
import type { StreamRecord } from '#app/stream-indexer.ts';
import { type CommonsIds, commonsActivity } from '#domain/federation/commons-objects.ts';
import type { DeliveryJob } from '#domain/federation/delivery.ts';
import { type OutboxDeps, type OutboxJob, outboxJobSchema, runOutboxJob } from '#domain/federation/outbox.ts';
import { recordActivityType, recordObject, type StoredRecord } from '#domain/federation/record-object.ts';
import { type RemoteRecord, recordReceiver, remoteRecordOf } from '#domain/federation/remote-record.ts';
import type { RemoteFollow } from '#domain/federation/remote-follow.ts';
import type { InnovationRecord, InnovationVersion } from '#domain/innovations/innovation.ts';
import { registry, remoteRecords } from '#domain/innovations/registry.ts';
import { indexChangesFor } from '#domain/search/index-changes.ts';
import type { SearchIndex, SearchQuery } from '#domain/search/search-port.ts';
import type { Person } from '#domain/people/person.ts';
import { createLogger } from '#platform/log.ts';
import { createEmbeddedSearchEngine } from '#adapters/search/embedded/engine.ts';
import { innovationDocument } from '#domain/search/documents.ts';
import { federationWorld, memoryFollowers, origin } from '../../support/federation-world.ts';
import { commons, memoryPeople } from '../../support/services.ts';

const record: InnovationRecord = {
  id: 'two-person-lift',
  status: 'published',
  currentVersion: 1,
  title: 'Two-person lift for stud walls',
  skills: ['stud-wall-framing'],
  inventorIds: ['p-ana', 'p-ben'],
  createdAt: '2026-11-01T00:00:00.000Z',
  createdBy: 'p-ana',
  updatedAt: '2026-11-02T00:00:00.000Z',
  publishedAt: '2026-11-02T00:00:00.000Z',
  rev: 3,
  adopterCount: 2,
};
const version: InnovationVersion = {
  innovationId: record.id,
  version: 1,
  status: 'published',
  title: record.title,
  problem: 'Raising a **long** stud wall alone <script>x</script> strains backs and bends plates.',
  improvement: 'Two people lift from the head plate with a strap, one at each end, on a count.',
  skills: ['stud-wall-framing'],
  effect: { unit: 'minutes per wall', before: 20, after: 12, method: 'Timed over ten walls on one site.' },
  evidence: [],
  inventors: [
    { personId: 'p-ana', basisPoints: 5000 },
    { personId: 'p-ben', basisPoints: 5000 },
  ],
  license: 'CC-BY-4.0',
  createdAt: '2026-11-01T00:00:00.000Z',
  createdBy: 'p-ana',
  updatedAt: '2026-11-02T00:00:00.000Z',
  publishedAt: '2026-11-02T00:00:00.000Z',
  acceptedBy: ['p-ana', 'p-ben'],
  invited: [],
  rev: 2,
  termsRev: 1,
};
const people = memoryPeople([
  { id: 'p-ana', name: 'Ana Ruiz' } as Person,
  { id: 'p-ben', name: 'Ben <b>Okafor</b>' } as Person,
]);
const innovations = (records: InnovationRecord[] = [record], versions: InnovationVersion[] = [version]) => ({
  get: async (id: string) => records.find((r) => r.id === id) ?? null,
  getVersion: async (id: string, n: number) => versions.find((v) => v.innovationId === id && v.version === n) ?? null,
});
const sources = (records?: InnovationRecord[]) => ({
  innovations: innovations(records),
  people,
  commons: () => commons,
});

describe('which activity a record’s change calls for', () => {
  const stored = (fields: Partial<StoredRecord> = {}): StoredRecord => ({ ...record, ...fields });
  it('publishing is a Create, a visible change while published an Update, leaving published a Delete', () => {
    expect(recordActivityType(stored({ status: 'draft', currentVersion: 0 }), stored())).toBe('Create');
    expect(recordActivityType(undefined, stored())).toBe('Create');
    expect(recordActivityType(stored(), stored({ title: 'Another title' }))).toBe('Update');
    expect(recordActivityType(stored(), stored({ currentVersion: 2 }))).toBe('Update');
    expect(recordActivityType(stored(), stored({ inventorIds: ['p-ana'] }))).toBe('Update');
    expect(recordActivityType(stored(), stored({ status: 'draft' }))).toBe('Delete');
    expect(recordActivityType(stored(), undefined)).toBe('Delete');
  });

  it('sends nothing for a draft, nor for a write the page does not show', () => {
    expect(recordActivityType(stored({ status: 'draft' }), stored({ status: 'draft', title: 'Renamed' }))).toBe(null);
    expect(recordActivityType(stored(), stored({ rev: 9, draftVersion: 2 } as Partial<StoredRecord>))).toBe(null);
  });
});

describe('a record’s Document', () => {
  it('carries what the record’s page shows, as the agreed format says, its HTML escaped', async () => {
    const document = await recordDocument(sources(), origin, record.id);
    expect(document).toMatchObject({
      id: `${origin}/api/federation/records/two-person-lift`,
      type: 'Document',
      'guildhall:type': 'record',
      name: record.title,
      url: `${origin}/innovations/two-person-lift/`,
      published: '2026-11-02T00:00:00.000Z',
      updated: '2026-11-02T00:00:00.000Z',
      'guildhall:record': {
        title: record.title,
        trade: 'construction',
        skills: [{ id: 'stud-wall-framing', label: 'Timber stud wall framing' }],
        licence: 'CC-BY-4.0',
        inventors: ['Ana Ruiz', 'Ben <b>Okafor</b>'],
        adoptions: 2,
      },
    });
    const summary = (document?.['guildhall:record'] as { summary: string } | undefined)?.summary;
    expect(summary).toContain('Raising a long stud wall alone');
    expect(summary).not.toContain('**');
    expect(String(document?.content)).toContain('Ben &lt;b&gt;Okafor&lt;/b&gt;');
    expect(String(document?.content)).not.toContain('<script>');
    expect(String(document?.content)).toContain(`href="${origin}/innovations/two-person-lift/"`);
  });

  it('is none for a record not published now', async () => {
    expect(await recordDocument(sources([{ ...record, status: 'draft' }]), origin, record.id)).toBeNull();
    expect(await recordDocument(sources([]), origin, record.id)).toBeNull();
  });

  it('is served at its id: 200 while published, 410 Tombstone once no longer, 404 for a draft or nothing', async () => {
    const served = async (records: InnovationRecord[], id = record.id) => {
      const world = await federationWorld({
        services: { innovations: innovations(records) as never, people },
      });
      return world.call({ path: `/api/federation/records/${id}`, headers: { accept: 'application/activity+json' } });
    };
    const ok = await served([record]);
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toMatch(/activity\+json/);
    expect(JSON.parse(ok.body)).toMatchObject({ type: 'Document', 'guildhall:type': 'record' });
    const gone = await served([{ ...record, status: 'draft' }]);
    expect(gone.status).toBe(410);
    expect(JSON.parse(gone.body)).toMatchObject({
      type: 'Tombstone',
      id: `${origin}/api/federation/records/two-person-lift`,
    });
    expect((await served([{ ...record, status: 'draft', currentVersion: 0 }])).status).toBe(404);
    expect((await served([], 'nothing-here')).status).toBe(404);
  });
});

describe('a record’s change published', () => {
  const ids: CommonsIds = {
    actor: `${origin}/api/federation/actors/_instance`,
    followers: `${origin}/api/federation/actors/_instance/followers`,
    activityBase: `${origin}/api/federation/activities`,
  };
  function world(records?: InnovationRecord[]) {
    const followers = memoryFollowers();
    void followers.save({
      syndicateId: '_instance',
      actorId: 'https://b.example/api/federation/actors/_instance',
      inbox: 'https://b.example/api/federation/actors/_instance/inbox',
      followId: 'f1',
      followedAt: '2026-11-01T00:00:00.000Z',
    });
    void followers.save({
      syndicateId: 'a-syndicate',
      actorId: 'https://c.example/users/x',
      inbox: 'https://c.example/users/x/inbox',
      followId: 'f2',
      followedAt: '2026-11-01T00:00:00.000Z',
    });
    const delivered: DeliveryJob[] = [];
    const deps: OutboxDeps = {
      followers,
      blocked: async () => false,
      deliveries: { enqueue: async (job) => void delivered.push(job) },
      outbox: { enqueue: async () => {} },
      activityFor: async () => null,
      commonsIds: ids,
      records: {
        objectId: (id) => `${origin}/api/federation/records/${id}`,
        object: (id) => recordDocument(sources(records), origin, id),
      },
    };
    return { deps, delivered };
  }
  const job = (type: 'Create' | 'Update' | 'Delete'): OutboxJob => ({
    kind: 'publish-record',
    type,
    record: { id: record.id, updatedAt: record.updatedAt },
    attempt: 0,
  });

  it('goes from the Service actor to the commons’ followers alone, carrying the Document', async () => {
    const { deps, delivered } = world();
    await runOutboxJob(deps, job('Create'));
    expect(delivered.map((d) => [d.inbox, d.signer])).toEqual([
      ['https://b.example/api/federation/actors/_instance/inbox', '_instance'],
    ]);
    expect(delivered[0]?.activity).toMatchObject({
      type: 'Create',
      actor: ids.actor,
      cc: [ids.followers],
      object: { id: `${origin}/api/federation/records/two-person-lift`, 'guildhall:type': 'record' },
    });
  });

  it('names the Document’s id in a Delete, and sends nothing for a record no longer published', async () => {
    const { deps, delivered } = world([]);
    await runOutboxJob(deps, job('Update'));
    expect(delivered).toEqual([]);
    await runOutboxJob(deps, job('Delete'));
    expect(delivered[0]?.activity).toMatchObject({
      type: 'Delete',
      object: `${origin}/api/federation/records/two-person-lift`,
    });
    expect(outboxJobSchema().parse(job('Delete'))).toEqual(job('Delete'));
  });

  it('is queued from the stream for a published record’s changes, and nothing for a draft', async () => {
    const image = (fields: Partial<InnovationRecord>) =>
      marshall(
        { ...record, ...fields, type: 'innovation', pk: 'INNOVATION#x', sk: 'RECORD', valueSettled: 2n ** 60n },
        { removeUndefinedValues: true },
      );
    const stream = (sequence: string, before?: Partial<InnovationRecord>, after?: Partial<InnovationRecord>) =>
      ({
        eventName: after ? 'MODIFY' : 'REMOVE',
        dynamodb: {
          SequenceNumber: sequence,
          ...(before ? { OldImage: image(before) } : {}),
          ...(after ? { NewImage: image(after) } : {}),
        },
      }) as StreamRecord;
    const queued: OutboxJob[] = [];
    const result = await publishOpeningRecords(
      { outbox: { enqueue: async (queuedJob) => void queued.push(queuedJob) }, log: createLogger('silent') },
      [
        stream('1', { status: 'draft', currentVersion: 0 }, { status: 'draft', title: 'Draft edit' }),
        stream('2', { status: 'draft', currentVersion: 0 }, {}),
        stream('3', {}, { title: 'Retitled', updatedAt: '2026-11-03T00:00:00.000Z' }),
        stream('4', {}, { adopterCount: 3 }),
        stream('5', {}, undefined),
      ],
    );
    expect(result.batchItemFailures).toEqual([]);
    expect(queued.map((q) => (q.kind === 'publish-record' ? [q.type, q.record] : q.kind))).toEqual([
      ['Create', { id: record.id, updatedAt: record.updatedAt }],
      ['Update', { id: record.id, updatedAt: '2026-11-03T00:00:00.000Z' }],
      ['Delete', { id: record.id, updatedAt: record.updatedAt }],
    ]);
  });
});

const follow: RemoteFollow = {
  id: 'follow-of-a-commons-01',
  actorId: 'https://a.example/api/federation/actors/_instance',
  kind: 'commons',
  handle: 'acct:_instance@a.example',
  host: 'a.example',
  inbox: 'https://a.example/api/federation/actors/_instance/inbox',
  state: 'accepted',
  followActivityId: 'https://b.example/api/federation/activities/1',
  requestedBy: 'steward',
  requestedAt: '2026-12-01T00:00:00.000Z',
};

function fromA(fields: Record<string, unknown> = {}, recordFields: Record<string, unknown> = {}) {
  const ids = {
    actor: follow.actorId,
    followers: `${follow.actorId}/followers`,
    activityBase: 'https://a.example/api/federation/activities',
  };
  const document = recordObject(record, version, {
    objectId: 'https://a.example/api/federation/records/two-person-lift',
    url: 'https://a.example/innovations/two-person-lift/',
    summaryText: 'Raising a long stud wall alone strains backs.',
    trade: 'construction',
    skillLabel: () => 'Timber stud wall framing',
    inventorNames: ['Ana Ruiz', 'Ben Okafor'],
    adoptions: 2,
  });
  expect(commonsActivity('Create', document, ids).object).toBe(document);
  return {
    ...document,
    ...fields,
    'guildhall:record': { ...(document['guildhall:record'] as object), ...recordFields },
  };
}

function memoryRemoteRecords() {
  const kept = new Map<string, RemoteRecord>();
  const key = (followId: string, objectId: string) => `${followId} ${objectId}`;
  return {
    kept,
    putIfNewer: async (r: RemoteRecord) => {
      const old = kept.get(key(r.followId, r.objectId));
      if (old && old.updated >= r.updated) return false;
      kept.set(key(r.followId, r.objectId), r);
      return true;
    },
    get: async (followId: string, objectId: string) => kept.get(key(followId, objectId)) ?? null,
    remove: async (followId: string, objectId: string) => kept.delete(key(followId, objectId)),
  };
}

describe('a followed commons’ record received', () => {
  const now = new Date('2026-12-05T00:00:00.000Z');

  it('is read from the Document as plain text, a link only on the origin, and kept if newer', async () => {
    const records = memoryRemoteRecords();
    const receiver = recordReceiver(records);
    const document = fromA(
      { url: 'https://elsewhere.example/phish' },
      { title: 'Two-person <i>lift</i>', inventors: ['Ana <b>Ruiz</b>'] },
    );
    expect(await receiver.receive(follow, document, now)).toBe('kept');
    const kept = [...records.kept.values()][0];
    expect(kept).toMatchObject({
      objectId: 'https://a.example/api/federation/records/two-person-lift',
      followId: follow.id,
      origin: 'a.example',
      title: 'Two-person lift',
      inventors: ['Ana Ruiz'],
      trade: 'construction',
      skills: [{ id: 'stud-wall-framing', label: 'Timber stud wall framing' }],
      licence: 'CC-BY-4.0',
      adoptions: 2,
      url: 'https://a.example/api/federation/records/two-person-lift',
    });
    expect(await receiver.receive(follow, document, now)).toBe('unchanged');
    expect(await receiver.receive(follow, fromA({ updated: '2026-11-09T00:00:00.000Z' }), now)).toBe('kept');
    expect([...records.kept.values()][0]?.url).toBe('https://a.example/innovations/two-person-lift/');
    expect(await receiver.remove(follow, 'https://a.example/api/federation/records/two-person-lift')).toBe(true);
    expect(records.kept.size).toBe(0);
  });

  it('ignores a Document of another host, of another type, or past its bounds', async () => {
    const receiver = recordReceiver(memoryRemoteRecords());
    expect(await receiver.receive(follow, fromA({ id: 'https://b.example/api/federation/records/x' }), now)).toBe(
      'ignored',
    );
    expect(await receiver.receive(follow, fromA({ 'guildhall:type': 'course' }), now)).toBe('ignored');
    expect(await receiver.receive(follow, fromA({}, { title: 'x'.repeat(201) }), now)).toBe('ignored');
    expect(await receiver.receive(follow, fromA({}, { skills: [{ id: 'Not An Id', label: 'x' }] }), now)).toBe(
      'ignored',
    );
  });

  it('becomes a search document of the records’ type with its instance, and leaves with its item', async () => {
    const kept = remoteRecordOf(fromA(), follow, now) as RemoteRecord;
    const item = { ...kept, type: 'remote-record' } as unknown as Record<string, unknown>;
    const lookups = { syndicate: async () => null, now: () => now };
    const added = await indexChangesFor({ newItem: item }, lookups);
    expect(added.upsert).toEqual([
      expect.objectContaining({
        type: 'innovation',
        title: record.title,
        origin: 'a.example',
        status: 'remote',
        url: 'https://a.example/innovations/two-person-lift/',
        skills: ['stud-wall-framing'],
        trade: 'construction',
      }),
    ]);
    const removed = await indexChangesFor({ oldItem: item }, lookups);
    expect(removed).toEqual({ upsert: [], delete: [added.upsert[0]?.id] });
  });

  it('is listed apart on the innovations page from one search page, and not for this instance’s notions', async () => {
    const queries: SearchQuery[] = [];
    const kept = remoteRecordOf(fromA(), follow, now) as RemoteRecord;
    const item = { ...kept, type: 'remote-record' } as unknown as Record<string, unknown>;
    const [document] = (await indexChangesFor({ newItem: item }, { syndicate: async () => null, now: () => now }))
      .upsert;
    const search = {
      search: async (query: SearchQuery) => {
        queries.push(query);
        return { hits: document ? [{ document, highlighted: { title: '', summary: '' } }] : [], total: 1 };
      },
    } as unknown as SearchIndex;
    const items = await remoteRecords({ search }, { skill: 'stud-wall-framing' }, 20);
    expect(items).toEqual([
      {
        title: record.title,
        summary: 'Raising a long stud wall alone strains backs.',
        inventors: 'Ana Ruiz, Ben Okafor',
        origin: 'a.example',
        url: 'https://a.example/innovations/two-person-lift/',
      },
    ]);
    expect(queries[0]?.filters).toMatchObject({
      type: ['innovation'],
      status: ['remote'],
      skills: ['stud-wall-framing'],
    });
    expect(queries[0]?.pageSize).toBe(20);
    expect(await remoteRecords({ search }, { adopted: true }, 20)).toEqual([]);
    expect(await remoteRecords({ search }, { practice: 'care-shift-handover' }, 20)).toEqual([]);
    expect(queries).toHaveLength(1);
    // This instance's own registry search leaves the remote ones out (they are not in its table).
    await registry(
      { search, innovations: { getMany: async () => new Map(), publishedPage: async () => ({ items: [] }) }, commons },
      { q: 'lift' },
      { limit: 20 },
    );
    expect(queries[1]?.filters?.status).toEqual(['published', 'adopted']);
  });

  it('in the search engine, is found by the remote section and never by this instance’s registry search', async () => {
    const engine = createEmbeddedSearchEngine();
    const kept = remoteRecordOf(fromA(), follow, now) as RemoteRecord;
    const item = { ...kept, type: 'remote-record' } as unknown as Record<string, unknown>;
    const lookups = { syndicate: async () => null, now: () => now };
    await engine.upsert([
      ...(await indexChangesFor({ newItem: item }, lookups)).upsert,
      innovationDocument({ ...version, innovationId: 'local-lift' }, 'construction', record),
    ]);
    const remote = await remoteRecords({ search: engine }, { q: 'lift' }, 20);
    expect(remote.map((r) => r.origin)).toEqual(['a.example']);
    const local = await registry(
      {
        search: engine,
        innovations: {
          getMany: async (ids) => new Map(ids.map((id) => [id, { ...record, id }])),
          publishedPage: async () => ({ items: [] }),
        },
        commons,
      },
      { q: 'lift' },
      { limit: 20 },
    );
    expect(local.items.map((r) => r.id)).toEqual(['local-lift']);
  });
});
