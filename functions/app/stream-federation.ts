// Publishes a syndicate's openings from the table's stream, never inside the request that changed them
// (issue 20): each opening change that calls for an activity (domain/federation/opening-activity.ts:
// Create, Update or Delete) is queued as an outbox job, which builds the activity and fans it out to the
// followers (domain/federation/outbox.ts). It runs in the table-only stream function beside the shortage
// consumer (the queue is SQS there; no Fedify travels in that bundle) and in the local poller.
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { openingActivityType, type StoredOpening } from '#domain/federation/opening-activity.ts';
import type { OutboxQueue } from '#domain/federation/outbox.ts';
import type { Logger } from '#platform/log.ts';
import type { StreamRecord } from './stream-indexer.ts';
import type { BatchResult } from './stream-shortages.ts';

export interface FederationStreamDependencies {
  /** Absent where the instance does not federate (no outbox queue configured): nothing is queued. */
  outbox: OutboxQueue | undefined;
  log: Pick<Logger, 'warn'>;
}

const openingOf = (item: Record<string, unknown> | undefined): StoredOpening | undefined =>
  item?.type === 'opening' ? (item as unknown as StoredOpening) : undefined;

/**
 * Queues one job per record whose opening change calls for an activity, in stream order. At the first
 * failure the rest of the batch is left for the retry; a job queued twice builds the same activity id,
 * which a follower's server has seen (opening-activity.ts, openingActivityId).
 */
export async function publishOpeningRecords(
  deps: FederationStreamDependencies,
  records: StreamRecord[],
): Promise<BatchResult> {
  const { outbox } = deps;
  if (!outbox) return { batchItemFailures: [] };
  for (const record of records) {
    try {
      const oldImage = record.dynamodb?.OldImage;
      const newImage = record.eventName === 'REMOVE' ? undefined : record.dynamodb?.NewImage;
      const before = openingOf(oldImage ? unmarshall(oldImage) : undefined);
      const after = openingOf(newImage ? unmarshall(newImage) : undefined);
      const type = openingActivityType(before, after);
      const opening = after ?? before;
      if (!type || !opening) continue;
      await outbox.enqueue({ kind: 'publish', type, opening, attempt: 0 });
    } catch (error) {
      const itemIdentifier = record.dynamodb?.SequenceNumber ?? '';
      deps.log.warn('opening not queued for its followers; the record will be retried', { itemIdentifier, error });
      return { batchItemFailures: [{ itemIdentifier }] };
    }
  }
  return { batchItemFailures: [] };
}
