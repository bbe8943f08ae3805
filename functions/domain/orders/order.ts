// Orders in the market: a buyer orders an offer (a quantity), the seller accepts or declines, the
// seller delivers, the buyer confirms (or disputes within the window; undisputed past it counts as
// confirmed), and the payment moves once. The rules here are pure: who may take which step from which
// status, the terms an order keeps (its total), and who may stand on which side. order-use-cases.ts
// reads what they need and writes what they decide.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { ConflictError, ForbiddenError, RuleViolationError, ValidationError } from '../errors.ts';
import { orderErrorWords, orderWords } from '../i18n/economy/order-refusals.ts';
import { idSchema } from '../ids.ts';
import type { AccountId } from '../ledger/account.ts';
import { maxPayment } from '../ledger/amount.ts';
import { accountIdSchema } from '../ledger/payment.ts';
import { text } from '../text.ts';

/** Every status an order can have, in the order of its life. */
export const orderStatuses = [
  'ordered',
  'accepted',
  'declined',
  'cancelled',
  'delivered',
  'disputed',
  'confirmed',
  'refunded',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** Statuses of an order not yet delivered: its hours count as demand in the shortage index. */
export const statusesBeforeDelivery: readonly OrderStatus[] = ['ordered', 'accepted'];

export type OfferUnit = 'hour' | 'item' | 'job';

/** What an order needs of an offer: read through OfferLookup, snapshotted when the order is made. */
export interface OfferTerms {
  id: string;
  seller: AccountId;
  title: string;
  kind: 'service' | 'good' | 'labour';
  unit: OfferUnit;
  /** Minor units per unit. */
  price: bigint;
  skillIds: string[];
  trade: string;
  status: 'open' | 'withdrawn' | 'expired';
  expiresAt?: string | undefined;
  /** How many units are on offer; absent: as many as asked. */
  quantity?: number | undefined;
}

/** The port orders read offers through (the offers' own store is another module's). */
export interface OfferLookup {
  getOffer(offerId: string): Promise<OfferTerms | null>;
}

export interface Order {
  id: string;
  offerId: string;
  buyer: AccountId;
  seller: AccountId;
  /** The person who placed it: the buyer, or the admin who ordered for a syndicate. */
  orderedBy: string;
  // The offer's terms as they were when ordered: a later change of the offer changes no order.
  title: string;
  kind: OfferTerms['kind'];
  unit: OfferUnit;
  unitPrice: bigint;
  quantity: number;
  total: bigint;
  trade: string;
  skillIds: string[];
  /** Hours of work ordered (the quantity when sold by the hour, otherwise 0): demand until delivered. */
  demandHours: number;
  status: OrderStatus;
  createdAt: string;
  updatedAt: string;
  /** Who took the last step, and when. */
  decidedBy?: string | undefined;
  deliveredAt?: string | undefined;
  /** Past this instant an undisputed delivered order counts as confirmed. */
  dueAt?: string | undefined;
  disputeReason?: string | undefined;
  disputedAt?: string | undefined;
  /** The payment that paid it, once confirmed. */
  paymentId?: string | undefined;
  /** Confirmed because its window passed undisputed, not by the buyer's word. */
  lapsed?: boolean | undefined;
}

export const maxQuantity = 10_000;
/** An order keeps at most this many of its offer's skills (an offer names fewer: this only bounds a read). */
export const maxOrderSkills = 20;

export const quantityProblems = {
  notWhole: 'Order a whole number of units, such as 3.',
  notPositive: 'Order at least one unit.',
  tooMany: `One order takes at most ${maxQuantity} units.`,
};

/** A quantity written as text: digits, optionally with a decimal part (which must then be zeros). */
const quantityText = /^-?\d+(\.\d+)?$/;

/** What is wrong with a quantity from a request, or undefined for a whole number of units from 1 up. */
export function quantityProblem(value: unknown): string | undefined {
  const number = typeof value === 'string' ? (quantityText.test(value) ? Number(value) : Number.NaN) : value;
  // Number.isInteger is false for anything but a whole number, so past it `number` is one.
  if (!Number.isInteger(number)) return quantityProblems.notWhole;
  if ((number as number) < 1) return quantityProblems.notPositive;
  return (number as number) > maxQuantity ? quantityProblems.tooMany : undefined;
}

export const quantitySchema = /* @__PURE__ */ lazySchema(() =>
  z.pipe(
    z.unknown().check(
      (ctx) => {
        const problem = quantityProblem(ctx.value);
        if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
      },
      // What the OpenAPI document says it takes (a JSON integer; the same as text is taken too).
      z.meta({ type: 'integer', minimum: 1, maximum: maxQuantity }),
    ),
    z.transform((value) => Number(value)),
  ),
);

export const orderInputSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    offerId: idSchema(),
    /** Units of the offer (hours, items or jobs): a whole number from 1. */
    quantity: quantitySchema(),
    /** The account buying: your own (the default) or a syndicate you are an admin of. */
    buyer: z.optional(accountIdSchema()),
  }),
);
export type OrderInput = z.infer<ReturnType<typeof orderInputSchema>>;

