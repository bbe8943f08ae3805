// Fedify's key-value store in the one table (keys.ts `fedifyKvKeys`): its cache of remote documents
// and public keys, and its inbox's record of activities already seen, shared by every instance of the
// federation function instead of kept in each one's memory. A key is a list of strings (Fedify's are
// `["_fedify", "<what>", <id>]`): its first two parts name the partition, the rest the sort key, each
// URI-encoded and ended with `/`, so a prefix of parts is a prefix of the sort key and `list` is one
// Query. An entry too long for a sort key is kept under the SHA-256 of the whole key instead (found
// by `get`, not by a `list` prefix longer than its namespace). A TTL Fedify gives sets `expiresAt`;
// DynamoDB removes expired items only eventually, so an expired entry reads as absent at once.
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { KvKey, KvStore, KvStoreListEntry, KvStoreSetOptions } from '@fedify/fedify';
import { storeCall } from './errors.ts';
import { type Item, queryAll } from './items.ts';
import { fedifyKvEntries, fedifyKvKeys } from './keys.ts';
import { prefixValues, startsWith } from './key-prefix.ts';

/** A sort key may hold 1,024 bytes; `KV#` and some room are kept back. */
const maxEntryBytes = 900;
/** Values past this are gzipped: a remote document may be 512 KB (the guard's limit), an item 400 KB. */
const gzipAbove = 64 * 1024;

const part = (text: string) => `${encodeURIComponent(text)}/`;

/** Where a key is kept: its namespace (partition) and its entry (sort key). Pure. */
export function kvLocation(key: KvKey): { namespace: string; entry: string } {
  const namespace = key.slice(0, 2).map(part).join('');
  const entry = key.slice(2).map(part).join('');
  if (Buffer.byteLength(entry) <= maxEntryBytes) return { namespace, entry };
  return { namespace, entry: `#${createHash('sha256').update(JSON.stringify(key)).digest('base64url')}` };
}

const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

export function createFedifyKvStore(
  client: DynamoDBDocumentClient,
  tableName: string,
  now: () => Date = () => new Date(),
): KvStore {
  const live = (item: Item | undefined) =>
    item !== undefined && (typeof item.expiresAt !== 'number' || item.expiresAt > epochSeconds(now()));

  return {
    // Access pattern `fedify-kv-entry`.
    async get<T = unknown>(key: KvKey) {
      const { namespace, entry } = kvLocation(key);
      const { Item: item } = await storeCall(() =>
        client.send(new GetCommand({ TableName: tableName, Key: fedifyKvKeys(namespace, entry) })),
      );
      return live(item) ? (decode(item as Item) as T) : undefined;
    },

    // Access pattern `fedify-kv-entry`.
    async set(key: KvKey, value: unknown, options?: KvStoreSetOptions) {
      const { namespace, entry } = kvLocation(key);
      const ttlSeconds = options?.ttl ? Math.ceil(options.ttl.total({ unit: 'second' })) : undefined;
      await storeCall(() =>
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...fedifyKvKeys(namespace, entry),
              type: 'fedify-kv',
              key: [...key],
              ...encode(value),
              ...(ttlSeconds === undefined ? {} : { expiresAt: epochSeconds(now()) + ttlSeconds }),
            },
          }),
        ),
      );
    },

    // Access pattern `fedify-kv-entry`.
    async delete(key: KvKey) {
      const { namespace, entry } = kvLocation(key);
      await storeCall(() =>
        client.send(new DeleteCommand({ TableName: tableName, Key: fedifyKvKeys(namespace, entry) })),
      );
    },

    // Access pattern `fedify-kv-entries-by-prefix`.
    async *list(prefix?: KvKey): AsyncIterable<KvStoreListEntry> {
      if (!prefix || prefix.length < 2) {
        // Every namespace is a partition of its own: listing across them would be a Scan of the table.
        throw new Error('The DynamoDB key-value store lists within a namespace: give a prefix of two parts or more.');
      }
      const { namespace, entry } = kvLocation(prefix);
      if (entry.startsWith('#')) {
        // A prefix that long is kept hashed: only the key itself can match it.
        const value = await this.get(prefix);
        if (value !== undefined) yield { key: prefix, value };
        return;
      }
      const { pk, prefix: sortPrefix } = fedifyKvEntries(namespace, entry);
      const query: Omit<QueryCommandInput, 'ExclusiveStartKey'> = {
        TableName: tableName,
        KeyConditionExpression: `pk = :pk AND ${startsWith('sk')}`,
        ExpressionAttributeValues: { ':pk': pk, ...prefixValues(sortPrefix) },
      };
      for (const item of await queryAll(client, query)) {
        if (live(item)) yield { key: item.key as KvKey, value: decode(item) };
      }
    },
  };
}

function encode(value: unknown): Item {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('Fedify’s key-value store keeps JSON values only.');
  return json.length > gzipAbove ? { valueGzip: gzipSync(json) } : { value: json };
}

function decode(item: Item): unknown {
  const gzipped = item.valueGzip;
  const json = gzipped instanceof Uint8Array ? gunzipSync(gzipped).toString('utf8') : String(item.value);
  return JSON.parse(json);
}
