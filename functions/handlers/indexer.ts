// Lambda entry point for the table's stream: keeps the search index in step with the table. The
// Meilisearch key is read at run time, once per cold start (app/secrets.ts).
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { createCurrentItems } from '#adapters/dynamodb/indexed-items.ts';
import { createSearchIndex } from '#app/search-index.ts';
import { indexLookups } from '#app/search-sync.ts';
import { loadConfig, once } from '#app/secrets.ts';
import { getStoreServices } from '#app/store-services.ts';
import { type IndexerDependencies, indexStreamRecords, type StreamRecord } from '#app/stream-indexer.ts';
import { lambdaHandler } from '#platform/telemetry.ts';

const services = getStoreServices();
const deps = once(
  async (): Promise<IndexerDependencies> => ({
    search: createSearchIndex(await loadConfig()),
    log: services.log,
    lookups: indexLookups(services),
    items: createCurrentItems(services.storeClient, services.config.TABLE_NAME),
  }),
);

export const handler = lambdaHandler(
  services.telemetry,
  async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> =>
    indexStreamRecords(await deps(), event.Records as StreamRecord[]),
);
