// Lambda entry point for the table's stream: keeps the search index in step with the table. The
// Meilisearch key is read at run time, once per cold start (app/secrets.ts).
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { createSearchIndex } from '#app/search-index.ts';
import { tradeOf } from '#app/search-sync.ts';
import { loadConfig, once } from '#app/secrets.ts';
import { getStoreServices } from '#app/store-services.ts';
import { type IndexerDependencies, indexStreamRecords, type StreamRecord } from '#app/stream-indexer.ts';

const services = getStoreServices();
const deps = once(
  async (): Promise<IndexerDependencies> => ({
    search: createSearchIndex(await loadConfig()),
    log: services.log,
    lookups: {
      syndicate: (id: string) => services.syndicates.get(id),
      now: services.now,
      tradeOf: (version: Parameters<typeof tradeOf>[1]) => tradeOf(services.commons, version),
    },
  }),
);

export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  return indexStreamRecords(await deps(), event.Records as StreamRecord[]);
}
