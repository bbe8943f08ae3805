// Offers and wants in the table. Each is one item by id (`offerKey`, `wantKey`): what orders and the
// shortage index read. gsi1 lists an account's own, newest first, under the person's own listing (so an
// account's deletion and its data export find them) or the syndicate's; gsi2 holds a listing only while it is
// open, by expiry, so the sweep reads exactly the open ones that expired. A listing that leaves `open`
// is put whole without its gsi2 keys, on condition it was still open, so it leaves that index at once.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ListingStore, MarketRepository } from '#domain/market/market-repository.ts';
import type { Offer } from '#domain/market/offer.ts';
import type { Want } from '#domain/market/want.ts';
import type { PageRequest } from '#domain/paging.ts';
import { storeCall } from './errors.ts';
import { big, optionalBig } from './innovation-items.ts';
import { fromItem, getItem, type Item, pageOf, queryPage } from './items.ts';
import {
  accountOffersKey,
  accountWantsKey,
  offerKey,
  offerKeys,
  openOffersByExpiry,
  openWantsByExpiry,
  wantKey,
  wantKeys,
} from './keys.ts';
import { prefixValues, startsWith } from './key-prefix.ts';

interface Side<T> {
  type: 'offer' | 'want';
  key: (id: string) => { pk: string; sk: string };
  keys: (listing: T) => Record<string, string>;
  ofAccount: (accountId: string) => { gsi1pk: string; prefix: string };
  open: { gsi2pk: string };
  fromItem: (item: Item) => T;
}

const offers: Side<Offer> = {
  type: 'offer',
  key: offerKey,
  keys: offerKeys,
  ofAccount: accountOffersKey,
  open: openOffersByExpiry,
  fromItem: (item) => {
    const offer = fromItem<Offer>(item);
    return { ...offer, price: big(offer.price) };
  },
};

const wants: Side<Want> = {
  type: 'want',
  key: wantKey,
  keys: wantKeys,
  ofAccount: accountWantsKey,
  open: openWantsByExpiry,
  fromItem: (item) => {
    const want = fromItem<Want>(item);
    const price = optionalBig(want.price);
    const { price: _stored, ...rest } = want;
    return price === undefined ? rest : { ...rest, price };
  },
};

function listingStore<T extends { id: string }>(
  client: DynamoDBDocumentClient,
  tableName: string,
  side: Side<T>,
): ListingStore<T> {
  const put = (listing: T, condition: Record<string, unknown>, conflict: string) =>
    storeCall(
      () =>
        client.send(
          new PutCommand({
            TableName: tableName,
            // The price is a bigint, written as a DynamoDB number, as the payment repository writes amounts.
            Item: { ...side.keys(listing), type: side.type, ...listing },
            ...condition,
          }),
        ),
      conflict,
    );
  return {
    // Access pattern `offer-by-id` for offers, Access pattern `want-by-id` for wants: strongly consistent.
    async get(id) {
      const item = await getItem(client, tableName, side.key(id), { consistent: true });
      return item ? side.fromItem(item) : null;
    },

    // Access pattern `listing-create-once`: once per id, which the Idempotency-Key derives.
    async create(listing) {
      await put(listing, { ConditionExpression: 'attribute_not_exists(pk)' }, `An ${side.type} with this id exists.`);
    },

    // Access pattern `listing-close`: the whole listing, without its gsi2 keys, while it is still open.
    async close(listing) {
      await put(
        listing,
        {
          ConditionExpression: '#status = :open',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':open': 'open' },
        },
        `The ${side.type} was closed meanwhile.`,
      );
    },

    // Access pattern `offers-of-account`, Access pattern `wants-of-account`: an account's own, newest first (gsi1).
    async ofAccount(accountId, request: PageRequest) {
      const { gsi1pk, prefix } = side.ofAccount(accountId);
      const page = await queryPage(
        client,
        {
          TableName: tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: `gsi1pk = :pk AND ${startsWith('gsi1sk')}`,
          ExpressionAttributeValues: { ':pk': gsi1pk, ...prefixValues(prefix) },
          ScanIndexForward: false,
        },
        request,
        { name: 'gsi1pk', value: gsi1pk },
      );
      return pageOf(page, side.fromItem);
    },

    // Access pattern `open-offers-by-expiry`, Access pattern `open-wants-by-expiry`: open and expired by `instant` (gsi2).
    async openExpiringBefore(instant, request) {
      const page = await queryPage(
        client,
        {
          TableName: tableName,
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk < :before',
          ExpressionAttributeValues: { ':pk': side.open.gsi2pk, ':before': instant },
        },
        request,
        { name: 'gsi2pk', value: side.open.gsi2pk },
      );
      return pageOf(page, side.fromItem);
    },
  };
}

export function createMarketRepository(client: DynamoDBDocumentClient, tableName: string): MarketRepository {
  return { offers: listingStore(client, tableName, offers), wants: listingStore(client, tableName, wants) };
}
