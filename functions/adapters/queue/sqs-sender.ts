// Sends messages to an SQS queue (FIFO with a group id, standard without), ten to a batch. The SDK client is imported on first use (the
// Lambda runtime provides it, so bundles do not carry it). A batch with a failed entry throws, so the
// caller's step is retried rather than a message silently lost.
import type { SQSClient } from '@aws-sdk/client-sqs';

export interface QueueMessage {
  body: string;
  /**
   * FIFO queues only: order holds within a group; content-based deduplication drops a repeat within
   * five minutes. Left out for a standard queue.
   */
  groupId?: string;
}

export class QueueUnavailableError extends Error {
  override name = 'QueueUnavailableError';
}

export function createSqsSender(region: string, queueUrl: string): (messages: QueueMessage[]) => Promise<void> {
  let loaded:
    | Promise<{ client: SQSClient; command: typeof import('@aws-sdk/client-sqs').SendMessageBatchCommand }>
    | undefined;
  return async (messages) => {
    loaded ??= import('@aws-sdk/client-sqs').then((sdk) => ({
      client: new sdk.SQSClient({ region }),
      command: sdk.SendMessageBatchCommand,
    }));
    const { client, command } = await loaded;
    for (let start = 0; start < messages.length; start += 10) {
      const entries = messages.slice(start, start + 10).map((message, index) => ({
        Id: String(index),
        MessageBody: message.body,
        ...(message.groupId === undefined ? {} : { MessageGroupId: message.groupId }),
      }));
      let failed: number;
      try {
        failed = (await client.send(new command({ QueueUrl: queueUrl, Entries: entries }))).Failed?.length ?? 0;
      } catch (error) {
        throw new QueueUnavailableError(`Could not queue ${entries.length} messages.`, { cause: error });
      }
      if (failed > 0) throw new QueueUnavailableError(`SQS refused ${failed} of ${entries.length} messages.`);
    }
  };
}