export const orderActions = ['accept', 'decline', 'cancel', 'deliver', 'dispute', 'confirm', 'refund'] as const;
export type OrderAction = (typeof orderActions)[number];

export const disputeReasonSchema = /* @__PURE__ */ lazySchema(() =>
  text(1, 2000, { label: 'reason', multiline: true }),
);

export const orderStepSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    action: z.enum(orderActions),
    /** Why the buyer disputes the delivery: required with `dispute`, refused with anything else. */
    reason: z.optional(disputeReasonSchema()),
  }),
);
export type OrderStepInput = z.infer<ReturnType<typeof orderStepSchema>>;

type Side = 'buyer' | 'seller';

/** Each step: whose it is, from which statuses, to which. */
export const orderTransitions: Readonly<
  Record<OrderAction, { side: Side; from: readonly OrderStatus[]; to: OrderStatus }>
> = {
  accept: { side: 'seller', from: ['ordered'], to: 'accepted' },
  decline: { side: 'seller', from: ['ordered'], to: 'declined' },
  cancel: { side: 'buyer', from: ['ordered'], to: 'cancelled' },
  deliver: { side: 'seller', from: ['accepted'], to: 'delivered' },
  dispute: { side: 'buyer', from: ['delivered'], to: 'disputed' },
  // From disputed: the buyer withdraws the dispute and confirms in one step.
  confirm: { side: 'buyer', from: ['delivered', 'disputed'], to: 'confirmed' },
  // A refund cancels the order without payment: the seller's answer to a dispute (or before one).
  refund: { side: 'seller', from: ['delivered', 'disputed'], to: 'refunded' },
};

/** Whether a delivered order's window has passed at `now`: it then counts as confirmed. */
export function isDue(order: Pick<Order, 'status' | 'dueAt'>, now: Date): boolean {
  // No due instant sorts after every time: an order without one is never due.
  return order.status === 'delivered' && (order.dueAt ?? '\uffff') <= now.toISOString();
}

/** When a delivery made at `at` falls due: `windowDays` whole days later. */
export function dueAfter(at: Date, windowDays: number): string {
  return new Date(at.getTime() + windowDays * 86_400_000).toISOString();
}

/**
 * What `action` does to `order` for someone on the buyer's side, the seller's, or neither: the status
 * it leads to, or `already-confirmed` for a confirmation of a confirmed order (a retry: it answers with
 * the payment and pays nothing). A party to a due order may confirm it whichever side they are on.
 * Throws: a step of the other side's (403), someone on both sides (conflict of interest), a dispute
 * past the window or without a reason, a step the status does not allow (409).
 */
export function orderStep(
  order: Pick<Order, 'status' | 'dueAt'>,
  step: OrderStepInput,
  side: { buyer: boolean; seller: boolean },
  now: Date,
): OrderStatus | 'already-confirmed' {
  const rule = orderTransitions[step.action];
  if (side.buyer && side.seller) {
    throw new RuleViolationError('conflict-of-interest', ...orderErrorWords({ key: 'both-sides', values: {} }));
  }
  // Either party asking again after a confirmation (the seller's of a due order among them) is answered.
  const again = step.action === 'confirm' && order.status === 'confirmed' && (side.buyer || side.seller);
  const dueConfirm = step.action === 'confirm' && side.seller && isDue(order, now);
  if (!side[rule.side] && !dueConfirm && !again) {
    throw new ForbiddenError(...orderErrorWords({ key: 'not-your-step', values: { action: step.action } }));
  }
  if (step.action === 'dispute' && !step.reason) {
    throw new ValidationError([{ field: 'body.reason', ...orderWords({ key: 'say-why', values: {} }) }]);
  }
  if (step.action !== 'dispute' && step.reason !== undefined) {
    throw new ValidationError([{ field: 'body.reason', ...orderWords({ key: 'reason-only-dispute', values: {} }) }]);
  }
  if (again) return 'already-confirmed';
  if (!rule.from.includes(order.status)) {
    throw new ConflictError(
      ...orderErrorWords({ key: 'cannot-now', values: { status: order.status, action: step.action } }),
    );
  }
  if (step.action === 'dispute' && isDue(order, now)) {
    throw new RuleViolationError('dispute-window-closed', ...orderErrorWords({ key: 'window-passed', values: {} }));
  }
  return rule.to;
}

