// Reading a list a page at a time against DynamoDB Local: every item once, never more than the page
// size, the next cursor only while there is more, and a forged cursor refused before it reaches the store.
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryPage } from '#adapters/dynamodb/items.ts';
import { RequestShapeError } from '#domain/errors.ts';
import { encodeCursor } from '#domain/paging.ts';
import { documentClient, freshTable } from '../support/dynamodb.ts';

let tableName: string;
const client = documentClient();

beforeAll(async () => {
  ({ tableName } = await freshTable());
  const items = Array.from({ length: 45 }, (_, i) => ({
    pk: 'LIST#a',
    sk: `ITEM#${String(i).padStart(3, '0')}`,
    gsi1pk: 'BY#a',
    gsi1sk: `${String(100 - i).padStart(3, '0')}`,
    n: i,
    hidden: i % 3 === 0,
  }));
  for (let i = 0; i < items.length; i += 25) {
    await client.send(
      new BatchWriteCommand({
        RequestItems: { [tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
  }
});

const base = () => ({
  TableName: tableName,
  KeyConditionExpression: 'pk = :pk',
  ExpressionAttributeValues: { ':pk': 'LIST#a' },
});

async function walk(limit: number, input = base(), partition = { name: 'pk', value: 'LIST#a' }) {
  const pages: number[][] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPage(client, input, { limit, cursor }, partition);
    pages.push(page.items.map((item) => Number(item.n)));
    cursor = page.next;
  } while (cursor && pages.length < 100);
  return pages;
}

describe('a page of a query', () => {
  it('reads every item once, a page size at a time, and stops with the last', async () => {
    const pages = await walk(20);
    expect(pages.map((page) => page.length)).toEqual([20, 20, 5]);
    expect(pages.flat()).toEqual(Array.from({ length: 45 }, (_, i) => i));
  });

  it('gives no next cursor when the last page is exactly full', async () => {
    expect((await walk(15)).map((page) => page.length)).toEqual([15, 15, 15]);
  });

  it('pages an index by its own key order', async () => {
    const pages = await walk(
      10,
      {
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': 'BY#a' },
      } as ReturnType<typeof base>,
      { name: 'gsi1pk', value: 'BY#a' },
    );
    expect(pages.flat()).toEqual(Array.from({ length: 45 }, (_, i) => 44 - i));
  });

  it('reads on past a filter until the page is full or the list ends', async () => {
    const pages = await walk(7, {
      ...base(),
      FilterExpression: '#hidden = :no',
      ExpressionAttributeNames: { '#hidden': 'hidden' },
      ExpressionAttributeValues: { ':pk': 'LIST#a', ':no': false },
    } as ReturnType<typeof base>);
    expect(pages.flat()).toEqual(Array.from({ length: 45 }, (_, i) => i).filter((i) => i % 3 !== 0));
    expect(pages.every((page) => page.length <= 7)).toBe(true);
  });

  it('refuses a cursor of another list, or one forged, before reading', async () => {
    for (const cursor of [
      encodeCursor({ pk: 'LIST#b', sk: 'ITEM#000' }),
      encodeCursor({ pk: 'LIST#a', sk: 'x'.repeat(1000) }),
      encodeCursor({ pk: 'LIST#a' }),
      'v1.e30',
    ]) {
      await expect(
        queryPage(client, base(), { limit: 5, cursor }, { name: 'pk', value: 'LIST#a' }),
      ).rejects.toBeInstanceOf(RequestShapeError);
    }
  });
});
