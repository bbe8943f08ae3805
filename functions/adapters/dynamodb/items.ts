// Small helpers every repository shares: strip key attributes from items, read many items by key in
// batches, read a page of a query (for what a request reads) or every page (for the jobs that rebuild
// an index from the table).
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { ConflictError, StoreUnavailableError } from '#domain/errors.ts';
import { decodeCursor, encodeCursor, type PageRequest } from '#domain/paging.ts';
import { type RetryClock, startRetries, systemClock, unprocessedKeysRetry } from '#domain/retry.ts';
import { storeCall } from './errors.ts';
import { type IndexName, table } from './table.ts';

export type Item = Record<string, unknown>;

const keyNames = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'type']);

/** The entity without its table keys and type marker. */
export function fromItem<T>(item: Item): T {
  const entity: Item = {};
  for (const [name, value] of Object.entries(item)) if (!keyNames.has(name)) entity[name] = value;
  return entity as T;
}

/**
 * One item by its primary key (only `pk` and `sk` are sent, whatever else the key helper returned), or
 * undefined. `consistent` for reads that must see a write that just won a race.
 */
export async function getItem(
  client: DynamoDBDocumentClient,
  tableName: string,
  key: { pk: string; sk: string },
  options: { consistent?: boolean } = {},
): Promise<Item | undefined> {
  const result = await storeCall(() =>
    client.send(
      new GetCommand({ TableName: tableName, Key: { pk: key.pk, sk: key.sk }, ConsistentRead: options.consistent }),
    ),
  );
  return result.Item;
}

/** BatchGetItem's limit: at most this many keys a call. */
export const batchGetLimit = 100;

export interface BatchGetOptions {
  /** Strongly consistent reads, for use cases that plan a write from what they read. */
  consistent?: boolean;
  /** Only these attributes (the keys are always read too, to match items to keys). */
  attributes?: readonly string[];
}

const keyOf = (key: { pk: unknown; sk: unknown }) => `${String(key.pk)}\u0000${String(key.sk)}`;

/**
 * Items by primary key, as many as the caller has keys for: BatchGetItem with at most 100 keys a call
 * (the calls in parallel), keys it leaves unprocessed (under throttling, or past 16 MB of answer)
 * sent again under the one retry policy, and a StoreUnavailableError (503) once its budget is spent.
 * The answer follows the order of `keys`, undefined where no item has the key; a key repeated is read
 * once. Never one GetItem per item in a loop.
 */
export async function batchGet(
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: ReadonlyArray<{ pk: string; sk: string }>,
  options: BatchGetOptions = {},
  clock: RetryClock = systemClock,
): Promise<Array<Item | undefined>> {
  const unique = [...new Map(keys.map((key) => [keyOf(key), { pk: key.pk, sk: key.sk }])).values()];
  const found = new Map<string, Item>();
  const projection = options.attributes
    ? {
        ProjectionExpression: ['pk', 'sk', ...options.attributes].map((_, i) => `#a${i}`).join(', '),
        ExpressionAttributeNames: Object.fromEntries(
          ['pk', 'sk', ...options.attributes].map((name, i) => [`#a${i}`, name]),
        ),
      }
    : {};
  const readChunk = async (chunk: Item[]) => {
    const retries = startRetries(unprocessedKeysRetry, clock);
    let pending = chunk;
    for (;;) {
      const result = await storeCall(() =>
        client.send(
          new BatchGetCommand({
            RequestItems: { [tableName]: { Keys: pending, ConsistentRead: options.consistent, ...projection } },
          }),
        ),
      );
      for (const item of result.Responses?.[tableName] ?? [])
        found.set(keyOf(item as { pk: unknown; sk: unknown }), item);
      pending = (result.UnprocessedKeys?.[tableName]?.Keys as Item[] | undefined) ?? [];
      if (pending.length === 0) return;
      if (!(await retries.next())) {
        throw new StoreUnavailableError('The store is too busy to read these items now; try again.');
      }
    }
  };
  const chunks: Item[][] = [];
  for (let start = 0; start < unique.length; start += batchGetLimit) {
    chunks.push(unique.slice(start, start + batchGetLimit));
  }
  await Promise.all(chunks.map(readChunk));
  return keys.map((key) => found.get(keyOf(key)));
}

