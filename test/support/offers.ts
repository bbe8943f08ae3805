// Offers as the offers' module stores them (type `offer`, key offerKey), written straight into the
// table: orders read them through their lookup and are tested before that module lands beside them.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { offerKey } from '#adapters/dynamodb/keys.ts';
import type { Services } from '#app/services.ts';

export interface OfferFixture {
  id: string;
  seller: string;
  title?: string;
  kind?: 'service' | 'good' | 'labour';
  unit?: 'hour' | 'item' | 'job';
  /** Minor units per unit. */
  price?: bigint;
  skillIds?: string[];
  trade?: string;
  status?: 'open' | 'withdrawn' | 'expired';
  expiresAt?: string;
  /** How many units are on offer; absent: as many as asked. */
  quantity?: number;
}

/** The offer item as the offers' module stores it, with the defaults above. */
export function offerItem(fixture: OfferFixture) {
  const offer = {
    title: `Offer ${fixture.id}`,
    kind: 'service',
    unit: 'hour',
    price: 1500n,
    skillIds: ['bookkeeping'],
    trade: 'accounting',
    status: 'open',
    createdAt: '2026-01-01T00:00:00.000Z',
    expiresAt: '2099-01-01T00:00:00.000Z',
    ...fixture,
  };
  // The price as the payments store amounts (a bigint, a DynamoDB number).
  return { ...offerKey(offer.id), type: 'offer', ...offer };
}

export async function putOffer(services: Pick<Services, 'storeClient' | 'config'>, fixture: OfferFixture) {
  const item = offerItem(fixture);
  await services.storeClient.send(new PutCommand({ TableName: services.config.TABLE_NAME, Item: item }));
  return item;
}
