// Guildhall's federation with fake ports, behind the real router: a syndicate to follow, followers in
// memory, the real in-process delivery queue and deliverer over the real SSRF guard (loopback allowed,
// as the local stack allows it, unless a test says otherwise).
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { type ActorKeyPair, importActorKeyPair } from '#adapters/activitypub/actor-keys.ts';
import { createDeliverer } from '#adapters/activitypub/deliver.ts';
import { createGuildhallFederation } from '#adapters/activitypub/federation.ts';
import { guardedFetch } from '#adapters/activitypub/guarded-fetch.ts';
import { federationPaths } from '#adapters/activitypub/paths.ts';
import { createInProcessQueue } from '#adapters/queue/in-process-queue.ts';
import { createApiRouter } from '#http/api-handler.ts';
import { federationGroup } from '#http/groups/federation-group.ts';
import type { HttpRequest } from '#http/router.ts';
import type { Follower, FollowerRepository } from '#domain/federation/follower.ts';
import { memoryRateLimiter } from '#domain/limits/rate-limiter.ts';
import { isBlockedUrl } from '#domain/federation/instance-block.ts';
import { createLogger } from '#platform/log.ts';
import { cavageHeaders, type RemoteActor } from './fediverse.ts';
import { memoryInstanceBlocks } from './memory-instance-blocks.ts';
import { memoryRemoteFollows } from './memory-remote-follows.ts';
import { remoteActorResolver, remoteDocumentFetch } from '#adapters/activitypub/remote-documents.ts';
import { memorySyndicates } from './memory-syndicates.ts';
import type { Services } from '#app/services.ts';
import type { Config } from '#config/config.ts';
import type { CommonsReceivers } from '#domain/federation/commons-objects.ts';
import type { OutboxQueue } from '#domain/federation/outbox.ts';
import { fakeServices } from './services.ts';

export const origin = 'http://guildhall.test';
export const syndicateId = 'riverside-builders';
export const groupId = `${origin}/api/federation/actors/${syndicateId}`;
export const groupInbox = `${groupId}/inbox`;

export function memoryFollowers(): FollowerRepository & { all(): Follower[] } {
  const followers = new Map<string, Follower>();
  const key = (syndicate: string, actor: string) => `${syndicate} ${actor}`;
  return {
    save: async (follower) => void followers.set(key(follower.syndicateId, follower.actorId), { ...follower }),
    remove: async (syndicate, actor) => void followers.delete(key(syndicate, actor)),
    get: async (syndicate, actor) => followers.get(key(syndicate, actor)) ?? null,
    count: async (syndicate, max) =>
      Math.min(max, [...followers.values()].filter((f) => f.syndicateId === syndicate).length),
    // By actor id, a page from the cursor (the last actor id of the page before), as the table pages them.
    page: async (syndicate, request) => {
      const mine = [...followers.values()]
        .filter((f) => f.syndicateId === syndicate)
        .sort((a, b) => a.actorId.localeCompare(b.actorId));
      const from = request.cursor ? mine.findIndex((f) => f.actorId === request.cursor) + 1 : 0;
      const items = mine.slice(from, from + request.limit);
      const last = items.at(-1);
      return { items, ...(from + request.limit < mine.length && last ? { next: last.actorId } : {}) };
    },
    all: () => [...followers.values()],
  };
}

const privateKeyPem = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ format: 'pem', type: 'pkcs8' })
  .toString();

export async function federationWorld(
  options: {
    allowLoopback?: boolean;
    keys?: () => Promise<ActorKeyPair>;
    inboxRateLimit?: number;
    now?: () => Date;
    services?: Partial<Services>;
    config?: Partial<Config>;
    /** Where a new commons follower's backfill is queued (absent: none). */
    outbox?: OutboxQueue;
    /** A followed commons' objects' receivers, by `guildhall:type` (absent: none). */
    commonsReceivers?: CommonsReceivers;
  } = {},
) {
  const syndicates = memorySyndicates();
  await syndicates.create(
    {
      id: syndicateId,
      name: 'Riverside Builders',
      trade: 'construction',
      description: 'A co-operative of builders <b>on the river</b>, repairing homes.',
      place: 'Rotterdam',
      rateCard: [],
      createdAt: '2026-11-01T00:00:00.000Z',
      createdBy: 'p-founder',
      memberCount: 1,
      adminCount: 1,
    },
    { syndicateId, personId: 'p-founder', role: 'admin', status: 'active', requestedAt: '2026-11-01T00:00:00.000Z' },
  );
  const followers = memoryFollowers();
  const instanceBlocks = memoryInstanceBlocks();
  const keys = await importActorKeyPair(privateKeyPem);
  const fetch = guardedFetch({ allowLoopback: options.allowLoopback ?? true, timeoutMs: 2_000 });
  const deliveries = createInProcessQueue({
    run: createDeliverer({
      fetch,
      keys: async () => keys,
      keyIdOf: (signer) => new URL(`${origin}${federationPaths.actor.replace('{identifier}', signer)}#main-key`),
      blocked: (inbox) => isBlockedUrl(instanceBlocks, inbox),
    }),
    policy: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
    log: createLogger('silent'),
  });
  const { remoteFollows, remoteOpenings } = memoryRemoteFollows();
  const federation = createGuildhallFederation({
    origin,
    software: { name: 'guildhall', version: '0.1.0' },
    syndicates,
    followers,
    deliveries,
    keys: options.keys ?? (async () => keys),
    fetch,
    now: () => new Date(),
    newId: () => randomUUID(),
    remoteFollows,
    remoteOpenings,
    fetchDocument: remoteDocumentFetch(fetch),
    ...(options.outbox ? { outbox: options.outbox } : {}),
    ...(options.commonsReceivers ? { commonsReceivers: options.commonsReceivers } : {}),
  });
  const resolveActor = remoteActorResolver({ fetch, plainHttp: (host) => host.startsWith('127.0.0.1:') });
  const inboxLimiter = memoryRateLimiter({ limit: options.inboxRateLimit ?? 300, windowSeconds: 60 });
  const services = fakeServices(
    {
      syndicates,
      instanceBlocks,
      federation: { federation, deliveries, inboxLimiter, remoteFollows, resolveActor },
      ...(options.now ? { now: options.now } : {}),
      ...(options.services ?? {}),
    },
    { PUBLIC_URL: origin, ...(options.config ?? {}) },
  );
  const router = createApiRouter(federationGroup.routes, services);
  const call = (request: Partial<HttpRequest> & { path: string }) =>
    router.handle({
      method: 'GET',
      rawQuery: '',
      headers: {},
      body: undefined,
      identity: null,
      requestId: 'test',
      ...request,
    });
  return { call, followers, deliveries, syndicates, instanceBlocks, services, remoteFollows, remoteOpenings };
}

/** A remote actor's Follow of the syndicate's Group, signed (draft-cavage) and posted to its inbox. */
export function signedFollowOfGroup(actor: RemoteActor): Partial<HttpRequest> & { path: string } {
  const body = JSON.stringify({
    '@context': 'https://www.w3.org/ns/activitystreams',
    id: `${actor.actorId}/follows/1`,
    type: 'Follow',
    actor: actor.actorId,
    object: groupId,
  });
  const headers = cavageHeaders({
    method: 'POST',
    url: groupInbox,
    body,
    keyId: actor.keyId,
    privateKey: actor.privateKey,
  });
  return { method: 'POST', path: new URL(groupInbox).pathname, headers, body };
}
