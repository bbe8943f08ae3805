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
const now = () => new Date('2026-12-01T18:00:00Z');

describe('what the economy counts from the stream', () => {
  it('reads a payment’s line exactly, amounts past 2^53 included, with its trade when it names one', async () => {
    const economy = fakeEconomy();
    await countEconomyRecords({ economy, log, now }, [record({ ...line, trade: 'care' })]);
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
    await countEconomyRecords({ economy, log, now }, [record(line, 'MODIFY'), record(line, 'REMOVE')]);
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
    expect(await countEconomyRecords({ economy: failing, log, now }, records)).toEqual({
      batchItemFailures: [{ itemIdentifier: '2' }],
    });
    expect(economy.days.get('2026-12-01')?.movements).toBe(1);
  });

  it('keeps every standard period’s snapshot after a batch, and the same after the batch comes again', async () => {
    const economy = fakeEconomy();
    const batch = [
      record(line, 'INSERT', '1'),
      record({ ...line, sk: 'y', paymentId: 'pay2', amount: -5n }, 'INSERT', '2'),
    ];
    await countEconomyRecords({ economy, log, now }, batch);
    expect([...economy.snapshots.keys()].sort((a, b) => a - b)).toEqual([7, 30, 90, 365]);
    const first = economy.snapshots.get(30);
    expect(first?.figures).toMatchObject({ movements: 2, volume: 12_000_000_000_000_128n });
    expect(await countEconomyRecords({ economy, log, now }, [...batch].reverse())).toEqual({ batchItemFailures: [] });
    expect(economy.snapshots.get(30)?.figures).toEqual(first?.figures);
  });

  it('reports the batch’s last counted record when the snapshots fail to refresh, and refreshes on the retry', async () => {
    const economy = fakeEconomy();
    let down = true;
    const flaky = {
      ...economy,
      async keepSnapshot(...args: Parameters<typeof economy.keepSnapshot>) {
        if (down) throw new StoreUnavailableError('busy');
        return economy.keepSnapshot(...args);
      },
    };
    const batch = [record(line, 'INSERT', '1'), record({ ...line, type: 'payment' }, 'INSERT', '2')];
    expect(await countEconomyRecords({ economy: flaky, log, now }, batch)).toEqual({
      batchItemFailures: [{ itemIdentifier: '1' }],
    });
    expect(economy.snapshots.size).toBe(0);
    down = false;
    expect(await countEconomyRecords({ economy: flaky, log, now }, batch)).toEqual({ batchItemFailures: [] });
    expect(economy.snapshots.get(7)?.figures.movements).toBe(1);
  });

  it('keeps no snapshot for a batch that holds nothing the figures count', async () => {
    const economy = fakeEconomy();
    await countEconomyRecords({ economy, log, now }, [record({ ...line, type: 'payment' }), record(line, 'MODIFY')]);
    expect(economy.snapshots.size).toBe(0);
  });
});
