// The delivery consumer's work on one batch of queued deliveries (SQS in AWS): each is tried, in
// parallel (each goes to its own inbox); what the retry decision says next is done with the message.
//   1. A message that is not a delivery job fails: the queue's redrive parks it after its last receive.
//   2. Sent: the message is done (deleted by the event source).
//   3. A retry: the message is hidden for the backoff's delay, then reported failed, so SQS gives it
//      back at that time; its receive count is the attempt count.
//   4. Refused for good (the peer's 404/410, an address the guard refuses): logged and done; a redrive
//      could not change the answer, so it would only be noise in the dead-letter queue.
//   5. Past the last try: reported failed and left for the redrive, which parks it in the dead-letter
//      queue (its maxReceiveCount is the policy's maxAttempts) for an alarm and a person.
//   The same queue consumer takes the federation outbox's messages (domain/federation/outbox.ts: an
//   opening change to publish, a page of followers to fan out to), with the same retry decision.
import { afterFailure, type DeliveryJob, deliveryJobSchema, type RetryPolicy } from '#domain/federation/delivery.ts';
import { type OutboxJob, outboxJobSchema } from '#domain/federation/outbox.ts';
import type { Logger } from '#platform/log.ts';

/** A received message, as the event source hands it over. */
export interface QueuedDelivery {
  messageId: string;
  receiptHandle: string;
  body: string;
  /** How many times SQS has handed this message out, this time included. */
  receiveCount: number;
}

export interface DeliveryConsumerDeps {
  deliver: (job: DeliveryJob) => Promise<void>;
  /** Runs an outbox job (publish, fan-out page); absent where the queue carries deliveries only. */
  runOutbox?: ((job: OutboxJob) => Promise<void>) | undefined;
  policy: RetryPolicy;
  /** Keeps a received message out of sight for this many seconds. */
  retryLater: (receiptHandle: string, seconds: number) => Promise<void>;
  log: Pick<Logger, 'warn' | 'error'>;
  random?: () => number;
}

/** Delivers a batch; returns the ids of the messages the queue must keep (to retry, or to park). */
export async function consumeDeliveries(deps: DeliveryConsumerDeps, messages: QueuedDelivery[]): Promise<string[]> {
  const kept = await Promise.all(
    messages.map(async (message) => ((await keeps(deps, message)) ? [message.messageId] : [])),
  );
  return kept.flat();
}

async function keeps(deps: DeliveryConsumerDeps, message: QueuedDelivery): Promise<boolean> {
  const body = parseJson(message.body);
  if (deps.runOutbox && typeof body === 'object' && body !== null && 'kind' in body) {
    return keepsOutbox(deps, deps.runOutbox, message, body);
  }
  const parsed = deliveryJobSchema().safeParse(body);
  if (!parsed.success) {
    deps.log.error('not a delivery job', { messageId: message.messageId, issues: parsed.error.issues });
    return true;
  }
  const job: DeliveryJob = { ...parsed.data, attempt: message.receiveCount };
  try {
    await deps.deliver(job);
    return false;
  } catch (error) {
    const next = afterFailure(deps.policy, job.attempt, error, (deps.random ?? Math.random)());
    const about = { inbox: job.inbox, activity: job.activity.id, attempt: job.attempt, error };
    if ('retryInMs' in next) {
      try {
        await deps.retryLater(message.receiptHandle, next.retryInMs / 1000);
      } catch (hideError) {
        // Kept all the same: it comes back after the queue's own visibility timeout, only sooner.
        deps.log.warn('delivery retry not delayed', { ...about, hideError });
      }
      return true;
    }
    deps.log.warn(next.giveUp === 'refused' ? 'delivery refused for good' : 'delivery given up', about);
    return next.giveUp === 'exhausted';
  }
}

/** An outbox job: run, and on failure the same decision as a delivery's (hidden for its backoff, or kept). */
async function keepsOutbox(
  deps: DeliveryConsumerDeps,
  run: (job: OutboxJob) => Promise<void>,
  message: QueuedDelivery,
  body: object,
): Promise<boolean> {
  const parsed = outboxJobSchema().safeParse(body);
  if (!parsed.success) {
    deps.log.error('not an outbox job', { messageId: message.messageId, issues: parsed.error.issues });
    return true;
  }
  const job = { ...parsed.data, attempt: message.receiveCount } as OutboxJob;
  try {
    await run(job);
    return false;
  } catch (error) {
    const next = afterFailure(deps.policy, job.attempt, error, (deps.random ?? Math.random)());
    const about = { outbox: job.kind, attempt: job.attempt, error };
    if ('retryInMs' in next) {
      try {
        await deps.retryLater(message.receiptHandle, next.retryInMs / 1000);
      } catch (hideError) {
        deps.log.warn('outbox retry not delayed', { ...about, hideError });
      }
      return true;
    }
    deps.log.warn('outbox job given up', about);
    return next.giveUp === 'exhausted';
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
