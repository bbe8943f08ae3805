// Publishes a syndicate's openings from the table's stream, never inside the request that changed them
// (issue 20): each opening change that calls for an activity (domain/federation/opening-activity.ts:
// Create, Update or Delete) is queued as an outbox job, which builds the activity and fans it out to the
// followers (domain/federation/outbox.ts). It runs in the table-only stream function beside the shortage
// consumer (the queue is SQS there; no Fedify travels in that bundle) and in the local poller.
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { openingActivityType, type StoredOpening } from '#domain/federation/opening-activity.ts';
import type { OutboxQueue } from '#domain/federation/outbox.ts';
import { recordActivityType, type StoredRecord } from '#domain/federation/record-object.ts';
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
const recordOf = (item: Record<string, unknown> | undefined): StoredRecord | undefined =>
  item?.type === 'innovation' ? (item as unknown as StoredRecord) : undefined;

/** The outbox job a record's change calls for (record-object.ts decides), or null. */
function recordJob(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined) {
  const [was, is] = [recordOf(before), recordOf(after)];
  const type = recordActivityType(was, is);
  const record = is ?? was;
  if (!type || !record) return null;
  return {
    kind: 'publish-record' as const,
    type,
    record: { id: String(record.id), updatedAt: String(record.updatedAt) },
    attempt: 0,
  };
}

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
      // Numbers as strings: a record's money fields are too large for a number, and nothing here reads them.
      const options = { wrapNumbers: true } as const;
      const oldItem = oldImage ? unmarshall(oldImage, options) : undefined;
      const newItem = newImage ? unmarshall(newImage, options) : undefined;
      // A published innovation record's change: from the Service actor to the commons' followers.
      const forRecord = recordJob(oldItem, newItem);
      if (forRecord) {
        await outbox.enqueue(forRecord);
        continue;
      }
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
