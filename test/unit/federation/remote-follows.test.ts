// Following a remote syndicate and keeping its openings (issue 20, inbound): a steward follows it by
// acct: (WebFinger through the guard); the instance's Service actor sends it a signed Follow; its Accept
// makes the follow count, its Reject ends it. A followed Group's Create/Update/Delete keep, change and
// remove a remote opening, read from the Note fetched again at its origin, never from the activity's
// body; anything from an actor not followed (or not yet accepted) is ignored. Unfollowing sends Undo and
// removes what the follow brought; a block of its host ends it too.
import { afterEach, describe, expect, it } from 'vitest';
import type { LedgerRepository } from '#domain/innovations/innovation-repository.ts';
import { cavageHeaders, type RemoteActor, startRemoteActor } from '../../support/fediverse.ts';
import { federationWorld, origin } from '../../support/federation-world.ts';
import { openingNote, type RemoteSyndicate, startRemoteSyndicate } from '../../support/remote-syndicate.ts';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const peer of opened.splice(0)) await peer.close();
});

async function syndicate(name?: string, options?: { actorType?: string }) {
  const peer = await startRemoteSyndicate(name, options);
  opened.push(peer);
  return peer;
}
async function person(name: string): Promise<RemoteActor> {
  const actor = await startRemoteActor(name);
  opened.push(actor);
  return actor;
}

function world() {
  const ledger = { stewardRemovals: async () => [] } as unknown as LedgerRepository;
  return federationWorld({ services: { ledger }, config: { STEWARDS: ['steward'] } });
}
type World = Awaited<ReturnType<typeof world>>;

const asPerson = (w: World, personId: string, method: string, path: string, body?: unknown) =>
  w.call({
    method,
    path,
    identity: { personId },
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const instanceActorId = `${origin}/api/federation/actors/_instance`;
const instanceInbox = `${instanceActorId}/inbox`;

/** The steward follows `peer`, and `peer` accepts: the follow, accepted. */
async function followed(w: World, peer: RemoteSyndicate) {
  const answer = await asPerson(w, 'steward', 'POST', '/api/federation/follows', { actor: peer.handle });
  expect(answer.status).toBe(200);
  await w.deliveries.idle();
  const follow = JSON.parse(peer.inboxPosts()[0]?.body ?? '{}') as { id: string };
  const accepted = await w.call(peer.signedPost(instanceInbox, { type: 'Accept', object: follow }));
  expect(accepted.status).toBe(202);
  return JSON.parse(answer.body) as { id: string };
}

describe('following a remote syndicate', () => {
  it('finds it by WebFinger, keeps it pending, and sends it a signed Follow from the instance', async () => {
    const w = await world();
    const peer = await syndicate();
    const answer = await asPerson(w, 'steward', 'POST', '/api/federation/follows', { actor: peer.handle });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ actorId: peer.actorId, host: peer.host, state: 'pending' });
    await w.deliveries.idle();

    const [post] = peer.inboxPosts();
    expect(post?.path).toBe(new URL(peer.inbox).pathname);
    expect(JSON.parse(post?.body ?? '{}')).toMatchObject({
      type: 'Follow',
      actor: instanceActorId,
      object: peer.actorId,
    });
    expect(String(post?.headers.signature)).toContain(`keyId="${instanceActorId}#main-key"`);

    const list = await w.call({ path: '/api/federation/follows' });
    expect(list.status).toBe(200);
    expect(JSON.parse(list.body).items).toEqual([
      expect.objectContaining({ actorId: peer.actorId, handle: peer.handle, state: 'pending' }),
    ]);
  });

  it('is the same follow when asked again: one item per remote actor', async () => {
    const w = await world();
    const peer = await syndicate();
    const first = await asPerson(w, 'steward', 'POST', '/api/federation/follows', { actor: peer.handle });
    const again = await asPerson(w, 'steward', 'POST', '/api/federation/follows', { actor: peer.actorId });
    expect(JSON.parse(again.body).id).toBe(JSON.parse(first.body).id);
    expect(w.remoteFollows.all()).toHaveLength(1);
  });

  it('is for stewards only, and fetches nothing for anyone else', async () => {
    const w = await world();
    const peer = await syndicate();
    const refused = await asPerson(w, 'someone', 'POST', '/api/federation/follows', { actor: peer.handle });
    expect(refused.status).toBe(403);
    expect(peer.received).toEqual([]);
    expect(w.remoteFollows.all()).toEqual([]);
  });

  it('refuses a blocked instance with 422 naming the actor, before fetching anything from it', async () => {
    const w = await world();
    const peer = await syndicate();
    await asPerson(w, 'steward', 'PUT', '/api/federation/blocks/127.0.0.1', { reason: 'Spam' });
    const refused = await asPerson(w, 'steward', 'POST', '/api/federation/follows', { actor: peer.handle });
    expect(refused.status).toBe(422);
    expect(JSON.parse(refused.body).errors[0]).toMatchObject({ field: 'body.actor' });
    expect(JSON.parse(refused.body).detail).toContain('blocked');
    expect(peer.received).toEqual([]);
  });

  it('refuses an actor that is not a syndicate, and one that cannot be found, with 422', async () => {
    const w = await world();
    const notGroup = await syndicate('lone-carpenter', { actorType: 'Person' });
    const person = await asPerson(w, 'steward', 'POST', '/api/federation/follows', { actor: notGroup.handle });
    expect(person.status).toBe(422);
    expect(JSON.parse(person.body).detail).toContain('not a syndicate');
    const inSpanish = await w.call({
      method: 'POST',
      path: '/api/federation/follows',
      identity: { personId: 'steward' },
      headers: { 'content-type': 'application/json', 'accept-language': 'es' },
      body: JSON.stringify({ actor: notGroup.handle }),
    });
    expect(inSpanish.status).toBe(422);
    expect(JSON.parse(inSpanish.body).errors[0]).toEqual({
      field: 'body.actor',
      message: `${notGroup.handle} es un Person, no un colectivo (un Group) ni un procomún (el actor Service de una instancia).`,
    });
    const missing = await asPerson(w, 'steward', 'POST', '/api/federation/follows', {
      actor: `acct:nobody@${notGroup.host}`,
    });
    expect(missing.status).toBe(422);
    expect(JSON.parse(missing.body).detail).toContain('could not be found');
    const malformed = await asPerson(w, 'steward', 'POST', '/api/federation/follows', { actor: 'not an actor' });
    expect(malformed.status).toBe(400);
    expect(w.remoteFollows.all()).toEqual([]);
  });

  it('is accepted by its Accept, and not by an Accept from anyone else', async () => {
    const w = await world();
    const peer = await syndicate();
    const mallory = await person('mallory');
    await asPerson(w, 'steward', 'POST', '/api/federation/follows', { actor: peer.handle });
    await w.deliveries.idle();
    const follow = JSON.parse(peer.inboxPosts()[0]?.body ?? '{}') as { id: string };

    const forged = await w.call(signedActivity(mallory, { type: 'Accept', object: follow }));
    expect(forged.status).toBe(202);
    expect(w.remoteFollows.all()[0]?.state).toBe('pending');

    expect((await w.call(peer.signedPost(instanceInbox, { type: 'Accept', object: follow }))).status).toBe(202);
    expect(w.remoteFollows.all()[0]?.state).toBe('accepted');
  });

  it('is forgotten when the syndicate rejects it', async () => {
    const w = await world();
    const peer = await syndicate();
    await asPerson(w, 'steward', 'POST', '/api/federation/follows', { actor: peer.handle });
    await w.deliveries.idle();
    const follow = JSON.parse(peer.inboxPosts()[0]?.body ?? '{}') as { id: string };
    expect((await w.call(peer.signedPost(instanceInbox, { type: 'Reject', object: follow }))).status).toBe(202);
    expect(w.remoteFollows.all()).toEqual([]);
  });
});

