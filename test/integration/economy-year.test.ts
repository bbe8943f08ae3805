// The economy's stored days against DynamoDB Local: a year of counted lines, spread over 13 months and
// past them, reads back as the same figures the in-memory store keeps, in one request to the table;
// the sweep's prune drops the months no period reaches and changes no figure a reader can ask for; the
// days the first version kept an item each move into their months once.
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { foldEconomyDays } from '#adapters/dynamodb/economy-day-fold.ts';
import { monthsOf } from '#domain/ledger/economy-months.ts';
import { createEconomyRepository } from '#adapters/dynamodb/economy-repository.ts';
import { prefixValues, startsWith } from '#adapters/dynamodb/key-prefix.ts';
import { economyLegacyDayKeys } from '#adapters/dynamodb/keys.ts';
import { tradeIds } from '#domain/content/commons.ts';
import type { AccountId } from '#domain/ledger/account.ts';
import type { CountedLine } from '#domain/ledger/economy.ts';
import { isStandardPeriod } from '#domain/ledger/economy-snapshot.ts';
import { countLine, economyReport, pruneEconomy, refreshEconomySnapshots } from '#domain/ledger/economy-use-cases.ts';
import { fakeEconomy } from '../support/economy-fake.ts';
import { documentClient, freshTable } from '../support/dynamodb.ts';

const now = () => new Date('2026-03-15T18:00:00Z');
const dayMs = 86_400_000;
const client = documentClient();
let tableName: string;
let requests = 0;
client.middlewareStack.add(
  (next) => async (args) => {
    requests++;
    return next(args);
  },
  { step: 'initialize', name: 'countRequests' },
);

/** A payment every third day for 430 days up to today, among five accounts, each a trade or none. */
function lines(): CountedLine[] {
  const accounts: AccountId[] = ['person:ana', 'person:ben', 'person:cai', 'syndicate:mill', 'syndicate:loom'];
  const balances = new Map<AccountId, bigint>();
  const all: CountedLine[] = [];
  for (let i = 0; i * 3 < 430; i++) {
    const at = new Date(now().getTime() - (430 - i * 3) * dayMs + 60_000).toISOString();
    const [from, to] = [accounts[i % 5], accounts[(i * 3 + 1) % 5]] as [AccountId, AccountId];
    if (from === to) continue;
    const amount = BigInt(100 + ((i * 7919) % 50_000));
    balances.set(from, (balances.get(from) ?? 0n) - amount);
    balances.set(to, (balances.get(to) ?? 0n) + amount);
    const base = { at, source: `pay${i}`, logIndex: i, trade: tradeIds[i % (tradeIds.length + 2)] };
    all.push({ ...base, accountId: from, sequence: 0, amount: -amount, balanceAfter: balances.get(from) });
    all.push({ ...base, accountId: to, sequence: 1, amount, balanceAfter: balances.get(to) });
  }
  return all;
}

const economy = () => createEconomyRepository(client, tableName);
const expected = fakeEconomy();

beforeAll(async () => {
  ({ tableName } = await freshTable());
  for (const line of lines()) {
    await countLine({ economy: economy() }, line);
    await countLine({ economy: expected }, line);
  }
}, 120_000);

/** The months stored as items of a type: a month's days (`economy-month`) or its totals. */
const stored = async (type: 'economy-month' | 'economy-month-total') =>
  (
    await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: `pk = :pk AND ${startsWith('sk')}`,
        ExpressionAttributeValues: { ':pk': 'ECONOMY', ...prefixValues('MONTH#') },
      }),
    )
  ).Items?.filter((item) => item.type === type).map((item) => String(item.month)) ?? [];
const months = () => stored('economy-month');
const totals = () => stored('economy-month-total');

describe('the economy’s days in the table', () => {
  it('read a whole year, its whole months’ totals and its edge months’ days, as counted, in one request whatever the period', async () => {
    for (const days of [366, 30, 365, 1]) {
      // A standard period's first read of the day recomputes its snapshot; every later one reads it.
      if (isStandardPeriod(days)) await economyReport({ economy: economy(), now }, days);
      requests = 0;
      const report = await economyReport({ economy: economy(), now }, days);
      expect(requests).toBe(1);
      expect(report).toEqual(await economyReport({ economy: expected, now }, days));
    }
    const year = await economyReport({ economy: economy(), now }, 366);
    expect(year.period).toEqual({ from: '2025-03-15', to: '2026-03-15', days: 366 });
    expect(year.movements).toBeGreaterThan(90);
    expect(year.perTrade.map((t) => t.trade).sort()).toEqual([...tradeIds, 'other'].sort());
  });

  it('are pruned by the sweep to the months a year’s period reaches, every figure as it was', async () => {
    const before = await economyReport({ economy: economy(), now }, 366);
    expect((await months()).sort()[0]).toBe('2025-01');
    expect(await pruneEconomy({ economy: economy(), now })).toBe(2);
    // The 13 months a year from 15 March 2025 touches (the unit tests name them one by one).
    expect((await months()).sort()).toEqual(monthsOf('2025-03-15', '2026-03-15'));
    expect((await totals()).sort()).toEqual(monthsOf('2025-03-15', '2026-03-15'));
    expect(await economyReport({ economy: economy(), now }, 366)).toEqual(before);
    expect(await pruneEconomy({ economy: economy(), now })).toBe(0);
  });
});

describe('the days the figures’ first version kept an item each', () => {
  it('move into their months once, however often the backfill runs, adding to what the month counted', async () => {
    const before = await economyReport({ economy: economy(), now }, 30);
    await client.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...economyLegacyDayKeys('2026-03-14'),
          type: 'economy-day',
          day: '2026-03-14',
          movements: 2,
          volume: 900n,
          realValue: 400n,
          lastActive: 1,
          trade_care: 900n,
        },
      }),
    );
    expect(await foldEconomyDays(client, tableName)).toBe(1);
    expect(await foldEconomyDays(client, tableName)).toBe(0);
    // As the backfill job does after its steps: the snapshots recomputed over what they moved.
    await refreshEconomySnapshots({ economy: economy(), now });
    const after = await economyReport({ economy: economy(), now }, 30);
    expect(after.movements).toBe(before.movements + 2);
    expect(after.volume).toBe(before.volume + 900n);
    expect(after.realValue).toBe(before.realValue + 400n);
    expect(after.activeTraders).toBe(before.activeTraders + 1);
    const care = (figures: typeof after) => figures.perTrade.find((t) => t.trade === 'care')?.volume ?? 0n;
    expect(care(after)).toBe(care(before) + 900n);
  });
});
