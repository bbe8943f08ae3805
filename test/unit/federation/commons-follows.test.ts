// Following a whole commons (issue 20; the formats of ARCHITECTURE.md, "Following a commons"). On the
// followed side: a Follow of the instance's Service actor (`_instance`, found by WebFinger) is kept
// under `_instance` as a syndicate's follower is, Accepted, counted in its followers collection, and
// queues the new follower's backfill; Undo forgets it. On the following side: a steward follows a
// remote Service actor as a commons (a Group as a syndicate; anything else 422), the list shows the
// kind, and what the commons sends goes to the receiver of its `guildhall:type`, fetched again from its
// origin, never read from the activity; an unknown type is ignored, and a Delete reaches the receivers.
import { afterEach, describe, expect, it } from 'vitest';
import { instanceActor } from '#adapters/activitypub/paths.ts';
import type { CommonsReceiver } from '#domain/federation/commons-objects.ts';
import { serviceActor } from '#domain/federation/commons-objects.ts';
import type { OutboxJob } from '#domain/federation/outbox.ts';
import type { RemoteFollow } from '#domain/federation/remote-follow.ts';
import type { LedgerRepository } from '#domain/innovations/innovation-repository.ts';
import { cavageHeaders, type RemoteActor, startRemoteActor, verifiesCavage } from '../../support/fediverse.ts';
import { federationWorld, origin } from '../../support/federation-world.ts';
import { openingNote, type RemoteSyndicate, startRemoteSyndicate } from '../../support/remote-syndicate.ts';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const peer of opened.splice(0)) await peer.close();
});

const serviceId = `${origin}/api/federation/actors/_instance`;
const serviceInbox = `${serviceId}/inbox`;
const json = (response: { body: string }) => JSON.parse(response.body);

async function remoteActor(name = 'b-instance') {
  const actor = await startRemoteActor(name);
  opened.push(actor);
  return actor;
}
async function peer(name: string, actorType: string) {
  const started = await startRemoteSyndicate(name, { actorType });
  opened.push(started);
  return started;
}

function signed(actor: RemoteActor, activity: Record<string, unknown>) {
  const body = JSON.stringify({ '@context': 'https://www.w3.org/ns/activitystreams', ...activity });
  const headers = cavageHeaders({
    method: 'POST',
    url: serviceInbox,
    body,
    keyId: actor.keyId,
    privateKey: actor.privateKey,
  });
  return { method: 'POST', path: new URL(serviceInbox).pathname, headers, body };
}

const followOfService = (actor: RemoteActor) => ({
  id: `${actor.actorId}/follows/commons`,
  type: 'Follow',
  actor: actor.actorId,
  object: serviceId,
});

function recordingOutbox() {
  const jobs: OutboxJob[] = [];
  return { jobs, enqueue: async (job: OutboxJob) => void jobs.push(job) };
}

