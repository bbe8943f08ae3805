// Lambda entry point for the table's stream: keeps the shortage index in step with the table.
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { getStoreServices } from '#app/store-services.ts';
import type { StreamRecord } from '#app/stream-indexer.ts';
import { applyShortageRecords } from '#app/stream-shortages.ts';
import { lambdaHandler } from '#platform/telemetry.ts';

const services = getStoreServices();

export const handler = lambdaHandler(
  services.telemetry,
  async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> =>
    applyShortageRecords(services, event.Records as StreamRecord[]),
);
