// The payment rows of `npm run bench:api`: POST /api/payments through the local gateway, and the same
// payment made raw: the three reads it plans from (the payment's id, both accounts, the log's head,
// strongly consistent) and its one TransactWriteItems, built by the same pure builders, tried again
// from the reads when another payment took the head first, under the same retry policy as the API's
// use case (retryOnConflict: backoff with full jitter, 6 s budget). Without that backoff the raw
// writers thrash on the head (measured: p50 620 ms at 10 connections, 6.3 s at 50). Every payment
// moves 0.01 Bound between two demo people, who have 1,000.00 Bound of credit each.
import { BatchGetCommand, type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type autocannon from 'autocannon';
import { paymentItems } from '#adapters/dynamodb/payment-repository.ts';
import { fromItem } from '#adapters/dynamodb/items.ts';
import { accountLookup, logHeadKeys, paymentKeys } from '#adapters/dynamodb/keys.ts';
import { memoDigest } from '#domain/innovations/log-events.ts';
import { emptyHead, type LogHead, type LogSigner, prepareAppend } from '#domain/innovations/log-head.ts';
import { ConflictError } from '#domain/errors.ts';
import type { AccountId } from '#domain/ledger/account.ts';
import { retryOnConflict } from '#domain/retry.ts';

const memo = 'Benchmark payment';
const pair = (people: readonly string[], i: number) => {
  const from: AccountId = `person:${people[i % people.length]}`;
  const to: AccountId = `person:${people[(i + 1) % people.length]}`;
  return { from, to };
};

/** One request per person, each paying the next person one minor unit. */
export function paymentRequests(people: readonly string[], tokens: readonly string[]): autocannon.Request[] {
  return people.map((_, i) => ({
    method: 'POST' as const,
    path: '/api/payments',
    headers: { authorization: `Bearer ${tokens[i]}`, 'content-type': 'application/json' },
    body: JSON.stringify({ to: pair(people, i).to, amount: 1, memo }),
  }));
}

/** The same payment, raw: reads, plan, one transaction; again from the reads if it lost the race. */
export function rawPayment(tableName: string, people: readonly string[], signer: LogSigner) {
  let made = 0;
  return async (client: DynamoDBDocumentClient, i: number) => {
    const { from, to } = pair(people, i);
    const id = `bench-${process.pid}-${made++}`;
    await retryOnConflict(async () => {
      const [head, accounts] = await Promise.all([
        client.send(new GetCommand({ TableName: tableName, Key: logHeadKeys, ConsistentRead: true })),
        client.send(
          new BatchGetCommand({
            RequestItems: { [tableName]: { Keys: [accountLookup(from), accountLookup(to)], ConsistentRead: true } },
          }),
        ),
        client.send(new GetCommand({ TableName: tableName, Key: paymentKeys(id), ConsistentRead: true })),
      ]);
      const found = new Map((accounts.Responses?.[tableName] ?? []).map((item) => [String(item.accountId), item]));
      const seen = (account: AccountId) => BigInt(Number(found.get(account)?.balance ?? 0));
      const limit = found.get(from)?.creditLimit;
      const limitSeen = limit === undefined ? null : BigInt(Number(limit));
      const now = new Date();
      const at = now.toISOString();
      const log = prepareAppend(
        head.Item ? fromItem<LogHead>(head.Item) : emptyHead(),
        {
          kind: 'payment',
          at,
          paymentId: id,
          from,
          to,
          amount: '1',
          by: 'bench',
          requestId: null,
          memoDigest: memoDigest(id, memo),
        },
        now,
        signer,
      );
      const line = { at, kind: 'payment' as const, paymentId: id, memo, by: 'bench', logIndex: log.entry.index };
      const items = paymentItems(
        tableName,
        {
          payment: { id, from, to, amount: 1n, memo, by: 'bench', at, logIndex: log.entry.index },
          payer: {
            accountId: from,
            amount: 1n,
            floor: (limitSeen ?? 0n) + 1n,
            limitSeen,
            policyVersion: null,
            seen: seen(from),
          },
          payee: { accountId: to, seen: seen(to) },
          entries: [
            { ...line, accountId: from, counterparty: to, amount: -1n, sequence: 0, balanceAfter: seen(from) - 1n },
            { ...line, accountId: to, counterparty: from, amount: 1n, sequence: 1, balanceAfter: seen(to) + 1n },
          ],
        },
        log,
      );
      try {
        await client.send(new TransactWriteCommand({ TransactItems: items }));
      } catch (error) {
        if ((error as Error).name !== 'TransactionCanceledException') throw error;
        throw new ConflictError('Another payment took the head first.', { cause: error });
      }
    });
  };
}
