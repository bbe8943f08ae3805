// The economy's items, built and read back purely (economy-repository.ts only sends them). A month's
// days are flat attributes of one item a month, `d<DD>_<figure>` (`d06_volume`, `d06_trade_care`), so
// each count is one ADD into its month and a year's read is one BatchGetItem of at most 13 months.
//
// Why a month, not one item for the whole year: every count rewrites the item it adds to, and DynamoDB
// charges a write by the item's size (a unit per KB) and caps an item at 400 KB. A day holds at most 17
// numbers (movements, volume, real value, last active, and the volume of 12 trades and "other"): a month
// of 31 such days at their largest is about 21.5 KB (test/unit/ledger/economy-items.test.ts computes it
// from these builders); 366 days in one item would be about 253 KB, each count writing ~250 units, and
// every trade added to the commons would grow it by ~15 KB, past the limit at about 22 trades. A month
// stays far below it with any likely list.
import type { AccountFigures, CountedLine, DayDelta, EconomyChange, SummaryDelta } from '#domain/ledger/economy.ts';
import type { EconomyDay, EconomySummary } from '#domain/ledger/economy-figures.ts';
import { big } from './innovation-items.ts';
import type { Item } from './items.ts';
import type { TransactItem } from './ledger-items.ts';
import { economyAccountKeys, economyLineMarkKeys, economyMonthKeys, economySummaryKeys } from './keys.ts';

const bucketPrefix = 'bucket';
/** A day's figure in its month's item: `d06_movements`; a trade's volume `d06_trade_care`. */
const dayFigure = /^d(\d\d)_(movements|volume|realValue|lastActive|trade_(.+))$/;
export const dayAttribute = (day: string, figure: string) => `d${day.slice(8, 10)}_${figure}`;
export const monthOf = (day: string) => day.slice(0, 7);

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

const dayIncrements = (day: string, delta: DayDelta): Array<[string, number | bigint]> => [
  [dayAttribute(day, 'movements'), delta.movements],
  [dayAttribute(day, 'volume'), delta.volume],
  [dayAttribute(day, 'realValue'), delta.realValue],
  [dayAttribute(day, 'lastActive'), delta.lastActive],
  ...Object.entries(delta.trades).map(([trade, volume]): [string, bigint] => [
    dayAttribute(day, `trade_${trade}`),
    volume,
  ]),
];

/**
 * One update a month: a change's days (the line's and the account's previous active day) may share a
 * month, and a transaction may touch an item only once.
 */
export function monthUpdates(tableName: string, days: Record<string, DayDelta>): TransactItem[] {
  const months = new Map<string, Array<[string, number | bigint]>>();
  for (const [day, delta] of Object.entries(days)) {
    months.set(monthOf(day), [...(months.get(monthOf(day)) ?? []), ...dayIncrements(day, delta)]);
  }
  return [...months].flatMap(([month, increments]) => {
    const update = adds(increments);
    if (!update) return [];
    return [
      {
        Update: {
          TableName: tableName,
          Key: economyMonthKeys(month),
          ...update,
          UpdateExpression: `SET #month = :month, #type = :type ${update.UpdateExpression}`,
          ExpressionAttributeNames: { ...update.ExpressionAttributeNames, '#month': 'month', '#type': 'type' },
          ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':month': month, ':type': 'economy-month' },
        },
      },
    ];
  });
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
    ...monthUpdates(tableName, change.days),
  ].filter((item): item is TransactItem => item !== undefined);
}

/** The months (YYYY-MM) from the one of `from` to the one of `to`, both included: at most 13 for a year. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  for (let at = monthOf(from); at <= monthOf(to); at = `${year}-${String(month).padStart(2, '0')}`) {
    months.push(at);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}

/** The month before `month` (YYYY-MM). */
export function monthBefore(month: string): string {
  const [year, number] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`;
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

/** The days a month's item holds, each with what it counted (a figure it lacks is zero). */
export function toDays(item: Item): EconomyDay[] {
  const month = String(item.month);
  const days = new Map<string, EconomyDay>();
  for (const [name, value] of Object.entries(item)) {
    const figure = dayFigure.exec(name);
    if (!figure) continue;
    const day = `${month}-${figure[1]}`;
    const stored = days.get(day) ?? { day, movements: 0, volume: 0n, realValue: 0n, lastActive: 0, trades: {} };
    const [, , field, trade] = figure;
    if (trade !== undefined) stored.trades[trade] = big(value);
    else if (field === 'movements' || field === 'lastActive') stored[field] = count(value);
    else if (field === 'volume' || field === 'realValue') stored[field] = big(value);
    days.set(day, stored);
  }
  return [...days.values()];
}
