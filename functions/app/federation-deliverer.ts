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
import { NotConfiguredError } from '#domain/errors.ts';
import type { DeliveryJob } from '#domain/federation/delivery.ts';
import { type InstanceBlockRepository, isBlockedUrl } from '#domain/federation/instance-block.ts';
import type { Logger } from '#platform/log.ts';
import { getSecretReader, once } from './secrets.ts';

/** Limits on what a remote answers: an actor document is a few KB, a key smaller. */
export const remoteFetchLimits = { maxBytes: 512 * 1024, timeoutMs: 5_000, maxRedirects: 3 };

export interface FederationSender {
  keys: () => Promise<ActorKeyPair>;
  fetch: GuardedFetch;
  deliver: (job: DeliveryJob) => Promise<void>;
}

/** The instance's key, its guarded fetch, and the deliverer over both, from the configuration. */
export function federationSender(
  config: Config,
  log: Pick<Logger, 'error'>,
  blocks: Pick<InstanceBlockRepository, 'firstBlocked'>,
): FederationSender {
  if (config.FEDERATION_ALLOW_LOOPBACK && config.STAGE === 'aws') {
    throw new ConfigError(
      'Invalid configuration:\n  FEDERATION_ALLOW_LOOPBACK: loopback fetches are for one machine; unset it in AWS',
    );
  }
  const keys = once(() => readActorKey(config, log));
  const fetch = guardedFetch({ ...remoteFetchLimits, allowLoopback: config.FEDERATION_ALLOW_LOOPBACK === true });
  const origin = config.PUBLIC_URL;
  const deliver = createDeliverer({
    fetch,
    keys,
    keyIdOf: (signer) => new URL(`${origin}${federationPaths.actor.replace('{identifier}', signer)}#main-key`),
    blocked: (inbox) => isBlockedUrl(blocks, inbox),
  });
  return { keys, fetch, deliver };
}

/** What a remote server is told when this instance has no key to sign or publish with. */
const notConfigured =
  'This instance is not configured for federation: its operator has not given it an ActivityPub key.';

/**
 * The instance's key. None named, a key file that is not there, or a secret that does not exist is the
 * operator's to fix (NotConfiguredError: 503, and the log says which setting); a secret that could not be
 * read for another reason stays an outage.
 */
async function readActorKey(config: Config, log: Pick<Logger, 'error'>): Promise<ActorKeyPair> {
  const missing = (setting: string, cause?: unknown) => {
    log.error('federation key missing', { setting, cause });
    return new NotConfiguredError(notConfigured, { cause });
  };
  if (config.FEDERATION_KEY_SECRET) {
    const secret = await getSecretReader()(config.FEDERATION_KEY_SECRET).catch((error: unknown) => {
      const reason = error instanceof Error ? (error.cause as { name?: string } | undefined) : undefined;
      throw reason?.name === 'ResourceNotFoundException' ? missing('FEDERATION_KEY_SECRET', error) : error;
    });
    return importActorKeyPair(secret);
  }
  if (config.FEDERATION_KEY_FILE) {
    const pem = await readFile(config.FEDERATION_KEY_FILE, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? missing('FEDERATION_KEY_FILE', error) : error;
    });
    return importActorKeyPair(pem);
  }
  throw missing('FEDERATION_KEY_SECRET (or FEDERATION_KEY_FILE locally): name the instance’s ActivityPub key');
}
