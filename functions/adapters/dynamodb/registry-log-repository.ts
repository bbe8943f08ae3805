// The registry log in the table: its entries by index and its head in one partition, a record's
// entries on gsi1. Proofs read the stored subtree hashes of the entries that complete them (one
// BatchGetItem), never every leaf.
//
// The head is a deliberate serialisation point: every logged write (publication, adoption, value
// report, settlement, credit-limit change) is one transaction conditional on the head's size, so
// appends happen one at a time, whatever else the transaction writes. Its throughput is one
// transaction's round trip plus the time a loser takes to re-read and retry. Measured on DynamoDB
// Local (`npm run bench:log-head`, one machine whose 2 cores other jobs shared): ~69 appends a second
// from one writer (p95 40 ms), ~29 a second with 10 racing (p95 1.7 s, 2.4 tries an append) and ~22
// with 50 (p95 4.6 s; 16 of 200 ran out of the 6 s retry budget and were refused with a 503, nothing
// written). DynamoDB itself allows at most 1,000 writes a second to one item and runs a transaction in
// ~10–25 ms, so the head would pass ~40–100 logged writes a second at best: far above the pace of
// publications and settlements a commons makes, and the reason nothing that happens often
// (applications, enrollments) is ever logged. Past that, the log would need batching appends.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RegistryLogRepository } from '#domain/innovations/innovation-repository.ts';
import type { PageRequest } from '#domain/paging.ts';
import { nodeId } from '#domain/registry-log/stored-nodes.ts';
import { logAppendItems, toLogEntry, toLogHead, transact } from './innovation-items.ts';
import { getItem, getItems, itemKey, pageOf, queryAll, queryPage } from './items.ts';
import { logEntryLookup, logHeadKeys, recordLogEntriesKey, registryLogPartition, logEntryKeys } from './keys.ts';
import { prefixValues, startsWith } from './key-prefix.ts';

/** At most this many entries in one range read (the API's and the audit's window). */
export const maxEntriesRead = 1000;

export function createRegistryLogRepository(client: DynamoDBDocumentClient, tableName: string): RegistryLogRepository {
  return {
    // Access pattern `log-head`: the log's head, strongly consistent: every append starts from it.
    async head() {
      const item = await getItem(client, tableName, logHeadKeys, { consistent: true });
      return item ? toLogHead(item) : null;
    },

    // Access pattern `log-append`: one transaction with the write it logs, conditional on the head.
    async append(log) {
      await transact(client, logAppendItems(tableName, log), 'Another entry took this index first.');
    },

    // Access pattern `log-entry-by-index`: one entry by index.
    async entry(index) {
      const item = await getItem(client, tableName, logEntryLookup(index), { consistent: true });
      return item ? toLogEntry(item) : null;
    },

    // Access pattern `log-entries-range`: a range of entries, in index order (at most 1,000: the callers' window).
    async entries(start, end) {
      if (end - start > maxEntriesRead) throw new RangeError(`At most ${maxEntriesRead} entries a read.`);
      if (end <= start) return [];
      const items = await queryAll(client, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': registryLogPartition,
          ':from': logEntryKeys(start).sk,
          ':to': logEntryKeys(end - 1).sk,
        },
        ConsistentRead: true,
      });
      return items.map(toLogEntry);
    },

    // Access pattern `log-subtree-nodes`: stored subtree hashes, by the entries that completed them (one batch read).
    async nodes(nodes) {
      const index = (node: { start: number; size: number }) => node.start + node.size - 1;
      const items = await getItems(
        client,
        tableName,
        nodes.map((node) => logEntryLookup(index(node))),
        { consistent: true },
      );
      const found = new Map<string, string>();
      for (const node of nodes) {
        const item = items.get(itemKey(logEntryLookup(index(node))));
        if (!item) continue;
        const level = Math.log2(node.size);
        const hash = level === 0 ? item.leafHash : (item.subtrees as unknown[] | undefined)?.[level - 1];
        if (typeof hash === 'string') found.set(nodeId(node), hash);
      }
      return found;
    },

    // Access pattern `log-entries-of-record`: a page of the entries about one record, oldest first (gsi1).
    async entriesFor(innovationId, request: PageRequest) {
      const key = recordLogEntriesKey(innovationId);
      const page = await queryPage(
        client,
        {
          TableName: tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: `gsi1pk = :pk AND ${startsWith('gsi1sk')}`,
          ExpressionAttributeValues: { ':pk': key.gsi1pk, ...prefixValues(key.prefix) },
        },
        request,
        { name: 'gsi1pk', value: key.gsi1pk },
      );
      return pageOf(page, toLogEntry);
    },
  };
}
