// Ordering an offer and taking an order through its steps. Who may act is decided here, from the order
// read strongly consistent; each step is saved on condition of the status it was decided from; the
// confirmation pays through movePayment, which saves the order confirmed in the payment's own
// transaction, so confirmations that race or repeat (the buyer's, a party's past the window, the
// sweep's) pay once.
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { orderErrorWords, orderWords } from '../i18n/economy/order-refusals.ts';
import type { Identity } from '../identity.ts';
import { personAccount } from '../ledger/account.ts';
import type { Payment } from '../ledger/payment.ts';
import { actsFor, movePayment, type PaymentDependencies, type Settling } from '../ledger/payment-use-cases.ts';
import type { PageRequest } from '../paging.ts';
import { retryOnConflict } from '../retry.ts';
import {
  checkOfferOpen,
  checkOrderSides,
  checkQuantityOffered,
  dueAfter,
  isDue,
  newOrder,
  type OfferLookup,
  type Order,
  type OrderInput,
  type OrderStatus,
  type OrderStepInput,
  orderPaymentId,
  orderStep,
} from './order.ts';
import type { OrderRepository, OrderSide } from './order-repository.ts';

export type OrderDependencies = PaymentDependencies & {
  orders: OrderRepository;
  offers: OfferLookup;
  config: { ORDER_DISPUTE_WINDOW_DAYS: number };
};

export interface OrderStepResult {
  order: Order;
  payment?: Payment | undefined;
  /** True only for the confirmation that moved the Bound (a retry, or a lost race, finds it paid). */
  paidNow: boolean;
}

/**
 * Steps: read the offer (none: refused, naming it); check the sides (the person acts for the buyer and
 * not for the seller) and that the offer takes orders; snapshot its terms for the quantity; create the
 * order once per id (the id comes from the Idempotency-Key: a retry finds the order it made).
 */
export async function placeOrder(deps: OrderDependencies, identity: Identity, input: OrderInput): Promise<Order> {
  const offer = await deps.offers.getOffer(input.offerId);
  if (!offer) {
    throw new ValidationError(
      [{ field: 'body.offerId', ...orderWords({ key: 'not-listed', values: { offerId: input.offerId } }) }],
      ...orderErrorWords({ key: 'no-such-offer', values: {} }),
    );
  }
  const buyer = input.buyer ?? personAccount(identity.personId);
  const [actsForBuyer, actsForSeller] = await Promise.all([
    actsFor(deps, identity.personId, buyer),
    actsFor(deps, identity.personId, offer.seller),
  ]);
  checkOrderSides({ buyer, seller: offer.seller, actsForBuyer, actsForSeller });
  const now = deps.now();
  checkOfferOpen(offer, now);
  checkQuantityOffered(offer, input.quantity);
  const order = newOrder(offer, {
    id: deps.newId(),
    buyer,
    quantity: input.quantity,
    orderedBy: identity.personId,
    at: now.toISOString(),
  });
  try {
    await deps.orders.createOrder(order);
  } catch (error) {
    // The same id again: an order placed before with this idempotency key. Answer with what it made.
    const made = error instanceof ConflictError ? await deps.orders.getOrder(order.id) : null;
    if (!made || made.orderedBy !== identity.personId) throw error;
    return made;
  }
  return order;
}

/** The sides of an order the person acts for; an order they act for on neither side is not found. */
export async function sidesOf(deps: OrderDependencies, identity: Identity, orderId: string) {
  const order = await deps.orders.getOrder(orderId);
  if (!order) throw new NotFoundError('order', orderId);
  const [buyer, seller] = await Promise.all([
    actsFor(deps, identity.personId, order.buyer),
    actsFor(deps, identity.personId, order.seller),
  ]);
  if (!(buyer || seller)) throw new NotFoundError('order', orderId);
  return { order, side: { buyer, seller } };
}

/** An order, for whoever acts for its buyer or its seller; anyone else is answered 404. */
export async function viewOrder(deps: OrderDependencies, identity: Identity, orderId: string): Promise<Order> {
  return (await sidesOf(deps, identity, orderId)).order;
}

/**
 * One step of an order (accept, decline, cancel, deliver, dispute, confirm, refund) by a party to it.
 * A confirmation pays (see confirmOrder); any other step is saved on condition that the order's status
 * is still the one it was decided from, deciding again from a fresh read after a lost race.
 */
