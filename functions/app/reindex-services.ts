// What the reindex function is given: the table's pages, the search index (its key read at run time),
// the stream indexer's lookups, and the queue the next step goes to.
import { resolve } from 'node:path';
import { readEscoFile } from '#adapters/content/esco-file.ts';
import { scanPage } from '#adapters/dynamodb/bulk.ts';
import { createDocumentClient } from '#adapters/dynamodb/client.ts';
import { createSqsSender } from '#adapters/queue/sqs-sender.ts';
import { indexVersion } from '#adapters/search/meilisearch/settings.ts';
import { type Config, ConfigError } from '#config/config.ts';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createAnnouncedCourseRepository } from '#adapters/dynamodb/announced-course-repository.ts';
import { createSqsOutboxQueue } from '#adapters/queue/sqs-delivery-queue.ts';
import type { Commons } from '#domain/content/commons.ts';
import { announceCatalogue } from '#domain/federation/catalogue-publishing.ts';
import { catalogueIds } from '#domain/federation/paths.ts';
import type { ReindexDependencies } from './reindex-pages.ts';
import { createSearchIndex } from './search-index.ts';
import { indexLookups } from './search-sync.ts';
import { loadConfig } from './secrets.ts';
import { getStoreServices } from './store-services.ts';

export async function createReindexDependencies(): Promise<ReindexDependencies> {
  const config = await loadConfig();
  if (!config.REINDEX_QUEUE_URL) {
    throw new ConfigError('Invalid configuration:\n  REINDEX_QUEUE_URL: required by the reindex function');
  }
  const store = getStoreServices();
  const client = createDocumentClient({
    region: config.AWS_REGION,
    endpoint: config.DYNAMODB_ENDPOINT,
    timeoutMs: config.STORE_TIMEOUT_MS,
  });
  store.telemetry.traceAwsClient(client);
  const send = createSqsSender(config.AWS_REGION, config.REINDEX_QUEUE_URL);
  return {
    indexVersion: indexVersion(),
    scanPage: (request) => scanPage(client, config.TABLE_NAME, request),
    search: createSearchIndex(config),
    lookups: indexLookups(store),
    get commons() {
      return store.commons;
    },
    // Beside the bundle, where its bundling hook copied it (infra/constructs/search-reindex.ts); only
    // this function reads it, so it is no setting of the shared configuration.
    esco: () => readEscoFile(resolve('esco.json.gz')),
    // One FIFO group per scan segment keeps each chain in order; the commons and ESCO steps have their own.
    send: (steps) =>
      send(
        steps.map((step) => ({
          body: JSON.stringify(step),
          groupId: step.kind === 'table' ? `table-${step.segment}` : step.kind,
        })),
      ),
    log: store.log,
    ...(config.FEDERATION_OUTBOX_QUEUE_URL
      ? { announce: catalogueAnnounce(config, config.FEDERATION_OUTBOX_QUEUE_URL, client, () => store.commons) }
      : {}),
  };
}

/** The catalogue's announce, through the federation outbox (the delivery function fans it out). */
function catalogueAnnounce(config: Config, outboxUrl: string, client: DynamoDBDocumentClient, commons: () => Commons) {
  const outbox = createSqsOutboxQueue(createSqsSender(config.AWS_REGION, outboxUrl));
  return () =>
    announceCatalogue({
      commons: commons(),
      announcedCourses: createAnnouncedCourseRepository(client, config.TABLE_NAME),
      outbox,
      ids: catalogueIds(config.PUBLIC_URL),
      now: () => new Date(),
    });
}
