// What the order pages say about an order: its unit in words, each step's button and the consequence
// its confirmation names, and which steps the viewer's side may take in its status (asked of the rule
// the use case decides by, so a button is never offered that the command would refuse for its side).
import { type Order, type OrderAction, orderActions, orderStep } from '#domain/orders/order.ts';

export function unitLabel(unit: Order['unit'], count: number): string {
  const one = { hour: 'hour', item: 'item', job: 'job' }[unit];
  return count === 1 ? one : `${one}s`;
}

/** The button of each step, and what its confirmation says will happen. */
export const stepWords: Record<OrderAction, { button: string; consequence: (total: string) => string }> = {
  accept: { button: 'Accept', consequence: () => 'You commit to deliver this order; it can no longer be declined.' },
  decline: { button: 'Decline', consequence: () => 'The order ends here; the buyer is not charged.' },
  cancel: { button: 'Cancel order', consequence: () => 'The order ends here; nothing is paid.' },
  deliver: {
    button: 'Mark delivered',
    consequence: () => 'The buyer is asked to confirm; undisputed, it counts as confirmed when the window passes.',
  },
  dispute: {
    button: 'Dispute',
    consequence: () =>
      'Automatic confirmation stops; the seller may refund it, or you may withdraw the dispute and pay.',
  },
  confirm: {
    button: 'Confirm and pay',
    consequence: (total) => `${total} moves to the seller now. This cannot be undone.`,
  },
  refund: { button: 'Refund', consequence: () => 'The order ends without payment. This cannot be undone.' },
};

/** A step's words for the viewer's side: the seller confirms only a due order, which collects its payment. */
export function wordsFor(action: OrderAction, side: { seller: boolean }) {
  if (action === 'confirm' && side.seller) {
    return {
      button: 'Collect payment',
      consequence: (total: string) =>
        `Its window passed undisputed, so it counts as confirmed: ${total} moves from the buyer to you now.`,
    };
  }
  return stepWords[action];
}

/** The steps the viewer may take now: each one the rules would let their side take (orderStep decides). */
export function stepsFor(order: Order, side: { buyer: boolean; seller: boolean }, now: Date): OrderAction[] {
  return orderActions.filter((action) => {
    try {
      const step = action === 'dispute' ? { action, reason: 'any' } : { action };
      return orderStep(order, step, side, now) !== 'already-confirmed';
    } catch {
      return false;
    }
  });
}
