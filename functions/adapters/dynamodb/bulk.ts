// Whole-table work for batch jobs (the shortage recompute): a parallel Scan and batched writes. Never
// behind a user-facing list: a Scan reads the whole table.
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
