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
}

export async function putOffer(services: Services, fixture: OfferFixture) {
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
  await services.storeClient.send(
    new PutCommand({
      TableName: services.config.TABLE_NAME,
      // The price as the payments store amounts (a bigint, a DynamoDB number).
      Item: { ...offerKey(offer.id), type: 'offer', ...offer },
    }),
  );
  return offer;
}
