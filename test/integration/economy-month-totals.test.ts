// Each month's totals against DynamoDB Local: counted with its days in one transaction, they stay the
// sum of the days however often and in whatever order the stream delivers the lines, so a year's read
// of whole months' totals and edge months' days gives the figures the days give; the backfill builds
// the totals of months counted before they were kept, once, and a count landing meanwhile is kept.
import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { toDays, toMonth } from '#adapters/dynamodb/economy-items.ts';
import { buildEconomyMonthTotals, buildMonth } from '#adapters/dynamodb/economy-month-totals.ts';
import { createEconomyRepository } from '#adapters/dynamodb/economy-repository.ts';
import { economyMonthKeys, economyMonthTotalKeys } from '#adapters/dynamodb/keys.ts';
import type { AccountId } from '#domain/ledger/account.ts';
import type { CountedLine } from '#domain/ledger/economy.ts';
import { addCounts, emptyCounts, monthsOf } from '#domain/ledger/economy-months.ts';
import { countLine, economyReport } from '#domain/ledger/economy-use-cases.ts';
import { fakeEconomy } from '../support/economy-fake.ts';
import { documentClient, freshTable } from '../support/dynamodb.ts';

const now = () => new Date('2026-05-20T18:00:00Z');
const dayMs = 86_400_000;
const client = documentClient();
let tableName: string;
const economy = () => createEconomyRepository(client, tableName);

/** A payment every fifth day for 140 days up to today among four accounts: five months, three traded in. */
function lines(): CountedLine[] {
  const accounts: AccountId[] = ['person:ana', 'person:ben', 'syndicate:mill', 'syndicate:loom'];
  const balances = new Map<AccountId, bigint>();
  const all: CountedLine[] = [];
  for (let i = 0; i * 5 < 140; i++) {
    const at = new Date(now().getTime() - (140 - i * 5) * dayMs + 60_000).toISOString();
    const [from, to] = [accounts[i % 4], accounts[(i * 3 + 1) % 4]] as [AccountId, AccountId];
    if (from === to) continue;
    const amount = BigInt(100 + ((i * 7919) % 50_000));
    balances.set(from, (balances.get(from) ?? 0n) - amount);
    balances.set(to, (balances.get(to) ?? 0n) + amount);
    const base = { at, source: `pay${i}`, logIndex: i, trade: ['care', 'food', undefined][i % 3] };
    all.push({ ...base, accountId: from, sequence: 0, amount: -amount, balanceAfter: balances.get(from) });
    all.push({ ...base, accountId: to, sequence: 1, amount, balanceAfter: balances.get(to) });
  }
  return all;
}

const get = async (key: { pk: string; sk: string }) =>
  (await client.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item;

/** Each stored month's totals beside the sum of its days. */
async function totalsAndDays(month: string) {
  const days = await get(economyMonthKeys(month));
  const total = await get(economyMonthTotalKeys(month));
  return {
    total: total ? toMonth(total) : { month, ...emptyCounts() },
    days: { month, ...(days ? toDays(days) : []).reduce(addCounts, emptyCounts()) },
  };
}

const months = monthsOf('2025-12-31', '2026-05-20');
const expected = fakeEconomy();

beforeAll(async () => {
  ({ tableName } = await freshTable());
  const all = lines();
  for (const line of all) await countLine({ economy: expected }, line);
  // Last line first, and every third line delivered a second time, out of order.
  const delivered = [...all].reverse().flatMap((line, i) => (i % 3 === 0 ? [line, all[i] as CountedLine] : [line]));
  for (const line of delivered) await countLine({ economy: economy() }, line);
}, 120_000);

describe('a month’s totals', () => {
  it('stay the sum of its days when lines arrive twice and out of order, and a year reads as the days do', async () => {
    for (const month of months) {
      const { total, days } = await totalsAndDays(month);
      expect(total).toEqual(days);
    }
    expect((await totalsAndDays('2026-02')).total.movements).toBeGreaterThan(4);
    for (const days of [366, 90, 30]) {
      expect(await economyReport({ economy: economy(), now }, days)).toEqual(
        await economyReport({ economy: expected, now }, days),
      );
    }
    const year = await economyReport({ economy: economy(), now }, 366);
    expect(year.perDay).toBeUndefined();
    expect(year.movements).toBe(28);
  });

  it('are built by the backfill for months counted before totals were kept, once, a count meanwhile kept', async () => {
    const before = await economyReport({ economy: economy(), now }, 366);
    // As a month counted before the deploy: days without `counts`, no totals.
    for (const month of months) {
      await client.send(new DeleteCommand({ TableName: tableName, Key: economyMonthTotalKeys(month) }));
    }
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: economyMonthKeys('2026-03'),
        UpdateExpression: 'REMOVE #c',
        ExpressionAttributeNames: { '#c': 'counts' },
      }),
    );
    expect((await economyReport({ economy: economy(), now }, 366)).movements).toBeLessThan(before.movements);

    // A month read, then a line counted into it, then its totals built from the stale read.
    const stale = await get(economyMonthKeys('2026-04'));
    const late: CountedLine = {
      accountId: 'person:ana',
      at: '2026-04-10T09:00:00.000Z',
      source: 'late',
      sequence: 0,
      amount: -700n,
      logIndex: 900,
      trade: 'care',
    };
    await countLine({ economy: economy() }, late);
    await countLine({ economy: expected }, late);
    expect(await buildMonth(client, tableName, stale as Record<string, unknown>)).toBe(true);
    expect((await totalsAndDays('2026-04')).total).toEqual((await totalsAndDays('2026-04')).days);

    expect(await buildEconomyMonthTotals(client, tableName)).toBe(months.length - 1);
    expect(await buildEconomyMonthTotals(client, tableName)).toBe(0);
    for (const month of months) {
      const { total, days } = await totalsAndDays(month);
      expect(total).toEqual(days);
    }
    const after = await economyReport({ economy: economy(), now }, 366);
    expect(after).toEqual(await economyReport({ economy: expected, now }, 366));
    expect(after.movements).toBe(before.movements + 1);
  });
});
