// The stewards' blocks of remote instances (domain/federation/instance-block.ts). Apart from the other
// commands, so only the federation function carries them.
import * as z from 'zod/mini';
import {
  blockInstance,
  instanceBlockInputSchema,
  instanceHostSchema,
  unblockInstance,
} from '#domain/federation/instance-block.ts';
import { startForgettingHost } from '#domain/federation/forgetting.ts';
import type { OutboxQueue } from '#domain/federation/outbox.ts';
import {
  followRemote,
  type RemoteFollowDeps,
  remoteFollowIdSchema,
  remoteFollowInputSchema,
  unfollowRemote,
} from '#domain/federation/remote-follow.ts';
import { federationPaths, instanceActor } from '#adapters/activitypub/paths.ts';
import type { Services } from '#app/services.ts';
import { ConfigError } from '#config/config.ts';
import { federationServices } from '../federation-services.ts';
import { unwitnessLog, witnessLog } from '#domain/federation/witnessing.ts';
import { witnessDependencies } from '../witness.ts';
import { command } from './command.ts';

const hostParams = () => z.object({ host: instanceHostSchema() });

export const blockInstanceCommand = command({
  name: 'federation.block-instance',
  input: () => ({ params: hostParams(), body: instanceBlockInputSchema() }),
  // A block ends the follows of its host too, with the openings they brought, and removes its followers
  // of our syndicates: two jobs on the outbox queue, a page each, so the request does a bounded amount.
  run: async ({ services, identity, params, body }) => {
    const block = await blockInstance(services, identity, params.host, body);
    await startForgettingHost({ queue: outboxOf(services) }, params.host);
    return { ...block, underway: true };
  },
});

/** The outbox queue an unfollow or a block hands its removals to: configured wherever federation runs. */
function outboxOf(services: Services): OutboxQueue {
  const { outbox } = federationServices(services);
  if (!outbox) {
    throw new ConfigError(
      'Invalid configuration:\n  FEDERATION_OUTBOX_QUEUE_URL: required in AWS, where an unfollow or a block queues its removals',
    );
  }
  return outbox;
}

export const unblockInstanceCommand = command({
  name: 'federation.unblock-instance',
  input: () => ({ params: hostParams() }),
  run: ({ services, identity, params }) => unblockInstance(services, identity, params.host),
});

/** What following a remote syndicate needs: the services, and the federation's own (its queue, its guard). */
function remoteFollowDeps(services: Services): RemoteFollowDeps {
  const { remoteFollows, resolveActor, deliveries, forgetPageSize } = federationServices(services);
  const origin = services.config.PUBLIC_URL;
  return {
    config: services.config,
    ledger: services.ledger,
    instanceBlocks: services.instanceBlocks,
    remoteFollows,
    resolveActor,
    deliveries,
    instanceActorId: `${origin}${federationPaths.actor.replace('{identifier}', instanceActor)}`,
    activityBase: `${origin}${federationPaths.activities}`,
    signer: instanceActor,
    now: () => services.now(),
    newId: () => services.newId(),
    queue: { enqueue: (job) => outboxOf(services).enqueue(job) },
    pageSize: forgetPageSize,
  };
}

export const followRemoteCommand = command({
  name: 'federation.follow-remote',
  input: () => ({ body: remoteFollowInputSchema() }),
  run: ({ services, identity, body }) => followRemote(remoteFollowDeps(services), identity, body),
});

export const unfollowRemoteCommand = command({
  name: 'federation.unfollow-remote',
  input: () => ({ params: z.object({ id: remoteFollowIdSchema() }) }),
  run: ({ services, identity, params }) => unfollowRemote(remoteFollowDeps(services), identity, params.id),
});

// The logs this instance witnesses (domain/federation/witnessing.ts): stewards add and remove them.
export const witnessLogCommand = command({
  name: 'federation.witness-log',
  input: () => ({ params: hostParams() }),
  run: ({ services, identity, params }) => witnessLog(witnessDependencies(services), identity, params.host),
});

export const unwitnessLogCommand = command({
  name: 'federation.unwitness-log',
  input: () => ({ params: hostParams() }),
  run: ({ services, identity, params }) => unwitnessLog(witnessDependencies(services), identity, params.host),
});
