// Lambda entry point for the table's stream, for what needs the table alone: keeps the shortage index in
// step with the table, produces people's notifications, counts the economy's figures and queues the
// syndicates' opening changes for their fediverse followers (the federation outbox, SQS). Each consumer reports its own failures; the
// earliest in stream order is the batch's, so the retry starts early enough for both (ARCHITECTURE.md,
// "A stream record", says why they share a function).
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { createAwsMailer, notificationEmailer } from '#app/mailer.ts';
import { loadConfig } from '#app/secrets.ts';
import { getStoreServices } from '#app/store-services.ts';
import type { StreamRecord } from '#app/stream-indexer.ts';
import { countEconomyRecords } from '#app/stream-economy.ts';
import { notificationStreamDependencies, notifyStreamRecords } from '#app/stream-notifications.ts';
import { applyShortageRecords, earliestFailure } from '#app/stream-shortages.ts';
import { publishOpeningRecords } from '#app/stream-federation.ts';
import { publishSnapshotRecords } from '#app/stream-catalogue.ts';
import { createSqsOutboxQueue } from '#adapters/queue/sqs-delivery-queue.ts';
import { createSqsSender } from '#adapters/queue/sqs-sender.ts';
import { lambdaHandler } from '#platform/telemetry.ts';

const services = getStoreServices();
const outboxUrl = services.config.FEDERATION_OUTBOX_QUEUE_URL;
/** The federation outbox: plain JSON jobs on SQS; the delivery function builds, signs and sends. */
const federation = {
  outbox: outboxUrl ? createSqsOutboxQueue(createSqsSender(services.config.AWS_REGION, outboxUrl)) : undefined,
  log: services.log,
};
/**
 * The producer's dependencies, built at the first batch: mailing needs the unsubscribe link key, read
 * from Secrets Manager once per cold start (the shortage index needs no secret, so it starts at once).
 */
let notifier: ReturnType<typeof notificationStreamDependencies> | undefined;
async function getNotifier() {
  if (!notifier) {
    const withSecrets = { ...services, config: await loadConfig() };
    notifier = notificationStreamDependencies(services, notificationEmailer(withSecrets, createAwsMailer(withSecrets)));
  }
  return notifier;
}

export const handler = lambdaHandler(
  services.telemetry,
  async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const records = event.Records as StreamRecord[];
    const [shortages, economy, openings, snapshots, notifications] = await Promise.all([
      applyShortageRecords(services, records),
      countEconomyRecords(services, records),
      publishOpeningRecords(federation, records),
      // The day's shortage snapshot, as the sweep keeps it, to the commons' followers.
      publishSnapshotRecords(
        {
          ...federation,
          get commons() {
            return services.commons;
          },
          origin: services.config.PUBLIC_URL,
        },
        records,
      ),
      getNotifier().then(
        (deps) => notifyStreamRecords(deps, records),
        (error: unknown) => {
          // Without its secrets the producer cannot start: the batch is retried from its first record.
          const itemIdentifier = records[0]?.dynamodb?.SequenceNumber ?? '';
          services.log.error('the notification producer could not start; the batch will be retried', { error });
          return { batchItemFailures: itemIdentifier ? [{ itemIdentifier }] : [] };
        },
      ),
    ]);
    return earliestFailure(records, shortages, economy, openings, snapshots, notifications);
  },
);
