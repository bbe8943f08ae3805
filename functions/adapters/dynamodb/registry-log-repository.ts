import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RegistryLogRepository } from '#domain/innovations/innovation-repository.ts';
import { logAppendItems, toLogEntry, toLogHead, transact } from './innovation-items.ts';
import { getItem, queryAll } from './items.ts';
import { logEntryKeys, logEntryLookup, logHeadKeys, registryLogPartition } from './keys.ts';

export function createRegistryLogRepository(client: DynamoDBDocumentClient, tableName: string): RegistryLogRepository {
  // Entries from `start` to `end` (exclusive), read strongly consistent from the log's partition.
  const range = (start: number, end: number, projection?: string) =>
    end <= start
      ? Promise.resolve([])
      : queryAll(client, {
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': registryLogPartition,
            ':from': logEntryKeys(start).sk,
            ':to': logEntryKeys(end - 1).sk,
          },
          ConsistentRead: true,
          ...(projection ? { ProjectionExpression: projection, ExpressionAttributeNames: { '#index': 'index' } } : {}),
        });

  return {
    // Access pattern: the log's head, strongly consistent: every append starts from it.
    async head() {
      const item = await getItem(client, tableName, logHeadKeys, { consistent: true });
      return item ? toLogHead(item) : null;
    },

    async append(log) {
      await transact(client, logAppendItems(tableName, log), 'Another entry took this index first.');
    },

    // Access pattern: one entry by index.
    async entry(index) {
      const item = await getItem(client, tableName, logEntryLookup(index), { consistent: true });
      return item ? toLogEntry(item) : null;
    },

    // Access pattern: a range of entries, in index order.
    async entries(start, end) {
      return (await range(start, end)).map(toLogEntry);
    },

    // Access pattern: the leaf hashes of a prefix of the log, for proofs.
    async leafHashes(treeSize) {
      const items = await range(0, treeSize, '#index, leafHash');
      if (items.length !== treeSize || items.some((item, position) => item.index !== position)) {
        throw new Error(`The registry log is missing entries below index ${treeSize}; run verify-log.`);
      }
      return items.map((item) => String(item.leafHash));
    },

    // Access pattern: the entries about one record (gsi1).
    async entriesFor(innovationId) {
      const items = await queryAll(client, {
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `INNOV#${innovationId}`, ':prefix': 'LOG#' },
      });
      return items.map(toLogEntry);
    },
  };
}