describe('this commons followed as a whole', () => {
  it('names the Service actor by the same identifier the routes publish', () => {
    expect(serviceActor).toBe(instanceActor);
  });

  it('answers WebFinger for acct:_instance@<host> with its Service actor', async () => {
    const { call } = await federationWorld();
    const response = await call({
      path: '/.well-known/webfinger',
      rawQuery: `resource=${encodeURIComponent('acct:_instance@guildhall.test')}`,
    });
    expect(response.status).toBe(200);
    expect(json(response).links).toContainEqual(
      expect.objectContaining({ rel: 'self', type: 'application/activity+json', href: serviceId }),
    );
  });

  it('keeps a Follow of the Service actor under _instance, Accepts it signed, counts it and queues its backfill', async () => {
    const outbox = recordingOutbox();
    const world = await federationWorld({ outbox });
    const b = await remoteActor();
    const response = await world.call(signed(b, followOfService(b)));
    expect(response.status).toBe(202);
    expect(world.followers.all()).toEqual([
      expect.objectContaining({ syndicateId: '_instance', actorId: b.actorId, inbox: b.inbox }),
    ]);
    expect(outbox.jobs).toEqual([{ kind: 'backfill', inbox: b.inbox, attempt: 0 }]);

    await world.deliveries.idle();
    const [accept] = b.inboxPosts();
    expect(JSON.parse(accept?.body ?? '{}')).toMatchObject({
      type: 'Accept',
      actor: serviceId,
      object: { id: `${b.actorId}/follows/commons`, type: 'Follow', actor: b.actorId, object: serviceId },
    });
    const service = json(
      await world.call({ path: new URL(serviceId).pathname, headers: { accept: 'application/activity+json' } }),
    );
    expect(verifiesCavage(accept as NonNullable<typeof accept>, service.publicKey.publicKeyPem)).toMatchObject({
      ok: true,
      keyId: `${serviceId}#main-key`,
    });

    const followers = await world.call({
      path: `${new URL(serviceId).pathname}/followers`,
      headers: { accept: 'application/activity+json' },
    });
    expect(json(followers).totalItems).toBe(1);
  });

  it('forgets the commons follower on Undo, and its count falls back', async () => {
    const world = await federationWorld();
    const b = await remoteActor();
    await world.call(signed(b, followOfService(b)));
    const undo = await world.call(
      signed(b, { id: `${b.actorId}/undo/1`, type: 'Undo', actor: b.actorId, object: followOfService(b) }),
    );
    expect(undo.status).toBe(202);
    expect(world.followers.all()).toEqual([]);
    const followers = await world.call({
      path: `${new URL(serviceId).pathname}/followers`,
      headers: { accept: 'application/activity+json' },
    });
    expect(json(followers).totalItems).toBe(0);
  });
});

function recordingReceiver() {
  const received: { follow: RemoteFollow; document: unknown }[] = [];
  const removed: string[] = [];
  const receiver: CommonsReceiver = {
    receive: async (follow, document) => {
      received.push({ follow, document });
      return 'kept';
    },
    remove: async (_follow, objectId) => {
      removed.push(objectId);
      return true;
    },
  };
  return { receiver, received, removed };
}

function world(record?: CommonsReceiver) {
  const ledger = { stewardRemovals: async () => [] } as unknown as LedgerRepository;
  return federationWorld({
    services: { ledger },
    config: { STEWARDS: ['steward'] },
    ...(record ? { commonsReceivers: { record } } : {}),
  });
}
type World = Awaited<ReturnType<typeof world>>;

