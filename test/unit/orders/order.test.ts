// The rules of an order, table by table: which step each side may take from which status, the window
// in which a delivery may be disputed (and after which it counts as confirmed), who may order which
// offer, and the terms an order keeps (its total, its hours of demand).
import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, RuleViolationError, ValidationError } from '#domain/errors.ts';
import { maxPayment } from '#domain/ledger/amount.ts';
import {
  checkOfferOpen,
  checkOrderSides,
  checkQuantityOffered,
  dueAfter,
  isDue,
  newOrder,
  type OfferTerms,
  type OrderAction,
  type OrderStatus,
  orderInputSchema,
  orderPaymentId,
  orderStatuses,
  orderStep,
  orderStepSchema,
  orderTotal,
  quantityProblem,
  quantityProblems,
  statusesBeforeDelivery,
} from '#domain/orders/order.ts';
import { thrown } from '../../support/thrown.ts';

const now = new Date('2026-03-10T12:00:00.000Z');
/** A refusal's field issues as a client reads them (their `wordsIn` is the i18n file's, tested there). */
const said = (issues: ValidationError['issues']) => issues.map(({ field, message }) => ({ field, message }));
const buyer = { buyer: true, seller: false };
const seller = { buyer: false, seller: true };
const neither = { buyer: false, seller: false };
const notDue = '2026-03-11T00:00:00.000Z';
const due = '2026-03-10T12:00:00.000Z';

const statuses = orderStatuses;

/** The whole table: for each action and side, the statuses it leads from and where to. */
const allowed: Array<[OrderAction, 'buyer' | 'seller', Partial<Record<OrderStatus, OrderStatus>>]> = [
  ['accept', 'seller', { ordered: 'accepted' }],
  ['decline', 'seller', { ordered: 'declined' }],
  ['cancel', 'buyer', { ordered: 'cancelled' }],
  ['deliver', 'seller', { accepted: 'delivered' }],
  ['dispute', 'buyer', { delivered: 'disputed' }],
  ['confirm', 'buyer', { delivered: 'confirmed', disputed: 'confirmed' }],
  ['refund', 'seller', { delivered: 'refunded', disputed: 'refunded' }],
];

const stepOf = (action: OrderAction) => (action === 'dispute' ? { action, reason: 'Not done.' } : { action });

