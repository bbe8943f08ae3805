// A job, not a request path: walks every account's partition (its statement lines and credit-limit
// changes, in key order) so the economy's figures count what the table held before they were kept.
// Each item is counted as the stream counts it (the caller's `count`), and counting is idempotent (a
// line's mark is written once), so a run racing the stream, stopped half-way or run again counts
// nothing twice. After each account it moves a mark on, so a run resumes after the last account it
// finished; when it reaches the end the mark says so, and every later run is one read.
import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { storeCall } from './errors.ts';
import { getItem, type Item } from './items.ts';
import { accountKeys, accountPartition, accountsListKey, economyBackfillMarkKeys } from './keys.ts';

export interface EconomyBackfillReport {
  accounts: number;
  items: number;
  done: boolean;
  /** True when an earlier run had finished: nothing was read but the mark. */
  doneAlready: boolean;
}

/** Counts one item of an account's partition, in key order; the account's items come one page at a time. */
export type CountItem = (accountId: string, item: Item) => Promise<void>;

const pageSize = 100;

export async function backfillEconomy(
  client: DynamoDBDocumentClient,
  tableName: string,
  count: CountItem,
  onProgress: (accounts: number) => void = () => undefined,
): Promise<EconomyBackfillReport> {
  // Access pattern `economy-backfill-mark`.
  const mark = await getItem(client, tableName, economyBackfillMarkKeys, { consistent: true });
  if (mark?.done === true) return { accounts: 0, items: 0, done: true, doneAlready: true };
  const saveMark = (fields: Item) =>
    storeCall(() =>
      client.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...economyBackfillMarkKeys, type: 'economy-backfill-mark', ...fields },
        }),
      ),
    );
  let after = typeof mark?.after === 'string' ? mark.after : undefined;
  let accounts = 0;
  let items = 0;
  for (;;) {
    // Access pattern `accounts`, a page at a time from the last account finished.
    const page = await storeCall(() =>
      client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': accountsListKey.gsi1pk },
          Limit: pageSize,
          ...(after ? { ExclusiveStartKey: accountKeys(after) } : {}),
        }),
      ),
    );
    for (const account of page.Items ?? []) {
      const accountId = String(account.accountId);
      items += await countPartition(client, tableName, accountId, count);
      after = accountId;
      await saveMark({ after });
      onProgress(++accounts);
    }
    if (!page.LastEvaluatedKey) break;
  }
  await saveMark({ done: true, ...(after ? { after } : {}) });
  return { accounts, items, done: true, doneAlready: false };
}

/** Access pattern `account-partition-paged`: every item of one account, in key order, page by page. */
async function countPartition(client: DynamoDBDocumentClient, tableName: string, accountId: string, count: CountItem) {
  let start: Item | undefined;
  let counted = 0;
  do {
    const page = await storeCall(() =>
      client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': accountPartition(accountId).pk },
          ExclusiveStartKey: start,
          Limit: 500,
        }),
      ),
    );
    for (const item of page.Items ?? []) {
      await count(accountId, item);
      counted++;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return counted;
}
