// Applies DynamoDB stream records to the shortage index. The same function serves the shortage Lambda
// (event source with partial batch responses) and the local stream poller, beside the search indexer.
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { type RefreshDependencies, refreshSource } from '#domain/shortages/refresh-source.ts';
import { sourceKey, sourceOf } from '#domain/shortages/sources.ts';
import type { Logger } from '#platform/log.ts';
import type { StreamRecord } from './stream-indexer.ts';

export interface ShortageStreamDependencies extends RefreshDependencies {
  log: Logger;
}

export interface BatchResult {
  batchItemFailures: Array<{ itemIdentifier: string }>;
}

/**
 * A record only names the source to refresh; the refresh reads the source's current state. So a source
 * named twice in one batch is refreshed once (the first read already sees every write of the batch), and
 * a replayed batch changes nothing. At the first failure the rest of the batch is left for the retry.
 */
export async function applyShortageRecords(
  deps: ShortageStreamDependencies,
  records: StreamRecord[],
): Promise<BatchResult> {
  const refreshed = new Set<string>();
  for (const record of records) {
    try {
      const image = record.dynamodb?.NewImage ?? record.dynamodb?.OldImage;
      const ref = sourceOf(image ? unmarshall(image) : undefined);
      if (!ref || refreshed.has(sourceKey(ref))) continue;
      await refreshSource(deps, ref);
      refreshed.add(sourceKey(ref));
    } catch (error) {
      const itemIdentifier = record.dynamodb?.SequenceNumber ?? '';
      deps.log.warn('shortage index update failed; the record will be retried', { itemIdentifier, error });
      return { batchItemFailures: [{ itemIdentifier }] };
    }
  }
  return { batchItemFailures: [] };
}

/**
 * Two consumers of one batch (search, shortages), as one poller handler: the earliest failure in stream
 * order is reported, so the retry starts early enough for both. Both consumers are idempotent, so
 * records the other had already applied are harmless to send again.
 */
export function earliestFailure(records: StreamRecord[], ...results: BatchResult[]): BatchResult {
  const failed = new Set(results.flatMap((r) => r.batchItemFailures.map((f) => f.itemIdentifier)));
  const first = records.find((record) => failed.has(record.dynamodb?.SequenceNumber ?? ''));
  return first
    ? { batchItemFailures: [{ itemIdentifier: first.dynamodb?.SequenceNumber ?? '' }] }
    : { batchItemFailures: [] };
}