describe('the steps of an order', () => {
  for (const [action, side, table] of allowed) {
    for (const status of statuses) {
      const to = table[status];
      const sides = side === 'buyer' ? buyer : seller;
      if (to) {
        it(`lets the ${side} ${action} a ${status} order, which becomes ${to}`, () => {
          expect(orderStep({ status, dueAt: notDue }, stepOf(action), sides, now)).toBe(to);
        });
      } else if (!(action === 'confirm' && status === 'confirmed')) {
        it(`refuses to ${action} a ${status} order with a conflict naming its status`, () => {
          const refusal = thrown(() => orderStep({ status, dueAt: notDue }, stepOf(action), sides, now), ConflictError);
          expect(refusal.message).toMatch(new RegExp(`This order is ${status}: it cannot be \\w+ now\\.`));
        });
      }
      if (action === 'confirm' && status === 'confirmed') continue;
      it(`refuses the other side and outsiders to ${action} a ${status} order`, () => {
        const other = side === 'buyer' ? seller : buyer;
        const refusal = thrown(() => orderStep({ status, dueAt: notDue }, stepOf(action), other, now), ForbiddenError);
        expect(refusal.message).toMatch(new RegExp(`^Only the ${side}`));
        expect(() => orderStep({ status, dueAt: notDue }, stepOf(action), neither, now)).toThrow(ForbiddenError);
      });
    }
  }

  it('answers either party’s confirmation of a confirmed order as already confirmed (a retry pays nothing)', () => {
    expect(orderStep({ status: 'confirmed' }, { action: 'confirm' }, buyer, now)).toBe('already-confirmed');
    // The seller who confirmed a due order, asking again after the sweep or the buyer did.
    expect(orderStep({ status: 'confirmed', dueAt: due }, { action: 'confirm' }, seller, now)).toBe(
      'already-confirmed',
    );
    expect(() => orderStep({ status: 'confirmed' }, { action: 'confirm' }, neither, now)).toThrow(ForbiddenError);
  });

  it('says in the past tense which step a status refuses', () => {
    expect(
      thrown(() => orderStep({ status: 'declined' }, { action: 'accept' }, seller, now), ConflictError).message,
    ).toBe('This order is declined: it cannot be accepted now.');
    for (const [action, word] of [
      ['decline', 'declined'],
      ['cancel', 'cancelled'],
      ['deliver', 'delivered'],
      ['dispute', 'disputed'],
      ['confirm', 'confirmed'],
      ['refund', 'refunded'],
    ] as const) {
      const sides = ['cancel', 'dispute', 'confirm'].includes(action) ? buyer : seller;
      const refusal = thrown(() => orderStep({ status: 'refunded' }, stepOf(action), sides, now), ConflictError);
      expect(refusal.message).toBe(`This order is refunded: it cannot be ${word} now.`);
    }
  });

  it('refuses anyone acting for both sides, whatever the step', () => {
    for (const [action] of allowed) {
      const refusal = thrown(
        () => orderStep({ status: 'ordered' }, stepOf(action), { buyer: true, seller: true }, now),
        RuleViolationError,
      );
      expect([refusal.rule, refusal.message]).toEqual([
        'conflict-of-interest',
        'You act for both the buyer and the seller of this order: someone else must take this step.',
      ]);
    }
  });

  it('lets the seller take no step of the buyer’s but the confirmation of a due order', () => {
    for (const action of ['dispute', 'cancel'] as const) {
      expect(() => orderStep({ status: 'delivered', dueAt: due }, stepOf(action), seller, now)).toThrow(ForbiddenError);
    }
    expect(() => orderStep({ status: 'delivered', dueAt: due }, { action: 'refund' }, buyer, now)).toThrow(
      ForbiddenError,
    );
  });

  it('needs a reason for a dispute, and takes one for nothing else', () => {
    const none = thrown(
      () => orderStep({ status: 'delivered', dueAt: notDue }, { action: 'dispute' }, buyer, now),
      ValidationError,
    );
    expect(said(none.issues)).toEqual([{ field: 'body.reason', message: 'Say why you dispute the delivery.' }]);
    const extra = thrown(
      () => orderStep({ status: 'delivered', dueAt: notDue }, { action: 'confirm', reason: 'x' }, buyer, now),
      ValidationError,
    );
    expect(said(extra.issues)).toEqual([{ field: 'body.reason', message: 'Only a dispute takes a reason.' }]);
  });

  it('closes the dispute window at the due instant, and lets the seller confirm from then on', () => {
    const late = thrown(
      () => orderStep({ status: 'delivered', dueAt: due }, { action: 'dispute', reason: 'Late.' }, buyer, now),
      RuleViolationError,
    );
    expect([late.rule, late.message]).toEqual([
      'dispute-window-closed',
      'The window to dispute this delivery has passed: it counts as confirmed.',
    ]);
    expect(orderStep({ status: 'delivered', dueAt: due }, { action: 'confirm' }, seller, now)).toBe('confirmed');
    expect(() => orderStep({ status: 'delivered', dueAt: notDue }, { action: 'confirm' }, seller, now)).toThrow(
      ForbiddenError,
    );
    // A disputed order never lapses: the seller cannot confirm it, however late.
    expect(() => orderStep({ status: 'disputed', dueAt: due }, { action: 'confirm' }, seller, now)).toThrow(
      ForbiddenError,
    );
    expect(() => orderStep({ status: 'delivered', dueAt: due }, { action: 'confirm' }, neither, now)).toThrow(
      ForbiddenError,
    );
  });

  it('counts an order due only while it is delivered, from its due instant on', () => {
    expect(isDue({ status: 'delivered', dueAt: due }, now)).toBe(true);
    expect(isDue({ status: 'delivered', dueAt: '2026-03-10T12:00:00.001Z' }, now)).toBe(false);
    expect(isDue({ status: 'disputed', dueAt: due }, now)).toBe(false);
    expect(isDue({ status: 'delivered' }, now)).toBe(false);
    expect(dueAfter(now, 7)).toBe('2026-03-17T12:00:00.000Z');
  });

  it('counts as demand exactly the statuses before delivery', () => {
    expect(statusesBeforeDelivery).toEqual(['ordered', 'accepted']);
  });
});

