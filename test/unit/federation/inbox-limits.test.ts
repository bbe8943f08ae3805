// Every inbox post counts against its sending instance's limit (the host of its signature's key, else
// of its actor) before anything is verified: a flood from one instance is turned away at 429 without a
// key fetched or an activity kept, while other instances' posts are still taken.
import { afterEach, describe, expect, it } from 'vitest';
import { type RemoteActor, startRemoteActor } from '../../support/fediverse.ts';
import { federationWorld, groupId, groupInbox, signedFollowOfGroup } from '../../support/federation-world.ts';

const opened: RemoteActor[] = [];
afterEach(async () => {
  for (const actor of opened.splice(0)) await actor.close();
});

const inboxPath = new URL(groupInbox).pathname;
const unsignedFollowFrom = (host: string, n: number) => ({
  method: 'POST',
  path: inboxPath,
  headers: { 'content-type': 'application/activity+json' },
  body: JSON.stringify({
    '@context': 'https://www.w3.org/ns/activitystreams',
    id: `https://${host}/follows/${n}`,
    type: 'Follow',
    actor: `https://${host}/users/flood`,
    object: groupId,
  }),
});

describe('the inboxes’ limit per instance', () => {
  it('answers the 301st post from one instance in a minute with 429 and Retry-After, and still takes another’s', async () => {
    let now = new Date('2026-12-07T10:00:10.000Z');
    const world = await federationWorld({ now: () => now });
    for (let n = 1; n <= 300; n++) {
      // Unsigned, so each is refused by the verifier (401) but still counted.
      expect((await world.call(unsignedFollowFrom('flood.test', n))).status).toBe(401);
    }
    const refused = await world.call(unsignedFollowFrom('flood.test', 301));
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.headers['retry-after']).toBe('50');
    expect(JSON.parse(refused.body)).toMatchObject({ status: 429, detail: expect.stringMatching(/50 seconds/) });

    const alice = await startRemoteActor('alice');
    opened.push(alice);
    expect((await world.call(signedFollowOfGroup(alice))).status).toBe(202);
    expect(world.followers.all().map((follower) => follower.actorId)).toEqual([alice.actorId]);

    // The next minute the instance is heard again.
    now = new Date('2026-12-07T10:01:00.000Z');
    expect((await world.call(unsignedFollowFrom('flood.test', 302))).status).toBe(401);
  });

  it('counts a signed post against its key’s host, so a forged actor cannot spend another instance’s limit', async () => {
    const world = await federationWorld({ inboxRateLimit: 1 });
    const alice = await startRemoteActor('alice');
    opened.push(alice);
    const forged = signedFollowOfGroup(alice);
    forged.body = (forged.body as string).replace(alice.actorId, 'https://victim.test/users/v');
    expect((await world.call(forged)).status).toBe(401);
    // victim.test has spent nothing: its own post is still heard (and refused only for being unsigned).
    expect((await world.call(unsignedFollowFrom('victim.test', 1))).status).toBe(401);
    expect((await world.call(unsignedFollowFrom('victim.test', 2))).status).toBe(429);
  });
});
