// Reading many items by key: BatchGetItem in calls of at most 100 keys, unprocessed keys asked again
// after a growing, jittered wait inside a time budget. DynamoDB Local never leaves keys unprocessed, so
// a fake client (an object with `send`) plays a throttled store here.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { getItems, itemKey } from '#adapters/dynamodb/items.ts';
import { RequestShapeError } from '#domain/errors.ts';
import { encodeCursor, readCursor } from '#domain/paging.ts';

type Key = { pk: string; sk: string };

/** A store that holds every key asked, and leaves the first `stingy` answers' later half unprocessed. */
function fakeStore(stingy = 0) {
  const calls: Array<{ keys: Key[]; at: number }> = [];
  const client = {
    async send(command: { input: { RequestItems: Record<string, { Keys: Key[] }> } }) {
      const [table, { Keys }] = Object.entries(command.input.RequestItems)[0] ?? ['', { Keys: [] }];
      calls.push({ keys: Keys, at: performance.now() });
      const answered = calls.length <= stingy ? Keys.slice(0, Math.ceil(Keys.length / 2)) : Keys;
      const left = Keys.slice(answered.length);
      return {
        Responses: { [table]: answered.map((key) => ({ ...key, name: `item ${key.sk}` })) },
        ...(left.length > 0 ? { UnprocessedKeys: { [table]: { Keys: left } } } : {}),
      };
    },
  };
  return { client: client as unknown as DynamoDBDocumentClient, calls };
}

const keys = (n: number): Key[] => Array.from({ length: n }, (_, i) => ({ pk: `P#${i}`, sk: 'X' }));

describe('reading many items by key', () => {
  it('asks at most 100 keys a call and finds every item once', async () => {
    const { client, calls } = fakeStore();
    const found = await getItems(client, 't', keys(250));
    expect(calls.map((call) => call.keys.length).sort((a, b) => a - b)).toEqual([50, 100, 100]);
    expect(found.size).toBe(250);
    expect(found.get(itemKey({ pk: 'P#7', sk: 'X' }))?.name).toBe('item X');
  });

  it('asks a key given twice only once', async () => {
    const { client, calls } = fakeStore();
    await getItems(client, 't', [...keys(3), ...keys(3)]);
    expect(calls.flatMap((call) => call.keys)).toHaveLength(3);
  });

  it('asks again for unprocessed keys after a wait, until every item is read', async () => {
    const { client, calls } = fakeStore(3);
    const found = await getItems(client, 't', keys(40));
    expect(found.size).toBe(40);
    expect(calls.map((call) => call.keys.length)).toEqual([40, 20, 10, 5]);
  });

  it('makes no call for no keys', async () => {
    const { client, calls } = fakeStore();
    expect((await getItems(client, 't', [])).size).toBe(0);
    expect(calls).toHaveLength(0);
  });
});

describe('a cursor that reads back', () => {
  const shape = { keys: ['pk', 'sk'], fixed: { pk: 'SYND#mill' } };

  it('says which way it reads', () => {
    expect(readCursor(encodeCursor({ pk: 'SYND#mill', sk: 'a' }, 'before'), shape)).toEqual({
      position: { pk: 'SYND#mill', sk: 'a' },
      direction: 'before',
    });
    expect(readCursor(encodeCursor({ pk: 'SYND#mill', sk: 'a' }), shape).direction).toBe('after');
  });

  it('is checked like any cursor: another list is a 400 naming query.cursor', () => {
    expect(() => readCursor(encodeCursor({ pk: 'SYND#other', sk: 'a' }, 'before'), shape)).toThrow(RequestShapeError);
    expect(() => readCursor('v1r.bm90IGpzb24', shape)).toThrow(RequestShapeError);
  });
});
