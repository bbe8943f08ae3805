import { describe, expect, it } from 'vitest';
import type { AccountId } from '#domain/ledger/account.ts';
import {
  type AccountFigures,
  balanceBucket,
  bucketCount,
  type CountedLine,
  freshFigures,
  limitChange,
  lineChange,
  nearLimit,
  summaryDelta,
  tradeOf,
  zeroBucket,
} from '#domain/ledger/economy.ts';

const ana: AccountId = 'person:ana';
const trades = ['care', 'food'];
const bound = (whole: number) => BigInt(whole) * 100n;
const line = (over: Partial<CountedLine> = {}): CountedLine => ({
  accountId: ana,
  at: '2026-12-01T10:00:00.000Z',
  source: 'p1',
  sequence: 0,
  amount: -bound(5),
  logIndex: 10,
  balanceAfter: -bound(5),
  ...over,
});
const figures = (over: Partial<AccountFigures> = {}): AccountFigures => ({ ...freshFigures(ana), ...over });

describe('the balance histogram’s buckets', () => {
  it.each([
    { balance: 0n, bucket: zeroBucket },
    { balance: 1n, bucket: zeroBucket + 1 },
    { balance: bound(10), bucket: zeroBucket + 1 },
    { balance: bound(10) + 1n, bucket: zeroBucket + 2 },
    { balance: bound(50), bucket: zeroBucket + 2 },
    { balance: bound(100), bucket: zeroBucket + 3 },
    { balance: bound(500), bucket: zeroBucket + 4 },
    { balance: bound(1000), bucket: zeroBucket + 5 },
    { balance: bound(5000), bucket: zeroBucket + 6 },
    { balance: bound(5000) + 1n, bucket: bucketCount - 1 },
    { balance: -1n, bucket: zeroBucket - 1 },
    { balance: -bound(10), bucket: zeroBucket - 1 },
    { balance: -bound(10) - 1n, bucket: zeroBucket - 2 },
    { balance: -bound(5000), bucket: zeroBucket - 6 },
    { balance: -bound(5000) - 1n, bucket: 0 },
  ])('puts a balance of $balance minor units in bucket $bucket', ({ balance, bucket }) => {
    expect(balanceBucket(balance)).toBe(bucket);
  });

  it('has as many buckets below zero as above, with zero between', () => {
    expect(bucketCount).toBe(15);
    expect(zeroBucket).toBe(7);
  });
});

describe('accounts near their limit', () => {
  it.each([
    { balance: -90n, limit: -100n, near: true, why: 'nine tenths of the credit drawn' },
    { balance: -100n, limit: -100n, near: true, why: 'all of it drawn' },
    { balance: -89n, limit: -100n, near: false, why: 'less than nine tenths drawn' },
    { balance: 0n, limit: 0n, near: false, why: 'no credit granted, holding nothing' },
    { balance: -1n, limit: 0n, near: false, why: 'no credit granted' },
    { balance: 50n, limit: -100n, near: false, why: 'in credit' },
  ])('says $near for $why', ({ balance, limit, near }) => {
    expect(nearLimit(balance, limit)).toBe(near);
  });
});

