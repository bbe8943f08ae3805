// The delivery queue in AWS: one message per job on a standard SQS queue, consumed by the delivery
// function (handlers/federation-delivery.ts). A failed try is retried by hiding its message for the
// backoff's delay (ChangeMessageVisibility, up to SQS's 12 hours, past the policy's 2-hour cap), so the
// message's receive count is the attempt count and the queue's redrive parks it after the last one.
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { DeliveryJob, DeliveryQueue } from '#domain/federation/delivery.ts';
import type { OutboxQueue } from '#domain/federation/outbox.ts';
import { type QueueMessage, QueueUnavailableError } from './sqs-sender.ts';

export function createSqsDeliveryQueue(
  send: (messages: QueueMessage[]) => Promise<void>,
): DeliveryQueue & { enqueueAll: (jobs: DeliveryJob[]) => Promise<void> } {
  return {
    enqueue: (job) => send([{ body: JSON.stringify(job) }]),
    // A fan-out page's deliveries, ten to a SendMessageBatch.
    enqueueAll: (jobs) => send(jobs.map((job) => ({ body: JSON.stringify(job) }))),
  };
}

/** The federation outbox in AWS: opening changes to publish and fan-out pages, one message each. */
export function createSqsOutboxQueue(send: (messages: QueueMessage[]) => Promise<void>): OutboxQueue {
  return { enqueue: (job) => send([{ body: JSON.stringify(job) }]) };
}

/** SQS's ceiling on a message's visibility timeout. */
export const maxVisibilitySeconds = 12 * 60 * 60;

/** Hides a received message for `seconds`: its next receive, so its next try, comes no sooner. */
export function createSqsRetryLater(
  region: string,
  queueUrl: string,
): (receiptHandle: string, seconds: number) => Promise<void> {
  let loaded:
    | Promise<{ client: SQSClient; command: typeof import('@aws-sdk/client-sqs').ChangeMessageVisibilityCommand }>
    | undefined;
  return async (receiptHandle, seconds) => {
    loaded ??= import('@aws-sdk/client-sqs').then((sdk) => ({
      client: new sdk.SQSClient({ region }),
      command: sdk.ChangeMessageVisibilityCommand,
    }));
    const { client, command } = await loaded;
    const VisibilityTimeout = Math.min(maxVisibilitySeconds, Math.max(0, Math.ceil(seconds)));
    try {
      await client.send(new command({ QueueUrl: queueUrl, ReceiptHandle: receiptHandle, VisibilityTimeout }));
    } catch (error) {
      throw new QueueUnavailableError('Could not delay a delivery’s next try.', { cause: error });
    }
  };
}
