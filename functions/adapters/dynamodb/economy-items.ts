// The economy's items, built and read back purely (economy-repository.ts only sends them). A month's
// days are flat attributes of one item a month, `d<DD>_<figure>` (`d06_volume`, `d06_trade_care`), so
// each count is one ADD into its month. Each month also has a small item of its totals (the sum of
// its days, 17 numbers at most), added to in the same transaction: a period longer than a month reads
// the months it covers whole as totals and only its edge months' days (domain/ledger/economy-months.ts),
// so a year's read carries ~11 totals and two months of days instead of 13 months of days.
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
import { addCounts, type EconomyMonth, emptyCounts, monthOf } from '#domain/ledger/economy-months.ts';
import { big } from './innovation-items.ts';
import type { Item } from './items.ts';
import type { TransactItem } from './ledger-items.ts';
import {
  economyAccountKeys,
  economyLineMarkKeys,
  economyMonthKeys,
  economyMonthTotalKeys,
  economySummaryKeys,
} from './keys.ts';

const bucketPrefix = 'bucket';
const noSummaryChange: SummaryDelta = { accounts: 0, positiveSum: 0n, nearLimit: 0, buckets: {} };
const tradePrefix = 'trade_';
/** A day's figure in its month's item: `d06_movements`; a trade's volume `d06_trade_care`. */
const dayFigure = /^d(\d\d)_(movements|volume|realValue|lastActive|trade_(.+))$/;
export const dayAttribute = (day: string, figure: string) => `d${day.slice(8, 10)}_${figure}`;

/** `ADD name :value` for each non-zero increment, with its placeholders. */
function adds(increments: Array<[string, number | bigint]>) {
  const kept = increments.filter(([, value]) => value !== 0 && value !== 0n);
  return kept.length === 0 ? undefined : addAll(kept);
}

/** `ADD name :value` for each increment (at least one), with its placeholders. */
function addAll(kept: Array<[string, number | bigint]>) {
  return {
    UpdateExpression: `ADD ${kept.map((_, i) => `#a${i} :a${i}`).join(', ')}`,
    ExpressionAttributeNames: Object.fromEntries(kept.map(([name], i) => [`#a${i}`, name])),
    ExpressionAttributeValues: Object.fromEntries(kept.map(([, value], i) => [`:a${i}`, value])),
  };
}

/**
 * The summary's increments, and its revision bumped: every write that changes what a period's figures
 * are made of bumps it (`summaryUpdate(tableName)` alone does only that), so a snapshot names the counts
 * it was computed from (domain/ledger/economy-snapshot.ts).
 */
export function summaryUpdate(tableName: string, delta: SummaryDelta = noSummaryChange): TransactItem {
  const increments: Array<[string, number | bigint]> = [
    ['accounts', delta.accounts],
    ['positiveSum', delta.positiveSum],
    ['nearLimit', delta.nearLimit],
    ...Object.entries(delta.buckets).map(([bucket, n]): [string, number] => [`${bucketPrefix}${bucket}`, n]),
  ];
  const update = addAll([['rev', 1], ...increments.filter(([, value]) => value !== 0 && value !== 0n)]);
  return { Update: { TableName: tableName, Key: economySummaryKeys, ...update } };
}

/** `ADD` updates of one item, keeping its month and type: the days' item, or the totals'. */
function monthItemUpdate(
  tableName: string,
  key: { pk: string; sk: string },
  type: string,
  month: string,
  increments: Array<[string, number | bigint]>,
): TransactItem | undefined {
  const update = adds(increments);
  if (!update) return undefined;
  return {
    Update: {
      TableName: tableName,
      Key: key,
      ...update,
      UpdateExpression: `SET #month = :month, #type = :type ${update.UpdateExpression}`,
      ExpressionAttributeNames: { ...update.ExpressionAttributeNames, '#month': 'month', '#type': 'type' },
      ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':month': month, ':type': type },
    },
  };
}

/** A day's or a month's figures under their names (`d06_volume` in a month's days, `volume` in its totals). */
const countIncrements = (name: (figure: string) => string, delta: DayDelta): Array<[string, number | bigint]> => [
  [name('movements'), delta.movements],
  [name('volume'), delta.volume],
  [name('realValue'), delta.realValue],
  [name('lastActive'), delta.lastActive],
  ...Object.entries(delta.trades).map(([trade, volume]): [string, bigint] => [name(`trade_${trade}`), volume]),
];

/**
 * Two updates a month: its days and its totals, in the same transaction as the line's marker, so both
 * count a line once and the totals are always the sum of the days. A change's days (the line's and the
 * account's previous active day) may share a month, and a transaction may touch an item only once. The
 * days' item counts its writes (`counts`), so the backfill can build totals from a month it read as is.
 */
export function monthUpdates(tableName: string, days: Record<string, DayDelta>): TransactItem[] {
  const months = new Map<string, Array<[string, DayDelta]>>();
  for (const [day, delta] of Object.entries(days)) {
    months.set(monthOf(day), [...(months.get(monthOf(day)) ?? []), [day, delta]]);
  }
  return [...months].flatMap(([month, deltas]) => {
    const dayIncrements = deltas.flatMap(([day, delta]) => countIncrements((f) => dayAttribute(day, f), delta));
    const total = deltas.reduce((sum, [, delta]) => addCounts(sum, delta), emptyCounts());
    const counted = dayIncrements.some(([, value]) => value !== 0 && value !== 0n);
    return [
      monthItemUpdate(tableName, economyMonthKeys(month), 'economy-month', month, [
        ...dayIncrements,
        ['counts', counted ? 1 : 0],
      ]),
      monthItemUpdate(
        tableName,
        economyMonthTotalKeys(month),
        'economy-month-total',
        month,
        countIncrements((f) => f, total),
      ),
    ].filter((item): item is TransactItem => item !== undefined);
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

/** A month's totals as stored (a figure it lacks is zero). */
export function toMonth(item: Item): EconomyMonth {
  const month: EconomyMonth = { month: String(item.month), ...emptyCounts() };
  for (const [name, value] of Object.entries(item)) {
    if (name.startsWith(tradePrefix)) month.trades[name.slice(tradePrefix.length)] = big(value);
  }
  return {
    ...month,
    movements: count(item.movements),
    volume: item.volume === undefined ? 0n : big(item.volume),
    realValue: item.realValue === undefined ? 0n : big(item.realValue),
    lastActive: count(item.lastActive),
  };
}
