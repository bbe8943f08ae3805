// Sends one queued activity to one inbox: signed with the instance's key under the signing actor's key
// id (draft-cavage HTTP Signatures, rsa-sha256, over (request-target), host, date, digest and the
// content type, as Mastodon verifies them), through the SSRF guard. A refusal the peer will repeat
// (404, 410, …) or a refused address is permanent; anything else the queue tries again.
import { signRequest } from '@fedify/fedify/sig';
import { type DeliveryJob, PermanentDeliveryError, permanentStatuses } from '#domain/federation/delivery.ts';
import type { ActorKeyPair } from './actor-keys.ts';
import { type GuardedFetch, RemoteFetchRefusedError } from './guarded-fetch.ts';

export interface DelivererDeps {
  fetch: GuardedFetch;
  keys: () => Promise<ActorKeyPair>;
  /** The key id an actor's signatures name (its actor id and `#main-key`). */
  keyIdOf: (signer: string) => URL;
  /** Whether the stewards blocked the inbox's instance: then nothing is sent, for good. */
  blocked?: ((inbox: string) => Promise<boolean>) | undefined;
}

export function createDeliverer(deps: DelivererDeps): (job: DeliveryJob) => Promise<void> {
  return async (job) => {
    if (await deps.blocked?.(job.inbox)) {
      throw new PermanentDeliveryError(`${job.inbox}: its instance is blocked here; nothing is sent to it.`);
    }
    const { privateKey } = await deps.keys();
    const request = new Request(job.inbox, {
      method: 'POST',
      headers: { 'content-type': 'application/activity+json', accept: 'application/activity+json' },
      body: JSON.stringify(job.activity),
    });
    const signed = await signRequest(request, privateKey, deps.keyIdOf(job.signer));
    let response: Response;
    try {
      response = await deps.fetch(signed);
    } catch (error) {
      if (error instanceof RemoteFetchRefusedError) throw new PermanentDeliveryError(error.message, { cause: error });
      throw error;
    }
    if (response.ok) return;
    const message = `${job.inbox} answered ${response.status} to ${job.activity.type} ${job.activity.id}`;
    throw permanentStatuses.has(response.status) ? new PermanentDeliveryError(message) : new Error(message);
  };
}
