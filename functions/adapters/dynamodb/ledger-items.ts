// Pure builders for the writes every movement of Bound makes, whichever kind it is (a settlement's
// royalties, a payment): the balance changes with their guards, the statement lines and the ledger's
// totals. One builder each, so a settlement and a payment cannot keep the ledger's promises differently.
import type { LedgerEntry } from '#domain/innovations/innovation-repository.ts';
import type { AccountId } from '#domain/ledger/account.ts';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { accountKeys, creditPolicyKeys, ledgerEntryKeys, ledgerTotalsKeys } from './keys.ts';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** One account's balance change; `guard` for the paying account, which must stay at or above its limit. */
export interface BalanceChange {
  accountId: AccountId;
  delta: bigint;
  /** The balance the plan read: the change lands only over it, so each line's balance after is exact. */
  seen: bigint;
  guard?: { floor: bigint; limitSeen: bigint | null } | undefined;
}

export function balanceUpdate(tableName: string, change: BalanceChange, at: string): TransactItem {
  const { accountId, delta, seen, guard } = change;
  const keys = accountKeys(accountId);
  const limitGuard = guard?.limitSeen === null ? 'attribute_not_exists(creditLimit)' : 'creditLimit = :seenLimit';
  // Over the balance the plan read: entries then carry the exact balance after them. Movements take
  // turns at the log's head anyway, so this adds no waiting, only a retry after a race.
  const balanceIs = seen === 0n ? '(attribute_not_exists(balance) OR balance = :seen)' : 'balance = :seen';
  return {
    Update: {
      TableName: tableName,
      Key: { pk: keys.pk, sk: keys.sk },
      UpdateExpression:
        // The first line's time is kept once (if_not_exists): the credit policy's tiers count months from it.
        'SET accountId = :id, #type = :type, gsi1pk = :g1, gsi1sk = :g1s, updatedAt = :at, firstTradeAt = if_not_exists(firstTradeAt, :at) ADD balance :delta',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: {
        ':id': accountId,
        ':type': 'account',
        ':g1': keys.gsi1pk,
        ':g1s': keys.gsi1sk,
        ':at': at,
        ':delta': delta,
        ':seen': seen,
        ...(guard
          ? { ':floor': guard.floor, ...(guard.limitSeen === null ? {} : { ':seenLimit': guard.limitSeen }) }
          : {}),
      },
      // The payer may only go down to its limit, as it stands now: the condition is on the current
      // balance (at least the limit plus what leaves), so concurrent payments cannot both pass it.
      ConditionExpression: guard
        ? `${balanceIs} AND (attribute_not_exists(balance) OR balance >= :floor) AND ${limitGuard}`
        : balanceIs,
    },
  };
}

/**
 * The credit policy is still at the version a payment's limit was decided by (null: none enacted yet),
 * so a policy enacted between the read and the write sends the payment back to be planned again.
 */
export function policyCheck(tableName: string, version: number | null): TransactItem {
  return {
    ConditionCheck: {
      TableName: tableName,
      Key: creditPolicyKeys,
      ConditionExpression: version === null ? 'attribute_not_exists(pk)' : 'version = :version',
      ...(version === null ? {} : { ExpressionAttributeValues: { ':version': version } }),
    },
  };
}

/** A statement line, written once. Its key orders it by time, then by what made it (report or payment). */
export function entryPut(tableName: string, entry: LedgerEntry): TransactItem {
  const source = entry.kind === 'payment' ? entry.paymentId : entry.reportId;
  return {
    Put: {
      TableName: tableName,
      Item: { ...ledgerEntryKeys(entry.accountId, entry.at, source, entry.sequence), type: 'ledger-entry', ...entry },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/**
 * The ledger's totals grow with each movement: `sum` by the net of its balance changes (zero when it
 * moves as much out as in), so it can only ever move by what the balances move.
 */
export function totalsUpdate(
  tableName: string,
  changes: readonly BalanceChange[],
  counts: { moved: bigint; settlements?: number; payments?: number },
): TransactItem {
  const net = changes.reduce((sum, change) => sum + change.delta, 0n);
  return {
    Update: {
      TableName: tableName,
      Key: ledgerTotalsKeys,
      UpdateExpression: 'ADD #sum :net, settlements :settlements, payments :payments, moved :moved',
      ExpressionAttributeNames: { '#sum': 'sum' },
      ExpressionAttributeValues: {
        ':net': net,
        ':settlements': counts.settlements ?? 0,
        ':payments': counts.payments ?? 0,
        ':moved': counts.moved,
      },
    },
  };
}
