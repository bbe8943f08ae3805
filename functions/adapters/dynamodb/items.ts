// Small helpers every repository shares: strip key attributes from items, read many items by key in
// batches, read a page of a query (for what a request reads) or every page (for the jobs that rebuild an
// index from the table).
import {
  BatchGetCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { ConflictError, StoreUnavailableError } from '#domain/errors.ts';
import type { Sieve } from '#domain/paged-reads.ts';
import { encodeCursor, type Page, type PageRequest, readCursor } from '#domain/paging.ts';
import { type RetryClock, startRetries, systemClock, unprocessedKeysRetry } from '#domain/retry.ts';
import { storeCall } from './errors.ts';
import { type IndexName, table } from './table.ts';
import { prefixValues, startsWith } from './key-prefix.ts';

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

/**
 * Puts the item only when none is kept under its key or the kept one's `field` is below `value` (a
 * newer copy of something a peer sent: a replay or a late older one never wins), in one conditional
 * put; false when the kept one was as new or newer.
 */
export async function putIfAbove(
  client: DynamoDBDocumentClient,
  tableName: string,
  item: Item,
  field: string,
  value: string,
): Promise<boolean> {
  try {
    await storeCall(() =>
      client.send(
        new PutCommand({
          TableName: tableName,
          Item: item,
          ConditionExpression: 'attribute_not_exists(pk) OR #field < :value',
          ExpressionAttributeNames: { '#field': field },
          ExpressionAttributeValues: { ':value': value },
        }),
      ),
    );
    return true;
  } catch (error) {
    if (error instanceof ConflictError) return false;
    throw error;
  }
}

/** Deletes one item by its primary key: true when there was one. */
export async function deleteItem(
  client: DynamoDBDocumentClient,
  tableName: string,
  key: { pk: string; sk: string },
): Promise<boolean> {
  const removed = await storeCall(() =>
    client.send(new DeleteCommand({ TableName: tableName, Key: { pk: key.pk, sk: key.sk }, ReturnValues: 'ALL_OLD' })),
  );
  return removed.Attributes !== undefined;
}

/** One item's primary key as one string, for the map `getItems` answers with. */
export const itemKey = (key: Item) => `${String(key.pk)}\n${String(key.sk)}`;

/** DynamoDB's limit on keys in one BatchGetItem call. */
const batchGetLimit = 100;

/**
 * Many items by primary key: BatchGetItem calls of at most 100 keys, a few at a time, never one GetItem
 * per item. DynamoDB may leave keys unprocessed (throttling, or 16 MB in one answer); those are asked
 * again under the one retry policy (`unprocessedKeysRetry`, domain/retry.ts: exponential backoff with
 * full jitter inside a 2 s budget), then StoreUnavailableError (503): never a tight loop. The budget
 * plus one slow call (client.ts: at most ~5 s) stays inside the functions' 10 s timeout. A key asked
 * twice is asked once; an item that does not exist is absent from the map (keyed by `itemKey`).
 */
export async function getItems(
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: ReadonlyArray<{ pk: string; sk: string }>,
  options: { budgetMs?: number; parallel?: number; consistent?: boolean } = {},
  clock: RetryClock = systemClock,
): Promise<Map<string, Item>> {
  const unique = [...new Map(keys.map((key) => [itemKey(key), { pk: key.pk, sk: key.sk }])).values()];
  const batches: Array<typeof unique> = [];
  for (let start = 0; start < unique.length; start += batchGetLimit) {
    batches.push(unique.slice(start, start + batchGetLimit));
  }
  const found = new Map<string, Item>();
  const policy = { ...unprocessedKeysRetry, ...(options.budgetMs === undefined ? {} : { budgetMs: options.budgetMs }) };
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      let pending: Item[] = batches[next++] ?? [];
      const retries = startRetries(policy, clock);
      for (;;) {
        const keysNow = pending;
        const result = await storeCall(() =>
          client.send(
            new BatchGetCommand({
              RequestItems: { [tableName]: { Keys: keysNow, ConsistentRead: options.consistent } },
            }),
          ),
        );
        for (const item of result.Responses?.[tableName] ?? []) found.set(itemKey(item), item);
        pending = result.UnprocessedKeys?.[tableName]?.Keys ?? [];
        if (pending.length === 0) break;
        if (!(await retries.next())) {
          throw new StoreUnavailableError('The store kept part of a read unanswered; try again in a moment.');
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.parallel ?? 4, batches.length) }, worker));
  return found;
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
    KeyConditionExpression: query.prefix === undefined ? '#pk = :pk' : `#pk = :pk AND ${startsWith('#sk')}`,
    ExpressionAttributeNames: {
      '#pk': keys.partitionKey,
      ...(query.prefix === undefined ? {} : { '#sk': keys.sortKey }),
    },
    ExpressionAttributeValues: {
      ':pk': query.partition,
      ...(query.prefix === undefined ? {} : prefixValues(query.prefix)),
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

export interface PageOfItems {
  items: Item[];
  next?: string | undefined;
  previous?: string | undefined;
}

/** Drops the items a filter refuses, in order: a domain `Sieve` applied to the raw items read. */
export type KeepItems = (items: Item[]) => Item[] | Promise<Item[]>;

/** The calls one page may make at most: a filter that drops nearly everything cannot read on. */
const maxReads = 10;
/** With a filter, each call reads this many items or more (never past 100), so a page fills in few calls. */
const filteredRead = (limit: number, need: number) => Math.max(need, Math.min(100, limit * 4));

/**
 * One page of a query: at most `request.limit` items from the cursor on, the cursor of the next page
 * only when there is one (it reads one item more than it returns to know), and, when the page is not
 * the first, the cursor of the page before: it reads back from this page's first item. The cursor is
 * checked against this query's key attributes and partition before it reaches the store (see
 * domain/paging.ts). A filter (`keep`, or a FilterExpression) can leave a read short: it reads on, at
 * most `maxReads` calls, and returns what it found, with `next` where it stopped.
 */
export async function queryPage(
  client: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'ExclusiveStartKey' | 'Limit'>,
  request: PageRequest,
  partition: { name: string; value: string },
  options: {
    keep?: KeepItems | undefined;
    /** The filter drops few items (an index of what the list shows): each call reads only what the page lacks. */
    keepsMost?: boolean | undefined;
  } = {},
): Promise<PageOfItems> {
  const keys = positionKeys(input.IndexName as IndexName | undefined);
  const position = (item: Item) => Object.fromEntries(keys.map((key) => [key, item[key] as string | number]));
  const cursor = request.cursor
    ? readCursor(request.cursor, { keys, fixed: { [partition.name]: partition.value } })
    : undefined;
  if (cursor?.direction === 'before') {
    const reversed = { ...input, ScanIndexForward: !(input.ScanIndexForward ?? true) };
    const back = await readRun(client, reversed, cursor.position, request.limit, options);
    // Fewer than a page before it, and nothing more to read: that is the start of the list, so the
    // page is the first one, full (items deleted meanwhile do not leave a short first page).
    if (back.found.length < request.limit && !back.stoppedAt) {
      return queryPage(client, input, { limit: request.limit }, partition, options);
    }
    const items = back.found.slice(0, request.limit).reverse();
    const first = items[0];
    const last = items[items.length - 1] ?? back.firstRead;
    const earlier = back.found.length > request.limit ? first : back.stoppedAt;
    return {
      items,
      // The position it read back from lies after this page, so there is always a next one.
      ...(last ? { next: encodeCursor(position(last)) } : {}),
      ...(earlier ? { previous: encodeCursor(position(earlier), 'before') } : {}),
    };
  }
  const run = await readRun(client, input, cursor?.position, request.limit, options);
  const items = run.found.slice(0, request.limit);
  // More to read when an item lies past the page, or when the reads stopped early (a filter left them
  // short): the next page starts after the last item returned, or where the reads stopped.
  const after = run.found.length > request.limit ? items[items.length - 1] : run.stoppedAt;
  const first = items[0] ?? run.firstRead;
  return {
    items,
    ...(after ? { next: encodeCursor(position(after)) } : {}),
    ...(cursor && first ? { previous: encodeCursor(position(first), 'before') } : {}),
  };
}

/**
 * One page of one partition's items whose sort key starts with `prefix` (a key builder's `{ pk, prefix }`
 * from keys.ts), by sort key, `newestFirst` reading it backwards: the query most lists are.
 */
export function queryPrefixPage(
  client: DynamoDBDocumentClient,
  tableName: string,
  { pk, prefix }: { pk: string; prefix: string },
  request: PageRequest,
  options: { newestFirst?: boolean; keep?: KeepItems | undefined } = {},
): Promise<PageOfItems> {
  return queryPage(
    client,
    {
      TableName: tableName,
      KeyConditionExpression: `pk = :pk AND ${startsWith('sk')}`,
      ExpressionAttributeValues: { ':pk': pk, ...prefixValues(prefix) },
      ...(options.newestFirst ? { ScanIndexForward: false } : {}),
    },
    request,
    { name: 'pk', value: pk },
    { keep: options.keep },
  );
}

/** One page of a whole partition of a secondary index (a key builder's `{ gsi1pk }` or `{ gsi2pk }`), by its sort key. */
export function queryIndexPage(
  client: DynamoDBDocumentClient,
  tableName: string,
  key: { gsi1pk: string } | { gsi2pk: string },
  request: PageRequest,
  options: { newestFirst?: boolean; keep?: KeepItems | undefined; keepsMost?: boolean | undefined } = {},
): Promise<PageOfItems> {
  const [name, value] = 'gsi1pk' in key ? (['gsi1pk', key.gsi1pk] as const) : (['gsi2pk', key.gsi2pk] as const);
  return queryPage(
    client,
    {
      TableName: tableName,
      IndexName: name === 'gsi1pk' ? 'gsi1' : 'gsi2',
      KeyConditionExpression: `${name} = :pk`,
      ExpressionAttributeValues: { ':pk': value },
      ...(options.newestFirst ? { ScanIndexForward: false } : {}),
    },
    request,
    { name, value },
    { keep: options.keep, keepsMost: options.keepsMost },
  );
}

/**
 * One page of the items gsi1 lists under one key whose sort key starts with `prefix` (a key builder's
 * `{ gsi1pk, prefix }`: a person's applications, their work logs), by that sort key.
 */
export function queryListingPage(
  client: DynamoDBDocumentClient,
  tableName: string,
  { gsi1pk, prefix }: { gsi1pk: string; prefix: string },
  request: PageRequest,
  options: { newestFirst?: boolean } = {},
): Promise<PageOfItems> {
  return queryPage(
    client,
    {
      TableName: tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: `gsi1pk = :pk AND ${startsWith('gsi1sk')}`,
      ExpressionAttributeValues: { ':pk': gsi1pk, ...prefixValues(prefix) },
      ...(options.newestFirst ? { ScanIndexForward: false } : {}),
    },
    request,
    { name: 'gsi1pk', value: gsi1pk },
  );
}

/** Reads from `start` until more than `limit` items are kept, the query ends, or `maxReads` calls. */
async function readRun(
  client: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'ExclusiveStartKey' | 'Limit'>,
  start: Item | undefined,
  limit: number,
  { keep, keepsMost }: { keep?: KeepItems | undefined; keepsMost?: boolean | undefined },
): Promise<{ found: Item[]; firstRead: Item | undefined; stoppedAt: Item | undefined }> {
  const found: Item[] = [];
  let firstRead: Item | undefined;
  let from = start;
  for (let reads = 0; reads < maxReads && found.length <= limit; reads++) {
    const need = limit + 1 - found.length;
    const page = await storeCall(() =>
      client.send(
        new QueryCommand({
          ...input,
          ExclusiveStartKey: from,
          Limit: keep && !keepsMost ? filteredRead(limit, need) : need,
        }),
      ),
    );
    const read = page.Items ?? [];
    firstRead ??= read[0];
    found.push(...(keep ? await keep(read) : read));
    from = page.LastEvaluatedKey;
    if (!from) return { found, firstRead, stoppedAt: undefined };
  }
  return { found, firstRead, stoppedAt: found.length > limit ? undefined : from };
}

/** A page of items as a page of entities. */
export function pageOf<T>(page: PageOfItems, toEntity: (item: Item) => T): Page<T> {
  return {
    items: page.items.map(toEntity),
    ...(page.next ? { next: page.next } : {}),
    ...(page.previous ? { previous: page.previous } : {}),
  };
}

/** A domain sieve over entities, applied to the raw items they come from. */
export function keepBy<T>(sieve: Sieve<T> | undefined, toEntity: (item: Item) => T): KeepItems | undefined {
  if (!sieve) return undefined;
  return async (items) => {
    const entities = items.map(toEntity);
    const kept = new Set(await sieve(entities));
    return items.filter((_, index) => kept.has(entities[index] as T));
  };
}