describe('what one statement line counts', () => {
  it('counts a paying line as one movement of its volume under its trade, and opens the account', () => {
    const change = lineChange(null, line({ trade: 'care' }), trades);
    expect(change.days).toEqual({
      '2026-12-01': { movements: 1, volume: bound(5), realValue: 0n, lastActive: 1, trades: { care: bound(5) } },
    });
    expect(change.account).toEqual({
      ...freshFigures(ana),
      balance: -bound(5),
      balanceLog: 10,
      lastActiveDay: '2026-12-01',
      rev: 1,
    });
    expect(change.summary).toEqual({
      accounts: 1,
      positiveSum: 0n,
      nearLimit: 0,
      buckets: { [balanceBucket(-bound(5))]: 1 },
    });
  });

  it('counts a receiving line as real value created, not as a movement', () => {
    const change = lineChange(null, line({ amount: bound(5), balanceAfter: bound(5) }), trades);
    expect(change.days['2026-12-01']).toEqual({
      movements: 0,
      volume: 0n,
      realValue: bound(5),
      lastActive: 1,
      trades: {},
    });
    expect(change.summary.positiveSum).toBe(bound(5));
  });

  it('counts a line of nothing as no movement', () => {
    expect(lineChange(null, line({ amount: 0n, balanceAfter: 0n }), trades).days['2026-12-01']).toEqual({
      movements: 0,
      volume: 0n,
      realValue: 0n,
      lastActive: 1,
      trades: {},
    });
  });

  it.each([
    { trade: undefined, counted: 'other' },
    { trade: 'food', counted: 'food' },
    { trade: 'piracy', counted: 'other' },
  ])('counts a line naming trade $trade under $counted', ({ trade, counted }) => {
    expect(tradeOf({ trade }, trades)).toBe(counted);
    expect(lineChange(null, line({ trade }), trades).days['2026-12-01']?.trades).toEqual({ [counted]: bound(5) });
  });

  it('moves an account’s last active day forward, out of the day it leaves', () => {
    const before = figures({ lastActiveDay: '2026-11-30', balance: -bound(5), balanceLog: 9, rev: 3 });
    const change = lineChange(before, line({ balanceAfter: -bound(10) }), trades);
    expect(change.days['2026-11-30']).toEqual({ movements: 0, volume: 0n, realValue: 0n, lastActive: -1, trades: {} });
    expect(change.days['2026-12-01']?.lastActive).toBe(1);
    expect(change.account?.lastActiveDay).toBe('2026-12-01');
    expect(change.account?.rev).toBe(4);
  });

  it('leaves the last active day where it is for a line of the same day or an earlier one', () => {
    for (const lastActiveDay of ['2026-12-01', '2026-12-02']) {
      const change = lineChange(figures({ lastActiveDay, balanceLog: 10, rev: 2 }), line({ logIndex: 8 }), trades);
      expect(change.days).toEqual({
        '2026-12-01': { movements: 1, volume: bound(5), realValue: 0n, lastActive: 0, trades: { other: bound(5) } },
      });
      expect(change.account).toBeUndefined();
      expect(change.summary).toEqual({ accounts: 0, positiveSum: 0n, nearLimit: 0, buckets: {} });
    }
  });

  it('never puts back an older balance when a line arrives after a later one', () => {
    const later = figures({ balance: bound(20), balanceLog: 12, lastActiveDay: '2026-11-30', rev: 1 });
    const change = lineChange(later, line({ logIndex: 11, balanceAfter: bound(1) }), trades);
    expect(change.account?.balance).toBe(bound(20));
    expect(change.account?.balanceLog).toBe(12);
    expect(change.summary.buckets).toEqual({});
  });

  it('moves the balance on a line of a later log index, the same index counting as seen', () => {
    const seen = figures({ balance: bound(20), balanceLog: 12, lastActiveDay: '2026-12-01', rev: 1 });
    expect(lineChange(seen, line({ logIndex: 12, balanceAfter: 0n }), trades).account).toBeUndefined();
    const change = lineChange(seen, line({ logIndex: 13, balanceAfter: 0n }), trades);
    expect(change.account?.balance).toBe(0n);
    expect(change.summary).toEqual({
      accounts: 0,
      positiveSum: -bound(20),
      nearLimit: 0,
      buckets: { [balanceBucket(bound(20))]: -1, [zeroBucket]: 1 },
    });
  });

  it('moves no balance for a line written before statements kept the balance after', () => {
    const change = lineChange(
      figures({ balance: bound(3), balanceLog: 2, rev: 1 }),
      line({ balanceAfter: undefined }),
      trades,
    );
    expect(change.account?.balance).toBe(bound(3));
    expect(change.account?.balanceLog).toBe(2);
  });
});

describe('credit-limit changes', () => {
  it('takes a later limit and counts the account near its limit once it has drawn nine tenths', () => {
    const drawn = figures({ balance: -bound(95), balanceLog: 4, rev: 1 });
    const change = limitChange(drawn, ana, { limit: -bound(100), logIndex: 5 });
    expect(change.account).toMatchObject({ limit: -bound(100), limitLog: 5, rev: 2 });
    expect(change.summary).toEqual({ accounts: 0, positiveSum: 0n, nearLimit: 1, buckets: {} });
    expect(change.days).toEqual({});
  });

  it('ignores a limit change older than the one it holds, and one delivered again', () => {
    const held = figures({ limit: -bound(100), limitLog: 5, rev: 2 });
    for (const logIndex of [4, 5]) {
      const change = limitChange(held, ana, { limit: null, logIndex });
      expect(change.account).toBeUndefined();
      expect(change.summary).toEqual({ accounts: 0, positiveSum: 0n, nearLimit: 0, buckets: {} });
    }
  });

  it('opens an account at zero for a limit granted before it moved anything', () => {
    const change = limitChange(null, ana, { limit: -bound(100), logIndex: 1 });
    expect(change.account).toEqual({ ...freshFigures(ana), limit: -bound(100), limitLog: 1, rev: 1 });
    expect(change.summary).toEqual({ accounts: 1, positiveSum: 0n, nearLimit: 0, buckets: { [zeroBucket]: 1 } });
  });

  it('stops counting an account near its limit when the limit goes back to the default', () => {
    const near = figures({ balance: -bound(95), limit: -bound(100), limitLog: 5, rev: 2 });
    expect(summaryDelta(near, { ...near, limit: null }).nearLimit).toBe(-1);
  });
});
