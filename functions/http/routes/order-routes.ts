// Orders of offers: place one, read one, list your own or a syndicate's as buyer or seller, and take it
// through its steps. Amounts (the unit price and the total) go out as minor units.
import { documented } from '#config/bundle.ts';
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { placeOrderCommand, stepOrderCommand } from '#app/commands/order-commands.ts';
import { orderStatuses } from '#domain/orders/order.ts';
import { myOrders, syndicateOrders, viewOrder } from '#domain/orders/order-use-cases.ts';
import { commandRoute, protectedRoute } from '../route.ts';
import { json, mine } from './answers.ts';
import { pageSchema } from './paged.ts';
import { cursorQuery, idParam as id, minorUnits } from './params.ts';

const sideQuery = /* @__PURE__ */ lazySchema(() =>
  z.object({
    side: z
      ._default(z.enum(['buying', 'selling']), 'buying')
      .check(z.describe('`buying`: orders placed; `selling`: orders received.')),
    ...cursorQuery(),
  }),
);

// What the routes answer with, for the OpenAPI document only (called from schema factories).
const orderItem = () =>
  z.object({
    id: z.string(),
    offerId: z.string(),
    buyer: z.string(),
    seller: z.string(),
    orderedBy: z.string(),
    title: z.string(),
    kind: z.enum(['service', 'good', 'labour']),
    unit: z.enum(['hour', 'item', 'job']),
    unitPrice: minorUnits(),
    quantity: z.number().check(z.int()),
    total: minorUnits(),
    trade: z.string(),
    skillIds: z.array(z.string()),
    demandHours: z.number(),
    status: z.enum(orderStatuses),
    createdAt: z.string(),
    updatedAt: z.string(),
    decidedBy: z.optional(z.string()),
    deliveredAt: z.optional(z.string()),
    dueAt: z.optional(z.string().check(z.describe('Past this instant an undisputed delivery counts as confirmed.'))),
    disputeReason: z.optional(z.string()),
    disputedAt: z.optional(z.string()),
    paymentId: z.optional(z.string()),
    lapsed: z.optional(z.boolean()),
  });

export const orderRoutes = [
  commandRoute(placeOrderCommand, {
    method: 'POST',
    path: '/api/orders',
    doc: documented && {
      summary:
        'Order an offer (a whole number of units) for your account or a syndicate’s you are an admin of; its terms are kept as they are now. Send an Idempotency-Key so a retry orders once',
      tags: ['ledger'],
      responses: {
        201: { description: 'The order, waiting for the seller.', schema: orderItem },
        400: { description: 'A field the request does not take, or a quantity that is not a whole number from 1.' },
        403: { description: 'Ordering for an account that is not yours nor a syndicate’s you are an admin of.' },
        422: {
          description:
            'An offer that does not exist, was withdrawn or has expired; your own offer (or your syndicate’s); a total past what one payment may move.',
        },
      },
    },
    respond: (order) => json(order, 201, mine),
  }),
  protectedRoute({
    method: 'GET',
    path: '/api/orders/{orderId}',
    auth: 'required',
    input: () => ({ params: z.object({ orderId: id() }) }),
    doc: documented && {
      summary: 'An order (its buyer’s and its seller’s side only)',
      tags: ['ledger'],
      responses: {
        200: { description: 'The order.', schema: orderItem },
        404: { description: 'No such order on either of your sides.' },
      },
    },
    async handle({ params, identity, services }) {
      return json(await viewOrder(services, identity, params.orderId), 200, mine);
    },
  }),
  commandRoute(stepOrderCommand, {
    method: 'PUT',
    path: '/api/orders/{orderId}/step',
    doc: documented && {
      summary:
        'Take an order’s next step: the seller accepts, declines, delivers or refunds; the buyer cancels (before acceptance), disputes (with a reason, within the window) or confirms (which pays, once); past the window either side may confirm',
      tags: ['ledger'],
      responses: {
        200: { description: 'The order, and the payment when confirmed (`paidNow` false when it was paid already).' },
        400: { description: 'An action it does not know, or a field the request does not take.' },
        403: { description: 'A step that is the other side’s.' },
        404: { description: 'No such order on either of your sides.' },
        409: { description: 'A step its status does not allow (it was declined, delivered, confirmed… already).' },
        422: {
          description:
            'A dispute without a reason or past its window (rule `dispute-window-closed`); a confirmation past the buyer’s credit limit (rule `credit-limit`: the order stays delivered); acting for both sides (rule `conflict-of-interest`).',
        },
      },
    },
    respond: (output) => json(output, 200, mine),
  }),
  protectedRoute({
    method: 'GET',
    path: '/api/me/orders',
    auth: 'required',
    input: () => ({ query: sideQuery() }),
    doc: documented && {
      summary: 'The orders you placed (buying) or received (selling), newest first, a page at a time',
      tags: ['ledger'],
      responses: { 200: { description: 'One page of orders.', schema: () => pageSchema(orderItem()) } },
    },
    async handle({ query, identity, services }) {
      const page = { limit: query.pageSize, cursor: query.cursor };
      return json(await myOrders(services, identity, query.side, page), 200, mine);
    },
  }),
  protectedRoute({
    method: 'GET',
    path: '/api/syndicates/{syndicateId}/orders',
    auth: 'required',
    input: () => ({ params: z.object({ syndicateId: id() }), query: sideQuery() }),
    doc: documented && {
      summary:
        'A syndicate’s orders, placed (buying) or received (selling), newest first, a page at a time (its admins)',
      tags: ['ledger'],
      responses: {
        200: { description: 'One page of orders.', schema: () => pageSchema(orderItem()) },
        404: { description: 'No syndicate you are an admin of.' },
      },
    },
    async handle({ params, query, identity, services }) {
      const page = { limit: query.pageSize, cursor: query.cursor };
      return json(await syndicateOrders(services, identity, params.syndicateId, query.side, page), 200, mine);
    },
  }),
];