describe('who may order an offer', () => {
  const sides = (over: Partial<Parameters<typeof checkOrderSides>[0]>) => ({
    buyer: 'person:carla' as const,
    seller: 'person:ada' as const,
    actsForBuyer: true,
    actsForSeller: false,
    ...over,
  });

  it('lets a person order for themselves, or an admin for their syndicate, from someone else', () => {
    expect(() => checkOrderSides(sides({}))).not.toThrow();
    expect(() => checkOrderSides(sides({ buyer: 'syndicate:taller' }))).not.toThrow();
  });

  it('refuses ordering for an account one does not act for', () => {
    const refusal = thrown(() => checkOrderSides(sides({ actsForBuyer: false })), ForbiddenError);
    expect(refusal.message).toBe('You order for your own account, or for a syndicate you are an admin of.');
  });

  it.each([
    ['ordering your own offer', { seller: 'person:carla' as const }],
    ['an admin ordering from their syndicate', { seller: 'syndicate:taller' as const, actsForSeller: true }],
    ['a syndicate ordering its own offer', { buyer: 'syndicate:taller' as const, seller: 'syndicate:taller' as const }],
  ])('refuses %s, naming the offer', (_what, over) => {
    const refusal = thrown(() => checkOrderSides(sides(over)), ValidationError);
    expect(refusal.message).toBe('Nobody orders from themselves.');
    expect(said(refusal.issues)).toEqual([
      { field: 'body.offerId', message: 'This offer is yours (or your syndicate’s): you cannot order it yourself.' },
    ]);
  });
});

describe('the offer an order is made from', () => {
  it('takes orders while open and before its expiry', () => {
    expect(() => checkOfferOpen({ status: 'open', expiresAt: '2026-03-10T12:00:00.001Z' }, now)).not.toThrow();
    expect(() => checkOfferOpen({ status: 'open' }, now)).not.toThrow();
  });

  it.each([
    ['withdrawn', { status: 'withdrawn' as const }, 'This offer was withdrawn: it takes no more orders.'],
    ['marked expired', { status: 'expired' as const }, 'This offer has expired: it takes no more orders.'],
    [
      'marked expired before its date',
      { status: 'expired' as const, expiresAt: notDue },
      'This offer has expired: it takes no more orders.',
    ],
    [
      'past its expiry',
      { status: 'open' as const, expiresAt: due },
      'This offer has expired: it takes no more orders.',
    ],
  ])('refuses an offer %s, naming it', (_what, offer, message) => {
    const refusal = thrown(() => checkOfferOpen(offer, now), ValidationError);
    expect([refusal.message, said(refusal.issues)]).toEqual([
      'The offer takes no orders.',
      [{ field: 'body.offerId', message }],
    ]);
  });
});

describe('how many units an order takes', () => {
  it('takes up to what the offer holds, or any number when it says none', () => {
    expect(() => checkQuantityOffered({ quantity: 5 }, 5)).not.toThrow();
    expect(() => checkQuantityOffered({}, 10_000)).not.toThrow();
  });

  it('refuses more than the offer holds, naming the quantity', () => {
    const refusal = thrown(() => checkQuantityOffered({ quantity: 5 }, 6), ValidationError);
    expect([refusal.message, said(refusal.issues)]).toEqual([
      'The offer holds fewer units.',
      [{ field: 'body.quantity', message: 'This offer holds 5 at most: order that many or fewer.' }],
    ]);
  });
});

