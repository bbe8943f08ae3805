// The port the payment use cases write through. The DynamoDB adapter makes each payment one
// transaction with its balances, statement lines, the ledger's totals and its registry-log entry.
import type { PaymentEntry } from '../innovations/innovation-repository.ts';
import type { LogAppend } from '../innovations/log-head.ts';
import type { Page, PageRequest } from '../paging.ts';
import type { AccountId } from './account.ts';
import type { WorkLog } from '../work/work-log.ts';
import type { Order, OrderStatus } from '../orders/order.ts';
import type { Payment, PaymentRequest } from './payment.ts';

/**
 * A payment as the store must apply it, all or nothing:
 * - the payment, once per id (a run that repeats with the same id changes nothing);
 * - the payer's balance down by the amount, on condition that it is still `seen`, at least `floor`
 *   (its limit plus the amount) and its limit override is still `limitSeen`; without an override, on
 *   condition that the credit policy is still at `policyVersion` (null: none enacted), as its limit came from it;
 * - the payee's balance up, on condition that it is still `seen`;
 * - both statement lines; the ledger's totals; with `settles`, what it pays for, saved as paid only if it
 *   still waits to be paid (see Settles).
 */
export interface PaymentWrite {
  payment: Payment;
  payer: {
    accountId: AccountId;
    amount: bigint;
    floor: bigint;
    limitSeen: bigint | null;
    policyVersion: number | null;
    seen: bigint;
  };
  payee: { accountId: AccountId; seen: bigint };
  entries: [PaymentEntry, PaymentEntry];
  settles?: Settles | undefined;
}

/**
 * What a payment pays for, as it must be saved in the payment's own transaction: each kind is saved on
 * condition that it still waits for payment (a request still open, work still awaiting approval, an
 * order still delivered or disputed), so payments that race or repeat for it pay once. A new kind adds a
 * member here and its case in the adapter.
 */
export type Settles =
  | { kind: 'payment-request'; request: PaymentRequest }
  /** Logged hours, approved: saved on condition that they still await approval. */
  | { kind: 'work'; workLog: WorkLog }
  /** An order, saved confirmed on condition that its status is still `from` (delivered or disputed). */
  | { kind: 'order'; order: Order; from: OrderStatus };

export type RequestBox = 'sent' | 'received';

export interface PaymentRepository {
  getPayment(paymentId: string): Promise<Payment | null>;
  /** One transaction with its log entry: see PaymentWrite. ConflictError if anything it read changed. */
  pay(write: PaymentWrite, log: LogAppend): Promise<void>;
  getRequest(requestId: string): Promise<PaymentRequest | null>;
  /** A new request; ConflictError if its id is taken. */
  createRequest(request: PaymentRequest): Promise<void>;
  /** Saves a refused or cancelled request, on condition that it is still open; ConflictError otherwise. */
  closeRequest(request: PaymentRequest): Promise<void>;
  /** A page of the requests an account sent (as payee) or received (as payer), newest first. */
  requestsPage(accountId: AccountId, box: RequestBox, request: PageRequest): Promise<Page<PaymentRequest>>;
}
