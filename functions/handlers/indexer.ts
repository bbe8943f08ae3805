// Lambda entry point for the table's stream: keeps the search index in step with the table.
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { createSearchIndex } from '#app/search-index.ts';
import { indexLookups } from '#app/search-sync.ts';
import { getStoreServices } from '#app/store-services.ts';
import { indexStreamRecords, type StreamRecord } from '#app/stream-indexer.ts';

const services = getStoreServices();
const deps = {
  search: createSearchIndex(services.config),
  log: services.log,
  lookups: indexLookups(services),
};

export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  return indexStreamRecords(deps, event.Records as StreamRecord[]);
}
