// In-memory payments and payment requests for unit tests, keeping the DynamoDB adapter's promises: a
// payment lands once per id, only over the balances and the payer's limit its plan saw, never below
// the payer's floor, only on an open request and on the log's head; a refused write (ConflictError)
// changes nothing. Lists come newest first, a page at a time; everything read is a copy.
import { ConflictError } from '#domain/errors.ts';
import type { Payment, PaymentRequest } from '#domain/ledger/payment.ts';
import type { PaymentRepository } from '#domain/ledger/payment-repository.ts';
import { pageOfList } from '#domain/paging.ts';
import type { MemoryLedger, MemoryRegistryLog } from './memory-ledger.ts';

const copy = <T>(value: T): T => structuredClone(value);

export function memoryPayments(log: MemoryRegistryLog, ledger: MemoryLedger): PaymentRepository {
  const payments = new Map<string, Payment>();
  const requests = new Map<string, PaymentRequest>();
  const conflict = () => new ConflictError('A balance, the request or the log changed meanwhile.');
  return {
    getPayment: async (paymentId) => copy(payments.get(paymentId) ?? null),
    async pay(write, append) {
      // Read first: everything after it, through the writes, runs without yielding, as one transaction.
      const policyVersion = (await ledger.creditPolicy())?.version ?? null;
      const { payment, payer, payee } = write;
      const from = ledger.account(payer.accountId);
      const balance = from?.balance ?? 0n;
      if (payments.has(payment.id)) throw conflict();
      if (balance !== payer.seen || (from !== undefined && balance < payer.floor)) throw conflict();
      if ((from?.creditLimit ?? null) !== payer.limitSeen) throw conflict();
      if (payer.limitSeen === null && policyVersion !== payer.policyVersion) throw conflict();
      if ((ledger.account(payee.accountId)?.balance ?? 0n) !== payee.seen) throw conflict();
      ledger.checkEntries(write.entries);
      const request = write.settles?.kind === 'payment-request' ? write.settles.request : undefined;
      if (request && requests.get(request.id)?.status !== 'open') throw conflict();
      log.check(append);
      ledger.move(payer.accountId, -payer.amount, payment.at);
      ledger.move(payee.accountId, payer.amount, payment.at);
      ledger.addEntries(write.entries);
      ledger.addTotals(0n, payer.amount, 'payments');
      payments.set(payment.id, copy(payment));
      if (request) requests.set(request.id, copy(request));
      log.apply(append);
    },
    getRequest: async (requestId) => copy(requests.get(requestId) ?? null),
    async createRequest(request) {
      if (requests.has(request.id)) throw new ConflictError('A payment request with this id exists already.');
      requests.set(request.id, copy(request));
    },
    async closeRequest(request) {
      if (requests.get(request.id)?.status !== 'open') throw new ConflictError('The request was answered meanwhile.');
      requests.set(request.id, copy(request));
    },
    requestsPage: async (accountId, box, request) =>
      copy(
        pageOfList(
          [...requests.values()]
            .filter((r) => (box === 'received' ? r.payer : r.payee) === accountId)
            .sort((a, b) => `${b.createdAt}#${b.id}`.localeCompare(`${a.createdAt}#${a.id}`)),
          request,
        ),
      ),
  };
}
