// Publishes the commons' daily shortage snapshot from the table's stream (issue 20): the sweep keeps the
// day's snapshot (recordSnapshot), and each snapshot item it writes becomes a Create of its Document for
// the Service actor's followers, queued as a `commons` outbox job. The stream, not the sweep, sends it:
// the stream function already holds the outbox queue (the sweep would need the queue and a grant of its
// own) and the commons, and a snapshot written by hand (`npm run shortages:recompute`) goes out the same
// way. Runs beside the opening publisher in the table-only stream function and the local poller.
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { catalogueIds } from '#domain/federation/paths.ts';
import type { Commons } from '#domain/content/commons.ts';
import { shortagesDocument } from '#domain/federation/catalogue-objects.ts';
import { snapshotJob } from '#domain/federation/catalogue-publishing.ts';
import type { OutboxQueue } from '#domain/federation/outbox.ts';
import type { ShortageSnapshot } from '#domain/shortages/shortage-repository.ts';
import type { Logger } from '#platform/log.ts';
import type { StreamRecord } from './stream-indexer.ts';
import type { BatchResult } from './stream-shortages.ts';

export interface SnapshotStreamDependencies {
  /** Absent where the instance does not federate (no outbox queue configured): nothing is queued. */
  outbox: OutboxQueue | undefined;
  commons: Pick<Commons, 'skills'>;
  origin: string;
  log: Pick<Logger, 'warn'>;
}

/**
 * Queues a Create of each snapshot the batch wrote, in stream order; at the first failure the rest of
 * the batch is left for the retry. A snapshot written twice in a day sends the same activity id
 * (commons-objects.ts: its id and `updated`, the day's end), which a follower has seen.
 */
export async function publishSnapshotRecords(
  deps: SnapshotStreamDependencies,
  records: StreamRecord[],
): Promise<BatchResult> {
  const { outbox } = deps;
  if (!outbox) return { batchItemFailures: [] };
  for (const record of records) {
    try {
      const image = record.eventName === 'REMOVE' ? undefined : record.dynamodb?.NewImage;
      const item = image ? unmarshall(image) : undefined;
      if (item?.type !== 'shortage-snapshot') continue;
      const snapshot = item as unknown as ShortageSnapshot;
      const ids = catalogueIds(deps.origin);
      // ESCO skills are named by URI here; a follower re-fetches the Document, which names them by label.
      await outbox.enqueue(snapshotJob(shortagesDocument(snapshot, deps.commons, ids), ids));
    } catch (error) {
      const itemIdentifier = record.dynamodb?.SequenceNumber ?? '';
      deps.log.warn('shortage snapshot not queued for the followers; the record will be retried', {
        itemIdentifier,
        error,
      });
      return { batchItemFailures: [{ itemIdentifier }] };
    }
  }
  return { batchItemFailures: [] };
}
