// Pure builders of an order's items: the order itself (listed by buyer on gsi1 and by seller on gsi2)
// and its place in the due list while it is delivered. Shared by the order repository and the payment
// transaction that confirms an order, so both keep the due list the same way.
import type { Order, OrderStatus } from '#domain/orders/order.ts';
import type { TransactItem } from './ledger-items.ts';
import { orderDueKeys, orderKeys } from './keys.ts';

export const orderItem = (order: Order) => ({ ...orderKeys(order), type: 'order', ...order });

/**
 * The writes of one step of an order, from status `from`: the order, only while its status is still
 * `from`; its due-list item added when it becomes delivered, deleted when it stops being delivered.
 */
export function orderStepItems(tableName: string, order: Order, from: OrderStatus): TransactItem[] {
  const items: TransactItem[] = [
    {
      Put: {
        TableName: tableName,
        Item: orderItem(order),
        ConditionExpression: '#status = :from',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':from': from },
      },
    },
  ];
  const due = order.dueAt ? orderDueKeys(order.dueAt, order.id) : undefined;
  if (due && order.status === 'delivered' && from !== 'delivered') {
    items.push({
      Put: { TableName: tableName, Item: { ...due, type: 'order-due', orderId: order.id, dueAt: order.dueAt } },
    });
  }
  if (due && from === 'delivered' && order.status !== 'delivered') {
    items.push({ Delete: { TableName: tableName, Key: due } });
  }
  return items;
}
