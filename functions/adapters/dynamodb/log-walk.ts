// One walk over the whole registry log for a job that must see every entry once (the backfills): a
// thousand entries at a time up to the head it found, then a mark, so every later run is one read.
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredLogEntry } from '#domain/innovations/log-head.ts';
import { storeCall } from './errors.ts';
import { getItem } from './items.ts';
import { createRegistryLogRepository, maxEntriesRead } from './registry-log-repository.ts';

export interface LogWalk {
  /** The log's size when the walk started (or when the mark was left, if it was there already). */
  entries: number;
  /** The mark was there: nothing was walked. */
  done: boolean;
}

/**
 * Calls `visit` with each window of entries (from index `start`) until the head read first, then
 * leaves `mark` (its type and the size walked); with the mark there already, reads nothing more.
 */
export async function walkLogOnce(
  client: DynamoDBDocumentClient,
  tableName: string,
  mark: { keys: { pk: string; sk: string }; type: string },
  visit: (entries: StoredLogEntry[], start: number) => Promise<void>,
  onProgress: (done: number, of: number) => void = () => undefined,
): Promise<LogWalk> {
  const marked = await getItem(client, tableName, mark.keys, { consistent: true });
  if (marked) return { entries: Number(marked.treeSize), done: true };
  const log = createRegistryLogRepository(client, tableName);
  const size = (await log.head())?.treeSize ?? 0;
  for (let start = 0; start < size; start += maxEntriesRead) {
    await visit(await log.entries(start, Math.min(size, start + maxEntriesRead)), start);
    onProgress(Math.min(size, start + maxEntriesRead), size);
  }
  await storeCall(() =>
    client.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...mark.keys, type: mark.type, treeSize: size, at: new Date().toISOString() },
      }),
    ),
  );
  return { entries: size, done: false };
}
