// The port orders are kept through. A confirmation is saved in its payment's own transaction (the
// payments port, Settles `order`); every other step through `saveStep`, on condition that the order's
// status is still the one it was decided from, so two steps that race cannot both land.
import type { AccountId } from '../ledger/account.ts';
import type { Page, PageRequest } from '../paging.ts';
import type { Order, OrderStatus } from './order.ts';

export type OrderSide = 'buying' | 'selling';

/** A delivered order in the due list: when its window passes. */
export interface DueOrder {
  orderId: string;
  dueAt: string;
}

export interface OrderRepository {
  /** One order, strongly consistent (a step decides from it); null when there is none. */
  getOrder(orderId: string): Promise<Order | null>;
  /** A new order; ConflictError if its id is taken. */
  createOrder(order: Order): Promise<void>;
  /**
   * Saves `order` after a step, on condition that its status is still `from` (ConflictError otherwise).
   * A delivered order enters the due list; an order leaving delivered leaves it, in the same write.
   */
  saveStep(order: Order, from: OrderStatus): Promise<void>;
  /** A page of an account's orders as buyer or as seller, newest first. */
  ordersPage(accountId: AccountId, side: OrderSide, request: PageRequest): Promise<Page<Order>>;
  /** A page of the due list up to `now`, the longest due first. */
  duePage(now: string, request: PageRequest): Promise<Page<DueOrder>>;
}
