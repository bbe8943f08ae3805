// Applies DynamoDB stream records to the search index. The same function serves the indexer Lambda
// (event source with partial batch responses) and the local stream poller.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { type IndexLookups, indexChangesFor } from '#domain/search/index-changes.ts';
import type { SearchIndex } from '#domain/search/search-port.ts';
import type { Logger } from '#platform/log.ts';

export interface StreamRecord {
  /** Unique per record, the same when a record is delivered again: what notifications dedupe on. */
  eventID?: string | undefined;
  eventName?: 'INSERT' | 'MODIFY' | 'REMOVE' | string | undefined;
  dynamodb?:
    | {
        SequenceNumber?: string | undefined;
        /** Epoch seconds in a Lambda event; a Date from the DynamoDB Streams client (the local poller). */
        ApproximateCreationDateTime?: number | Date | undefined;
        NewImage?: Record<string, AttributeValue> | undefined;
        OldImage?: Record<string, AttributeValue> | undefined;
      }
    | undefined;
}

export interface IndexerDependencies {
  search: SearchIndex;
  lookups: IndexLookups;
  log: Logger;
}

/**
 * Records are applied in order. At the first failure the rest of the batch is left for the retry:
 * reporting that record (and stopping) keeps per-item order, which "add or replace" relies on.
 */
export async function indexStreamRecords(
  deps: IndexerDependencies,
  records: StreamRecord[],
): Promise<{ batchItemFailures: Array<{ itemIdentifier: string }> }> {
  for (const record of records) {
    try {
      const newImage = record.dynamodb?.NewImage;
      const oldImage = record.dynamodb?.OldImage;
      const changes = await indexChangesFor(
        {
          newItem: newImage && record.eventName !== 'REMOVE' ? unmarshall(newImage) : undefined,
          oldItem: oldImage ? unmarshall(oldImage) : undefined,
        },
        deps.lookups,
      );
      if (changes.upsert.length > 0) await deps.search.upsert(changes.upsert);
      if (changes.delete.length > 0) await deps.search.delete(changes.delete);
    } catch (error) {
      const itemIdentifier = record.dynamodb?.SequenceNumber ?? '';
      deps.log.warn('indexing failed; the record will be retried', { itemIdentifier, error });
      return { batchItemFailures: [{ itemIdentifier }] };
    }
  }
  return { batchItemFailures: [] };
}
