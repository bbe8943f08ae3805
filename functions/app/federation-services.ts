// The federation part of the composition root: Fedify's federation over the syndicates, the followers'
// repository, the instance's actor key and the delivery queue. Only the federation function imports
// this module (Fedify weighs 2.7 MB bundled: ARCHITECTURE.md), and it reuses the store services' client.
import { createGuildhallFederation } from '#adapters/activitypub/federation.ts';
import { createFedifyKvStore } from '#adapters/dynamodb/fedify-kv-store.ts';
import { createFollowerRepository } from '#adapters/dynamodb/follower-repository.ts';
import {
  createRemoteFollowRepository,
  createRemoteOpeningRepository,
  createRemoteRecordRepository,
} from '#adapters/dynamodb/remote-follow-repository.ts';
import { remoteActorResolver, remoteDocumentFetch } from '#adapters/activitypub/remote-documents.ts';
import type { ActorResolver, RemoteFollowRepository } from '#domain/federation/remote-follow.ts';
import type { FollowerRepository } from '#domain/federation/follower.ts';
import { createDynamoRateLimiter } from '#adapters/dynamodb/rate-limiter.ts';
import { instanceActor } from '#adapters/activitypub/paths.ts';
import { createInProcessQueue } from '#adapters/queue/in-process-queue.ts';
import { createSqsDeliveryQueue, createSqsOutboxQueue } from '#adapters/queue/sqs-delivery-queue.ts';
import { createSqsSender } from '#adapters/queue/sqs-sender.ts';
import { ConfigError } from '#config/config.ts';
import { type DeliveryQueue, deliveryRetryPolicy } from '#domain/federation/delivery.ts';
import type { RateLimiter } from '#domain/limits/rate-limiter.ts';
import { type OutboxJob, type OutboxQueue, runOutboxJob } from '#domain/federation/outbox.ts';
import type { CommonsReceivers } from '#domain/federation/commons-objects.ts';
import { recordReceiver } from '#domain/federation/remote-record.ts';
import { noteOf, outboxDeps } from './federation-outbox.ts';
import { federationIds } from '#adapters/activitypub/paths.ts';
import type { GroupOutbox } from '#adapters/activitypub/federation.ts';
import { isPublished, openingActivityId } from '#domain/federation/opening-activity.ts';
import type { Opening } from '#domain/openings/opening.ts';
import { receiveCourse, receiveShortages, removeCourse } from '#domain/federation/remote-catalogue.ts';
import { catalogueServices } from './catalogue-services.ts';
import type { Federation } from '@fedify/fedify';
import { type FederationSender, federationSender } from './federation-deliverer.ts';
import type { Services } from './services.ts';

export interface FederationServices {
  federation: Federation<void>;
  deliveries: DeliveryQueue;
  /**
   * Opening changes to publish and their fan-out pages (domain/federation/outbox.ts): SQS in AWS, where
   * the table-only stream function queues them; in process on one machine, where the local poller does.
   */
  outbox?: OutboxQueue | undefined;
  /** Inbox posts per sending instance (host) and minute, counted before anything is verified. */
  inboxLimiter: RateLimiter;
  /** The remote syndicates this instance follows (with the openings they brought). */
  remoteFollows: RemoteFollowRepository;
  /** Finds a remote actor by WebFinger or URL, through the guard. */
  resolveActor: ActorResolver;
  /** Items an unfollow removes itself before queuing the rest (`forgetPageSize` unless a test sets fewer). */
  forgetPageSize?: number | undefined;
}

const built = new WeakMap<Services['storeClient'], FederationServices>();

/** The federation services of these services: built on first use, then kept with them. */
export function federationServices(services: Services): FederationServices {
  if (services.federation) return services.federation;
  let federation = built.get(services.storeClient);
  if (!federation) {
    const { config } = services;
    const sender = federationSender(config, services.log, services.instanceBlocks);
    const deliveries = deliveryQueue(services, sender);
    const remoteFollows = createRemoteFollowRepository(services.storeClient, config.TABLE_NAME);
    const followers = createFollowerRepository(services.storeClient, config.TABLE_NAME);
    const outbox = outboxQueue(services, deliveries, { followers, remoteFollows });
    federation = {
      federation: createGuildhallFederation({
        origin: config.PUBLIC_URL,
        software: { name: 'guildhall', version: '0.1.0' },
        instanceName: config.INSTANCE_NAME,
        syndicates: services.syndicates,
        followers,
        deliveries,
        keys: sender.keys,
        fetch: sender.fetch,
        now: () => services.now(),
        newId: () => services.newId(),
        // Shared by every instance: a key fetched once is cached for all, an activity seen once is seen.
        kv: createFedifyKvStore(services.storeClient, config.TABLE_NAME, () => services.now()),
        remoteFollows,
        remoteOpenings: createRemoteOpeningRepository(services.storeClient, config.TABLE_NAME),
        fetchDocument: remoteDocumentFetch(sender.fetch),
        commonsReceivers: commonsReceivers(services),
        outbox,
        // Who shows their profile as a Person actor (domain/federation/person-actor.ts).
        people: services.people,
        groupOutbox: groupOutbox(services),
        forgetQueue: outbox,
      }),
      remoteFollows,
      resolveActor: remoteActorResolver({ fetch: sender.fetch, plainHttp: plainHttpOf(config) }),
      deliveries,
      outbox,
      inboxLimiter: createDynamoRateLimiter(services.storeClient, config.TABLE_NAME, {
        limit: config.INBOX_RATE_LIMIT,
        windowSeconds: 60,
      }),
    };
    built.set(services.storeClient, federation);
  }
  return federation;
}

