// The federation part of the composition root: Fedify's federation over the syndicates, the followers'
// repository, the instance's actor key and the delivery queue. Only the federation function imports
// this module (Fedify weighs 2.7 MB bundled: ARCHITECTURE.md), and it reuses the store services' client.
import { readFile } from 'node:fs/promises';
import { guardedFetch } from '#adapters/activitypub/guarded-fetch.ts';
import { type ActorKeyPair, importActorKeyPair } from '#adapters/activitypub/actor-keys.ts';
import { createDeliverer } from '#adapters/activitypub/deliver.ts';
import { createGuildhallFederation } from '#adapters/activitypub/federation.ts';
import { federationPaths } from '#adapters/activitypub/paths.ts';
import { createFollowerRepository } from '#adapters/dynamodb/follower-repository.ts';
import { createInProcessQueue, type InProcessQueue } from '#adapters/queue/in-process-queue.ts';
import { ConfigError } from '#config/config.ts';
import { deliveryRetryPolicy } from '#domain/federation/delivery.ts';
import type { Federation } from '@fedify/fedify';
import { getSecretReader, once } from './secrets.ts';
import type { Services } from './services.ts';

export interface FederationServices {
  federation: Federation<void>;
  deliveries: InProcessQueue;
}

const built = new WeakMap<Services['storeClient'], FederationServices>();

/** Limits on what a remote answers: an actor document is a few KB, a key smaller. */
export const remoteFetchLimits = { maxBytes: 512 * 1024, timeoutMs: 5_000, maxRedirects: 3 };

/** The federation services of these services: built on first use, then kept with them. */
export function federationServices(services: Services): FederationServices {
  if (services.federation) return services.federation;
  let federation = built.get(services.storeClient);
  if (!federation) {
    const { config } = services;
    if (config.FEDERATION_ALLOW_LOOPBACK && config.STAGE === 'aws') {
      throw new ConfigError(
        'Invalid configuration:\n  FEDERATION_ALLOW_LOOPBACK: loopback fetches are for one machine; unset it in AWS',
      );
    }
    const keys = once(() => readActorKey(config));
    const fetch = guardedFetch({ ...remoteFetchLimits, allowLoopback: config.FEDERATION_ALLOW_LOOPBACK === true });
    const origin = config.PUBLIC_URL;
    const deliver = createDeliverer({
      fetch,
      keys,
      keyIdOf: (signer) => new URL(`${origin}${federationPaths.actor.replace('{identifier}', signer)}#main-key`),
    });
    // In AWS the deliveries belong on SQS (left for the next step: ARCHITECTURE.md, Federation).
    const deliveries = createInProcessQueue({ run: deliver, policy: deliveryRetryPolicy, log: services.log });
    federation = {
      federation: createGuildhallFederation({
        origin,
        software: { name: 'guildhall', version: '0.1.0' },
        syndicates: services.syndicates,
        followers: createFollowerRepository(services.storeClient, config.TABLE_NAME),
        deliveries,
        keys,
        fetch,
        now: () => services.now(),
        newId: () => services.newId(),
      }),
      deliveries,
    };
    built.set(services.storeClient, federation);
  }
  return federation;
}

async function readActorKey(config: Services['config']): Promise<ActorKeyPair> {
  if (config.FEDERATION_KEY_SECRET) {
    return importActorKeyPair(await getSecretReader()(config.FEDERATION_KEY_SECRET));
  }
  if (config.FEDERATION_KEY_FILE) return importActorKeyPair(await readFile(config.FEDERATION_KEY_FILE, 'utf8'));
  throw new ConfigError(
    'Invalid configuration:\n  FEDERATION_KEY_SECRET: name the secret holding the instance’s ActivityPub key (or FEDERATION_KEY_FILE locally)',
  );
}
