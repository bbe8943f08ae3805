// Whole-table work for batch jobs (the shortage recompute, the reindex after a deploy): a parallel Scan,
// whole or a page at a time, and batched writes. Never behind a user-facing list: a Scan reads the
// whole table.
import {
  BatchWriteCommand,
  type BatchWriteCommandInput,
  type DynamoDBDocumentClient,
  ScanCommand,
  type ScanCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { StoreUnavailableError } from '#domain/errors.ts';
import { batchJobRetry, startRetries } from '#domain/retry.ts';
import { storeCall } from './errors.ts';
import type { Item } from './items.ts';

/** Every item a scan matches, read in `segments` parallel segments, page by page. */
export async function scanAll(
  client: DynamoDBDocumentClient,
  input: Omit<ScanCommandInput, 'ExclusiveStartKey' | 'Segment' | 'TotalSegments'>,
  segments = 4,
): Promise<Item[]> {
  const pages = await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      const items: Item[] = [];
      let start: Item | undefined;
      do {
        const page = await storeCall(() =>
          client.send(
            new ScanCommand({ ...input, Segment: segment, TotalSegments: segments, ExclusiveStartKey: start }),
          ),
        );
        items.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
      } while (start);
      return items;
    }),
  );
  return pages.flat();
}

// Access pattern `reindex-scan`: the reindex reads the table a page of a segment at a time.
/**
 * One page of one segment of a parallel Scan. The cursor is the page's last key, base64url JSON, as
 * opaque to the caller as it is to a queue that carries it to the next run.
 */
export async function scanPage(
  client: DynamoDBDocumentClient,
  tableName: string,
  request: { segment: number; segments: number; cursor?: string | undefined; limit: number },
): Promise<{ items: Item[]; cursor?: string | undefined }> {
  let start: Item | undefined;
  if (request.cursor !== undefined) {
    const key = parseJson(Buffer.from(request.cursor, 'base64url').toString('utf8'));
    if (!isScanKey(key)) throw new Error('The scan cursor is not one this table gave out.');
    start = key;
  }
  const page = await storeCall(() =>
    client.send(
      new ScanCommand({
        TableName: tableName,
        Segment: request.segment,
        TotalSegments: request.segments,
        Limit: request.limit,
        ExclusiveStartKey: start,
      }),
    ),
  );
  const last = page.LastEvaluatedKey;
  return {
    items: page.Items ?? [],
    cursor: last ? Buffer.from(JSON.stringify(last)).toString('base64url') : undefined,
  };
}

/** A table key as DynamoDB returns it: attribute names to strings or numbers. (zod's record and union would add ~4 KB to every bundle.) */
function isScanKey(value: unknown): value is Item {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return entries.length > 0 && entries.every(([, v]) => typeof v === 'string' || typeof v === 'number');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

/**
 * Writes in batches of 25, a few batches at a time, re-sending what DynamoDB leaves unprocessed (it does
 * so under throttling) under the one retry policy; gives up when the batch job's budget is spent.
 */
export async function batchWriteAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  requests: WriteRequest[],
  parallel = 8,
): Promise<void> {
  const batches: WriteRequest[][] = [];
  for (let start = 0; start < requests.length; start += 25) batches.push(requests.slice(start, start + 25));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      let pending = batches[next++] ?? [];
      const retries = startRetries(batchJobRetry);
      for (;;) {
        const result = await storeCall(() =>
          client.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } })),
        );
        pending = result.UnprocessedItems?.[tableName] ?? [];
        if (pending.length === 0) break;
        if (!(await retries.next())) {
          throw new StoreUnavailableError('The store kept refusing a batch of writes; try again.');
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, batches.length) }, worker));
}
