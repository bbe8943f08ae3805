// Lambda entry point for the table's stream, for what needs the table alone: keeps the shortage index in
// step with the table and produces people's notifications. Each consumer reports its own failures; the
// earliest in stream order is the batch's, so the retry starts early enough for both (ARCHITECTURE.md,
// "A stream record", says why they share a function).
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { getStoreServices } from '#app/store-services.ts';
import type { StreamRecord } from '#app/stream-indexer.ts';
import { notificationStreamDependencies, notifyStreamRecords } from '#app/stream-notifications.ts';
import { applyShortageRecords, earliestFailure } from '#app/stream-shortages.ts';
import { lambdaHandler } from '#platform/telemetry.ts';

const services = getStoreServices();
const notifier = notificationStreamDependencies(services);

export const handler = lambdaHandler(
  services.telemetry,
  async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const records = event.Records as StreamRecord[];
    const [shortages, notifications] = await Promise.all([
      applyShortageRecords(services, records),
      notifyStreamRecords(notifier, records),
    ]);
    return earliestFailure(records, shortages, notifications);
  },
);
