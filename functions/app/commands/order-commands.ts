// Orders of offers: placing one and each step after it (accept, decline, cancel, deliver, dispute,
// confirm, refund), as commands, so the API and the site's order forms act through one edge.
import * as z from 'zod/mini';
import { idSchema } from '#domain/ids.ts';
import { orderInputSchema, orderStepSchema } from '#domain/orders/order.ts';
import { placeOrder, stepOrder } from '#domain/orders/order-use-cases.ts';
import { command } from './command.ts';

export const placeOrderCommand = command({
  name: 'orders.place',
  input: () => ({ body: orderInputSchema() }),
  run: ({ services, identity, body }) => placeOrder(services, identity, body),
});

export const stepOrderCommand = command({
  name: 'orders.step',
  input: () => ({ params: z.object({ orderId: idSchema() }), body: orderStepSchema() }),
  run: ({ services, identity, params, body }) => stepOrder(services, identity, params.orderId, body),
  // A confirmation found paid already (a retry, a lost race) moved nothing this time.
  counts: ({ output }) => (output.paidNow ? 'payments' : undefined),
});