describe('a followed syndicate’s openings', () => {
  it('keeps an opening from the Note fetched again at its origin, not from the activity’s body', async () => {
    const w = await world();
    const peer = await syndicate();
    await followed(w, peer);
    peer.setNote('o1', openingNote(peer, 'o1'));
    const lie = { ...openingNote(peer, 'o1', { title: 'Free money, click here' }) };
    const created = await w.call(peer.signedPost(instanceInbox, { type: 'Create', object: lie }));
    expect(created.status).toBe(202);

    expect(w.remoteOpenings.all()).toEqual([
      expect.objectContaining({
        noteId: peer.noteId('o1'),
        origin: peer.host,
        groupId: peer.actorId,
        syndicateName: 'Valencia Carpenters',
        title: 'Carpenter for a roof',
        summary: 'Repair an old roof & its beams.',
        place: 'Valencia, ES',
        remote: false,
        payText: 'EUR 24 per hour',
        skills: [{ id: 'timber-framing', label: 'Timber framing', level: 'skilled' }],
        kind: 'job',
        url: `${peer.base}/jobs/o1/`,
        validThrough: '2027-01-31T23:59:59.000Z',
      }),
    ]);
    expect(peer.received.some((r) => r.method === 'GET' && r.path === '/openings/o1')).toBe(true);
  });

  it('keeps a newer Update, ignores an older one, and removes the opening on Delete', async () => {
    const w = await world();
    const peer = await syndicate();
    await followed(w, peer);
    peer.setNote('o1', openingNote(peer, 'o1'));
    await w.call(peer.signedPost(instanceInbox, { type: 'Create', object: peer.noteId('o1') }));

    peer.setNote('o1', openingNote(peer, 'o1', { title: 'Carpenter, two roofs', updated: '2026-12-02T09:00:00.000Z' }));
    await w.call(peer.signedPost(instanceInbox, { type: 'Update', object: peer.noteId('o1') }));
    expect(w.remoteOpenings.all().map((o) => o.title)).toEqual(['Carpenter, two roofs']);

    // A late Update whose Note is older than the one kept changes nothing.
    peer.setNote('o1', openingNote(peer, 'o1', { title: 'Carpenter (old)', updated: '2026-12-01T10:00:00.000Z' }));
    await w.call(peer.signedPost(instanceInbox, { type: 'Update', object: peer.noteId('o1') }));
    expect(w.remoteOpenings.all().map((o) => o.title)).toEqual(['Carpenter, two roofs']);

    peer.setNote('o1', null);
    const deleted = await w.call(peer.signedPost(instanceInbox, { type: 'Delete', object: peer.noteId('o1') }));
    expect(deleted.status).toBe(202);
    expect(w.remoteOpenings.all()).toEqual([]);
  });

  it('ignores a Create from an actor not followed (202, nothing fetched or kept), and before the Accept', async () => {
    const w = await world();
    const peer = await syndicate();
    peer.setNote('o1', openingNote(peer, 'o1'));
    const unfollowed = await w.call(peer.signedPost(instanceInbox, { type: 'Create', object: peer.noteId('o1') }));
    expect(unfollowed.status).toBe(202);
    expect(peer.received.some((r) => r.path === '/openings/o1')).toBe(false);

    await asPerson(w, 'steward', 'POST', '/api/federation/follows', { actor: peer.handle });
    await w.call(peer.signedPost(instanceInbox, { type: 'Create', object: peer.noteId('o1') }));
    expect(w.remoteOpenings.all()).toEqual([]);
  });

  it('ignores a Note on another host than the Group’s, and one that is not an opening', async () => {
    const w = await world();
    const peer = await syndicate();
    const elsewhere = await syndicate('elsewhere');
    await followed(w, peer);
    elsewhere.setNote('o9', openingNote(elsewhere, 'o9'));
    await w.call(peer.signedPost(instanceInbox, { type: 'Create', object: elsewhere.noteId('o9') }));
    expect(elsewhere.received.some((r) => r.path === '/openings/o9')).toBe(false);

    const { jobPosting: _dropped, ...plain } = openingNote(peer, 'o2');
    peer.setNote('o2', plain);
    await w.call(peer.signedPost(instanceInbox, { type: 'Create', object: peer.noteId('o2') }));
    peer.setNote('o3', openingNote(peer, 'o3', { skills: [{ id: 'javascript:alert(1)', label: 'x' }] }));
    await w.call(peer.signedPost(instanceInbox, { type: 'Create', object: peer.noteId('o3') }));
    expect(w.remoteOpenings.all()).toEqual([]);
  });

  it('are removed with the follow: unfollowing sends Undo and forgets both', async () => {
    const w = await world();
    const peer = await syndicate();
    const { id } = await followed(w, peer);
    peer.setNote('o1', openingNote(peer, 'o1'));
    await w.call(peer.signedPost(instanceInbox, { type: 'Create', object: peer.noteId('o1') }));
    expect(w.remoteOpenings.all()).toHaveLength(1);

    expect((await asPerson(w, 'someone', 'DELETE', `/api/federation/follows/${id}`)).status).toBe(403);
    expect((await asPerson(w, 'steward', 'DELETE', `/api/federation/follows/${id}`)).status).toBe(204);
    await w.deliveries.idle();
    const undo = JSON.parse(peer.inboxPosts().at(-1)?.body ?? '{}');
    expect(undo).toMatchObject({
      type: 'Undo',
      actor: instanceActorId,
      object: { type: 'Follow', object: peer.actorId },
    });
    expect(w.remoteFollows.all()).toEqual([]);
    expect(w.remoteOpenings.all()).toEqual([]);
    expect((await asPerson(w, 'steward', 'DELETE', `/api/federation/follows/${id}`)).status).toBe(404);
  });

  it('are removed with the follow when the stewards block its instance', async () => {
    const w = await world();
    const peer = await syndicate();
    await followed(w, peer);
    peer.setNote('o1', openingNote(peer, 'o1'));
    await w.call(peer.signedPost(instanceInbox, { type: 'Create', object: peer.noteId('o1') }));
    const blocked = await asPerson(w, 'steward', 'PUT', '/api/federation/blocks/127.0.0.1', { reason: 'Spam' });
    expect(blocked.status).toBe(200);
    // The removals run as queued jobs, after the answer that says so.
    expect(JSON.parse(blocked.body)).toMatchObject({ host: '127.0.0.1', underway: true });
    await w.outbox.idle();
    expect(w.remoteFollows.all()).toEqual([]);
    expect(w.remoteOpenings.all()).toEqual([]);
  });
});

/** A signed activity from a remote person (not the followed Group) to the instance's inbox. */
function signedActivity(actor: RemoteActor, activity: Record<string, unknown>) {
  const body = JSON.stringify({
    '@context': 'https://www.w3.org/ns/activitystreams',
    id: `${actor.actorId}/activities/${Math.random().toString(36).slice(2)}`,
    actor: actor.actorId,
    ...activity,
  });
  return {
    method: 'POST',
    path: new URL(instanceInbox).pathname,
    headers: cavage(actor, body),
    body,
  };
}

function cavage(actor: RemoteActor, body: string) {
  return cavageHeaders({ method: 'POST', url: instanceInbox, body, keyId: actor.keyId, privateKey: actor.privateKey });
}
