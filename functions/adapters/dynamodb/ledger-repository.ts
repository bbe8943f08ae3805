import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CreditLimitChange, LedgerEntry, LedgerRepository } from '#domain/innovations/innovation-repository.ts';
import type { AccountId } from '#domain/ledger/account.ts';
import { big, logAppendItems, optionalBig, transact } from './innovation-items.ts';
import { fromItem, getItems, type Item, queryAll } from './items.ts';
import { accountKeys, accountLookup, creditLimitChangeKeys } from './keys.ts';

function toAccount(item: Item) {
  return {
    accountId: String(item.accountId) as AccountId,
    balance: optionalBig(item.balance) ?? 0n,
    creditLimit: optionalBig(item.creditLimit),
    updatedAt: typeof item.updatedAt === 'string' ? item.updatedAt : undefined,
  };
}

export function createLedgerRepository(client: DynamoDBDocumentClient, tableName: string): LedgerRepository {
  const inAccount = (accountId: AccountId, prefix: string) =>
    queryAll(client, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': accountLookup(accountId).pk, ':prefix': prefix },
      ConsistentRead: true,
    });

  return {
    // Access pattern: several accounts at once, strongly consistent (a settlement plans from them).
    async getAccounts(accountIds) {
      const items = await getItems(
        client,
        tableName,
        accountIds.map((id) => accountLookup(id)),
        { consistent: true },
      );
      const found = new Map<AccountId, ReturnType<typeof toAccount>>();
      for (const item of items.values()) found.set(toAccount(item).accountId, toAccount(item));
      return found;
    },

    // Access pattern: every account (gsi1), for the ledger overview and its zero-sum check.
    async listAccounts() {
      const items = await queryAll(client, {
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': 'ACCOUNTS' },
      });
      return items.map(toAccount);
    },

    // Access pattern: an account's entries, oldest first.
    async listEntries(accountId) {
      return (await inAccount(accountId, 'ENTRY#')).map((item) => {
        const entry = fromItem<LedgerEntry>(item);
        return { ...entry, amount: big(entry.amount) };
      });
    },

    // Access pattern: an account's credit-limit changes, oldest first.
    async listLimitChanges(accountId) {
      return (await inAccount(accountId, 'LIMIT#')).map((item) => {
        const change = fromItem<CreditLimitChange>(item);
        return { ...change, limit: optionalBig(change.limit) ?? null, previous: optionalBig(change.previous) ?? null };
      });
    },

    async setCreditLimit(change, log) {
      const keys = accountKeys(change.accountId);
      const setAccount = 'SET accountId = :id, #type = :type, gsi1pk = :g1, gsi1sk = :g1s, updatedAt = :at';
      await transact(
        client,
        [
          {
            Update: {
              TableName: tableName,
              Key: { pk: keys.pk, sk: keys.sk },
              UpdateExpression:
                change.limit === null ? `${setAccount} REMOVE creditLimit` : `${setAccount}, creditLimit = :limit`,
              // Only over the limit the change was decided against, so two changes cannot cross.
              ConditionExpression:
                change.previous === null ? 'attribute_not_exists(creditLimit)' : 'creditLimit = :previous',
              ExpressionAttributeNames: { '#type': 'type' },
              ExpressionAttributeValues: {
                ':id': change.accountId,
                ':type': 'account',
                ':g1': keys.gsi1pk,
                ':g1s': keys.gsi1sk,
                ':at': change.at,
                ...(change.limit === null ? {} : { ':limit': change.limit }),
                ...(change.previous === null ? {} : { ':previous': change.previous }),
              },
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: {
                ...creditLimitChangeKeys(change.accountId, change.at, change.logIndex),
                type: 'credit-limit-change',
                ...change,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          ...logAppendItems(tableName, log),
        ],
        'The credit limit or the log changed meanwhile.',
      );
    },
  };
}
