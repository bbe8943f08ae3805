// Deliveries to remote inboxes go through a queue (SQS in AWS, an in-process queue locally), with
// retries on an exponential backoff, so what caused them never waits for a peer. Pure.

/** One activity for one inbox, signed with the key of the local actor `signer` when it is sent. */
export interface DeliveryJob {
  inbox: string;
  /** A syndicate's id, or the instance actor's identifier. */
  signer: string;
  activity: { id: string; type: string } & Record<string, unknown>;
  /** How many times it was tried already. */
  attempt: number;
}

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

/** Statuses after which trying again cannot help (a 401 can: the peer may not have fetched our key yet). */
export const permanentStatuses: ReadonlySet<number> = new Set([400, 404, 410, 422]);