/**
 * What a followed commons' objects are kept by, by `guildhall:type` (domain/federation/commons-objects.ts):
 * innovation records; courses and shortage snapshots join them here.
 */
export function commonsReceivers(services: Services): CommonsReceivers {
  const catalogue = catalogueServices(services);
  return {
    record: recordReceiver(createRemoteRecordRepository(services.storeClient, services.config.TABLE_NAME)),
    // Courses and practice guides: kept per follow and id when newer; a Delete of one removes it.
    course: {
      receive: (follow, document, receivedAt) =>
        receiveCourse({ remoteCourses: catalogue.remoteCourses, now: () => receivedAt }, follow, document),
      remove: (follow, objectId) => removeCourse(catalogue, follow, objectId),
    },
    // The daily snapshot: the newest per follow; a later day replaces it, nothing deletes it.
    shortages: {
      receive: (follow, document, receivedAt) =>
        receiveShortages({ remoteShortages: catalogue.remoteShortages, now: () => receivedAt }, follow, document),
      remove: async () => false,
    },
  };
}

/**
 * SQS in AWS, consumed by the delivery function; on one machine the in-process queue, which runs the
 * same deliverer and retry decision after the request has answered. In AWS an in-process queue would
 * lose its retries when the instance is frozen, so it is refused there.
 */
function deliveryQueue(services: Services, sender: FederationSender): DeliveryQueue {
  const { config } = services;
  if (config.FEDERATION_DELIVERY_QUEUE_URL) {
    return createSqsDeliveryQueue(createSqsSender(config.AWS_REGION, config.FEDERATION_DELIVERY_QUEUE_URL));
  }
  if (config.STAGE === 'aws') {
    throw new ConfigError(
      'Invalid configuration:\n  FEDERATION_DELIVERY_QUEUE_URL: required in AWS, where deliveries go through SQS',
    );
  }
  return createInProcessQueue({ run: sender.deliver, policy: deliveryRetryPolicy, log: services.log });
}

/** Loopback hosts are reached over plain http where loopback is allowed at all (the local stack, tests). */
function plainHttpOf(config: Services['config']): (host: string) => boolean {
  return (host) =>
    config.FEDERATION_ALLOW_LOOPBACK === true && /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?$/.test(host);
}

/**
 * SQS in AWS (the delivery function consumes it); on one machine the in-process queue, running each
 * job with the same outbox steps, its deliveries into the delivery queue beside it.
 */
function outboxQueue(
  services: Services,
  deliveries: DeliveryQueue,
  { followers, remoteFollows }: { followers: FollowerRepository; remoteFollows: RemoteFollowRepository },
): OutboxQueue | undefined {
  const { config } = services;
  // In AWS this function only sends to it (an unfollow's or a block's removals); the delivery function runs it.
  if (config.FEDERATION_OUTBOX_QUEUE_URL) {
    return createSqsOutboxQueue(createSqsSender(config.AWS_REGION, config.FEDERATION_OUTBOX_QUEUE_URL));
  }
  // In AWS without the queue's URL nothing is queued here (a new commons follower is sent no backfill).
  if (config.STAGE === 'aws') return undefined;
  const queue = createInProcessQueue<OutboxJob>({
    run: async (job) => {
      await runOutboxJob(deps, job);
    },
    policy: deliveryRetryPolicy,
    log: services.log,
    about: (job) => ({
      outbox: job.kind,
      ...(job.kind === 'publish'
        ? { syndicate: job.opening.syndicateId }
        : job.kind === 'fan-out'
          ? { syndicate: job.syndicateId }
          : job.kind === 'forget-host'
            ? { host: job.host }
            : job.kind === 'forget-openings'
              ? { follow: job.followId }
              : { syndicate: instanceActor }),
    }),
  });
  const deps = outboxDeps({
    origin: config.PUBLIC_URL,
    syndicates: services.syndicates,
    followers,
    instanceBlocks: services.instanceBlocks,
    deliveries,
    outbox: queue,
    commons: () => services.commons,
    records: { innovations: services.innovations, people: services.people, commons: () => services.commons },
    forgetting: { followers, remoteFollows },
    catalogue: {
      commons: () => services.commons,
      shortages: catalogueServices(services).snapshots,
      announcedCourses: catalogueServices(services).announcedCourses,
      now: services.now,
    },
  });
  return queue;
}

/**
 * A Group's outbox from the syndicate's openings, newest first (`openings-of-syndicate`), kept to those
 * its followers were sent (open, not swept as expired): each as the Note its id serves, under the id of
 * the Create of its current version.
 */
function groupOutbox(services: Services): GroupOutbox {
  const origin = services.config.PUBLIC_URL;
  const ids = federationIds(origin);
  const published = (batch: Opening[]) => batch.filter((opening) => isPublished(opening));
  return {
    async page(syndicateId, request) {
      const syndicate = await services.syndicates.get(syndicateId);
      if (!syndicate) return { items: [] };
      const page = await services.openings.pageBySyndicate(syndicateId, request, published);
      return {
        items: page.items.map((opening) => ({
          activityId: openingActivityId(ids, 'Create', opening),
          note: noteOf(opening, syndicate, origin, () => services.commons),
        })),
        ...(page.next ? { next: page.next } : {}),
      };
    },
    async count(syndicateId, max) {
      let counted = 0;
      let cursor: string | undefined;
      do {
        const page = await services.openings.pageBySyndicate(
          syndicateId,
          { limit: Math.min(100, max - counted), cursor },
          published,
        );
        counted += page.items.length;
        cursor = page.next;
      } while (cursor && counted < max);
      return counted;
    },
  };
}
