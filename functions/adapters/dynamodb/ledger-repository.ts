import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CreditLimitChange, LedgerEntry, LedgerRepository } from '#domain/innovations/innovation-repository.ts';
import type { AccountId } from '#domain/ledger/account.ts';
import type { StoredCreditPolicy } from '#domain/ledger/credit-policy.ts';
import type { StewardRemoval } from '#domain/ledger/stewards.ts';
import { big, logAppendItems, optionalBig, transact } from './innovation-items.ts';
import type { TransactItem } from './ledger-items.ts';
import { fromItem, getItem, getItems, type Item, pageOf, queryAll, queryPage } from './items.ts';
import {
  accountEntriesKey,
  accountKeys,
  accountLookup,
  accountsListKey,
  creditLimitChangeKeys,
  creditPolicyKeys,
  stewardRemovalsKeys,
  ledgerTotalsKeys,
  limitChangesOf,
} from './keys.ts';
import { prefixValues, startsWith } from './key-prefix.ts';

function toAccount(item: Item) {
  return {
    accountId: String(item.accountId) as AccountId,
    balance: optionalBig(item.balance) ?? 0n,
    creditLimit: optionalBig(item.creditLimit),
    firstTradeAt: typeof item.firstTradeAt === 'string' ? item.firstTradeAt : undefined,
    updatedAt: typeof item.updatedAt === 'string' ? item.updatedAt : undefined,
  };
}

const toCreditPolicy = (item: Item): StoredCreditPolicy => {
  const policy = fromItem<StoredCreditPolicy>(item);
  return {
    defaultCredit: big(policy.defaultCredit),
    tiers: policy.tiers.map((tier) => ({ months: Number(tier.months), credit: big(tier.credit) })),
    version: Number(policy.version),
    proposalId: policy.proposalId,
    enactedAt: policy.enactedAt,
    logIndex: Number(policy.logIndex),
  };
};

/**
 * The write of an enacted credit policy: the one policy item, over the version the closing read (none:
 * the first policy), so two enactments cannot cross and a payment that read the old one is refused.
 */
export function creditPolicyItem(tableName: string, policy: StoredCreditPolicy): TransactItem {
  const first = policy.version === 1;
  return {
    Put: {
      TableName: tableName,
      Item: { ...creditPolicyKeys, type: 'credit-policy', ...policy },
      ConditionExpression: first ? 'attribute_not_exists(pk)' : 'version = :previous',
      ...(first ? {} : { ExpressionAttributeValues: { ':previous': policy.version - 1 } }),
    },
  };
}

/**
 * The write of a steward's removal by a passed `remove-steward` proposal: appended to the one item,
 * once (a second removal of the same person is refused by its condition).
 */
export function stewardRemovalItem(tableName: string, removal: StewardRemoval): TransactItem {
  return {
    Update: {
      TableName: tableName,
      Key: stewardRemovalsKeys,
      UpdateExpression:
        'SET #type = :type, removed = list_append(if_not_exists(removed, :none), :id), removals = list_append(if_not_exists(removals, :none), :removal)',
      ConditionExpression: 'attribute_not_exists(pk) OR NOT contains(removed, :person)',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: {
        ':type': 'steward-removals',
        ':none': [],
        ':id': [removal.personId],
        ':person': removal.personId,
        ':removal': [removal],
      },
    },
  };
}

/** A grant's check, in its transaction, that the commons has not removed the steward making it. */
function stillSteward(tableName: string, steward: string): TransactItem {
  return {
    ConditionCheck: {
      TableName: tableName,
      Key: stewardRemovalsKeys,
      ConditionExpression: 'attribute_not_exists(pk) OR NOT contains(removed, :person)',
      ExpressionAttributeValues: { ':person': steward },
    },
  };
}

const toEntry = (item: Item): LedgerEntry => {
  const entry = fromItem<LedgerEntry>(item);
  return { ...entry, amount: big(entry.amount), balanceAfter: optionalBig(entry.balanceAfter) };
};