export async function stepOrder(
  deps: OrderDependencies,
  identity: Identity,
  orderId: string,
  step: OrderStepInput,
): Promise<OrderStepResult> {
  const { order, side } = await sidesOf(deps, identity, orderId);
  const first = orderStep(order, step, side, deps.now());
  if (first === 'already-confirmed') return { order, payment: await paymentOf(deps, order), paidNow: false };
  if (first === 'confirmed') return confirmOrder(deps, order, { by: identity.personId, lapsed: !side.buyer });
  try {
    return await retryOnConflict(async () => {
      const current = (await deps.orders.getOrder(orderId)) ?? order;
      const now = deps.now();
      let to: OrderStatus | 'already-confirmed';
      try {
        to = orderStep(current, step, side, now);
      } catch (error) {
        throw new StepRefused(error);
      }
      if (to === 'already-confirmed' || to === 'confirmed') throw new StepRefused(changedMeanwhile(current));
      const at = now.toISOString();
      const next: Order = { ...current, status: to, updatedAt: at, decidedBy: identity.personId };
      if (to === 'delivered') {
        next.deliveredAt = at;
        next.dueAt = dueAfter(now, deps.config.ORDER_DISPUTE_WINDOW_DAYS);
      }
      if (to === 'disputed') {
        next.disputeReason = step.reason;
        next.disputedAt = at;
      }
      await deps.orders.saveStep(next, current.status);
      return { order: next, paidNow: false };
    });
  } catch (error) {
    if (error instanceof StepRefused) throw error.refusal;
    throw error;
  }
}

/** Thrown inside a retried step when the fresh read refuses it: not a conflict to retry, its refusal. */
class StepRefused extends Error {
  readonly refusal: unknown;
  constructor(refusal: unknown) {
    super();
    this.refusal = refusal;
  }
}

const changedMeanwhile = (order: Order) =>
  new ConflictError(...orderErrorWords({ key: 'changed-meanwhile', values: { status: order.status } }));

/**
 * Pays a delivered (or disputed) order, once: the payment's id is the order's, and the order is saved
 * confirmed in the payment's transaction on condition that its status is still the one read. `lapsed`
 * when it is confirmed because its window passed (a seller's or the sweep's), which holds only while it
 * is still delivered and due. The payment is made in the name of whoever placed the order when lapsed.
 * Past the buyer's credit limit it is refused (422) and the order stays as it was.
 */
export async function confirmOrder(
  deps: OrderDependencies,
  order: Order,
  confirmation: { by: string; lapsed: boolean },
): Promise<OrderStepResult> {
  const draft = {
    id: orderPaymentId(order.id),
    from: order.buyer,
    to: order.seller,
    amount: order.total,
    memo: `Order ${order.id}: ${order.quantity} × ${order.title}`.slice(0, 280),
  };
  const settling = orderSettling(deps, order, confirmation);
  try {
    const payer = confirmation.lapsed ? order.orderedBy : confirmation.by;
    const { payment, paidNow } = await movePayment(deps, payer, draft, settling);
    return { order: (await deps.orders.getOrder(order.id)) ?? order, payment, paidNow };
  } catch (error) {
    if (error instanceof OrderClosed) throw changedMeanwhile(error.order);
    throw error;
  }
}

/** An order as movePayment settles it: read again at each try, saved confirmed from the status read. */
function orderSettling(deps: OrderDependencies, order: Order, confirmation: { by: string; lapsed: boolean }) {
  let current = order;
  const settling: Settling = {
    ref: { orderId: order.id },
    trade: order.trade,
    async recheck() {
      current = (await deps.orders.getOrder(order.id)) ?? order;
      const waiting = confirmation.lapsed
        ? isDue(current, deps.now())
        : current.status === 'delivered' || current.status === 'disputed';
      if (waiting) return { waiting: true };
      return { waiting: false, paymentId: current.paymentId, closed: new OrderClosed(current) };
    },
    settled: ({ at, paymentId }) => ({
      kind: 'order',
      from: current.status,
      order: {
        ...current,
        status: 'confirmed',
        updatedAt: at,
        decidedBy: confirmation.by,
        paymentId,
        ...(confirmation.lapsed ? { lapsed: true } : {}),
      },
    }),
  };
  return settling;
}

/** Thrown inside movePayment's retries when the order no longer waits to be paid; a 409 outside them. */
class OrderClosed extends Error {
  readonly order: Order;
  constructor(order: Order) {
    super();
    this.order = order;
  }
}

async function paymentOf(deps: OrderDependencies, order: Order) {
  return (order.paymentId ? await deps.payments.getPayment(order.paymentId) : null) ?? undefined;
}

/** A page of a person's own orders as buyer or as seller, newest first. */
export async function myOrders(deps: OrderDependencies, identity: Identity, side: OrderSide, page: PageRequest) {
  return deps.orders.ordersPage(personAccount(identity.personId), side, page);
}

/** A page of a syndicate's orders as buyer or seller, for its admins; anyone else is answered 404. */
export async function syndicateOrders(
  deps: OrderDependencies,
  identity: Identity,
  syndicateId: string,
  side: OrderSide,
  page: PageRequest,
) {
  if (!(await actsFor(deps, identity.personId, `syndicate:${syndicateId}`))) {
    throw new NotFoundError('syndicate you administer', syndicateId);
  }
  return deps.orders.ordersPage(`syndicate:${syndicateId}`, side, page);
}
