// A syndicate's Group actor takes follows from elsewhere in the fediverse: signed Follows are kept and
// answered with a signed Accept through the delivery queue; unsigned, wrongly signed, stale, altered
// and oversized posts are refused and change nothing. The remote actor is a real listener on loopback;
// its signatures are made with node:crypto from the draft-cavage spec, not by Fedify.
import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { cavageHeaders, type RemoteActor, startRemoteActor, verifiesCavage } from '../../support/fediverse.ts';
import { federationWorld, groupId, groupInbox, syndicateId } from '../../support/federation-world.ts';

const opened: RemoteActor[] = [];
afterEach(async () => {
  for (const actor of opened.splice(0)) await actor.close();
});

async function remote(name = 'alice') {
  const actor = await startRemoteActor(name);
  opened.push(actor);
  return actor;
}

const followOf = (actor: RemoteActor, object = groupId) =>
  JSON.stringify({
    '@context': 'https://www.w3.org/ns/activitystreams',
    id: `${actor.actorId}/follows/1`,
    type: 'Follow',
    actor: actor.actorId,
    object,
  });

function signedPost(actor: RemoteActor, body: string, options: Partial<Parameters<typeof cavageHeaders>[0]> = {}) {
  const headers = cavageHeaders({
    method: 'POST',
    url: groupInbox,
    body,
    keyId: actor.keyId,
    privateKey: actor.privateKey,
    ...options,
  });
  return { method: 'POST', path: new URL(groupInbox).pathname, headers, body };
}

