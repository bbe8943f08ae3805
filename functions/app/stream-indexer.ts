// Applies DynamoDB stream records to the search index. The same function serves the indexer Lambda
// (event source with partial batch responses) and the local stream poller.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { type IndexLookups, indexChangesFor, isIndexedType } from '#domain/search/index-changes.ts';
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

/** The items named, as they are in the table now (strongly consistent), by `pk\nsk`; a gone item is absent. */
export type CurrentItems = (
  keys: ReadonlyArray<{ pk: string; sk: string }>,
) => Promise<Map<string, Record<string, unknown>>>;

export interface IndexerDependencies {
  search: SearchIndex;
  lookups: IndexLookups;
  /** The table's current state of the items a batch names (adapters/dynamodb/indexed-items.ts). */
  items: CurrentItems;
  log: Logger;
}

const keyOf = (key: { pk: string; sk: string }) => `${key.pk}\n${key.sk}`;

/** The item a record is about, when it is a type the index holds: its key and the image it carries. */
function indexedItemOf(record: StreamRecord) {
  const image = record.dynamodb?.NewImage ?? record.dynamodb?.OldImage;
  if (!image || !isIndexedType(image.type?.S)) return undefined;
  const pk = image.pk?.S;
  const sk = image.sk?.S;
  if (!pk || !sk) throw new Error(`a ${image.type?.S} record without its key`);
  return { key: { pk, sk }, image: unmarshall(image) };
}

/**
 * Each record indexes its item's **current** state, read from the table (one BatchGetItem for the
 * batch), never the image it carries: the stream is replayed from its start after a deploy's reindex
 * and on a redrive, and an old image applied after a newer state would put the past back in search.
 * Reading the table, records applied in any order, any number of times, leave the index as the table
 * is; an item that is gone (or no longer searchable) leaves it. An item named twice in a batch is
 * indexed once. At the first failure the rest of the batch is left for the retry.
 */
export async function indexStreamRecords(
  deps: IndexerDependencies,
  records: StreamRecord[],
): Promise<{ batchItemFailures: Array<{ itemIdentifier: string }> }> {
  const failure = (record: StreamRecord | undefined, error: unknown) => {
    const itemIdentifier = record?.dynamodb?.SequenceNumber ?? '';
    deps.log.warn('indexing failed; the record will be retried', { itemIdentifier, error });
    return { batchItemFailures: [{ itemIdentifier }] };
  };
  // The records up to a malformed one (indexed, then that one reported).
  const named: Array<ReturnType<typeof indexedItemOf>> = [];
  let malformed: { record: StreamRecord; error: unknown } | undefined;
  for (const record of records) {
    try {
      named.push(indexedItemOf(record));
    } catch (error) {
      malformed = { record, error };
      break;
    }
  }
  const keys = named.flatMap((item) => (item ? [item.key] : []));
  let current = new Map<string, Record<string, unknown>>();
  try {
    if (keys.length > 0) current = await deps.items(keys);
  } catch (error) {
    return failure(records[named.findIndex(Boolean)], error);
  }
  const done = new Set<string>();
  for (const [index, item] of named.entries()) {
    if (!item || done.has(keyOf(item.key))) continue;
    try {
      // The item as it is now; the record's image says only what it was (a deleted document's id).
      const changes = await indexChangesFor(
        { newItem: current.get(keyOf(item.key)), oldItem: item.image },
        deps.lookups,
      );
      if (changes.upsert.length > 0) await deps.search.upsert(changes.upsert);
      if (changes.delete.length > 0) await deps.search.delete(changes.delete);
      done.add(keyOf(item.key));
    } catch (error) {
      return failure(records[index], error);
    }
  }
  return malformed ? failure(malformed.record, malformed.error) : { batchItemFailures: [] };
}