const asSteward = (w: World, method: string, path: string, body?: unknown) =>
  w.call({
    method,
    path,
    identity: { personId: 'steward' },
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** The steward follows `remote`, and it accepts: the follow as the API answered it. */
async function followed(w: World, remote: RemoteSyndicate) {
  const answer = await asSteward(w, 'POST', '/api/federation/follows', { actor: remote.handle });
  expect(answer.status).toBe(200);
  await w.deliveries.idle();
  const follow = JSON.parse(remote.inboxPosts()[0]?.body ?? '{}') as { id: string };
  const accepted = await w.call(remote.signedPost(`${serviceId}/inbox`, { type: 'Accept', object: follow }));
  expect(accepted.status).toBe(202);
  return json(answer) as { id: string; kind: string };
}

const recordDocument = (remote: RemoteSyndicate, id: string, type = 'record') => ({
  '@context': 'https://www.w3.org/ns/activitystreams',
  id: remote.noteId(id),
  type: 'Document',
  'guildhall:type': type,
  name: 'Two-person lift',
  content: '<p>Two-person lift</p>',
  updated: '2026-12-01T09:00:00.000Z',
});

describe('following a remote commons', () => {
  it('follows a Service actor as a commons and a Group as a syndicate; the list shows which', async () => {
    const w = await world();
    const commons = await peer('commons', 'Service');
    const group = await peer('valencia-carpenters', 'Group');
    expect((await followed(w, commons)).kind).toBe('commons');
    expect((await followed(w, group)).kind).toBe('syndicate');
    const list = json(await w.call({ path: '/api/federation/follows' }));
    expect(list.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actorId: commons.actorId, kind: 'commons', state: 'accepted' }),
        expect.objectContaining({ actorId: group.actorId, kind: 'syndicate', state: 'accepted' }),
      ]),
    );
  });

  it('lists a follow kept before there were kinds as a syndicate', async () => {
    const w = await world();
    const group = await peer('valencia-carpenters', 'Group');
    const { id } = await followed(w, group);
    const kept = (await w.remoteFollows.get(id)) as RemoteFollow;
    const { kind: _dropped, ...withoutKind } = kept;
    await w.remoteFollows.put(withoutKind);
    expect(json(await w.call({ path: '/api/federation/follows' })).items[0]).toMatchObject({ kind: 'syndicate' });
  });

  it('refuses an actor that is neither a Group nor a Service with 422 naming body.actor', async () => {
    const w = await world();
    const person = await peer('someone', 'Person');
    const answer = await asSteward(w, 'POST', '/api/federation/follows', { actor: person.handle });
    expect(answer.status).toBe(422);
    expect(json(answer).errors).toEqual([expect.objectContaining({ field: 'body.actor' })]);
    expect(json(answer).detail).toContain('not a syndicate (a Group) nor a commons');
    expect(w.remoteFollows.all()).toEqual([]);
  });

  it('hands a commons’ Create to the receiver of its type, fetched again from its origin', async () => {
    const { receiver, received } = recordingReceiver();
    const w = await world(receiver);
    const commons = await peer('commons', 'Service');
    const { id } = await followed(w, commons);
    commons.setNote('r1', recordDocument(commons, 'r1'));
    const create = await w.call(
      commons.signedPost(`${serviceId}/inbox`, {
        type: 'Create',
        // What the activity carries is not read: the object is fetched again.
        object: { ...recordDocument(commons, 'r1'), name: 'Forged' },
      }),
    );
    expect(create.status).toBe(202);
    expect(received).toHaveLength(1);
    expect(received[0]?.follow.id).toBe(id);
    expect(received[0]?.document).toMatchObject({ name: 'Two-person lift', 'guildhall:type': 'record' });
    // A commons' objects are never read as openings.
    expect(w.remoteOpenings.all()).toEqual([]);
  });

  it('ignores an object of a type with no receiver, and a Note from a commons', async () => {
    const { receiver, received } = recordingReceiver();
    const w = await world(receiver);
    const commons = await peer('commons', 'Service');
    await followed(w, commons);
    commons.setNote('c1', recordDocument(commons, 'c1', 'course'));
    commons.setNote('n1', openingNote(commons, 'n1'));
    for (const objectId of ['c1', 'n1']) {
      const answer = await w.call(
        commons.signedPost(`${serviceId}/inbox`, { type: 'Create', object: commons.noteId(objectId) }),
      );
      expect(answer.status).toBe(202);
    }
    expect(received).toEqual([]);
    expect(w.remoteOpenings.all()).toEqual([]);
  });

  it('passes a Delete of an object to the receivers, and ignores one from a commons not followed', async () => {
    const { receiver, removed } = recordingReceiver();
    const w = await world(receiver);
    const commons = await peer('commons', 'Service');
    const stranger = await peer('stranger', 'Service');
    await followed(w, commons);
    await w.call(commons.signedPost(`${serviceId}/inbox`, { type: 'Delete', object: commons.noteId('r1') }));
    await w.call(stranger.signedPost(`${serviceId}/inbox`, { type: 'Delete', object: stranger.noteId('r1') }));
    expect(removed).toEqual([commons.noteId('r1')]);
  });

  it('unfollows a commons like any follow: Undo sent, the follow gone', async () => {
    const w = await world();
    const commons = await peer('commons', 'Service');
    const { id } = await followed(w, commons);
    const answer = await asSteward(w, 'DELETE', `/api/federation/follows/${id}`);
    expect(answer.status).toBe(204);
    await w.deliveries.idle();
    expect(JSON.parse(commons.inboxPosts().at(-1)?.body ?? '{}')).toMatchObject({ type: 'Undo' });
    expect(w.remoteFollows.all()).toEqual([]);
  });
});
