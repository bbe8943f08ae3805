// Federation probed as an attacker and as a careless peer (issue 20, "Safety"): signed deliveries from
// loopback peers to this instance's inbox, with the real `record` receiver over a memory store. What a
// followed commons, a followed Group, a peer not followed, a follow still pending and a blocked host
// send, replays and out-of-order activities, and Documents of every wrong shape: nothing is kept that
// the origin does not serve at the id on the followed host, read with the record's bounded schema.
import { afterEach, describe, expect, it } from 'vitest';
import { recordDocument } from '#app/federation-outbox.ts';
import { countedLineOf, limitChangeOf } from '#app/stream-economy.ts';
import { sourceOf } from '#domain/shortages/sources.ts';
import type { OutboxJob } from '#domain/federation/outbox.ts';
import { recordReceiver, type RemoteRecord } from '#domain/federation/remote-record.ts';
import type { InnovationRecord, InnovationVersion } from '#domain/innovations/innovation.ts';
import type { LedgerRepository } from '#domain/innovations/innovation-repository.ts';
import type { Person } from '#domain/people/person.ts';
import { cavageHeaders, startRemoteActor } from '../../support/fediverse.ts';
import { federationWorld, origin } from '../../support/federation-world.ts';
import { commons, memoryPeople } from '../../support/services.ts';
import { openingNote, type RemoteSyndicate, startRemoteSyndicate } from '../../support/remote-syndicate.ts';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const peer of opened.splice(0)) await peer.close();
});

const serviceInbox = `${origin}/api/federation/actors/_instance/inbox`;

function memoryRemoteRecords() {
  const kept = new Map<string, RemoteRecord>();
  const key = (followId: string, objectId: string) => `${followId} ${objectId}`;
  return {
    all: () => [...kept.values()],
    putIfNewer: async (record: RemoteRecord) => {
      const old = kept.get(key(record.followId, record.objectId));
      if (old && old.updated >= record.updated) return false;
      kept.set(key(record.followId, record.objectId), record);
      return true;
    },
    get: async (followId: string, objectId: string) => kept.get(key(followId, objectId)) ?? null,
    remove: async (followId: string, objectId: string) => kept.delete(key(followId, objectId)),
  };
}

async function world() {
  const records = memoryRemoteRecords();
  const ledger = { stewardRemovals: async () => [] } as unknown as LedgerRepository;
  const w = await federationWorld({
    services: { ledger },
    config: { STEWARDS: ['steward'] },
    commonsReceivers: { record: recordReceiver(records) },
  });
  return { ...w, records };
}
type World = Awaited<ReturnType<typeof world>>;

async function peer(name: string, actorType = 'Service') {
  const started = await startRemoteSyndicate(name, { actorType });
  opened.push(started);
  return started;
}

