// What the order pages say about an order: its unit in words, each step's button and the consequence
// its confirmation names, and which steps the viewer's side may take in its status (asked of the rule
// the use case decides by, so a button is never offered that the command would refuse for its side).
import type { Translate } from '#domain/i18n/catalogue.ts';
import { type Order, type OrderAction, orderActions, orderStep } from '#domain/orders/order.ts';

export function unitLabel(t: Translate, unit: Order['unit'], count: number): string {
  return t(`orders.unit.${unit}`, count);
}

/** A status in the reader's words. */
export const statusLabel = (t: Translate, status: Order['status']): string => t(`orders.status.${status}`);

/** A step's button and what its confirmation says will happen, for the viewer's side: the seller confirms
 * only a due order, which collects its payment. */
export function wordsFor(t: Translate, action: OrderAction, side: { seller: boolean }) {
  if (action === 'confirm' && side.seller) {
    return {
      button: t('orders.step.collect'),
      consequence: (total: string) => t('orders.step.collect.then', total),
    };
  }
  if (action === 'confirm') {
    return { button: t('orders.step.confirm'), consequence: (total: string) => t('orders.step.confirm.then', total) };
  }
  return { button: t(`orders.step.${action}`), consequence: () => t(`orders.step.${action}.then`) };
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
