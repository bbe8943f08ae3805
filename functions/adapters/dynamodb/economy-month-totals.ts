// A job step, not a request path: builds each month's totals (economy-items.ts) from its days, for the
// months counted before the stream kept totals. A month's totals are written in one transaction on
// condition that its days' item is still as read (its `counts`, which every count bumps; absent on a
// month no count has touched since the deploy), so a count landing in between makes the step read the
// month again, and a count landing after adds to the totals the step wrote. Built totals are marked and
// never written again, so the step is safe beside the stream, safe to stop, and run twice builds once.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { addCounts, emptyCounts } from '#domain/ledger/economy-months.ts';
import { summaryUpdate, toDays } from './economy-items.ts';
import { failedConditions } from './errors.ts';
import { transact } from './innovation-items.ts';
import { getItem, type Item, queryAll } from './items.ts';
import { economyMonthKeys, economyMonths, economyMonthTotalKeys } from './keys.ts';

const tries = 10;

/** The totals item of a month's days, marked built. */
function totalsItem(days: Item) {
  const month = String(days.month);
  const sum = toDays(days).reduce(addCounts, emptyCounts());
  const trades = Object.fromEntries(Object.entries(sum.trades).map(([trade, volume]) => [`trade_${trade}`, volume]));
  const { movements, volume, realValue, lastActive } = sum;
  return {
    ...economyMonthTotalKeys(month),
    type: 'economy-month-total',
    month,
    built: true,
    ...{ movements, volume, realValue, lastActive },
    ...trades,
  };
}

/** Builds one month's totals from its days as read (again, if a count lands meanwhile); false when built already. */
export async function buildMonth(client: DynamoDBDocumentClient, tableName: string, read: Item): Promise<boolean> {
  let days: Item | undefined = read;
  for (let attempt = 1; days; attempt++) {
    const unchanged =
      days.counts === undefined
        ? { ConditionExpression: 'attribute_not_exists(#counts)' }
        : { ConditionExpression: '#counts = :counts', ExpressionAttributeValues: { ':counts': days.counts } };
    try {
      await transact(
        client,
        [
          {
            ConditionCheck: {
              TableName: tableName,
              Key: economyMonthKeys(String(days.month)),
              ExpressionAttributeNames: { '#counts': 'counts' },
              ...unchanged,
            },
          },
          { Put: { TableName: tableName, Item: totalsItem(days), ConditionExpression: 'attribute_not_exists(built)' } },
          // The summary's revision: a snapshot computed before the totals existed is older than them.
          summaryUpdate(tableName),
        ],
        'The month was counted into meanwhile.',
      );
      return true;
    } catch (error) {
      const failed = failedConditions(error);
      if (failed.includes(1)) return false;
      if (!failed.includes(0) || attempt >= tries) throw error;
    }
    // A count landed between the read and the write: read the month again (gone: pruned meanwhile).
    days = await getItem(client, tableName, economyMonthKeys(String(read.month)), { consistent: true });
  }
  return false;
}

/** Builds the totals of every stored month that has none built; the number built by this run. */
export async function buildEconomyMonthTotals(client: DynamoDBDocumentClient, tableName: string): Promise<number> {
  // Access pattern `economy-months`: each month's days, then its totals, in key order; bounded by the
  // sweep's prune to the months a year reaches (at most 14, with their totals 28 items).
  const items = await queryAll(client, {
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': economyMonths.pk, ':from': economyMonths.from, ':to': economyMonths.to },
    ConsistentRead: true,
  });
  const done = new Set(items.filter((item) => item.built === true).map((item) => String(item.month)));
  let built = 0;
  for (const item of items) {
    if (item.type !== 'economy-month' || done.has(String(item.month))) continue;
    if (await buildMonth(client, tableName, item)) built++;
  }
  return built;
}
