// Walking a paged query back and through a filter the store cannot express, against DynamoDB Local:
// the Previous links of the site's lists retrace the pages Next gave, a sieve keeps the page size, and
// a page that stops early hands on where it stopped, so no stretch of the list is read twice.
import { BatchWriteCommand, DeleteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Item, queryPage } from '#adapters/dynamodb/items.ts';
import { RequestShapeError } from '#domain/errors.ts';
import { encodeCursor } from '#domain/paging.ts';
import { documentClient, freshTable } from '../support/dynamodb.ts';

let tableName: string;
const client = documentClient();

async function put(items: Item[]) {
  for (let i = 0; i < items.length; i += 25) {
    await client.send(
      new BatchWriteCommand({
        RequestItems: { [tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
  }
}

beforeAll(async () => {
  ({ tableName } = await freshTable());
  const n = (i: number) => String(i).padStart(3, '0');
  await put([
    ...Array.from({ length: 47 }, (_, i) => ({ pk: 'LIST#a', sk: `ITEM#${n(i)}`, n: i, odd: i % 2 === 1 })),
    // One kept item, a long run the filter drops, and one more kept item.
    { pk: 'LIST#sparse', sk: 'ITEM#000', n: 0, hidden: false },
    ...Array.from({ length: 120 }, (_, i) => ({ pk: 'LIST#sparse', sk: `ITEM#${n(i + 1)}`, n: i + 1, hidden: true })),
    { pk: 'LIST#sparse', sk: 'ITEM#200', n: 200, hidden: false },
    ...Array.from({ length: 12 }, (_, i) => ({ pk: 'LIST#short', sk: `ITEM#${n(i)}`, n: i })),
  ]);
});

const list = (pk: string, newestFirst = false) => ({
  TableName: tableName,
  KeyConditionExpression: 'pk = :pk',
  ExpressionAttributeValues: { ':pk': pk },
  ...(newestFirst ? { ScanIndexForward: false } : {}),
});
const numbers = (items: Item[]) => items.map((item) => Number(item.n));

type Options = Parameters<typeof queryPage>[4];
async function forward(pk: string, limit: number, options: Options = {}, input = list(pk)) {
  const pages: Array<{ items: number[]; next?: string | undefined; previous?: string | undefined }> = [];
  let cursor: string | undefined;
  do {
    const page = await queryPage(client, input, { limit, cursor }, { name: 'pk', value: pk }, options);
    pages.push({ ...page, items: numbers(page.items) });
    cursor = page.next;
  } while (cursor && pages.length < 50);
  return pages;
}

async function back(pk: string, limit: number, from: string | undefined, options: Options = {}, input = list(pk)) {
  const pages: number[][] = [];
  let cursor = from;
  while (cursor && pages.length < 50) {
    const page = await queryPage(client, input, { limit, cursor }, { name: 'pk', value: pk }, options);
    pages.push(numbers(page.items));
    cursor = page.previous;
  }
  return pages;
}

describe('walking a paged query back', () => {
  it('retraces with previous the pages next gave, and the first page has no previous', async () => {
    const pages = await forward('LIST#a', 10);
    expect(pages.map((page) => page.items.length)).toEqual([10, 10, 10, 10, 7]);
    expect(pages[0]?.previous).toBeUndefined();
    const last = pages[pages.length - 1];
    const retraced = await back('LIST#a', 10, last?.previous);
    expect(retraced).toEqual(
      pages
        .slice(0, -1)
        .map((page) => page.items)
        .reverse(),
    );
  });

  it('walks back a list read newest first', async () => {
    const pages = await forward('LIST#a', 20, {}, list('LIST#a', true));
    expect(pages.flatMap((page) => page.items)).toEqual(Array.from({ length: 47 }, (_, i) => 46 - i));
    const retraced = await back('LIST#a', 20, pages[2]?.previous, {}, list('LIST#a', true));
    expect(retraced).toEqual([pages[1]?.items, pages[0]?.items]);
  });

  it('gives a page read back a next cursor that leads to the page it came from', async () => {
    const pages = await forward('LIST#a', 10);
    const previous = await queryPage(
      client,
      list('LIST#a'),
      { limit: 10, cursor: pages[3]?.previous },
      { name: 'pk', value: 'LIST#a' },
    );
    const again = await queryPage(
      client,
      list('LIST#a'),
      { limit: 10, cursor: previous.next },
      { name: 'pk', value: 'LIST#a' },
    );
    expect(numbers(again.items)).toEqual(pages[3]?.items);
  });

  it('shows a full first page when items before the second page were deleted meanwhile', async () => {
    const pages = await forward('LIST#short', 5);
    await client.send(new DeleteCommand({ TableName: tableName, Key: { pk: 'LIST#short', sk: 'ITEM#001' } }));
    const first = await queryPage(
      client,
      list('LIST#short'),
      { limit: 5, cursor: pages[1]?.previous },
      { name: 'pk', value: 'LIST#short' },
    );
    expect(numbers(first.items)).toEqual([0, 2, 3, 4, 5]);
    expect(first.previous).toBeUndefined();
    expect(first.next).toBeDefined();
  });

  it('refuses a cursor read back from another list', async () => {
    await expect(
      queryPage(
        client,
        list('LIST#a'),
        { limit: 5, cursor: encodeCursor({ pk: 'LIST#b', sk: 'ITEM#001' }, 'before') },
        { name: 'pk', value: 'LIST#a' },
      ),
    ).rejects.toBeInstanceOf(RequestShapeError);
  });
});

describe('a sieve the store cannot express', () => {
  const odd = { keep: (items: Item[]) => items.filter((item) => item.odd === true) };

  it('keeps the page size and sees every kept item once, forward and back', async () => {
    const pages = await forward('LIST#a', 4, odd);
    expect(pages.flatMap((page) => page.items)).toEqual(Array.from({ length: 23 }, (_, i) => 2 * i + 1));
    expect(pages.every((page) => page.items.length <= 4)).toBe(true);
    const retraced = await back('LIST#a', 4, pages[pages.length - 1]?.previous, odd);
    expect(retraced).toEqual(
      pages
        .slice(0, -1)
        .map((page) => page.items)
        .reverse(),
    );
  });

  it('hands on where its reads stopped, so the next page never reads the same stretch again', async () => {
    let calls = 0;
    const counting = {
      send: (command: never) => {
        calls++;
        return client.send(command);
      },
    } as unknown as DynamoDBDocumentClient;
    const input = {
      ...list('LIST#sparse'),
      FilterExpression: '#hidden = :no',
      ExpressionAttributeNames: { '#hidden': 'hidden' },
      ExpressionAttributeValues: { ':pk': 'LIST#sparse', ':no': false },
    };
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await queryPage(counting, input, { limit: 5, cursor }, { name: 'pk', value: 'LIST#sparse' });
      seen.push(...numbers(page.items));
      cursor = page.next;
    } while (cursor && calls < 100);
    expect(seen).toEqual([0, 200]);
    // 122 items, at most 6 read a call: reading a stretch twice would take ten calls more.
    expect(calls).toBeLessThanOrEqual(26);
  });
});
