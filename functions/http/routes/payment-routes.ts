// Paying in Bound: direct payments, payment requests (a payee's invoice the payer accepts or refuses)
// and the lists of requests an account sent and received. Amounts go in and out as minor units.
import { documented } from '#config/bundle.ts';
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { answerRequestCommand, payCommand, requestPaymentCommand } from '#app/commands/payment-commands.ts';
import { myRequests, syndicateRequests, viewRequest } from '#domain/ledger/payment-use-cases.ts';
import { commandRoute, protectedRoute } from '../route.ts';
import { json, mine } from './answers.ts';
import { pageSchema } from './paged.ts';
import { cursorQuery, idParam as id, minorUnits } from './params.ts';

const boxQuery = /* @__PURE__ */ lazySchema(() =>
  z.object({
    box: z
      ._default(z.enum(['received', 'sent']), 'received')
      .check(z.describe('`received`: requests to pay; `sent`: requests to be paid.')),
    ...cursorQuery(),
  }),
);

// What the routes answer with, for the OpenAPI document only (called from schema factories).
const paymentItem = () =>
  z.object({
    id: z.string(),
    from: z.string(),
    to: z.string(),
    amount: minorUnits(),
    memo: z.string(),
    by: z.string(),
    at: z.string(),
    requestId: z.optional(z.string()),
    workLogId: z.optional(z.string()),
    logIndex: z.number().check(z.int()),
  });
const requestItem = () =>
  z.object({
    id: z.string(),
    payer: z.string(),
    payee: z.string(),
    amount: minorUnits(),
    memo: z.string(),
    requestedBy: z.string(),
    createdAt: z.string(),
    status: z.enum(['open', 'paid', 'refused', 'cancelled']),
    paymentId: z.optional(z.string()),
  });
const refusals = {
  400: { description: 'A field the request does not take, or an amount that is not whole minor units above zero.' },
  403: { description: 'An account that is not yours nor a syndicate’s you are an admin of.' },
};

export const paymentRoutes = [
  commandRoute(payCommand, {
    method: 'POST',
    path: '/api/payments',
    doc: documented && {
      summary:
        'Pay a person or a syndicate an amount of Bound (minor units) with a memo, from your account or a syndicate’s you are an admin of; send an Idempotency-Key so a retry never pays twice',
      tags: ['ledger'],
      responses: {
        201: {
          description: 'The payment, with its registry-log index.',
          schema: () => z.object({ payment: paymentItem() }),
        },
        ...refusals,
        422: {
          description:
            'Paying your own account, an account nobody holds, past the payer’s credit limit (rule `credit-limit`), or an admin paying themselves from a syndicate (rule `conflict-of-interest`).',
        },
      },
    },
    respond: (output) => json(output, output.paidNow ? 201 : 200, mine),
  }),
  commandRoute(requestPaymentCommand, {
    method: 'POST',
    path: '/api/payment-requests',
    doc: documented && {
      summary: 'Ask a person or a syndicate to pay you (or a syndicate you are an admin of) an amount with a memo',
      tags: ['ledger'],
      responses: {
        201: { description: 'The open request.', schema: requestItem },
        ...refusals,
        422: { description: 'Asking yourself, or an account nobody holds.' },
      },
    },
    respond: (request) => json(request, 201, mine),
  }),
  protectedRoute({
    method: 'GET',
    path: '/api/payment-requests/{requestId}',
    auth: 'required',
    input: () => ({ params: z.object({ requestId: id() }) }),
    doc: documented && {
      summary: 'A payment request (its payer’s and its payee’s side only)',
      tags: ['ledger'],
      responses: {
        200: { description: 'The request.', schema: requestItem },
        404: { description: 'No such request on either of your sides.' },
      },
    },
    async handle({ params, identity, services }) {
      return json(await viewRequest(services, identity, params.requestId), 200, mine);
    },
  }),
  commandRoute(answerRequestCommand, {
    method: 'PUT',
    path: '/api/payment-requests/{requestId}/decision',
    doc: documented && {
      summary:
        'Answer a payment request: the payer accepts (pays it, once) or refuses; whoever asked may cancel it while open',
      tags: ['ledger'],
      responses: {
        200: { description: 'The request, and the payment when accepted.' },
        403: { description: 'A decision that is the other side’s.' },
        404: { description: 'No such request on either of your sides.' },
        409: { description: 'The request was refused, cancelled or paid already.' },
        422: { description: 'Past the payer’s credit limit, or an admin paying themselves from a syndicate.' },
      },
    },
    respond: (output) => json(output, 200, mine),
  }),
  protectedRoute({
    method: 'GET',
    path: '/api/me/payment-requests',
    auth: 'required',
    input: () => ({ query: boxQuery() }),
    doc: documented && {
      summary: 'The payment requests you received (to pay) or sent (to be paid), newest first, a page at a time',
      tags: ['ledger'],
      responses: { 200: { description: 'One page of requests.', schema: () => pageSchema(requestItem()) } },
    },
    async handle({ query, identity, services }) {
      const page = { limit: query.pageSize, cursor: query.cursor };
      return json(await myRequests(services, identity, query.box, page), 200, mine);
    },
  }),
  protectedRoute({
    method: 'GET',
    path: '/api/syndicates/{syndicateId}/payment-requests',
    auth: 'required',
    input: () => ({ params: z.object({ syndicateId: id() }), query: boxQuery() }),
    doc: documented && {
      summary:
        'A syndicate’s payment requests, received (to pay) or sent (to be paid), newest first, a page at a time (its admins)',
      tags: ['ledger'],
      responses: {
        200: { description: 'One page of requests.', schema: () => pageSchema(requestItem()) },
        404: { description: 'No syndicate you are an admin of.' },
      },
    },
    async handle({ params, query, identity, services }) {
      const page = { limit: query.pageSize, cursor: query.cursor };
      return json(await syndicateRequests(services, identity, params.syndicateId, query.box, page), 200, mine);
    },
  }),
];
