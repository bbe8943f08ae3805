// The economy's figures in the table (domain/ledger/economy.ts decides them; this only sends). A count is
// one transaction: the line's marker (once), the account's figures over the revision read, the summary's
// and the days' increments, so a line delivered twice, or two lines of one account racing, count once.
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AccountId } from '#domain/ledger/account.ts';
import type { AccountFigures, CountedLine, DayDelta, EconomyChange, SummaryDelta } from '#domain/ledger/economy.ts';
import type { EconomyDay, EconomySummary } from '#domain/ledger/economy-figures.ts';
import type { EconomyRepository } from '#domain/ledger/economy-use-cases.ts';
import { failedConditions, storeCall } from './errors.ts';
import { big, transact } from './innovation-items.ts';
import { fromItem, getItem, type Item } from './items.ts';
import type { TransactItem } from './ledger-items.ts';
import {
  economyAccountKeys,
  economyDayKeys,
  economyLineMarkKeys,
  economyPeriodRange,
  economySummaryKeys,
  ledgerTotalsKeys,
} from './keys.ts';

/** A day's volume by trade is kept as `trade_<id>` attributes, so one ADD reaches any trade. */
const tradePrefix = 'trade_';
const bucketPrefix = 'bucket';

/** `ADD name :value` for each non-zero increment, with its placeholders. */
function adds(increments: Array<[string, number | bigint]>) {
  const kept = increments.filter(([, value]) => value !== 0 && value !== 0n);
  if (kept.length === 0) return undefined;
  return {
    UpdateExpression: `ADD ${kept.map((_, i) => `#a${i} :a${i}`).join(', ')}`,
    ExpressionAttributeNames: Object.fromEntries(kept.map(([name], i) => [`#a${i}`, name])),
    ExpressionAttributeValues: Object.fromEntries(kept.map(([, value], i) => [`:a${i}`, value])),
  };
}

function summaryUpdate(tableName: string, delta: SummaryDelta): TransactItem | undefined {
  const update = adds([
    ['accounts', delta.accounts],
    ['positiveSum', delta.positiveSum],
    ['nearLimit', delta.nearLimit],
    ...Object.entries(delta.buckets).map(([bucket, n]): [string, number] => [`${bucketPrefix}${bucket}`, n]),
  ]);
  return update && { Update: { TableName: tableName, Key: economySummaryKeys, ...update } };
}

function dayUpdate(tableName: string, day: string, delta: DayDelta): TransactItem | undefined {
  const update = adds([
    ['movements', delta.movements],
    ['volume', delta.volume],
    ['realValue', delta.realValue],
    ['lastActive', delta.lastActive],
    ...Object.entries(delta.trades).map(([trade, volume]): [string, bigint] => [`${tradePrefix}${trade}`, volume]),
  ]);
  if (!update) return undefined;
  return {
    Update: {
      TableName: tableName,
      Key: economyDayKeys(day),
      ...update,
      UpdateExpression: `SET #day = :day, #type = :type ${update.UpdateExpression}`,
      ExpressionAttributeNames: { ...update.ExpressionAttributeNames, '#day': 'day', '#type': 'type' },
      ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':day': day, ':type': 'economy-day' },
    },
  };
}

function figuresPut(tableName: string, figures: AccountFigures, expectedRev: number | null): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: { ...economyAccountKeys(figures.accountId), type: 'economy-account', ...figures },
      ...(expectedRev === null
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: 'rev = :rev', ExpressionAttributeValues: { ':rev': expectedRev } }),
    },
  };
}

function markerPut(tableName: string, line: CountedLine): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...economyLineMarkKeys(line.accountId, line.at, line.source, line.sequence),
        type: 'economy-line-mark',
        logIndex: line.logIndex,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Every write of one change, the marker first (its failed condition says the line was counted). */
export function economyItems(
  tableName: string,
  change: EconomyChange,
  options: { line?: CountedLine | undefined; expectedRev: number | null },
): TransactItem[] {
  return [
    ...(options.line ? [markerPut(tableName, options.line)] : []),
    ...(change.account ? [figuresPut(tableName, change.account, options.expectedRev)] : []),
    summaryUpdate(tableName, change.summary),
    ...Object.entries(change.days).map(([day, delta]) => dayUpdate(tableName, day, delta)),
  ].filter((item): item is TransactItem => item !== undefined);
}

const count = (value: unknown) => (value === undefined ? 0 : Number(value));

export function toSummary(item: Item | undefined): EconomySummary {
  const buckets: Record<number, number> = {};
  for (const [name, value] of Object.entries(item ?? {})) {
    if (name.startsWith(bucketPrefix)) buckets[Number(name.slice(bucketPrefix.length))] = count(value);
  }
  return {
    accounts: count(item?.accounts),
    positiveSum: item?.positiveSum === undefined ? 0n : big(item.positiveSum),
    nearLimit: count(item?.nearLimit),
    buckets,
  };
}

export function toDay(item: Item): EconomyDay {
  const trades: Record<string, bigint> = {};
  for (const [name, value] of Object.entries(item)) {
    if (name.startsWith(tradePrefix)) trades[name.slice(tradePrefix.length)] = big(value);
  }
  return {
    day: String(item.day),
    movements: count(item.movements),
    volume: item.volume === undefined ? 0n : big(item.volume),
    realValue: item.realValue === undefined ? 0n : big(item.realValue),
    lastActive: count(item.lastActive),
    trades,
  };
}

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

export function createEconomyRepository(client: DynamoDBDocumentClient, tableName: string): EconomyRepository {
  return {
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

    // Two calls at once, whatever the ledger holds.
    async read(from, to) {
      const range = economyPeriodRange(from);
      const [period, totals] = await Promise.all([
        // Access pattern `economy-period`.
        storeCall(() =>
          client.send(
            new QueryCommand({
              TableName: tableName,
              KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
              ExpressionAttributeValues: { ':pk': range.pk, ':from': range.from, ':to': range.to },
            }),
          ),
        ),
        // Access pattern `ledger-totals`.
        getItem(client, tableName, ledgerTotalsKeys),
      ]);
      const items = period.Items ?? [];
      return {
        summary: toSummary(items.find((item) => item.sk === range.to)),
        days: items.filter((item) => item.type === 'economy-day' && String(item.day) <= to).map(toDay),
        sumOfBalances: totals?.sum === undefined ? 0n : big(totals.sum),
      };
    },
  };
}
