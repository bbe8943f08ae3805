// Lambda entry point of the `federation-delivery` function: the consumer of the federation's delivery
// queue (SQS; infra/constructs/federation-delivery.ts). Each message is one signed activity for one
// inbox (app/federation-delivery.ts says what happens to it); the ones to try again or park are
// reported as partial batch failures, so the rest of the batch is not sent twice.
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { createSqsRetryLater } from '#adapters/queue/sqs-delivery-queue.ts';
import { federationSender } from '#app/federation-deliverer.ts';
import { consumeDeliveries } from '#app/federation-delivery.ts';
import { getTelemetry } from '#app/store-services.ts';
import { createDocumentClient } from '#adapters/dynamodb/client.ts';
import { createInstanceBlockRepository } from '#adapters/dynamodb/instance-block-repository.ts';
import { type Config, ConfigError, getConfig } from '#config/config.ts';
import { deliveryRetryPolicy } from '#domain/federation/delivery.ts';
import { lambdaHandler } from '#platform/telemetry.ts';

/** The stewards' blocks, read before each send; the table alone, not every repository of the store. */
function instanceBlocks(config: Config) {
  const client = createDocumentClient({
    region: config.AWS_REGION,
    endpoint: config.DYNAMODB_ENDPOINT,
    timeoutMs: config.STORE_TIMEOUT_MS,
  });
  getTelemetry().traceAwsClient(client);
  return createInstanceBlockRepository(client, config.TABLE_NAME);
}

let consumer: Parameters<typeof consumeDeliveries>[0] | undefined;

function deliveryConsumer() {
  if (consumer) return consumer;
  const config = getConfig();
  if (!config.FEDERATION_DELIVERY_QUEUE_URL) {
    throw new ConfigError('Invalid configuration:\n  FEDERATION_DELIVERY_QUEUE_URL: required by the delivery consumer');
  }
  const { log } = getTelemetry();
  consumer = {
    deliver: federationSender(config, log, instanceBlocks(config)).deliver,
    policy: deliveryRetryPolicy,
    retryLater: createSqsRetryLater(config.AWS_REGION, config.FEDERATION_DELIVERY_QUEUE_URL),
    log,
  };
  return consumer;
}

export const handler = lambdaHandler(getTelemetry, async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const kept = await consumeDeliveries(
    deliveryConsumer(),
    event.Records.map((record) => ({
      messageId: record.messageId,
      receiptHandle: record.receiptHandle,
      body: record.body,
      receiveCount: Number(record.attributes.ApproximateReceiveCount) || 1,
    })),
  );
  return { batchItemFailures: kept.map((itemIdentifier) => ({ itemIdentifier })) };
});
