// The commons' stewards block a remote instance: its inbox posts are refused (403) before anything is
// verified, so a Follow from it is never kept; nothing is delivered to it, for good; other instances
// go on as before. Only a steward (configured, not removed by the commons) blocks or unblocks.
import { afterEach, describe, expect, it } from 'vitest';
import { createDeliverer } from '#adapters/activitypub/deliver.ts';
import type { ActorKeyPair } from '#adapters/activitypub/actor-keys.ts';
import { PermanentDeliveryError } from '#domain/federation/delivery.ts';
import { blockKeysOf, isBlockedUrl, maxParentDomains, parentDomainsOf } from '#domain/federation/instance-block.ts';
import type { LedgerRepository } from '#domain/innovations/innovation-repository.ts';
import { type RemoteActor, startRemoteActor } from '../../support/fediverse.ts';
import { federationWorld, signedFollowOfGroup } from '../../support/federation-world.ts';

const opened: RemoteActor[] = [];
afterEach(async () => {
  for (const actor of opened.splice(0)) await actor.close();
});

async function remote(name: string) {
  const actor = await startRemoteActor(name);
  opened.push(actor);
  return actor;
}

/** The world with `steward` configured and `former` configured but removed by the commons. */
function world() {
  const ledger = { stewardRemovals: async () => [{ personId: 'former' }] } as unknown as LedgerRepository;
  return federationWorld({ services: { ledger }, config: { STEWARDS: ['steward', 'former'] } });
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
const hostOf = (actor: RemoteActor) => new URL(actor.actorId).host;

describe('blocking an instance', () => {
  it('refuses a blocked instance’s signed Follow with 403 before verifying it, and still takes another’s', async () => {
    const w = await world();
    const [mallory, alice] = [await remote('mallory'), await remote('alice')];
    const blocked = await asPerson(w, 'steward', 'PUT', `/api/federation/blocks/${hostOf(mallory)}`, {
      reason: 'Spam from every account',
    });
    expect(blocked.status).toBe(200);
    expect(JSON.parse(blocked.body)).toMatchObject({ host: hostOf(mallory), reason: 'Spam from every account' });

    const refused = await w.call(signedFollowOfGroup(mallory));
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(refused.body).detail).toContain(hostOf(mallory));
    expect(mallory.received).toEqual([]);
    expect((await w.call(signedFollowOfGroup(alice))).status).toBe(202);
    expect(w.followers.all().map((follower) => follower.actorId)).toEqual([alice.actorId]);

    // Unblocked, the instance is heard again.
    expect((await asPerson(w, 'steward', 'DELETE', `/api/federation/blocks/${hostOf(mallory)}`)).status).toBe(204);
    expect((await w.call(signedFollowOfGroup(mallory))).status).toBe(202);
  });

  it('covers every port of a hostname, and a post whose actor alone is on the blocked host', async () => {
    const w = await world();
    const alice = await remote('alice');
    await asPerson(w, 'steward', 'PUT', '/api/federation/blocks/127.0.0.1', { reason: 'Loopback abuse' });
    expect((await w.call(signedFollowOfGroup(alice))).status).toBe(403);
    const unsignedFromBlocked = await w.call({
      method: 'POST',
      path: '/api/federation/inbox',
      headers: { 'content-type': 'application/activity+json' },
      body: JSON.stringify({ type: 'Follow', actor: alice.actorId, object: 'x' }),
    });
    expect(unsignedFromBlocked.status).toBe(403);
    expect(w.followers.all()).toEqual([]);
  });

  it('covers the subdomains of a blocked domain, in the inbox and for deliveries, and not its neighbours', async () => {
    const w = await world();
    await asPerson(w, 'steward', 'PUT', '/api/federation/blocks/mallory.example', { reason: 'Spam farm' });
    const fromSubdomain = (host: string) =>
      w.call({
        method: 'POST',
        path: '/api/federation/inbox',
        headers: {
          'content-type': 'application/activity+json',
          signature: `keyId="https://${host}/users/m#main-key",algorithm="rsa-sha256",headers="date",signature="AAAA"`,
        },
        body: JSON.stringify({ type: 'Follow', actor: `https://${host}/users/m`, object: 'x' }),
      });
    for (const host of ['social.mallory.example', 'a.b.c.mallory.example:8443']) {
      const refused = await fromSubdomain(host);
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.body).detail).toContain('mallory.example');
    }
    // A neighbour sharing only the suffix is not covered: its post goes on to verification (and fails it).
    expect((await fromSubdomain('notmallory.example')).status).not.toBe(403);
    expect(await isBlockedUrl(w.instanceBlocks, 'https://media.mallory.example/inbox')).toBe(true);
    expect(await isBlockedUrl(w.instanceBlocks, 'https://mallory.example.org/inbox')).toBe(false);
  });

  it('looks a host up under its hostname, its port and at most eight parent domains, and no parents for an address', () => {
    expect(blockKeysOf([{ host: 'a.b.example.org:8443', hostname: 'a.b.example.org' }])).toEqual([
      'a.b.example.org:8443',
      'a.b.example.org',
      'b.example.org',
      'example.org',
      'org',
    ]);
    expect(parentDomainsOf('10.0.0.1')).toEqual([]);
    const deep = `${Array.from({ length: 12 }, (_, i) => `l${i}`).join('.')}.example`;
    expect(parentDomainsOf(deep)).toHaveLength(maxParentDomains);
    expect(parentDomainsOf(deep)[0]).toBe('l5.l6.l7.l8.l9.l10.l11.example');
    expect(parentDomainsOf(deep).at(-1)).toBe('example');
  });

  it('delivers nothing to a blocked instance and gives up at once', async () => {
    const w = await world();
    const alice = await remote('alice');
    expect((await w.call(signedFollowOfGroup(alice))).status).toBe(202);
    await w.deliveries.idle();
    expect(alice.inboxPosts()).toHaveLength(1);
    await asPerson(w, 'steward', 'PUT', `/api/federation/blocks/${hostOf(alice)}`, { reason: 'Harassment' });
    await w.deliveries.enqueue({
      inbox: alice.inbox,
      signer: 'riverside-builders',
      activity: { id: 'https://guildhall.test/a/1', type: 'Create' },
      attempt: 0,
    });
    await w.deliveries.idle();
    expect(alice.inboxPosts()).toHaveLength(1);
  });

  it('refuses a delivery to a blocked inbox as a permanent failure without fetching anything', async () => {
    let fetched = 0;
    const deliver = createDeliverer({
      fetch: async () => {
        fetched++;
        return new Response(null, { status: 202 });
      },
      keys: () => Promise.reject(new Error('no key is needed to refuse')) as Promise<ActorKeyPair>,
      keyIdOf: () => new URL('https://guildhall.test/key'),
      blocked: async (inbox) => inbox.startsWith('https://blocked.example/'),
    });
    const job = { signer: 's', activity: { id: 'a', type: 'Create' }, attempt: 0 };
    await expect(deliver({ ...job, inbox: 'https://blocked.example/inbox' })).rejects.toBeInstanceOf(
      PermanentDeliveryError,
    );
    expect(fetched).toBe(0);
  });

  it('lets only the commons’ current stewards block or unblock', async () => {
    const w = await world();
    for (const personId of ['someone', 'former']) {
      const put = await asPerson(w, personId, 'PUT', '/api/federation/blocks/spam.example', { reason: 'Spam' });
      expect(put.status).toBe(403);
      expect(JSON.parse(put.body).detail).toMatch(/stewards/);
    }
    expect(w.instanceBlocks.all()).toEqual([]);
    await asPerson(w, 'steward', 'PUT', '/api/federation/blocks/spam.example', { reason: 'Spam' });
    expect((await asPerson(w, 'someone', 'DELETE', '/api/federation/blocks/spam.example')).status).toBe(403);
    expect(w.instanceBlocks.all().map((block) => block.host)).toEqual(['spam.example']);
    const unsigned = await w.call({ method: 'PUT', path: '/api/federation/blocks/spam.example', body: '{}' });
    expect(unsigned.status).toBe(401);
  });

  it('answers a malformed host or an empty reason with 400 naming the field', async () => {
    const w = await world();
    for (const host of ['Spam.Example', 'https%3A%2F%2Fspam.example', 'spam..example', '-spam.example']) {
      const response = await asPerson(w, 'steward', 'PUT', `/api/federation/blocks/${host}`, { reason: 'Spam' });
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body).errors).toEqual([expect.objectContaining({ field: 'path.host' })]);
    }
    const empty = await asPerson(w, 'steward', 'PUT', '/api/federation/blocks/spam.example', { reason: '  ' });
    expect(empty.status).toBe(400);
    expect(JSON.parse(empty.body).errors).toEqual([expect.objectContaining({ field: 'body.reason' })]);
    expect(w.instanceBlocks.all()).toEqual([]);
    expect((await asPerson(w, 'steward', 'DELETE', '/api/federation/blocks/never.example')).status).toBe(404);
  });

  it('lists the blocks by host, a page at a time, to anyone', async () => {
    const w = await world();
    for (const host of ['c.example', 'a.example', 'b.example']) {
      await asPerson(w, 'steward', 'PUT', `/api/federation/blocks/${host}`, { reason: `Spam from ${host}` });
    }
    const first = JSON.parse((await w.call({ path: '/api/federation/blocks', rawQuery: 'pageSize=2' })).body);
    expect(first.items.map((block: { host: string }) => block.host)).toEqual(['a.example', 'b.example']);
    expect(first.items[0]).toMatchObject({ reason: 'Spam from a.example', blockedBy: 'steward' });
    const rest = await w.call({
      path: '/api/federation/blocks',
      rawQuery: `pageSize=2&cursor=${encodeURIComponent(first.next)}`,
    });
    expect(JSON.parse(rest.body).items.map((block: { host: string }) => block.host)).toEqual(['c.example']);
  });
});