describe('the terms an order keeps', () => {
  const offer: OfferTerms = {
    id: 'books',
    seller: 'person:ada',
    title: 'Bookkeeping',
    kind: 'service',
    unit: 'hour',
    price: 2000n,
    skillIds: ['bookkeeping'],
    trade: 'accounting',
    status: 'open',
  };
  const input = { id: 'o1', buyer: 'syndicate:taller' as const, quantity: 3, orderedBy: 'bram', at: now.toISOString() };

  it('snapshots the offer’s terms, with the total and the hours of demand, waiting for the seller', () => {
    const order = newOrder(offer, input);
    expect(order).toEqual({
      id: 'o1',
      offerId: 'books',
      buyer: 'syndicate:taller',
      seller: 'person:ada',
      orderedBy: 'bram',
      title: 'Bookkeeping',
      kind: 'service',
      unit: 'hour',
      unitPrice: 2000n,
      quantity: 3,
      total: 6000n,
      trade: 'accounting',
      skillIds: ['bookkeeping'],
      demandHours: 3,
      status: 'ordered',
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
    offer.skillIds.push('later');
    expect(order.skillIds).toEqual(['bookkeeping']);
    offer.skillIds.pop();
  });

  it('keeps at most 20 of the offer’s skills', () => {
    const many = Array.from({ length: 25 }, (_, n) => `skill-${n}`);
    expect(newOrder({ ...offer, skillIds: many }, input).skillIds).toEqual(many.slice(0, 20));
  });

  it('counts no hours of demand for an offer sold by the item or the job', () => {
    expect(newOrder({ ...offer, unit: 'item' }, input).demandHours).toBe(0);
    expect(newOrder({ ...offer, unit: 'job' }, input).demandHours).toBe(0);
  });

  it('totals exactly up to what one payment may move, and refuses past it naming the quantity', () => {
    expect(orderTotal(maxPayment, 1)).toBe(maxPayment);
    expect(orderTotal(7n, 3)).toBe(21n);
    const refusal = thrown(() => orderTotal(maxPayment / 2n + 1n, 2), ValidationError);
    expect(refusal.message).toBe('The order is too large.');
    expect(refusal.issues[0]?.field).toBe('body.quantity');
    expect(refusal.issues[0]?.message).toMatch(/more than one payment may move \(1000000000000 minor units\)/);
  });

  it('pays each order under one payment id of its own', () => {
    expect(orderPaymentId('o1')).toBe('order-o1');
  });
});

describe('what an order request takes', () => {
  it.each([
    [1, undefined],
    ['12', undefined],
    [10_000, undefined],
    [0, quantityProblems.notPositive],
    [-1, quantityProblems.notPositive],
    ['-3', quantityProblems.notPositive],
    [1.5, quantityProblems.notWhole],
    ['2.5', quantityProblems.notWhole],
    ['two', quantityProblems.notWhole],
    [Number.NaN, quantityProblems.notWhole],
    [Number.POSITIVE_INFINITY, quantityProblems.notWhole],
    [null, quantityProblems.notWhole],
    [10_001, quantityProblems.tooMany],
    [1e21, quantityProblems.tooMany],
    ['3.00', undefined],
    ['3.', quantityProblems.notWhole],
    [' 3', quantityProblems.notWhole],
    ['3 ', quantityProblems.notWhole],
    ['0x10', quantityProblems.notWhole],
    ['1e3', quantityProblems.notWhole],
    ['', quantityProblems.notWhole],
    [3n, quantityProblems.notWhole],
  ])('a quantity of %s: %s', (value, problem) => {
    expect(quantityProblem(value)).toBe(problem);
  });

  it('says what is wrong with a quantity in words a person can act on', () => {
    expect(quantityProblems).toEqual({
      notWhole: 'Order a whole number of units, such as 3.',
      notPositive: 'Order at least one unit.',
      tooMany: 'One order takes at most 10000 units.',
    });
  });

  it('parses an order into its offer, a number of units and the buying account', () => {
    expect(orderInputSchema().parse({ offerId: 'books', quantity: '3', buyer: 'syndicate:taller' })).toEqual({
      offerId: 'books',
      quantity: 3,
      buyer: 'syndicate:taller',
    });
    const refused = orderInputSchema().safeParse({ offerId: 'books', quantity: 0 });
    expect(refused.error?.issues.map((issue) => [issue.code, issue.path.join('.'), issue.message])).toEqual([
      ['custom', 'quantity', quantityProblems.notPositive],
    ]);
  });

  it('takes a step by its name, with a reason of at most 2000 characters', () => {
    expect(orderStepSchema().parse({ action: 'dispute', reason: 'Half done.' })).toEqual({
      action: 'dispute',
      reason: 'Half done.',
    });
    expect(orderStepSchema().safeParse({ action: 'pay' }).success).toBe(false);
    expect(orderStepSchema().safeParse({ action: 'dispute', reason: 'x'.repeat(2001) }).success).toBe(false);
    expect(orderStepSchema().safeParse({ action: 'dispute', reason: 'x'.repeat(2000) }).success).toBe(true);
    // A reason may run over several lines, and a refusal names it.
    expect(orderStepSchema().parse({ action: 'dispute', reason: 'First line.\nSecond line.' }).reason).toBe(
      'First line.\nSecond line.',
    );
    const blank = orderStepSchema().safeParse({ action: 'dispute', reason: '   ' });
    expect(blank.error?.issues[0]?.message).toMatch(/^The reason /);
  });
});
