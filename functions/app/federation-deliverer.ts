// What sends a queued delivery, shared by the two places that run the queue: the federation function's
// in-process queue on one machine, and the delivery consumer in AWS (handlers/federation-delivery.ts).
// The instance's key is read on first use, from its secret in AWS or its file locally; every send goes
// through the SSRF guard.
import { readFile } from 'node:fs/promises';
import { type ActorKeyPair, importActorKeyPair } from '#adapters/activitypub/actor-keys.ts';
import { createDeliverer } from '#adapters/activitypub/deliver.ts';
import { type GuardedFetch, guardedFetch } from '#adapters/activitypub/guarded-fetch.ts';
import { federationPaths } from '#adapters/activitypub/paths.ts';
import { type Config, ConfigError } from '#config/config.ts';
import type { DeliveryJob } from '#domain/federation/delivery.ts';
import { getSecretReader, once } from './secrets.ts';

/** Limits on what a remote answers: an actor document is a few KB, a key smaller. */
export const remoteFetchLimits = { maxBytes: 512 * 1024, timeoutMs: 5_000, maxRedirects: 3 };

export interface FederationSender {
  keys: () => Promise<ActorKeyPair>;
  fetch: GuardedFetch;
  deliver: (job: DeliveryJob) => Promise<void>;
}

/** The instance's key, its guarded fetch, and the deliverer over both, from the configuration. */
export function federationSender(config: Config): FederationSender {
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
  return { keys, fetch, deliver };
}

async function readActorKey(config: Config): Promise<ActorKeyPair> {
  if (config.FEDERATION_KEY_SECRET) {
    return importActorKeyPair(await getSecretReader()(config.FEDERATION_KEY_SECRET));
  }
  if (config.FEDERATION_KEY_FILE) return importActorKeyPair(await readFile(config.FEDERATION_KEY_FILE, 'utf8'));
  throw new ConfigError(
    'Invalid configuration:\n  FEDERATION_KEY_SECRET: name the secret holding the instance’s ActivityPub key (or FEDERATION_KEY_FILE locally)',
  );
}
