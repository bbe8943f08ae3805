// A job, not a request path: gives the entries appended before subtree hashes were kept the hashes of
// the perfect subtrees they complete, so that proofs of old entries read O(log n) nodes too. It walks
// the log once, a thousand entries at a time, rebuilding the frontier from the leaf hashes; it only
// adds what is missing (never overwrites), so it can be stopped and run again. When it reaches the
// head it leaves a mark, and every later run (each local start runs it) is one read: entries appended
// since keep their hashes as they are written.
import { type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { appendLeaf } from '#domain/innovations/log-head.ts';
import { fromBase64, type Hash, toBase64 } from '#domain/registry-log/hashing.ts';
import { storeCall } from './errors.ts';
import { getItem } from './items.ts';
import { logEntryLookup, logSubtreesMarkKeys } from './keys.ts';
import { createRegistryLogRepository, maxEntriesRead } from './registry-log-repository.ts';

export interface BackfillReport {
  /** The log's size when the walk started (or when the mark was left, if it was there already). */
  entries: number;
  /** Entries given their subtree hashes by this run. */
  written: number;
  /** The mark was there: nothing was walked. */
  done: boolean;
}

export async function backfillSubtrees(
  client: DynamoDBDocumentClient,
  tableName: string,
  onProgress: (done: number, of: number) => void = () => undefined,
): Promise<BackfillReport> {
  // Access pattern `log-subtrees-mark`: one read, and nothing more to do once the walk has finished.
  const mark = await getItem(client, tableName, logSubtreesMarkKeys, { consistent: true });
  if (mark) return { entries: Number(mark.treeSize), written: 0, done: true };
  const log = createRegistryLogRepository(client, tableName);
  const size = (await log.head())?.treeSize ?? 0;
  let frontier: Hash[] = [];
  let written = 0;
  for (let start = 0; start < size; start += maxEntriesRead) {
    const entries = await log.entries(start, Math.min(size, start + maxEntriesRead));
    for (const [position, entry] of entries.entries()) {
      const index = start + position;
      if (entry.index !== index) throw new Error(`Entry ${index} is missing: run verify-log.`);
      const leaf = fromBase64(entry.leafHash);
      if (leaf?.length !== 32) throw new Error(`The leaf hash of entry ${index} is malformed: run verify-log.`);
      const appended = appendLeaf(frontier, index, leaf);
      frontier = appended.frontier;
      if (entry.subtrees) continue;
      await storeCall(() =>
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: logEntryLookup(index),
            UpdateExpression: 'SET subtrees = :subtrees',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(subtrees)',
            ExpressionAttributeValues: { ':subtrees': appended.completed.map(toBase64) },
          }),
        ),
      );
      written++;
    }
    onProgress(Math.min(size, start + maxEntriesRead), size);
  }
  await storeCall(() =>
    client.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...logSubtreesMarkKeys, type: 'log-subtrees-mark', treeSize: size, at: new Date().toISOString() },
      }),
    ),
  );
  return { entries: size, written, done: false };
}
