// Fetching a remote document never reaches a private, loopback, link-local or metadata address,
// whether named directly, through a DNS name, or by a redirect, unless loopback is explicitly allowed
// (the local stack and the tests). A listener on loopback proves no request reached it.
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import {
  guardedFetch,
  RemoteFetchLimitError,
  RemoteFetchRefusedError,
  type Resolve,
} from '#adapters/activitypub/guarded-fetch.ts';
import { addressKind } from '#domain/federation/address-policy.ts';
import { startRemoteActor } from '../../support/fediverse.ts';
import { federationWorld, signedFollowOfGroup } from '../../support/federation-world.ts';

interface Listener {
  url: string;
  hits: string[];
  close(): Promise<void>;
}
const listeners: Listener[] = [];
afterEach(async () => {
  for (const listener of listeners.splice(0)) await listener.close();
});

async function listen(
  answer: (path: string) => { status: number; headers?: Record<string, string>; body?: string } | 'hang',
): Promise<Listener> {
  const hits: string[] = [];
  const server: Server = createServer((request, response) => {
    hits.push(request.url ?? '/');
    const reply = answer(request.url ?? '/');
    if (reply === 'hang') return;
    response.writeHead(reply.status, reply.headers);
    response.end(reply.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const listener = {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  listeners.push(listener);
  return listener;
}

/** Names the tests resolve themselves; anything else is an error (no real DNS). */
const names: Record<string, string[]> = {
  'internal.example': ['10.0.0.1'],
  'mixed.example': ['93.184.215.14', '192.168.1.10'],
  'metadata.example': ['169.254.169.254'],
};
const resolve: Resolve = async (hostname) => {
  const addresses = names[hostname];
  if (!addresses) throw new Error(`no test name ${hostname}`);
  return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

const get = (url: string) => new Request(url, { headers: { accept: 'application/activity+json' } });

describe('the address policy', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fd00:ec2::254', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['0.0.0.0', 'reserved'],
    ['::', 'reserved'],
    ['224.0.0.1', 'reserved'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['not-an-address', 'reserved'],
    ['93.184.215.14', undefined],
    ['2606:4700::1111', undefined],
  ])('classes %s as %s', (address, kind) => {
    expect(addressKind(address)).toBe(kind);
  });
});

describe('a guarded fetch', () => {
  it('reaches a loopback listener only when loopback is allowed', async () => {
    const listener = await listen(() => ({ status: 200, body: '{}' }));
    await expect(guardedFetch({ allowLoopback: false })(get(`${listener.url}/actor`))).rejects.toThrow(
      RemoteFetchRefusedError,
    );
    await expect(
      guardedFetch({ allowLoopback: false })(get(listener.url.replace('127.0.0.1', 'localhost'))),
    ).rejects.toThrow(RemoteFetchRefusedError);
    await expect(
      guardedFetch({ allowLoopback: false })(get(listener.url.replace('127.0.0.1', '[::ffff:127.0.0.1]'))),
    ).rejects.toThrow(RemoteFetchRefusedError);
    expect(listener.hits).toEqual([]);
    const allowed = await guardedFetch({ allowLoopback: true })(get(`${listener.url}/actor`));
    expect(allowed.status).toBe(200);
    expect(listener.hits).toEqual(['/actor']);
  });

  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.1/actor',
    'http://[fd00:ec2::254]/latest/meta-data/',
    'http://internal.example/actor',
    'http://mixed.example/actor',
    'http://metadata.example/latest/meta-data/',
    'file:///etc/passwd',
  ])('refuses %s even with loopback allowed', async (url) => {
    await expect(guardedFetch({ allowLoopback: true, resolve })(get(url))).rejects.toThrow(RemoteFetchRefusedError);
  });

  it.each([
    ['the metadata service', 'http://169.254.169.254/latest/meta-data/'],
    ['a private address', 'http://10.0.0.1/'],
    ['a name that resolves privately', 'http://internal.example/'],
  ])('refuses a redirect to %s', async (_name, target) => {
    const redirector = await listen(() => ({ status: 302, headers: { location: target } }));
    await expect(guardedFetch({ allowLoopback: true, resolve })(get(`${redirector.url}/actor`))).rejects.toThrow(
      RemoteFetchRefusedError,
    );
    expect(redirector.hits).toEqual(['/actor']);
  });

  it('follows a redirect to an allowed address, and never a redirected delivery', async () => {
    const target = await listen(() => ({ status: 200, body: '{"ok":true}' }));
    const redirector = await listen(() => ({ status: 301, headers: { location: `${target.url}/moved` } }));
    const fetch = guardedFetch({ allowLoopback: true });
    expect(await (await fetch(get(`${redirector.url}/actor`))).json()).toEqual({ ok: true });
    const post = await fetch(new Request(`${redirector.url}/inbox`, { method: 'POST', body: '{}' }));
    expect(post.status).toBe(301);
    expect(target.hits).toEqual(['/moved']);
  });

  it('stops reading past the size limit and waiting past the time limit', async () => {
    const big = await listen(() => ({ status: 200, body: 'x'.repeat(200_000) }));
    await expect(guardedFetch({ allowLoopback: true, maxBytes: 100_000 })(get(big.url))).rejects.toThrow(
      RemoteFetchLimitError,
    );
    const silent = await listen(() => 'hang');
    const started = Date.now();
    await expect(guardedFetch({ allowLoopback: true, timeoutMs: 200 })(get(silent.url))).rejects.toThrow(
      RemoteFetchLimitError,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('an inbox post whose key lives at a refused address', () => {
  it('is refused with 401 and the key is never fetched from a loopback listener when loopback is not allowed', async () => {
    const world = await federationWorld({ allowLoopback: false });
    const alice = await startRemoteActor();
    try {
      const response = await world.call(signedFollowOfGroup(alice));
      expect(response.status).toBe(401);
      expect(alice.received).toEqual([]);
      expect(world.followers.all()).toEqual([]);
    } finally {
      await alice.close();
    }
  });
});