/**
 * The writes of a credit-limit change: the account's override, only over the limit the change was decided
 * against (so two changes cannot cross), and the change's history item. A grant and an enacted proposal
 * write them, each in its own transaction with its log entry.
 */
export function creditLimitItems(tableName: string, change: CreditLimitChange): TransactItem[] {
  const keys = accountKeys(change.accountId);
  const setAccount = 'SET accountId = :id, #type = :type, gsi1pk = :g1, gsi1sk = :g1s, updatedAt = :at';
  return [
    {
      Update: {
        TableName: tableName,
        Key: { pk: keys.pk, sk: keys.sk },
        UpdateExpression:
          change.limit === null ? `${setAccount} REMOVE creditLimit` : `${setAccount}, creditLimit = :limit`,
        ConditionExpression: change.previous === null ? 'attribute_not_exists(creditLimit)' : 'creditLimit = :previous',
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
  ];
}

export function createLedgerRepository(client: DynamoDBDocumentClient, tableName: string): LedgerRepository {
  const inAccount = (key: { pk: string; prefix: string }) =>
    queryAll(client, {
      TableName: tableName,
      KeyConditionExpression: `pk = :pk AND ${startsWith('sk')}`,
      ExpressionAttributeValues: { ':pk': key.pk, ...prefixValues(key.prefix) },
      ConsistentRead: true,
    });

  return {
    // Access pattern `accounts-by-ids`: several accounts at once, strongly consistent (a settlement plans from them).
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

    // Access pattern `accounts`: a page of every account, by id (gsi1; see keys.ts for why one partition).
    async accountsPage(request) {
      const page = await queryPage(
        client,
        {
          TableName: tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': accountsListKey.gsi1pk },
        },
        request,
        { name: 'gsi1pk', value: accountsListKey.gsi1pk },
      );
      return pageOf(page, toAccount);
    },

    // Access pattern `ledger-totals`: the ledger's totals, one item kept by every movement (strongly consistent).
    async totals() {
      const item = await getItem(client, tableName, ledgerTotalsKeys, { consistent: true });
      return {
        sum: optionalBig(item?.sum) ?? 0n,
        settlements: Number(item?.settlements ?? 0),
        payments: Number(item?.payments ?? 0),
        moved: optionalBig(item?.moved) ?? 0n,
      };
    },

    // Access pattern `entries-of-account`: a page of an account's statement lines, oldest first.
    async entriesPage(accountId, request) {
      const key = accountEntriesKey(accountId);
      const page = await queryPage(
        client,
        {
          TableName: tableName,
          KeyConditionExpression: `pk = :pk AND ${startsWith('sk')}`,
          ExpressionAttributeValues: { ':pk': key.pk, ...prefixValues(key.prefix) },
        },
        request,
        { name: 'pk', value: key.pk },
      );
      return pageOf(page, toEntry);
    },

    // Access pattern `limit-changes-of-account`: an account's credit-limit changes, oldest first.
    async listLimitChanges(accountId) {
      return (await inAccount(limitChangesOf(accountId))).map((item) => {
        const change = fromItem<CreditLimitChange>(item);
        return { ...change, limit: optionalBig(change.limit) ?? null, previous: optionalBig(change.previous) ?? null };
      });
    },

    // Access pattern `credit-policy`: the commons' credit policy, strongly consistent (a payment conditions on its version).
    async creditPolicy() {
      const item = await getItem(client, tableName, creditPolicyKeys, { consistent: true });
      return item ? toCreditPolicy(item) : null;
    },

    async setCreditLimit(change, log, steward) {
      await transact(
        client,
        [
          ...creditLimitItems(tableName, change),
          ...logAppendItems(tableName, log),
          ...(steward === undefined ? [] : [stillSteward(tableName, steward)]),
        ],
        'The credit limit, the stewards or the log changed meanwhile.',
      );
    },

    // Access pattern `steward-removals`: the stewards the commons removed, strongly consistent.
    async stewardRemovals() {
      const item = await getItem(client, tableName, stewardRemovalsKeys, { consistent: true });
      return item ? (fromItem<{ removals?: StewardRemoval[] }>(item).removals ?? []) : [];
    },
  };
}