describe('a syndicate’s inbox', () => {
  it('keeps a signed Follow and sends the follower a signed Accept that embeds it, after answering', async () => {
    const world = await federationWorld();
    const alice = await remote();
    const response = await world.call(signedPost(alice, followOf(alice)));
    expect(response.status).toBe(202);
    expect(world.followers.all()).toEqual([
      expect.objectContaining({
        syndicateId,
        actorId: alice.actorId,
        inbox: alice.inbox,
        followId: `${alice.actorId}/follows/1`,
      }),
    ]);
    await world.deliveries.idle();
    const [accept] = alice.inboxPosts();
    expect(accept).toBeDefined();
    const activity = JSON.parse(accept?.body ?? '{}');
    expect(activity).toMatchObject({
      type: 'Accept',
      actor: groupId,
      object: { id: `${alice.actorId}/follows/1`, type: 'Follow', actor: alice.actorId, object: groupId },
    });
    // The Accept verifies with the key the Group actor publishes, over what Mastodon requires.
    const group = JSON.parse(
      (await world.call({ path: new URL(groupId).pathname, headers: { accept: 'application/activity+json' } })).body,
    );
    const check = verifiesCavage(accept as NonNullable<typeof accept>, group.publicKey.publicKeyPem);
    expect(check).toMatchObject({ ok: true, keyId: `${groupId}#main-key` });
    expect(check.covered).toEqual(expect.arrayContaining(['(request-target)', 'host', 'date', 'digest']));
  });

  it('forgets the follower on a signed Undo of the Follow', async () => {
    const world = await federationWorld();
    const alice = await remote();
    expect((await world.call(signedPost(alice, followOf(alice)))).status).toBe(202);
    const undo = JSON.stringify({
      '@context': 'https://www.w3.org/ns/activitystreams',
      id: `${alice.actorId}/undo/1`,
      type: 'Undo',
      actor: alice.actorId,
      object: JSON.parse(followOf(alice)),
    });
    expect((await world.call(signedPost(alice, undo))).status).toBe(202);
    expect(world.followers.all()).toEqual([]);
  });

  const refusals: Array<[string, (alice: RemoteActor, body: string) => ReturnType<typeof signedPost>]> = [
    [
      'an unsigned post',
      (_alice, body) => ({
        method: 'POST',
        path: new URL(groupInbox).pathname,
        headers: { 'content-type': 'application/activity+json' },
        body,
      }),
    ],
    [
      'a post signed with a key that is not the actor’s',
      (alice, body) =>
        signedPost(alice, body, { privateKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey }),
    ],
    [
      'a replayed post (Date six minutes old)',
      (alice, body) => signedPost(alice, body, { date: new Date(Date.now() - 6 * 60_000) }),
    ],
    [
      'a post dated six minutes ahead',
      (alice, body) => signedPost(alice, body, { date: new Date(Date.now() + 6 * 60_000) }),
    ],
    [
      'a post whose body was altered after signing',
      (alice, body) => ({ ...signedPost(alice, body), body: body.replace('follows/1', 'follows/2') }),
    ],
    [
      'a post whose signature leaves out the host',
      (alice, body) => signedPost(alice, body, { covered: ['(request-target)', 'date', 'digest'] }),
    ],
    [
      'a post whose signature leaves out the digest',
      (alice, body) => signedPost(alice, body, { covered: ['(request-target)', 'host', 'date'] }),
    ],
  ];

  it.each(refusals)('refuses %s with 401, keeps no follower and sends nothing', async (_name, make) => {
    const world = await federationWorld();
    const alice = await remote();
    const response = await world.call(make(alice, followOf(alice)));
    expect(response.status).toBe(401);
    expect(world.followers.all()).toEqual([]);
    await world.deliveries.idle();
    expect(alice.inboxPosts()).toEqual([]);
  });

  it('refuses a Follow signed with another actor’s key (keyId not the sending actor’s)', async () => {
    const world = await federationWorld();
    const alice = await remote('alice');
    const mallory = await remote('mallory');
    const response = await world.call(signedPost(mallory, followOf(alice)));
    expect(response.status).toBe(401);
    expect(world.followers.all()).toEqual([]);
  });

  it('refuses an activity larger than 256 KB with 413 before reading it', async () => {
    const world = await federationWorld();
    const alice = await remote();
    const body = JSON.stringify({ ...JSON.parse(followOf(alice)), summary: 'x'.repeat(256 * 1024) });
    const response = await world.call(signedPost(alice, body));
    expect(response.status).toBe(413);
    expect(alice.received).toEqual([]);
  });

  // Found by the API fuzzer: an unsigned, empty post to an unknown actor's inbox was a 500 wherever the
  // instance's key is not configured: Fedify asks for the recipient's keys before whether it exists.
  it('refuses malformed posts with a 4xx problem, never a 500, even with no instance key configured', async () => {
    const unkeyed = await federationWorld({
      keys: () => Promise.reject(new Error('FEDERATION_KEY_SECRET: name the secret holding the key')),
    });
    const keyed = await federationWorld();
    const post = (world: typeof keyed, path: string, body?: string) =>
      world.call({ method: 'POST', path, headers: { 'content-type': 'application/json' }, body });
    const nobody = new URL(groupInbox.replace(syndicateId, 'x')).pathname;
    const inbox = new URL(groupInbox).pathname;
    const cases: Array<[Awaited<ReturnType<typeof post>>, number]> = [
      // No body is no activity: refused before anything is looked up.
      [await post(unkeyed, nobody), 400],
      [await post(unkeyed, nobody, '{"type":"Follow"}'), 404],
      [await post(unkeyed, new URL(groupInbox.replace(syndicateId, 'x'.repeat(5000))).pathname), 400],
      [await post(unkeyed, '/api/federation/inbox', '[1, 2'), 400],
      [await post(keyed, inbox), 400],
      [await post(keyed, inbox, 'null'), 400],
      [await post(keyed, inbox, '{}'), 400],
      // A JSON string is no activity (the fuzz test's find: Fedify answered it with a 500).
      [await post(keyed, '/api/federation/inbox', '" "'), 400],
      [await post(keyed, inbox, '[]'), 400],
      [await post(keyed, inbox, followOf({ actorId: 'https://elsewhere.test/users/a' } as RemoteActor)), 401],
    ];
    for (const [response, status] of cases) {
      expect(response.status).toBe(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(response.body)).toMatchObject({ status });
    }
    expect([...unkeyed.followers.all(), ...keyed.followers.all()]).toEqual([]);
  });

  it('answers 404 for the inbox of a syndicate that does not exist', async () => {
    const world = await federationWorld();
    const alice = await remote();
    const inbox = groupInbox.replace(syndicateId, 'no-such-syndicate');
    const body = followOf(alice, groupId.replace(syndicateId, 'no-such-syndicate'));
    const headers = cavageHeaders({
      method: 'POST',
      url: inbox,
      body,
      keyId: alice.keyId,
      privateKey: alice.privateKey,
    });
    const response = await world.call({ method: 'POST', path: new URL(inbox).pathname, headers, body });
    expect(response.status).toBe(404);
  });
});
