// Payments and payment requests in the table. A payment is one transaction: the payment itself (once
// per id), both balances with their guards, both statement lines, the ledger's totals, the log append,
// and what it pays for: a request (only while open) or approved work (only while it awaits approval).
import { type DynamoDBDocumentClient, PutCommand, type PutCommandInput } from '@aws-sdk/lib-dynamodb';
import type { LogAppend } from '#domain/innovations/log-head.ts';
import type { Payment, PaymentRequest } from '#domain/ledger/payment.ts';
import type { PaymentRepository, PaymentWrite, Settles } from '#domain/ledger/payment-repository.ts';
import { storeCall } from './errors.ts';
import { big, logAppendItems, transact } from './innovation-items.ts';
import { fromItem, getItem, type Item, pageOf, queryPage } from './items.ts';
import {
  type BalanceChange,
  balanceUpdate,
  entryPut,
  policyCheck,
  type TransactItem,
  totalsUpdate,
} from './ledger-items.ts';
import { accountRequestsKey, paymentKeys, paymentRequestKeys, paymentRequestLookup } from './keys.ts';
import { decidedLogPut } from './work-log-repository.ts';
import { orderStepItems } from './order-items.ts';

const toPayment = (item: Item): Payment => {
  const payment = fromItem<Payment>(item);
  return { ...payment, amount: big(payment.amount) };
};
const toRequest = (item: Item): PaymentRequest => {
  const request = fromItem<PaymentRequest>(item);
  return { ...request, amount: big(request.amount) };
};
/** A request changes only while it is open: paid, refused or cancelled, it stays so. */
const whileOpen = {
  ConditionExpression: '#status = :open',
  ExpressionAttributeNames: { '#status': 'status' },
  ExpressionAttributeValues: { ':open': 'open' },
};
const requestItem = (request: PaymentRequest) => ({
  ...paymentRequestKeys(request),
  type: 'payment-request',
  ...request,
});

/** Every write of a payment, for one transaction (see PaymentWrite): 11 items at most, with the log's. */
export function paymentItems(tableName: string, write: PaymentWrite, log: LogAppend): TransactItem[] {
  const { payment, payer, payee } = write;
  const changes: BalanceChange[] = [
    { accountId: payer.accountId, delta: -payer.amount, seen: payer.seen, guard: payer },
    { accountId: payee.accountId, delta: payer.amount, seen: payee.seen },
  ];
  return [
    {
      Put: {
        TableName: tableName,
        Item: { ...paymentKeys(payment.id), type: 'payment', ...payment },
        // Once per id: a request that runs again with the same idempotency key cannot pay again.
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...changes.map((change) => balanceUpdate(tableName, change, payment.at)),
    ...write.entries.map((entry) => entryPut(tableName, entry)),
    totalsUpdate(tableName, changes, { moved: payer.amount, payments: 1 }),
    // The payer's limit came from the policy only without an override of its own (limitSeen guards that).
    ...(payer.limitSeen === null ? [policyCheck(tableName, payer.policyVersion)] : []),
    ...(write.settles ? settledItems(tableName, write.settles) : []),
    ...logAppendItems(tableName, log),
  ];
}

/** What the payment pays for, saved as paid on condition that it still waits for payment. */
function settledItems(tableName: string, settles: Settles): TransactItem[] {
  switch (settles.kind) {
    case 'payment-request':
      // Paid once: accepts that race all aim at the open request, and one lands.
      return [{ Put: { TableName: tableName, Item: requestItem(settles.request), ...whileOpen } }];
    case 'work':
      // Paid once: approvals that race all aim at the log while it awaits approval, and one lands.
      return [decidedLogPut(tableName, settles.workLog)];
    case 'order':
      // Paid once: confirmations that race all aim at the order in the status they read, and one lands.
      return orderStepItems(tableName, settles.order, settles.from);
  }
}

export function createPaymentRepository(client: DynamoDBDocumentClient, tableName: string): PaymentRepository {
  const putRequest = (request: PaymentRequest, condition: Partial<PutCommandInput>, conflict: string) =>
    storeCall(
      () => client.send(new PutCommand({ TableName: tableName, Item: requestItem(request), ...condition })),
      conflict,
    );
  return {
    // Access pattern `payment-by-id`: one payment, strongly consistent (a retry checks it was made).
    async getPayment(paymentId) {
      const item = await getItem(client, tableName, paymentKeys(paymentId), { consistent: true });
      return item ? toPayment(item) : null;
    },

    async pay(write, log) {
      await transact(
        client,
        paymentItems(tableName, write, log),
        'A balance, what it pays for or the log changed meanwhile.',
      );
    },

    // Access pattern `payment-request-by-id`: one request, strongly consistent (an answer decides from it).
    async getRequest(requestId) {
      const item = await getItem(client, tableName, paymentRequestLookup(requestId), { consistent: true });
      return item ? toRequest(item) : null;
    },

    async createRequest(request) {
      await putRequest(request, { ConditionExpression: 'attribute_not_exists(pk)' }, 'A request with this id exists.');
    },

    async closeRequest(request) {
      await putRequest(request, whileOpen, 'The request was answered meanwhile.');
    },

    // Access pattern `requests-of-account`: an account's requests received (gsi1) or sent (gsi2), newest first.
    async requestsPage(accountId, box, request) {
      const key = accountRequestsKey(accountId, box);
      const page = await queryPage(
        client,
        {
          TableName: tableName,
          IndexName: key.index,
          KeyConditionExpression: `${key.name} = :pk`,
          ExpressionAttributeValues: { ':pk': key.value },
          ScanIndexForward: false,
        },
        request,
        { name: key.name, value: key.value },
      );
      return pageOf(page, toRequest);
    },
  };
}