/**
 * The sides of an order `personId` places for `buyer` from `seller`, given whether they act for the
 * buyer (it is theirs, or a syndicate's they are an admin of) and for the seller. Nobody acts on both
 * sides: ordering your own offer, or an admin ordering from their own syndicate, is refused.
 */
export function checkOrderSides(sides: {
  buyer: AccountId;
  seller: AccountId;
  actsForBuyer: boolean;
  actsForSeller: boolean;
}): void {
  if (!sides.actsForBuyer) {
    throw new ForbiddenError(...orderErrorWords({ key: 'not-your-account', values: {} }));
  }
  if (sides.buyer === sides.seller || sides.actsForSeller) {
    throw new ValidationError(
      [{ field: 'body.offerId', ...orderWords({ key: 'own-offer', values: {} }) }],
      ...orderErrorWords({ key: 'from-themselves', values: {} }),
    );
  }
}

/** Whether an offer takes orders at `now`: open and not past its expiry. */
export function checkOfferOpen(offer: Pick<OfferTerms, 'status' | 'expiresAt'>, now: Date): void {
  // An offer past its expiry takes no orders even before the offers' sweep marks it expired.
  if (offer.status === 'open' && (offer.expiresAt ?? '\uffff') > now.toISOString()) return;
  throw new ValidationError(
    [
      {
        field: 'body.offerId',
        ...orderWords({ key: 'offer-closed', values: { withdrawn: offer.status === 'withdrawn' } }),
      },
    ],
    ...orderErrorWords({ key: 'takes-no-orders', values: {} }),
  );
}

/** Refuses, naming the quantity, an order of more units than the offer holds (when it says how many). */
export function checkQuantityOffered(offer: Pick<OfferTerms, 'quantity'>, quantity: number): void {
  if (offer.quantity === undefined || quantity <= offer.quantity) return;
  throw new ValidationError(
    [{ field: 'body.quantity', ...orderWords({ key: 'holds', values: { quantity: offer.quantity } }) }],
    ...orderErrorWords({ key: 'fewer-units', values: {} }),
  );
}

/** The total of `quantity` units at `price`: refused, naming the quantity, past what one payment may move. */
export function orderTotal(price: bigint, quantity: number): bigint {
  const total = price * BigInt(quantity);
  if (total > maxPayment) {
    throw new ValidationError(
      [{ field: 'body.quantity', ...orderWords({ key: 'costs-too-much', values: { max: maxPayment } }) }],
      ...orderErrorWords({ key: 'too-large', values: {} }),
    );
  }
  return total;
}

/** A new order: the offer's terms as they are now, for `quantity` units, waiting for the seller. */
export function newOrder(
  offer: OfferTerms,
  input: { id: string; buyer: AccountId; quantity: number; orderedBy: string; at: string },
): Order {
  return {
    id: input.id,
    offerId: offer.id,
    buyer: input.buyer,
    seller: offer.seller,
    orderedBy: input.orderedBy,
    title: offer.title,
    kind: offer.kind,
    unit: offer.unit,
    unitPrice: offer.price,
    quantity: input.quantity,
    total: orderTotal(offer.price, input.quantity),
    trade: offer.trade,
    skillIds: offer.skillIds.slice(0, maxOrderSkills),
    demandHours: offer.unit === 'hour' ? input.quantity : 0,
    status: 'ordered',
    createdAt: input.at,
    updatedAt: input.at,
  };
}

/** The order's payment id: one per order, so every confirmation of it pays the same payment, once. */
export const orderPaymentId = (orderId: string) => `order-${orderId}`;
