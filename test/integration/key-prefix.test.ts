// A list of the sort keys that start with a prefix, sent as a range (adapters/dynamodb/key-prefix.ts) so
// that DynamoDB Local reads only the range: against the emulator, it holds exactly the keys that start
// with the prefix, whatever characters follow it, and none beside it, on the table and on an index.
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryKeys, queryListingPage } from '#adapters/dynamodb/items.ts';
import { documentClient, freshTable } from '../support/dynamodb.ts';

let tableName: string;
const client = documentClient();

/** After `OFFER#`: ASCII, the last of the first plane, an emoji and the code point before the greatest. */
const inside = ['OFFER#', 'OFFER#a', 'OFFER#zzz', 'OFFER#é', 'OFFER#\uffff', 'OFFER#😀', 'OFFER#\u{10fffe}x'];
/** Around it: a shorter key, the keys just before and just after (`$` follows `#`), another kind. */
const outside = ['OFFER', 'OFFER"\u{10fffe}', 'OFFER$', 'OFFER$a', 'OFFEQ#a', 'WANT#a'];

beforeAll(async () => {
  ({ tableName } = await freshTable());
  const items = [...inside, ...outside].map((key) => ({
    pk: 'PERSON#p',
    sk: key,
    gsi1pk: 'BY#p',
    gsi1sk: key,
    key,
  }));
  for (let i = 0; i < items.length; i += 25) {
    await client.send(
      new BatchWriteCommand({
        RequestItems: { [tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
  }
});

const keysOf = (items: Array<{ key?: unknown }>) => items.map((item) => String(item.key));

describe('a list of the keys that start with a prefix', () => {
  it('holds every key that starts with the prefix, whatever follows it, and nothing beside it', async () => {
    const table = await queryKeys<{ key: string }>(client, tableName, { partition: 'PERSON#p', prefix: 'OFFER#' });
    const index = await queryKeys<{ key: string }>(client, tableName, {
      index: 'gsi1',
      partition: 'BY#p',
      prefix: 'OFFER#',
    });
    expect(keysOf(table).sort()).toEqual([...inside].sort());
    expect(keysOf(index).sort()).toEqual([...inside].sort());
  });

  it('reads newest first a page at a time through every key of the prefix, once each', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await queryListingPage(
        client,
        tableName,
        { gsi1pk: 'BY#p', prefix: 'OFFER#' },
        { limit: 2, cursor },
        { newestFirst: true },
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...keysOf(page.items));
      cursor = page.next;
    } while (cursor && seen.length <= inside.length);
    expect(seen).toHaveLength(inside.length);
    expect(new Set(seen)).toEqual(new Set(inside));
  });
});
