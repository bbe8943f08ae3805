// Lambda entry point for the table's stream: keeps the search index in step with the table.
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { createSearchIndex } from '#app/search-index.ts';
import { tradeOf } from '#app/search-sync.ts';
import { getStoreServices } from '#app/store-services.ts';
import { indexStreamRecords, type StreamRecord } from '#app/stream-indexer.ts';
import { lambdaHandler } from '#platform/telemetry.ts';

const services = getStoreServices();
const deps = {
  search: createSearchIndex(services.config),
  log: services.log,
  lookups: {
    syndicate: (id: string) => services.syndicates.get(id),
    now: services.now,
    tradeOf: (version: Parameters<typeof tradeOf>[1]) => tradeOf(services.commons, version),
  },
};

export const handler = lambdaHandler(
  services.telemetry,
  async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> =>
    indexStreamRecords(deps, event.Records as StreamRecord[]),
);