/**
 * The item a conditional write found in its way, when the write asked for it with
 * `ReturnValuesOnConditionCheckFailure: 'ALL_OLD'`: a strongly consistent copy that saves a read.
 * The document client does not unmarshall it, so this does.
 */
export function itemInTheWay(error: unknown): Item | undefined {
  if (!(error instanceof ConflictError)) return undefined;
  const found = (error.cause as { Item?: Parameters<typeof unmarshall>[0] } | undefined)?.Item;
  return found ? unmarshall(found) : undefined;
}

/** Every item a query matches, following LastEvaluatedKey page by page. */
export async function queryAll(
  client: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'ExclusiveStartKey'>,
): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await storeCall(() => client.send(new QueryCommand({ ...input, ExclusiveStartKey: start })));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

export interface KeyQuery {
  /** The base table (default) or a secondary index of the shared table definition. */
  index?: IndexName;
  partition: string;
  /** Sort keys starting with this; every item of the partition when absent. */
  prefix?: string;
  newestFirst?: boolean;
}

/** Every entity under one partition key (and sort-key prefix), key attributes from the table definition. */
export async function queryKeys<T>(client: DynamoDBDocumentClient, tableName: string, query: KeyQuery): Promise<T[]> {
  const keys = query.index ? (table.indexes.find((i) => i.indexName === query.index) ?? table.keys) : table.keys;
  const items = await queryAll(client, {
    TableName: tableName,
    ...(query.index ? { IndexName: query.index } : {}),
    KeyConditionExpression: query.prefix === undefined ? '#pk = :pk' : '#pk = :pk AND begins_with(#sk, :prefix)',
    ExpressionAttributeNames: {
      '#pk': keys.partitionKey,
      ...(query.prefix === undefined ? {} : { '#sk': keys.sortKey }),
    },
    ExpressionAttributeValues: {
      ':pk': query.partition,
      ...(query.prefix === undefined ? {} : { ':prefix': query.prefix }),
    },
    ...(query.newestFirst ? { ScanIndexForward: false } : {}),
  });
  return items.map((item) => fromItem<T>(item));
}

/** The key attributes a query's position is made of: the base table's, and the index's if it reads one. */
export function positionKeys(indexName?: IndexName): string[] {
  const base = [table.keys.partitionKey, table.keys.sortKey];
  const index = table.indexes.find((candidate) => candidate.indexName === indexName);
  return index ? [index.partitionKey, index.sortKey, ...base] : base;
}

/**
 * One page of a query: at most `request.limit` items from the cursor on, and the cursor of the next
 * page only when there is one (it reads one item more than it returns to know). The cursor is checked
 * against this query's key attributes and partition before it reaches the store (see domain/paging.ts).
 * A filter can leave a read short: it reads on, a bounded number of times, and returns what it found.
 */
export async function queryPage(
  client: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'ExclusiveStartKey' | 'Limit'>,
  request: PageRequest,
  partition: { name: string; value: string },
): Promise<{ items: Item[]; next?: string | undefined }> {
  const keys = positionKeys(input.IndexName as IndexName | undefined);
  let start: Item | undefined = request.cursor
    ? decodeCursor(request.cursor, { keys, fixed: { [partition.name]: partition.value } })
    : undefined;
  const found: Item[] = [];
  for (let reads = 0; reads < 10 && found.length <= request.limit; reads++) {
    const page = await storeCall(() =>
      client.send(new QueryCommand({ ...input, ExclusiveStartKey: start, Limit: request.limit + 1 - found.length })),
    );
    found.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
    if (!start) break;
  }
  const items = found.slice(0, request.limit);
  // More to read when an item lies past the page, or when the store stopped early (a filter left the
  // reads short): the next page starts after the last item returned, or where the store stopped.
  const after = found.length > request.limit || start ? (items[items.length - 1] ?? start) : undefined;
  return {
    items,
    ...(after
      ? { next: encodeCursor(Object.fromEntries(keys.map((key) => [key, after[key] as string | number]))) }
      : {}),
  };
}
