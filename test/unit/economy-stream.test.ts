import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { countEconomyRecords, countedLineOf, limitChangeOf } from '#app/stream-economy.ts';
import type { StreamRecord } from '#app/stream-indexer.ts';
import { StoreUnavailableError } from '#domain/errors.ts';
import { createLogger } from '#platform/log.ts';
import { fakeEconomy } from './../support/economy-fake.ts';

const line = {
  pk: 'ACCOUNT#person:ana',
  sk: 'ENTRY#2026-12-01T10:00:00.000Z#pay1#000',
  type: 'ledger-entry',
  kind: 'payment',
  accountId: 'person:ana',
  at: '2026-12-01T10:00:00.000Z',
  paymentId: 'pay1',
  amount: -12_000_000_000_000_123n,
  balanceAfter: -12_000_000_000_000_123n,
  counterparty: 'person:ben',
  sequence: 0,
  logIndex: 41,
  memo: 'Bike repair',
  by: 'ana',
};
const record = (item: Record<string, unknown>, eventName = 'INSERT', seq = '1'): StreamRecord => ({
  eventID: `e${seq}`,
  eventName,
  dynamodb: { SequenceNumber: seq, NewImage: marshall(item) as never },
});
const log = createLogger('silent');

describe('what the economy counts from the stream', () => {
  it('reads a payment’s line exactly, amounts past 2^53 included, with its trade when it names one', async () => {
    const economy = fakeEconomy();
    await countEconomyRecords({ economy, log }, [record({ ...line, trade: 'care' })]);
    expect(economy.days.get('2026-12-01')).toMatchObject({
      movements: 1,
      volume: 12_000_000_000_000_123n,
      trades: { care: 12_000_000_000_000_123n },
    });
    expect(economy.figures.get('person:ana')).toMatchObject({ balance: -12_000_000_000_000_123n, balanceLog: 41 });
  });

  it.each([
    {
      case: 'an implementer’s share, which moves nothing',
      item: { ...line, kind: 'implementer-share', reportId: 'r1' },
    },
    { case: 'an item that is no statement line', item: { ...line, type: 'payment' } },
    { case: 'a line without its log index', item: { ...line, logIndex: undefined } },
    { case: 'a line of a malformed account', item: { ...line, accountId: 'ana' } },
  ])('counts nothing for $case', ({ item }) => {
    expect(
      countedLineOf(JSON.parse(JSON.stringify(item, (_, v) => (typeof v === 'bigint' ? Number(v) : v)))),
    ).toBeUndefined();
  });

  it('counts only inserts: a line changed or removed later is not counted again', async () => {
    const economy = fakeEconomy();
    await countEconomyRecords({ economy, log }, [record(line, 'MODIFY'), record(line, 'REMOVE')]);
    expect(economy.days.size).toBe(0);
  });

  it('takes a credit-limit change, and a change back to the default as no limit', () => {
    const change = { type: 'credit-limit-change', accountId: 'syndicate:mill', logIndex: 3 };
    expect(limitChangeOf({ ...change, limit: -10_000 })).toEqual({
      accountId: 'syndicate:mill',
      limit: -10_000n,
      logIndex: 3,
    });
    expect(limitChangeOf({ ...change, limit: null })).toEqual({
      accountId: 'syndicate:mill',
      limit: null,
      logIndex: 3,
    });
  });

  it('stops at a record it could not count and reports it, so the retry starts there', async () => {
    const economy = fakeEconomy();
    let calls = 0;
    const failing = {
      ...economy,
      async apply(...args: Parameters<typeof economy.apply>) {
        if (++calls === 2) throw new StoreUnavailableError('busy');
        return economy.apply(...args);
      },
    };
    const records = [
      record(line, 'INSERT', '1'),
      record({ ...line, sk: 'x', paymentId: 'pay2' }, 'INSERT', '2'),
      record(line, 'INSERT', '3'),
    ];
    expect(await countEconomyRecords({ economy: failing, log }, records)).toEqual({
      batchItemFailures: [{ itemIdentifier: '2' }],
    });
    expect(economy.days.get('2026-12-01')?.movements).toBe(1);
  });
});
