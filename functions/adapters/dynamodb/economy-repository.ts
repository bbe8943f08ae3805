// The economy's figures in the table (domain/ledger/economy.ts decides them; economy-items.ts builds the
// items; this only sends). A count is one transaction: the line's marker (once), the account's figures
// over the revision read, the summary's and the day's month's increments, so a line delivered twice, or
// two lines of one account racing, count once. A period's read is one BatchGetItem, whatever its length.
// (A month's totals are counted with its days: economy-items.ts; the standard periods' snapshots, one
// item each, are kept by economy-snapshot-store.ts.)
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AccountId } from '#domain/ledger/account.ts';
import type { AccountFigures } from '#domain/ledger/economy.ts';
import type { EconomyRepository } from '#domain/ledger/economy-use-cases.ts';
import { batchWriteAll } from './bulk.ts';
import { monthBefore, monthOf, monthsOf } from '#domain/ledger/economy-months.ts';
import { economyItems, toDays, toMonth, toSummary } from './economy-items.ts';
import { createEconomySnapshotStore } from './economy-snapshot-store.ts';
import { failedConditions, storeCall } from './errors.ts';
import { big, transact } from './innovation-items.ts';
import { fromItem, getItem, getItems, type Item, itemKey } from './items.ts';
import {
  economyAccountKeys,
  economyMonthKeys,
  economyMonthsThrough,
  economyMonthTotalKeys,
  economySummaryKeys,
  ledgerTotalsKeys,
} from './keys.ts';

function toFigures(item: Item): AccountFigures {
  const figures = fromItem<AccountFigures>(item);
  return {
    ...figures,
    balance: big(figures.balance),
    limit: figures.limit === null || figures.limit === undefined ? null : big(figures.limit),
    balanceLog: Number(figures.balanceLog),
    limitLog: Number(figures.limitLog),
    rev: Number(figures.rev),
  };
}

/** Defined `true` in the bundles that neither read nor keep the standard periods' snapshots (config/bundle.ts). */
declare const GUILDHALL_WITHOUT_ECONOMY_SNAPSHOTS: true | undefined;

export function createEconomyRepository(client: DynamoDBDocumentClient, tableName: string): EconomyRepository {
  return {
    // The standard periods' snapshots: the bundles defined without them (the sweep, which only prunes)
    // leave them out, and esbuild drops the module.
    ...(typeof GUILDHALL_WITHOUT_ECONOMY_SNAPSHOTS === 'undefined'
      ? createEconomySnapshotStore(client, tableName)
      : ({} as ReturnType<typeof createEconomySnapshotStore>)),
    // Access pattern `economy-account-figures`.
    async accountFigures(accountId: AccountId) {
      const item = await getItem(client, tableName, economyAccountKeys(accountId), { consistent: true });
      return item ? toFigures(item) : null;
    },

    // Access pattern `economy-count`.
    async apply(change, options) {
      try {
        await transact(client, economyItems(tableName, change, options), 'The account’s figures changed meanwhile.');
        return true;
      } catch (error) {
        if (options.line && failedConditions(error).includes(0)) return false;
        throw error;
      }
    },

    // Access pattern `economy-period`: the summary, the ledger's totals and the period's months (at
    // most 13 for a year: the whole ones' totals, the others' days), one BatchGetItem.
    async read(from, to, whole) {
      const months = monthsOf(from, to);
      const dayKeys = months.filter((month) => !whole.includes(month)).map(economyMonthKeys);
      const totalKeys = months.filter((month) => whole.includes(month)).map(economyMonthTotalKeys);
      const keys = [economySummaryKeys, ledgerTotalsKeys, ...dayKeys, ...totalKeys];
      const found = await getItems(client, tableName, keys);
      const stored = (list: Array<{ pk: string; sk: string }>) =>
        list.flatMap((key): Item[] => {
          const item = found.get(itemKey(key));
          return item ? [item] : [];
        });
      const totals = found.get(itemKey(ledgerTotalsKeys));
      return {
        summary: toSummary(found.get(itemKey(economySummaryKeys))),
        days: stored(dayKeys)
          .flatMap(toDays)
          .filter((day) => day.day >= from && day.day <= to),
        months: stored(totalKeys).map(toMonth),
        sumOfBalances: totals?.sum === undefined ? 0n : big(totals.sum),
      };
    },

    // Access pattern `economy-prune`: the months wholly before `earliest` (usually none, or last year's
    // one), their days and totals, deleted; an old account's return may add a stray `lastActive` back to one, deleted next time.
    async prune(earliest) {
      const range = economyMonthsThrough(monthBefore(monthOf(earliest)));
      let pruned = 0;
      let start: Item | undefined;
      do {
        const page = await storeCall(() =>
          client.send(
            new QueryCommand({
              TableName: tableName,
              KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
              ExpressionAttributeValues: { ':pk': range.pk, ':from': range.from, ':to': range.to },
              ProjectionExpression: 'pk, sk, #type',
              ExpressionAttributeNames: { '#type': 'type' },
              Limit: 25,
              ExclusiveStartKey: start,
            }),
          ),
        );
        const keys = page.Items ?? [];
        if (keys.length > 0) {
          const deletes = keys.map((key) => ({ DeleteRequest: { Key: { pk: key.pk, sk: key.sk } } }));
          await batchWriteAll(client, tableName, deletes, 1);
        }
        // A month's days and its totals go together; a month counts once.
        pruned += keys.filter((key) => key.type === 'economy-month').length;
        start = page.LastEvaluatedKey;
      } while (start);
      return pruned;
    },
  };
}
