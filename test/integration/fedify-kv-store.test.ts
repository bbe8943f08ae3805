// Fedify's key-value store in the table, against DynamoDB Local: what is set is got back as it was,
// shared by every store over the table (every instance of the federation function); an entry past
// the TTL Fedify gave reads as absent before DynamoDB removes it; `list` finds the entries under a
// prefix of parts, and no entry whose part merely starts the same; keys longer than a sort key and
// values larger than an item are kept.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { KvKey, KvStoreSetOptions } from '@fedify/fedify';
import { Temporal } from '@js-temporal/polyfill';
import { describe, expect, it } from 'vitest';
import { createFedifyKvStore, kvLocation } from '#adapters/dynamodb/fedify-kv-store.ts';
import { fedifyKvKeys } from '#adapters/dynamodb/keys.ts';
import { apiOnFreshTable } from '../support/api-client.ts';

async function stores() {
  const { services } = await apiOnFreshTable();
  let clock = new Date('2026-12-07T10:00:00.000Z');
  const open = () => createFedifyKvStore(services.storeClient, services.config.TABLE_NAME, () => clock);
  return { services, open, advance: (seconds: number) => (clock = new Date(clock.getTime() + seconds * 1000)) };
}

const collect = async <T>(entries: AsyncIterable<T>) => {
  const all: T[] = [];
  for await (const entry of entries) all.push(entry);
  return all;
};

describe('Fedify’s key-value store in DynamoDB', () => {
  it('gives back what was set, to another store over the same table, and forgets a deleted key', async () => {
    const { open } = await stores();
    const [writer, reader] = [open(), open()];
    const document = { '@context': 'https://www.w3.org/ns/activitystreams', id: 'https://peer.example/u/1', n: 1.5 };
    const values: Array<[KvKey, unknown]> = [
      [['_fedify', 'remoteDocument', 'https://peer.example/u/1'], document],
      [['_fedify', 'activityIdempotence', 'https://peer.example/a/1'], true],
      [
        ['_fedify', 'publicKey', 'https://peer.example/u/1#main-key'],
        ['a', 0, null, { b: '' }],
      ],
      [['solo'], 'a key of one part'],
    ];
    for (const [key, value] of values) await writer.set(key, value);
    for (const [key, value] of values) expect(await reader.get(key)).toEqual(value);
    await reader.delete(['_fedify', 'remoteDocument', 'https://peer.example/u/1']);
    expect(await writer.get(['_fedify', 'remoteDocument', 'https://peer.example/u/1'])).toBeUndefined();
    expect(await writer.get(['_fedify', 'remoteDocument', 'https://peer.example/u/2'])).toBeUndefined();
  });

  it('reads an entry as absent once its TTL has passed, and sets the table’s TTL attribute for DynamoDB to remove it', async () => {
    const { services, open, advance } = await stores();
    const kv = open();
    const key: KvKey = ['_fedify', 'activityIdempotence', 'https://peer.example/a/ttl'];
    // The polyfill's Duration, as Fedify passes it (its types name the global Temporal, which Node 24 lacks).
    const ttl = Temporal.Duration.from({ minutes: 5 }) as unknown as KvStoreSetOptions['ttl'];
    await kv.set(key, true, { ttl });
    await kv.set(['_fedify', 'activityIdempotence', 'https://peer.example/a/kept'], true);
    const { namespace, entry } = kvLocation(key);
    const { Item } = await services.storeClient.send(
      new GetCommand({ TableName: services.config.TABLE_NAME, Key: fedifyKvKeys(namespace, entry) }),
    );
    expect(Item?.expiresAt).toBe(Date.parse('2026-12-07T10:05:00.000Z') / 1000);
    advance(299);
    expect(await kv.get(key)).toBe(true);
    advance(2);
    expect(await kv.get(key)).toBeUndefined();
    expect((await collect(kv.list(['_fedify', 'activityIdempotence']))).map((e) => e.key[2])).toEqual([
      'https://peer.example/a/kept',
    ]);
  });

  it('lists the entries under a prefix of parts, not one whose part only starts the same', async () => {
    const { open } = await stores();
    const kv = open();
    const keys: KvKey[] = [
      ['_fedify', 'circuit', 'a.example'],
      ['_fedify', 'circuit', 'a.example', 'state'],
      ['_fedify', 'circuit', 'a.example.evil'],
      ['_fedify', 'circuit', 'b.example'],
      ['_fedify', 'circuits', 'c.example'],
      ['_fedify', 'remoteDocument', 'a.example'],
    ];
    for (const [i, key] of keys.entries()) await kv.set(key, i);
    // In no promised order (Fedify's interface promises none).
    const listed = async (prefix: KvKey) =>
      (await collect(kv.list(prefix)))
        .map((e) => [e.key.join(' '), e.value])
        .sort((a, b) => Number(a[1]) - Number(b[1]));
    expect(await listed(['_fedify', 'circuit'])).toEqual([
      ['_fedify circuit a.example', 0],
      ['_fedify circuit a.example state', 1],
      ['_fedify circuit a.example.evil', 2],
      ['_fedify circuit b.example', 3],
    ]);
    expect(await listed(['_fedify', 'circuit', 'a.example'])).toEqual([
      ['_fedify circuit a.example', 0],
      ['_fedify circuit a.example state', 1],
    ]);
    // Across namespaces it would be a Scan of the whole table: refused, in words.
    await expect(collect(kv.list(['_fedify']))).rejects.toThrow(/prefix of two parts or more/);
  });

  it('keeps a key longer than a sort key may be, and a document larger than an item may be', async () => {
    const { open } = await stores();
    const kv = open();
    const longKey: KvKey = ['_fedify', 'remoteDocument', `https://peer.example/${'x'.repeat(3000)}`];
    const otherLong: KvKey = ['_fedify', 'remoteDocument', `https://peer.example/${'x'.repeat(2999)}y`];
    const large = {
      id: 'https://peer.example/big',
      items: Array.from({ length: 6000 }, (_, i) => `item ${i} `.repeat(10)),
    };
    expect(JSON.stringify(large).length).toBeGreaterThan(400 * 1024);
    await kv.set(longKey, large);
    await kv.set(otherLong, 'another');
    expect(await kv.get(longKey)).toEqual(large);
    expect(await kv.get(otherLong)).toBe('another');
    expect(await collect(kv.list(longKey))).toEqual([{ key: longKey, value: large }]);
  });
});