const asSteward = (w: World, method: string, path: string, body?: unknown) =>
  w.call({
    method,
    path,
    identity: { personId: 'steward' },
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** The steward follows `remote`; unless `accept` is false, it accepts. */
async function follow(w: World, remote: RemoteSyndicate, accept = true) {
  const answer = await asSteward(w, 'POST', '/api/federation/follows', { actor: remote.handle });
  expect(answer.status).toBe(200);
  await w.deliveries.idle();
  if (accept) {
    const sent = JSON.parse(remote.inboxPosts()[0]?.body ?? '{}') as { id: string };
    expect((await w.call(remote.signedPost(serviceInbox, { type: 'Accept', object: sent }))).status).toBe(202);
  }
  return JSON.parse(answer.body) as { id: string };
}

/** A record Document in the agreed format, served (by the test) at `remote.noteId(id)`. */
function recordDoc(
  remote: RemoteSyndicate,
  id: string,
  fields: Record<string, unknown> = {},
  record: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    '@context': 'https://www.w3.org/ns/activitystreams',
    id: remote.noteId(id),
    type: 'Document',
    'guildhall:type': 'record',
    name: 'Two-person lift',
    content: '<p>Two-person lift</p>',
    url: `${remote.base}/innovations/${id}/`,
    published: '2026-12-01T09:00:00.000Z',
    updated: '2026-12-01T09:00:00.000Z',
    ...fields,
    'guildhall:record': {
      title: 'Two-person lift',
      summary: 'Raising a long wall with a strap.',
      trade: 'construction',
      skills: [{ id: 'stud-wall-framing', label: 'Timber stud wall framing' }],
      licence: 'CC-BY-4.0',
      inventors: ['Ana Ruiz'],
      adoptions: 1,
      ...record,
    },
  };
}

const post = (w: World, from: RemoteSyndicate, type: string, object: unknown) =>
  w.call(from.signedPost(serviceInbox, { type, object }));

/** The GETs a peer's listener answered for its objects (what was fetched from it). */
const objectReads = (remote: RemoteSyndicate) =>
  remote.received.filter((entry) => entry.method === 'GET' && entry.path.startsWith('/openings/'));

describe('what a followed commons sends is kept only as its origin serves it', () => {
  it('keeps nothing named on another host, and never fetches it', async () => {
    const w = await world();
    const commons = await peer('commons');
    const other = await peer('other');
    await follow(w, commons);
    other.setNote('r1', recordDoc(other, 'r1'));
    expect((await post(w, commons, 'Create', other.noteId('r1'))).status).toBe(202);
    expect((await post(w, commons, 'Update', other.noteId('r1'))).status).toBe(202);
    expect(w.records.all()).toEqual([]);
    expect(objectReads(other)).toEqual([]);
  });

  it('keeps nothing whose Document claims another id than the one fetched', async () => {
    const w = await world();
    const commons = await peer('commons');
    const other = await peer('other');
    await follow(w, commons);
    // Served on the followed host, but saying it is another instance's record (or another of its own).
    commons.setNote('r1', recordDoc(other, 'r1'));
    commons.setNote('r2', recordDoc(commons, 'r3'));
    await post(w, commons, 'Create', commons.noteId('r1'));
    await post(w, commons, 'Create', commons.noteId('r2'));
    expect(w.records.all()).toEqual([]);
  });

  it('refuses an activity signed by a followed commons in another actor’s name, and one it names as sender', async () => {
    const w = await world();
    const commons = await peer('commons');
    const other = await peer('other');
    await follow(w, commons);
    await follow(w, other);
    other.setNote('r1', recordDoc(other, 'r1'));
    // Signed with the commons' key, claiming to come from the other followed commons.
    const forged = commons.signedPost(serviceInbox, {
      type: 'Create',
      actor: other.actorId,
      object: other.noteId('r1'),
    });
    expect((await w.call(forged)).status).toBe(401);
    expect(w.records.all()).toEqual([]);
    expect(objectReads(other)).toEqual([]);
  });

  it('reads no record from a followed Group, and no opening from a followed commons', async () => {
    const w = await world();
    const group = await peer('valencia-carpenters', 'Group');
    const commons = await peer('commons');
    await follow(w, group);
    await follow(w, commons);
    group.setNote('r1', recordDoc(group, 'r1'));
    commons.setNote('n1', openingNote(commons, 'n1'));
    await post(w, group, 'Create', group.noteId('r1'));
    await post(w, commons, 'Create', commons.noteId('n1'));
    expect(w.records.all()).toEqual([]);
    expect(w.remoteOpenings.all()).toEqual([]);
  });

  it('ignores a peer not followed and a follow still pending, whatever they send', async () => {
    const w = await world();
    const stranger = await peer('stranger');
    const pending = await peer('pending');
    await follow(w, pending, false);
    for (const remote of [stranger, pending]) {
      remote.setNote('r1', recordDoc(remote, 'r1'));
      for (const type of ['Create', 'Update']) {
        expect((await post(w, remote, type, remote.noteId('r1'))).status).toBe(202);
      }
      expect(objectReads(remote)).toEqual([]);
    }
    expect(w.records.all()).toEqual([]);
  });

  it('lets no commons delete what another brought', async () => {
    const w = await world();
    const a = await peer('commons-a');
    const b = await peer('commons-b');
    await follow(w, a);
    await follow(w, b);
    a.setNote('r1', recordDoc(a, 'r1'));
    await post(w, a, 'Create', a.noteId('r1'));
    expect(w.records.all()).toHaveLength(1);
    expect((await post(w, b, 'Delete', a.noteId('r1'))).status).toBe(202);
    expect(w.records.all()).toHaveLength(1);
    expect((await post(w, a, 'Delete', a.noteId('r1'))).status).toBe(202);
    expect(w.records.all()).toEqual([]);
  });

  it('refuses a blocked host’s activities, and its block takes what it brought', async () => {
    const w = await world();
    const commons = await peer('commons');
    await follow(w, commons);
    commons.setNote('r1', recordDoc(commons, 'r1'));
    await post(w, commons, 'Create', commons.noteId('r1'));
    expect(w.records.all()).toHaveLength(1);
    const block = await asSteward(w, 'PUT', `/api/federation/blocks/${commons.host}`, { reason: 'Spam' });
    expect(block.status).toBe(200);
    commons.setNote('r2', recordDoc(commons, 'r2'));
    expect((await post(w, commons, 'Create', commons.noteId('r2'))).status).toBe(403);
    // The block hands its removals to the outbox (a page a job): once they ran, the follow is gone.
    await w.outbox.idle();
    expect(w.remoteFollows.all()).toEqual([]);
  });
});

describe('replays and activities out of order', () => {
  it('keeps the newest the origin served: an older Document after a newer one changes nothing', async () => {
    const w = await world();
    const commons = await peer('commons');
    await follow(w, commons);
    commons.setNote('r1', recordDoc(commons, 'r1', { updated: '2026-12-03T00:00:00.000Z' }, { title: 'Newer' }));
    await post(w, commons, 'Update', commons.noteId('r1'));
    // A careless peer serves an older copy again, and replays its first Create.
    commons.setNote('r1', recordDoc(commons, 'r1', { updated: '2026-12-02T00:00:00.000Z' }, { title: 'Older' }));
    await post(w, commons, 'Update', commons.noteId('r1'));
    await post(w, commons, 'Create', commons.noteId('r1'));
    expect(w.records.all().map((record) => record.title)).toEqual(['Newer']);
  });

  it('keeps one record for the same Create twice', async () => {
    const w = await world();
    const commons = await peer('commons');
    await follow(w, commons);
    commons.setNote('r1', recordDoc(commons, 'r1'));
    await post(w, commons, 'Create', commons.noteId('r1'));
    await post(w, commons, 'Create', commons.noteId('r1'));
    expect(w.records.all()).toHaveLength(1);
  });

  it('keeps nothing for a Create that arrives after its Delete, the id gone (410), and answers it 202', async () => {
    const w = await world();
    const commons = await peer('commons');
    await follow(w, commons);
    commons.setNote('r1', null);
    expect((await post(w, commons, 'Delete', commons.noteId('r1'))).status).toBe(202);
    expect((await post(w, commons, 'Create', commons.noteId('r1'))).status).toBe(202);
    expect(w.records.all()).toEqual([]);
  });

  it('removes what it kept when an Update finds the id gone (410) or a Tombstone there: the Delete was lost', async () => {
    const w = await world();
    const commons = await peer('commons');
    await follow(w, commons);
    for (const id of ['r1', 'r2']) {
      commons.setNote(id, recordDoc(commons, id));
      await post(w, commons, 'Create', commons.noteId(id));
    }
    expect(w.records.all()).toHaveLength(2);
    commons.setNote('r1', null);
    commons.setNote('r2', { id: commons.noteId('r2'), type: 'Tombstone', formerType: 'Document' });
    expect((await post(w, commons, 'Update', commons.noteId('r1'))).status).toBe(202);
    expect((await post(w, commons, 'Update', commons.noteId('r2'))).status).toBe(202);
    expect(w.records.all()).toEqual([]);
  });

  it('removes a followed Group’s opening when an Update finds its Note gone (410), and answers it 202', async () => {
    const w = await world();
    const group = await peer('valencia-carpenters', 'Group');
    await follow(w, group);
    group.setNote('o1', openingNote(group, 'o1'));
    await w.call(group.signedPost(serviceInbox, { type: 'Create', object: group.noteId('o1') }));
    expect(w.remoteOpenings.all()).toHaveLength(1);
    group.setNote('o1', null);
    const update = await w.call(group.signedPost(serviceInbox, { type: 'Update', object: group.noteId('o1') }));
    expect(update.status).toBe(202);
    expect(w.remoteOpenings.all()).toEqual([]);
  });
});

describe('Documents of every wrong shape', () => {
  async function kept(document: (remote: RemoteSyndicate) => Record<string, unknown>, id = 'r1') {
    const w = await world();
    const commons = await peer('commons');
    await follow(w, commons);
    commons.setNote(id, document(commons));
    expect((await post(w, commons, 'Create', commons.noteId(id))).status).toBe(202);
    return { records: w.records.all(), commons };
  }

  it('reduces HTML and script in every text field to plain text', async () => {
    const script = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const { records } = await kept((remote) =>
      recordDoc(
        remote,
        'r1',
        {},
        {
          title: `Lift ${script}`,
          summary: `<p>Strap &lt;b&gt; ${script}</p>`,
          licence: `<b>CC</b>`,
          inventors: [`Ana ${script}`, '<i></i>'],
          skills: [{ id: 'stud-wall-framing', label: `Framing ${script}` }],
        },
      ),
    );
    const [record] = records;
    expect(record).toMatchObject({
      title: 'Lift',
      licence: 'CC',
      inventors: ['Ana'],
      skills: [{ id: 'stud-wall-framing', label: 'Framing' }],
    });
    expect(JSON.stringify(record)).not.toMatch(/[<>]|script|onerror/);
  });

  it('drops control and direction characters, sent as they are or as entities, from every text', async () => {
    const { records } = await kept((remote) =>
      recordDoc(
        remote,
        'r1',
        {},
        {
          title: 'Lift\u202Eevil\u0000 &#x202E;x&#x2066;y &#xD800;z',
          summary: 'Cafe\u0301 \u0007bell',
          inventors: ['Ana\u2067 Ruiz'],
        },
      ),
    );
    expect(records[0]).toMatchObject({ title: 'Lift evil x y z', summary: 'Café bell', inventors: ['Ana Ruiz'] });
  });

  it('links only to the origin: a javascript: or off-origin url falls back to the id', async () => {
    const deceiving = (remote: RemoteSyndicate) => `http://bank.example@${remote.host}/innovations/r1/`;
    const { records: withCredentials, commons: origin } = await kept((remote) =>
      recordDoc(remote, 'r1', { url: deceiving(remote) }),
    );
    expect(withCredentials.map((record) => record.url)).toEqual([origin.noteId('r1')]);
    for (const url of ['javascript:alert(1)', 'https://phish.example/innovations/r1/', 'data:text/html,hi']) {
      const { records, commons } = await kept((remote) => recordDoc(remote, 'r1', { url }));
      expect(records.map((record) => record.url)).toEqual([commons.noteId('r1')]);
    }
  });

  it('keeps nothing past its bounds: a huge title, thousands of skills or inventors, a huge adoption count', async () => {
    const skills = Array.from({ length: 2_000 }, (_, n) => ({ id: `skill-${n}`, label: `Skill ${n}` }));
    const inventors = Array.from({ length: 5_000 }, (_, n) => `Inventor ${n}`);
    for (const record of [{ title: 'x'.repeat(100_000) }, { skills }, { inventors }, { adoptions: 1e12 }]) {
      expect((await kept((remote) => recordDoc(remote, 'r1', {}, record))).records).toEqual([]);
    }
  });

  it('fetches no id that is not http(s) or carries credentials, and keeps nothing at one with a fragment not its own', async () => {
    const w = await world();
    const commons = await peer('commons');
    await follow(w, commons);
    const withCredentials = commons.noteId('r1').replace('http://', 'http://someone:secret@');
    for (const id of ['urn:uuid:0b4d', 'ftp://127.0.0.1/r1', 'javascript:alert(1)', withCredentials]) {
      expect((await post(w, commons, 'Create', id)).status).toBe(202);
    }
    expect(objectReads(commons)).toEqual([]);
    commons.setNote('r1', recordDoc(commons, 'r1'));
    await post(w, commons, 'Create', `${commons.noteId('r1')}#other`);
    await post(w, commons, 'Create', `${commons.noteId('r1')}?as=someone`);
    expect(w.records.all()).toEqual([]);
  });
});

describe('a commons follower’s backfill', () => {
  it('is queued once for Follows repeated in a loop, and again after an Undo and a new Follow', async () => {
    const jobs: OutboxJob[] = [];
    const w = await federationWorld({ outbox: { enqueue: async (job) => void jobs.push(job) } });
    const b = await startRemoteActor('b-instance');
    opened.push(b);
    const serviceId = serviceInbox.replace(/\/inbox$/, '');
    const follow = { id: `${b.actorId}/follows/1`, type: 'Follow', actor: b.actorId, object: serviceId };
    const signed = (activity: Record<string, unknown>) => {
      const body = JSON.stringify({ '@context': 'https://www.w3.org/ns/activitystreams', ...activity });
      const headers = cavageHeaders({
        method: 'POST',
        url: serviceInbox,
        body,
        keyId: b.keyId,
        privateKey: b.privateKey,
      });
      return { method: 'POST', path: new URL(serviceInbox).pathname, headers, body };
    };
    for (let n = 0; n < 5; n++) expect((await w.call(signed({ ...follow, id: `${follow.id}-${n}` }))).status).toBe(202);
    expect(jobs.filter((job) => job.kind === 'backfill')).toHaveLength(1);
    await w.call(signed({ id: `${b.actorId}/undo/1`, type: 'Undo', actor: b.actorId, object: follow }));
    await w.call(signed({ ...follow, id: `${follow.id}-again` }));
    expect(jobs.filter((job) => job.kind === 'backfill')).toHaveLength(2);
  });
});

describe('a record’s Document, as this instance serves it', () => {
  const published: InnovationVersion = {
    innovationId: 'strap-lift',
    version: 1,
    status: 'published',
    title: 'Strap lift',
    problem: 'Long walls are heavy.',
    improvement: 'Lift with a strap.',
    skills: ['stud-wall-framing'],
    effect: { unit: 'minutes per wall', before: 20, after: 12, method: 'Timed.' },
    evidence: [],
    inventors: [{ personId: 'p-ana', basisPoints: 10_000 }],
    license: 'CC-BY-4.0',
    createdAt: '2026-11-01T00:00:00.000Z',
    createdBy: 'p-ana',
    updatedAt: '2026-11-02T00:00:00.000Z',
    publishedAt: '2026-11-02T00:00:00.000Z',
    acceptedBy: ['p-ana'],
    invited: [],
    rev: 2,
    termsRev: 1,
  };
  // A correction being drafted: it names Cat, who has not accepted, under a new title.
  const correction: InnovationVersion = {
    ...published,
    version: 2,
    status: 'draft',
    title: 'Strap lift, with Cat',
    inventors: [
      { personId: 'p-ana', basisPoints: 5_000 },
      { personId: 'p-cat', basisPoints: 5_000 },
    ],
    acceptedBy: ['p-ana'],
    invited: ['p-cat'],
    publishedAt: undefined,
  };
  const record: InnovationRecord = {
    id: 'strap-lift',
    status: 'published',
    currentVersion: 1,
    draftVersion: 2,
    title: 'Strap lift',
    skills: ['stud-wall-framing'],
    inventorIds: ['p-ana'],
    draftPeopleIds: ['p-ana', 'p-cat'],
    createdAt: '2026-11-01T00:00:00.000Z',
    createdBy: 'p-ana',
    updatedAt: '2026-11-05T00:00:00.000Z',
    publishedAt: '2026-11-02T00:00:00.000Z',
    rev: 4,
  };
  const sources = (records: InnovationRecord[]) => ({
    innovations: {
      get: async (id: string) => records.find((r) => r.id === id) ?? null,
      getVersion: async (_id: string, n: number) => [published, correction].find((v) => v.version === n) ?? null,
    },
    people: memoryPeople([{ id: 'p-ana', name: 'Ana Ruiz' } as Person, { id: 'p-cat', name: 'Cat Jones' } as Person]),
    commons: () => commons,
  });

  it('names no one a correction only invites, and shows the published version’s words alone', async () => {
    const document = await recordDocument(sources([record]), origin, record.id);
    expect(document?.['guildhall:record']).toMatchObject({ title: 'Strap lift', inventors: ['Ana Ruiz'] });
    expect(JSON.stringify(document)).not.toMatch(/Cat|p-cat|basisPoints|with Cat/);
  });

  it('is none for a first draft, whoever it names', async () => {
    const draft = { ...record, status: 'draft' as const, currentVersion: 0, draftVersion: 2 };
    expect(await recordDocument(sources([draft]), origin, record.id)).toBeNull();
  });
});

describe('what followed instances sent, in this instance’s own figures', () => {
  it('counts in no shortage and no economy figure: a remote record or opening is no source of either', () => {
    const remote = (type: string) => ({
      pk: 'REMOTE-FOLLOW#f1',
      sk: 'X#1',
      type,
      id: 'o1',
      personId: 'p1',
      accountId: 'person:p1',
      kind: 'payment',
      skills: [{ id: 'stud-wall-framing', label: 'Timber stud wall framing' }],
      adoptions: 3,
    });
    for (const type of ['remote-record', 'remote-opening', 'remote-follow']) {
      expect(sourceOf(remote(type))).toBeNull();
      expect(countedLineOf(remote(type))).toBeUndefined();
      expect(limitChangeOf(remote(type))).toBeUndefined();
    }
    // The same fields on this instance's own opening do count: the rule reads the type, not the fields.
    expect(sourceOf({ ...remote('opening') })).toEqual({ kind: 'opening', openingId: 'o1' });
  });
});
