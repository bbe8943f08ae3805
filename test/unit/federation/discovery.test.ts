// What Mastodon reads to find and follow a syndicate (docs.joinmastodon.org/spec/webfinger and
// /spec/activitypub): WebFinger's acct: links to the actor; the actor has preferredUsername, inbox,
// outbox, followers and a publicKey whose owner is the actor and whose id is under it; NodeInfo 2.1.
import { describe, expect, it } from 'vitest';
import { federationWorld, groupId, origin, syndicateId } from '../../support/federation-world.ts';

const activityJson = { accept: 'application/activity+json' };
const json = (response: { body: string }) => JSON.parse(response.body);

describe('finding a syndicate from the fediverse', () => {
  it('answers WebFinger for acct:<syndicate>@<host> with a self link to its Group actor', async () => {
    const { call } = await federationWorld();
    const response = await call({
      path: '/.well-known/webfinger',
      rawQuery: `resource=${encodeURIComponent(`acct:${syndicateId}@guildhall.test`)}`,
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/jrd\+json/);
    const jrd = json(response);
    expect(jrd.subject).toBe(`acct:${syndicateId}@guildhall.test`);
    expect(jrd.links).toContainEqual(
      expect.objectContaining({ rel: 'self', type: 'application/activity+json', href: groupId }),
    );
  });

  it('answers 404 for an account that is not here, and names the missing resource as a 400', async () => {
    const { call } = await federationWorld();
    const missing = await call({
      path: '/.well-known/webfinger',
      rawQuery: `resource=${encodeURIComponent('acct:nobody-here@guildhall.test')}`,
    });
    expect(missing.status).toBe(404);
    const bare = await call({ path: '/.well-known/webfinger' });
    expect(bare.status).toBe(400);
    expect(json(bare).errors ?? json(bare)).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'query.resource' })]),
    );
  });

  it('serves the syndicate as a Group with everything Mastodon requires, its description as escaped text', async () => {
    const { call } = await federationWorld();
    const response = await call({ path: new URL(groupId).pathname, headers: activityJson });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/activity\+json/);
    const group = json(response);
    expect(group).toMatchObject({
      id: groupId,
      type: 'Group',
      preferredUsername: syndicateId,
      name: 'Riverside Builders',
      inbox: `${groupId}/inbox`,
      outbox: `${groupId}/outbox`,
      followers: `${groupId}/followers`,
      url: `${origin}/syndicates/${syndicateId}/`,
      endpoints: { sharedInbox: `${origin}/api/federation/inbox` },
      publicKey: { id: `${groupId}#main-key`, owner: groupId },
    });
    expect(group.publicKey.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(group.summary).toContain('&#60;b&#62;on the river&#60;/b&#62;');
    expect(group['@context']).toEqual(
      expect.arrayContaining(['https://www.w3.org/ns/activitystreams', 'https://w3id.org/security/v1']),
    );
  });

  it('serves the instance as a Service actor with its own key id', async () => {
    const { call } = await federationWorld();
    const service = json(await call({ path: '/api/federation/actors/_instance', headers: activityJson }));
    expect(service).toMatchObject({
      type: 'Service',
      preferredUsername: 'guildhall.test',
      inbox: `${origin}/api/federation/actors/_instance/inbox`,
      publicKey: {
        id: `${origin}/api/federation/actors/_instance#main-key`,
        owner: `${origin}/api/federation/actors/_instance`,
      },
    });
  });

  it('answers 404 for a syndicate that does not exist, and 406 to a browser asking for HTML', async () => {
    const { call } = await federationWorld();
    expect((await call({ path: '/api/federation/actors/no-such-syndicate', headers: activityJson })).status).toBe(404);
    expect((await call({ path: new URL(groupId).pathname, headers: { accept: 'text/html' } })).status).toBe(406);
  });

  it('counts the followers in the followers collection without listing who they are', async () => {
    const world = await federationWorld();
    await world.followers.save({
      syndicateId,
      actorId: 'https://elsewhere.example/users/bo',
      inbox: 'https://elsewhere.example/users/bo/inbox',
      followId: 'https://elsewhere.example/follows/1',
      followedAt: '2026-12-01T00:00:00.000Z',
    });
    const collection = json(
      await world.call({ path: `${new URL(groupId).pathname}/followers`, headers: activityJson }),
    );
    expect(collection).toMatchObject({ type: 'OrderedCollection', totalItems: 1 });
    expect(JSON.stringify(collection)).not.toContain('elsewhere.example');
  });

  it('points /.well-known/nodeinfo at a NodeInfo 2.1 document naming Guildhall and ActivityPub', async () => {
    const { call } = await federationWorld();
    const pointer = json(await call({ path: '/.well-known/nodeinfo' }));
    expect(pointer.links).toContainEqual(
      expect.objectContaining({
        rel: 'http://nodeinfo.diaspora.software/ns/schema/2.1',
        href: `${origin}/api/federation/nodeinfo/2.1`,
      }),
    );
    const nodeInfo = json(await call({ path: '/api/federation/nodeinfo/2.1' }));
    expect(nodeInfo).toMatchObject({
      version: '2.1',
      software: { name: 'guildhall', version: '0.1.0' },
      protocols: ['activitypub'],
      openRegistrations: false,
      usage: { localPosts: 0 },
    });
  });
});
