// A job step, not a request path: the economy's figures first kept an item a day (`ECONOMY`,
// `DAY#<day>`); they now keep a month's days in one item (economy-items.ts), which is all a read looks
// at. This moves each stored day item into its month: one transaction adds its figures to the month
// and deletes the day on condition that it is still there, so a day is moved once however often the
// step runs, or however many run at once. Nothing writes day items any more, so once none is left
// every later run is one empty query.
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { monthUpdates, summaryUpdate } from './economy-items.ts';
import { failedConditions, storeCall } from './errors.ts';
import { big, transact } from './innovation-items.ts';
import type { Item } from './items.ts';
import { economyLegacyDays } from './keys.ts';
import { prefixValues, startsWith } from './key-prefix.ts';

const tradePrefix = 'trade_';
const count = (value: unknown) => (value === undefined ? 0 : Number(value));
const amount = (value: unknown) => (value === undefined ? 0n : big(value));

/** What a stored day item counted, as the increments of its day. */
function dayDelta(item: Item) {
  const trades: Record<string, bigint> = {};
  for (const [name, value] of Object.entries(item)) {
    if (name.startsWith(tradePrefix)) trades[name.slice(tradePrefix.length)] = big(value);
  }
  return {
    movements: count(item.movements),
    volume: amount(item.volume),
    realValue: amount(item.realValue),
    lastActive: count(item.lastActive),
    trades,
  };
}

/** Moves every day item into its month; the number moved by this run. */
export async function foldEconomyDays(client: DynamoDBDocumentClient, tableName: string): Promise<number> {
  let moved = 0;
  let start: Item | undefined;
  do {
    // Access pattern `economy-legacy-days`.
    const page = await storeCall(() =>
      client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: `pk = :pk AND ${startsWith('sk')}`,
          ExpressionAttributeValues: { ':pk': economyLegacyDays.pk, ...prefixValues(economyLegacyDays.prefix) },
          ExclusiveStartKey: start,
        }),
      ),
    );
    for (const item of page.Items ?? []) {
      const day = String(item.sk).slice(economyLegacyDays.prefix.length);
      const remove = {
        Delete: {
          TableName: tableName,
          Key: { pk: item.pk, sk: item.sk },
          ConditionExpression: 'attribute_exists(pk)',
        },
      };
      try {
        // The summary's revision too: a snapshot computed before the move is then older than the month.
        const moves = [remove, ...monthUpdates(tableName, { [day]: dayDelta(item) }), summaryUpdate(tableName)];
        await transact(client, moves, 'moved already');
        moved++;
      } catch (error) {
        // The day's delete found it gone: another run moved it in between, into the month once. Any other
        // failure (a transaction conflict with a count) leaves the day where it was, for the next run.
        if (!failedConditions(error).includes(0)) throw error;
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return moved;
}
