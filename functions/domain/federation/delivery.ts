// Deliveries to remote inboxes go through a queue (SQS in AWS, an in-process queue locally), with
// retries on an exponential backoff, so what caused them never waits for a peer. Pure.
import * as z from 'zod/mini';
import { lazySchema } from '../zod.ts';

/** One activity for one inbox, signed with the key of the local actor `signer` when it is sent. */
export interface DeliveryJob {
  inbox: string;
  /** A syndicate's id, a person's actor identifier (`p.<id>`), or the instance actor's identifier. */
  signer: string;
  activity: { id: string; type: string } & Record<string, unknown>;
  /** How many times it was tried already. */
  attempt: number;
}

/** A job as a queue message carries it (read back by the consumer, which trusts no message's shape). */
export const deliveryJobSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    inbox: z.url({ protocol: /^https?$/ }),
    // A person's actor is `p.` and their id (at most 128 characters).
    signer: z.string().check(z.minLength(1), z.maxLength(140)),
    activity: z.looseObject({ id: z.string().check(z.minLength(1)), type: z.string().check(z.minLength(1)) }),
    attempt: z.number().check(z.int(), z.minimum(0)),
  }),
);

export interface DeliveryQueue {
  enqueue(job: DeliveryJob): Promise<void>;
}

/** What the queue does with a failed delivery. */
export interface RetryPolicy {
  /** Tries in all, the first included. */
  maxAttempts: number;
  /** The delay before the first retry; each later one doubles it, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Ten tries over about four hours (the last wait capped at two): a peer down for an afternoon still gets its Accept. */
export const deliveryRetryPolicy: RetryPolicy = { maxAttempts: 10, baseDelayMs: 30_000, maxDelayMs: 2 * 60 * 60_000 };

/** A failure the peer says will not change (404, 410, a refusal of the activity), or a refusal of ours. */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}

/**
 * The delay before the next try after `attempt` tries failed, or undefined when the job should be
 * given up: exponential, the second half of each step jittered (`random` in [0, 1)), so a peer coming back
 * is not hit by every queued delivery at once.
 */
export function retryDelay(policy: RetryPolicy, attempt: number, random: number): number | undefined {
  if (attempt >= policy.maxAttempts) return undefined;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/** What a queue does after a failed try: wait and try again, or give the job up, saying why. */
export type AfterFailure = { retryInMs: number } | { giveUp: 'refused' | 'exhausted' };

/**
 * The one retry decision both queues make (the in-process one and the SQS consumer), after the
 * `attempt`th try failed with `error`: a permanent refusal is given up at once, a failure past the
 * last try is exhausted, anything else waits its backoff.
 */
export function afterFailure(policy: RetryPolicy, attempt: number, error: unknown, random: number): AfterFailure {
  if (error instanceof PermanentDeliveryError) return { giveUp: 'refused' };
  const delay = retryDelay(policy, attempt, random);
  return delay === undefined ? { giveUp: 'exhausted' } : { retryInMs: delay };
}

/** Statuses after which trying again cannot help (a 401 can: the peer may not have fetched our key yet). */
export const permanentStatuses: ReadonlySet<number> = new Set([400, 404, 410, 422]);
