// Payments in Bound and payment requests: each a command, so the API and the site's pay forms make
// them through one edge (write limit, schemas, idempotency key, use case).
import * as z from 'zod/mini';
import { idSchema } from '#domain/ids.ts';
import { paymentInputSchema, paymentRequestInputSchema, requestDecisionSchema } from '#domain/ledger/payment.ts';
import { answerRequest, pay, requestPayment } from '#domain/ledger/payment-use-cases.ts';
import { command } from './command.ts';

export const payCommand = command({
  name: 'payments.pay',
  input: () => ({ body: paymentInputSchema() }),
  run: ({ services, identity, body }) => pay(services, identity, body),
  // A payment found made already (a run again with the same key) moved nothing this time.
  counts: ({ output }) => (output.paidNow ? 'payments' : undefined),
});

export const requestPaymentCommand = command({
  name: 'payments.request',
  input: () => ({ body: paymentRequestInputSchema() }),
  run: ({ services, identity, body }) => requestPayment(services, identity, body),
});

export const answerRequestCommand = command({
  name: 'payments.answer-request',
  input: () => ({ params: z.object({ requestId: idSchema() }), body: requestDecisionSchema() }),
  run: ({ services, identity, params, body }) => answerRequest(services, identity, params.requestId, body.decision),
  counts: ({ output }) => (output.paidNow ? 'payments' : undefined),
});
