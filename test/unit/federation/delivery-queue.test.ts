// Deliveries run after the request that queued them, are tried again on a backoff when a peer fails,
// and are given up (parked) when the peer's refusal is final or the tries run out.
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessQueue } from '#adapters/queue/in-process-queue.ts';
import { createDeliverer } from '#adapters/activitypub/deliver.ts';
import { guardedFetch } from '#adapters/activitypub/guarded-fetch.ts';
import { importActorKeyPair } from '#adapters/activitypub/actor-keys.ts';
import {
  type DeliveryJob,
  deliveryRetryPolicy,
  PermanentDeliveryError,
  retryDelay,
} from '#domain/federation/delivery.ts';
import { createLogger } from '#platform/log.ts';
import { generateKeyPairSync } from 'node:crypto';
import { type RemoteActor, startRemoteActor } from '../../support/fediverse.ts';

const policy = { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 40 };
const log = createLogger('silent');
const job = (inbox = 'https://peer.example/inbox'): DeliveryJob => ({
  inbox,
  signer: 'riverside-builders',
  activity: { id: 'https://guildhall.test/a/1', type: 'Accept' },
  attempt: 0,
});

describe('the retry delay', () => {
  it('doubles from the base delay, jitters the upper half of each step, caps, and stops after the last try', () => {
    expect(retryDelay(deliveryRetryPolicy, 1, 0)).toBe(15_000);
    expect(retryDelay(deliveryRetryPolicy, 1, 0.999_999)).toBe(30_000);
    expect(retryDelay(deliveryRetryPolicy, 3, 0)).toBe(60_000);
    expect(retryDelay(deliveryRetryPolicy, 8, 1)).toBe(3_840_000);
    expect(retryDelay(deliveryRetryPolicy, 9, 1)).toBe(2 * 60 * 60_000);
    expect(retryDelay(deliveryRetryPolicy, 10, 0.5)).toBeUndefined();
  });
});

describe('the in-process delivery queue', () => {
  it('runs a job only after enqueue has returned', async () => {
    const ran: number[] = [];
    const queue = createInProcessQueue({ run: async (j) => void ran.push(j.attempt), policy, log });
    await queue.enqueue(job());
    expect(ran).toEqual([]);
    await queue.idle();
    expect(ran).toEqual([1]);
  });

  it('tries a failing delivery again until it succeeds', async () => {
    const attempts: number[] = [];
    const queue = createInProcessQueue({
      run: async (j) => {
        attempts.push(j.attempt);
        if (j.attempt < 3) throw new Error('peer down');
      },
      policy,
      log,
    });
    await queue.enqueue(job());
    await queue.idle();
    expect(attempts).toEqual([1, 2, 3]);
    expect(queue.parked).toEqual([]);
  });

  it('parks a delivery after the last try, and at once after a permanent refusal', async () => {
    const tries: string[] = [];
    const queue = createInProcessQueue({
      run: async (j) => {
        tries.push(j.inbox);
        if (j.inbox.includes('gone')) throw new PermanentDeliveryError('410');
        throw new Error('peer down');
      },
      policy,
      log,
    });
    await queue.enqueue(job('https://down.example/inbox'));
    await queue.enqueue(job('https://gone.example/inbox'));
    await queue.idle();
    expect(tries.filter((inbox) => inbox.includes('down'))).toHaveLength(4);
    expect(tries.filter((inbox) => inbox.includes('gone'))).toHaveLength(1);
    expect(queue.parked.map((p) => [p.job.inbox, p.job.attempt])).toEqual([
      ['https://gone.example/inbox', 1],
      ['https://down.example/inbox', 4],
    ]);
  });
});

describe('a delivery to a real inbox', () => {
  let peer: RemoteActor | undefined;
  afterEach(async () => {
    await peer?.close();
  });

  /** The real deliverer over the real guard, signing with a fresh key. */
  async function signingQueue(allowLoopback: boolean) {
    const keys = await importActorKeyPair(
      generateKeyPairSync('rsa', { modulusLength: 2048 })
        .privateKey.export({ format: 'pem', type: 'pkcs8' })
        .toString(),
    );
    return createInProcessQueue({
      run: createDeliverer({
        fetch: guardedFetch({ allowLoopback }),
        keys: async () => keys,
        keyIdOf: (signer) => new URL(`https://guildhall.test/actors/${signer}#main-key`),
      }),
      policy,
      log,
    });
  }

  it('is tried again after a 503 and given up at once after a 410', async () => {
    peer = await startRemoteActor();
    const queue = await signingQueue(true);
    peer.inboxStatus.push(503, 202, 410);
    await queue.enqueue(job(peer.inbox));
    await queue.idle();
    expect(peer.inboxPosts()).toHaveLength(2);
    await queue.enqueue(job(peer.inbox));
    await queue.idle();
    expect(peer.inboxPosts()).toHaveLength(3);
    expect(queue.parked).toHaveLength(1);
    expect(queue.parked[0]?.error).toBeInstanceOf(PermanentDeliveryError);
  });

  it('is given up without a request when the inbox is at a refused address', async () => {
    peer = await startRemoteActor();
    const queue = await signingQueue(false);
    await queue.enqueue(job(peer.inbox));
    await queue.idle();
    expect(peer.received).toEqual([]);
    expect(queue.parked.map((p) => p.job.attempt)).toEqual([1]);
  });
});
