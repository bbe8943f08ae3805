// Orders in the table, and the offers' terms as orders read them. A step is one transaction (the order
// on condition of the status it was decided from, and its due-list item); a confirmation is written by
// the payment's transaction instead (payment-repository.ts, Settles `order`).
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AccountId } from '#domain/ledger/account.ts';
import type { OfferLookup, OfferTerms, Order } from '#domain/orders/order.ts';
import type { DueOrder, OrderRepository } from '#domain/orders/order-repository.ts';
import { storeCall } from './errors.ts';
import { big, transact } from './innovation-items.ts';
import { fromItem, getItem, type Item, pageOf, queryIndexPage, queryPage } from './items.ts';
import { accountOrdersKey, offerKey, orderLookup, ordersDuePartition } from './keys.ts';
import { orderItem, orderStepItems } from './order-items.ts';
import { PutCommand } from '@aws-sdk/lib-dynamodb';

const toOrder = (item: Item): Order => {
  const order = fromItem<Order>(item);
  return { ...order, unitPrice: big(order.unitPrice), total: big(order.total) };
};

export function createOrderRepository(client: DynamoDBDocumentClient, tableName: string): OrderRepository {
  return {
    // Access pattern `order-by-id`: one order, strongly consistent (a step decides from it).
    async getOrder(orderId) {
      const item = await getItem(client, tableName, orderLookup(orderId), { consistent: true });
      return item ? toOrder(item) : null;
    },

    async createOrder(order) {
      await storeCall(
        () =>
          client.send(
            new PutCommand({
              TableName: tableName,
              Item: orderItem(order),
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
          ),
        'An order with this id exists.',
      );
    },

    // Access pattern `order-step`: the order over the status it was decided from, with its due-list item.
    async saveStep(order, from) {
      await transact(client, orderStepItems(tableName, order, from), 'The order changed meanwhile.');
    },

    // Access pattern `orders-of-account`: an account's orders as buyer (gsi1) or seller (gsi2), newest first.
    async ordersPage(accountId: AccountId, side, request) {
      const page = await queryIndexPage(client, tableName, accountOrdersKey(accountId, side), request, {
        newestFirst: true,
      });
      return pageOf(page, toOrder);
    },

    // Access pattern `orders-due`: the due list up to now, the longest due first.
    async duePage(now, request) {
      const page = await queryPage(
        client,
        {
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND sk <= :now',
          // Everything due at `now` sorts before `now` followed by anything (the order id after it).
          ExpressionAttributeValues: { ':pk': ordersDuePartition, ':now': `${now}#\uffff` },
        },
        request,
        { name: 'pk', value: ordersDuePartition },
      );
      return pageOf(page, (item) => fromItem<DueOrder>(item));
    },
  };
}

/** The offers' terms as an order needs them, read from the offer item (its module owns the rest). */
export function createOfferLookup(client: DynamoDBDocumentClient, tableName: string): OfferLookup {
  return {
    // Access pattern `offer-terms-by-id`: one offer, strongly consistent (an order snapshots its terms).
    async getOffer(offerId) {
      const item = await getItem(client, tableName, offerKey(offerId), { consistent: true });
      if (item?.type !== 'offer') return null;
      const offer = fromItem<OfferTerms>(item);
      return {
        id: offer.id,
        seller: offer.seller,
        title: offer.title,
        kind: offer.kind,
        unit: offer.unit,
        price: big(offer.price),
        skillIds: [...(offer.skillIds ?? [])],
        trade: offer.trade,
        status: offer.status,
        expiresAt: offer.expiresAt,
        quantity: offer.quantity,
      };
    },
  };
}
