// Reading many items by key: 100 keys a call at most, unprocessed keys sent again after a backoff,
// never in a tight loop, and a 503 once the budget is spent. The client is a fake that answers as
// DynamoDB does under throttling (it leaves keys unprocessed); DynamoDB Local never does.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { fakeClock } from '../support/fake-clock.ts';
import { describe, expect, it } from 'vitest';
import { getItems, itemKey } from '#adapters/dynamodb/items.ts';
import { createLedgerRepository } from '#adapters/dynamodb/ledger-repository.ts';
import { StoreUnavailableError } from '#domain/errors.ts';

type Key = { pk: string; sk: string };
interface Call {
  keys: Key[];
  consistent: boolean | undefined;
  projection: string | undefined;
}

/** A store holding items for every key but `missing`; it leaves `unprocessed(callNumber)` keys unread. */
function fakeStore(options: { missing?: Set<string>; unprocessed?: (call: number, keys: Key[]) => Key[] } = {}) {
  const calls: Call[] = [];
  const client = {
    async send(command: {
      input: { RequestItems: Record<string, { Keys: Key[]; ConsistentRead?: boolean; ProjectionExpression?: string }> };
    }) {
      const [table, request] = Object.entries(command.input.RequestItems)[0] ?? [];
      if (!table || !request) throw new Error('no request');
      calls.push({ keys: request.Keys, consistent: request.ConsistentRead, projection: request.ProjectionExpression });
      const left = options.unprocessed?.(calls.length, request.Keys) ?? [];
      const answered = request.Keys.filter((key) => !left.includes(key) && !options.missing?.has(key.pk));
      return {
        Responses: { [table]: answered.map((key) => ({ ...key, value: `item ${key.pk}` })) },
        ...(left.length > 0 ? { UnprocessedKeys: { [table]: { Keys: left } } } : {}),
      };
    },
  };
  return { client: client as unknown as DynamoDBDocumentClient, calls };
}

const keys = (n: number) => Array.from({ length: n }, (_, i) => ({ pk: `P#${i}`, sk: 'S' }));

describe('reading many items by key', () => {
  it('asks for at most 100 keys a call and answers in the order of the keys, missing ones empty', async () => {
    const { client, calls } = fakeStore({ missing: new Set(['P#3']) });
    const wanted = keys(250);
    const items = await getItems(client, 't', wanted, { consistent: true });
    expect(calls.map((call) => call.keys.length).sort()).toEqual([100, 100, 50].sort());
    expect(calls.every((call) => call.consistent === true)).toBe(true);
    expect(wanted.map((key) => items.get(itemKey(key))?.pk)).toEqual(
      wanted.map((key) => (key.pk === 'P#3' ? undefined : key.pk)),
    );
  });

  it('reads a key asked for twice once', async () => {
    const { client, calls } = fakeStore();
    const [a, b] = keys(2) as [Key, Key];
    const items = await getItems(client, 't', [a, b, a]);
    expect(calls[0]?.keys).toHaveLength(2);
    expect([...items.keys()]).toEqual([itemKey(a), itemKey(b)]);
  });

  it('sends the keys left unprocessed again, after growing jittered waits, until all are read', async () => {
    // Throttled: each of the first three calls reads only its first key.
    const { client, calls } = fakeStore({ unprocessed: (call, asked) => (call <= 3 ? asked.slice(1) : []) });
    const clock = fakeClock();
    const items = await getItems(client, 't', keys(5), {}, clock);
    expect(items.size).toBe(5);
    expect(calls.map((call) => call.keys.length)).toEqual([5, 4, 3, 2]);
    expect(clock.sleeps).toHaveLength(3);
    // Full jitter (here the middle of each range) under a ceiling that doubles: no tight loop.
    expect(clock.sleeps[1]).toBeGreaterThan(clock.sleeps[0] ?? 0);
    expect(clock.sleeps.every((ms) => ms > 0)).toBe(true);
  });

  it('gives up with a 503 once the retry budget is spent, without waiting past it', async () => {
    const { client, calls } = fakeStore({ unprocessed: (_call, asked) => asked });
    const clock = fakeClock();
    await expect(getItems(client, 't', keys(3), {}, clock)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(calls.length).toBeLessThanOrEqual(8);
    expect(clock.now()).toBeLessThanOrEqual(2_000);
  });
});

describe('the ledger reading accounts for a settlement', () => {
  it('stops asking a throttled store within its budget instead of looping on it', async () => {
    const { client, calls } = fakeStore({ unprocessed: (_call, asked) => asked });
    const ledger = createLedgerRepository(client, 't');
    const started = Date.now();
    await expect(ledger.getAccounts(['syndicate:mill', 'person:ana'])).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(calls.length).toBeLessThanOrEqual(8);
  });
});
