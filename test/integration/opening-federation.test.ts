// A syndicate's openings reach its fediverse followers from the table's stream, as in AWS: the write
// answers first; the stream consumer queues the change; the outbox fans it out to the followers' inboxes
// through the real deliverer (signed, through the SSRF guard, loopback allowed as the local stack allows
// it). A follower (a local listener) of the mill sees a signed Create when it opens, an Update when it is
// edited, a Delete when it closes; a draft sends nothing, and a follower of another syndicate gets nothing.
import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { importActorKeyPair } from '#adapters/activitypub/actor-keys.ts';
import { createDeliverer } from '#adapters/activitypub/deliver.ts';
import { guardedFetch } from '#adapters/activitypub/guarded-fetch.ts';
import { federationPaths } from '#adapters/activitypub/paths.ts';
import { createFollowerRepository } from '#adapters/dynamodb/follower-repository.ts';
import { createInProcessQueue } from '#adapters/queue/in-process-queue.ts';
import { outboxDeps } from '#app/federation-outbox.ts';
import { publishOpeningRecords } from '#app/stream-federation.ts';
import { isBlockedUrl } from '#domain/federation/instance-block.ts';
import { type OutboxJob, runOutboxJob } from '#domain/federation/outbox.ts';
import { createLogger } from '#platform/log.ts';
import { type StreamPoller, startStreamPoller } from '#local/stream-poller.ts';
import { localEndpoint } from '../support/dynamodb.ts';
import { type RemoteActor, startRemoteActor, verifiesCavage } from '../support/fediverse.ts';
import { body, innovationWorld } from '../support/innovation-world.ts';

let poller: StreamPoller | undefined;
const remotes: RemoteActor[] = [];
afterEach(async () => {
  await poller?.stop();
  poller = undefined;
  for (const remote of remotes.splice(0)) await remote.close();
});

const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const opening = {
  title: 'Bench repairer',
  description: 'Repair kettles, lamps and radios at a shared **bench**; work and pay are divided weekly.',
  skills: [{ skill: 'repair-systematic-fault-finding', level: 'working' }],
  positions: 1,
  hoursPerWeek: 24,
  pay: [{ amount: 3000, currency: 'EUR', per: 'hour' }],
  place: 'Valencia, ES',
  remote: false,
  employmentType: 'CONTRACTOR',
  validThrough: inAMonth,
};

const { privateKey: privatePem, publicKey: publicPem } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { format: 'pem', type: 'pkcs8' },
  publicKeyEncoding: { format: 'pem', type: 'spki' },
});

async function setUp() {
  const world = await innovationWorld({ now: new Date() }, {}, { streams: true });
  const { services } = world;
  const origin = services.config.PUBLIC_URL;
  const log = createLogger('silent');
  const keys = await importActorKeyPair(privatePem);
  const followers = createFollowerRepository(services.storeClient, services.config.TABLE_NAME);
  const deliveries = createInProcessQueue({
    run: createDeliverer({
      fetch: guardedFetch({ allowLoopback: true, timeoutMs: 5_000 }),
      keys: async () => keys,
      keyIdOf: (signer) => new URL(`${origin}${federationPaths.actor.replace('{identifier}', signer)}#main-key`),
      blocked: (inbox) => isBlockedUrl(services.instanceBlocks, inbox),
    }),
    policy: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 20 },
    log,
  });
  const outbox = createInProcessQueue<OutboxJob>({
    run: async (job) => void (await runOutboxJob(deps, job)),
    policy: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 20 },
    log,
  });
  const deps = outboxDeps({
    origin,
    syndicates: services.syndicates,
    followers,
    instanceBlocks: services.instanceBlocks,
    deliveries,
    outbox,
    commons: () => services.commons,
  });
  poller = await startStreamPoller({
    endpoint: localEndpoint(),
    region: 'eu-west-1',
    tableName: services.config.TABLE_NAME,
    handler: (records) => publishOpeningRecords({ outbox, log }, records),
    intervalMs: 50,
    maxAttempts: 2,
  });
  const follow = async (syndicateId: string, name: string) => {
    const remote = await startRemoteActor(name);
    remotes.push(remote);
    await followers.save({
      syndicateId,
      actorId: remote.actorId,
      inbox: remote.inbox,
      followId: `${remote.actorId}/follows/1`,
      followedAt: new Date().toISOString(),
    });
    return remote;
  };
  /** Every record written so far through the stream, the outbox and the deliveries. */
  const settle = async () => {
    await poller?.drain();
    await outbox.idle();
    await deliveries.idle();
  };
  const posted = (remote: RemoteActor) => remote.inboxPosts().map((post) => JSON.parse(post.body));
  return { ...world, origin, follow, settle, posted, deliveries, outbox };
}

describe('openings federated from the stream', () => {
  it('sends a follower of the syndicate a signed Create, Update and Delete, nothing for a draft, and nothing to another syndicate’s follower', async () => {
    const { call, origin, follow, settle, posted, deliveries, outbox } = await setUp();
    const alice = await follow('mill', 'alice');
    const bob = await follow('some-other-syndicate', 'bob');

    const created = await call('POST', '/api/syndicates/mill/openings', 'admin', opening);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = String(body(created).id);
    await settle();
    expect(alice.inboxPosts(), 'a draft is nobody’s business').toEqual([]);

    expect((await call('PUT', `/api/openings/${id}/status`, 'admin', { status: 'open' })).status).toBe(200);
    await settle();
    const noteId = `${origin}/api/federation/openings/${id}`;
    const [create] = posted(alice);
    expect(create).toMatchObject({
      type: 'Create',
      actor: `${origin}/api/federation/actors/mill`,
      object: {
        id: noteId,
        type: 'Note',
        name: 'Bench repairer',
        url: `${origin}/jobs/${id}/`,
        jobPosting: {
          '@type': 'JobPosting',
          title: 'Bench repairer',
          description: expect.stringContaining('<strong>bench</strong>'),
        },
      },
    });
    const [post] = alice.inboxPosts();
    expect(post && verifiesCavage(post, publicPem)).toMatchObject({
      ok: true,
      keyId: `${origin}/api/federation/actors/mill#main-key`,
    });

    const edited = await call('PUT', `/api/openings/${id}`, 'admin', { ...opening, title: 'Bench repairer, evenings' });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    await settle();
    expect(posted(alice)[1]).toMatchObject({
      type: 'Update',
      object: { id: noteId, name: 'Bench repairer, evenings' },
    });

    expect((await call('PUT', `/api/openings/${id}/status`, 'admin', { status: 'closed' })).status).toBe(200);
    await settle();
    expect(posted(alice).map((activity) => activity.type)).toEqual(['Create', 'Update', 'Delete']);
    expect(posted(alice)[2]).toMatchObject({ type: 'Delete', object: noteId });
    expect(new Set(posted(alice).map((activity) => activity.id)).size).toBe(3);

    expect(bob.inboxPosts()).toEqual([]);
    expect(deliveries.parked).toEqual([]);
    expect(outbox.parked).toEqual([]);
  });
});
