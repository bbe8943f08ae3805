// A job, not a request path: gives the entries appended before subtree hashes were kept the hashes of
// the perfect subtrees they complete, so that proofs of old entries read O(log n) nodes too. It walks
// the log once, a thousand entries at a time, rebuilding the frontier from the leaf hashes; it only
// adds what is missing (never overwrites), so it can be stopped and run again. When it reaches the
// head it leaves a mark, and every later run (each local start runs it) is one read: entries appended
// since keep their hashes as they are written.
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { appendLeaf } from '#domain/innovations/log-head.ts';
import { fromBase64, type Hash, toBase64 } from '#domain/registry-log/hashing.ts';
import { storeCall } from './errors.ts';
import { logEntryLookup, logSubtreesMarkKeys } from './keys.ts';
import { type LogWalk, walkLogOnce } from './log-walk.ts';

export interface BackfillReport extends LogWalk {
  /** Entries given their subtree hashes by this run. */
  written: number;
}

export async function backfillSubtrees(
  client: DynamoDBDocumentClient,
  tableName: string,
  onProgress: (done: number, of: number) => void = () => undefined,
): Promise<BackfillReport> {
  let frontier: Hash[] = [];
  let written = 0;
  // Access pattern `log-subtrees-mark`: one read, and nothing more to do once the walk has finished.
  const walk = await walkLogOnce(
    client,
    tableName,
    { keys: logSubtreesMarkKeys, type: 'log-subtrees-mark' },
    async (entries, start) => {
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
    },
    onProgress,
  );
  return { ...walk, written };
}
