// Lambda entry point of the `federation-delivery` function: the consumer of the federation's delivery
// queue (SQS; infra/constructs/federation-delivery.ts). Each message is one signed activity for one
// inbox (app/federation-delivery.ts says what happens to it); the ones to try again or park are
// reported as partial batch failures, so the rest of the batch is not sent twice.
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import {
  createSqsDeliveryQueue,
  createSqsOutboxQueue,
  createSqsRetryLater,
} from '#adapters/queue/sqs-delivery-queue.ts';
import { createSqsSender } from '#adapters/queue/sqs-sender.ts';
import { createFollowerRepository } from '#adapters/dynamodb/follower-repository.ts';
import { createRemoteFollowRepository } from '#adapters/dynamodb/remote-follow-repository.ts';
import { createSyndicateRepository } from '#adapters/dynamodb/syndicate-repository.ts';
import { resolve } from 'node:path';
import { readCommonsFile } from '#adapters/content/commons-file.ts';
import { createInnovationRepository } from '#adapters/dynamodb/innovation-repository.ts';
import { createPeopleRepository } from '#adapters/dynamodb/people-repository.ts';
import type { Commons } from '#domain/content/commons.ts';
import { createAnnouncedCourseRepository } from '#adapters/dynamodb/announced-course-repository.ts';
import { createShortageSnapshotReads } from '#adapters/dynamodb/shortage-snapshot-reads.ts';
import { outboxDeps } from '#app/federation-outbox.ts';
import { runOutboxJob } from '#domain/federation/outbox.ts';
import { federationSender } from '#app/federation-deliverer.ts';
import { consumeDeliveries } from '#app/federation-delivery.ts';
import { getTelemetry } from '#app/store-services.ts';
import { createDocumentClient } from '#adapters/dynamodb/client.ts';
import { createInstanceBlockRepository } from '#adapters/dynamodb/instance-block-repository.ts';
import { type Config, ConfigError, getConfig } from '#config/config.ts';
import { deliveryRetryPolicy } from '#domain/federation/delivery.ts';
import { lambdaHandler } from '#platform/telemetry.ts';

/**
 * The table alone, not every repository of the store: the stewards' blocks, and for the outbox the
 * followers and syndicates, and the follows and remote openings an unfollow or a block leaves to remove.
 */
function tableClient(config: Config) {
  const client = createDocumentClient({
    region: config.AWS_REGION,
    endpoint: config.DYNAMODB_ENDPOINT,
    timeoutMs: config.STORE_TIMEOUT_MS,
  });
  getTelemetry().traceAwsClient(client);
  return client;
}

type Consumer = Parameters<typeof consumeDeliveries>[0];
let consumers: { deliveries: Consumer; outbox: Consumer | undefined; outboxArn: string | undefined } | undefined;

function deliveryConsumers() {
  if (consumers) return consumers;
  const config = getConfig();
  if (!config.FEDERATION_DELIVERY_QUEUE_URL) {
    throw new ConfigError('Invalid configuration:\n  FEDERATION_DELIVERY_QUEUE_URL: required by the delivery consumer');
  }
  const { log } = getTelemetry();
  const client = tableClient(config);
  const instanceBlocks = createInstanceBlockRepository(client, config.TABLE_NAME);
  const deliveries: Consumer = {
    deliver: federationSender(config, log, instanceBlocks).deliver,
    policy: deliveryRetryPolicy,
    retryLater: createSqsRetryLater(config.AWS_REGION, config.FEDERATION_DELIVERY_QUEUE_URL),
    log,
  };
  // The outbox (opening changes from the stream, fan-out pages): each job queues its deliveries.
  const outboxUrl = config.FEDERATION_OUTBOX_QUEUE_URL;
  let commons: Commons | undefined;
  const outbox: Consumer | undefined = outboxUrl
    ? (() => {
        const followers = createFollowerRepository(client, config.TABLE_NAME);
        const deps = outboxDeps({
          origin: config.PUBLIC_URL,
          syndicates: createSyndicateRepository(client, config.TABLE_NAME),
          followers,
          instanceBlocks,
          deliveries: createSqsDeliveryQueue(createSqsSender(config.AWS_REGION, config.FEDERATION_DELIVERY_QUEUE_URL)),
          outbox: createSqsOutboxQueue(createSqsSender(config.AWS_REGION, outboxUrl)),
          // A published record's Document: the record, its version, its inventors' names, the commons' labels.
          records: {
            innovations: createInnovationRepository(client, config.TABLE_NAME),
            people: createPeopleRepository(client, config.TABLE_NAME),
            commons: () => (commons ??= readCommonsFile(resolve(config.COMMONS_FILE))),
          },
          // An unfollow's and a block's removals, a page per job.
          forgetting: {
            followers,
            remoteFollows: createRemoteFollowRepository(client, config.TABLE_NAME),
          },
          // A new commons follower's backfill: the catalogue (the commons.json this bundle carries), the
          // newest snapshot and what was announced, read from the table (issue 20).
          catalogue: {
            commons: () => (commons ??= readCommonsFile(resolve(config.COMMONS_FILE))),
            shortages: createShortageSnapshotReads(client, config.TABLE_NAME),
            announcedCourses: createAnnouncedCourseRepository(client, config.TABLE_NAME),
            now: () => new Date(),
          },
        });
        return {
          ...deliveries,
          runOutbox: async (job) => {
            await runOutboxJob(deps, job);
          },
          retryLater: createSqsRetryLater(config.AWS_REGION, outboxUrl),
        };
      })()
    : undefined;
  consumers = { deliveries, outbox, outboxArn: outboxUrl ? queueArnOf(outboxUrl) : undefined };
  return consumers;
}

/** A queue's ARN from its URL (https://sqs.<region>.amazonaws.com/<account>/<name>), as SQS events name their source. */
function queueArnOf(url: string): string {
  const { hostname, pathname } = new URL(url);
  const [, account, name] = pathname.split('/');
  const region = hostname.split('.')[1];
  return `arn:aws:sqs:${region}:${account}:${name}`;
}

export const handler = lambdaHandler(getTelemetry, async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const { deliveries, outbox, outboxArn } = deliveryConsumers();
  const message = (record: SQSEvent['Records'][number]) => ({
    messageId: record.messageId,
    receiptHandle: record.receiptHandle,
    body: record.body,
    receiveCount: Number(record.attributes.ApproximateReceiveCount) || 1,
  });
  // Each queue's messages are hidden for their retry on their own queue.
  const fromOutbox = event.Records.filter((record) => outbox && record.eventSourceARN === outboxArn);
  const fromDeliveries = event.Records.filter((record) => !fromOutbox.includes(record));
  const kept = await Promise.all([
    consumeDeliveries(deliveries, fromDeliveries.map(message)),
    outbox ? consumeDeliveries(outbox, fromOutbox.map(message)) : [],
  ]);
  return { batchItemFailures: kept.flat().map((itemIdentifier) => ({ itemIdentifier })) };
});
