// Offers and wants on the marketplace: each write a command, so the API and the site's forms under
// /me/market/ list and withdraw through one edge (write limit, schemas, idempotency key, use case).
import * as z from 'zod/mini';
import { idSchema } from '#domain/ids.ts';
import { createOffer, createWant, withdrawListing } from '#domain/market/market-use-cases.ts';
import { offerInputSchema } from '#domain/market/offer.ts';
import { wantInputSchema } from '#domain/market/want.ts';
import { command } from './command.ts';

export const createOfferCommand = command({
  name: 'market.create-offer',
  input: () => ({ body: offerInputSchema() }),
  run: ({ services, identity, body }) => createOffer(services, identity, body),
});

export const createWantCommand = command({
  name: 'market.create-want',
  input: () => ({ body: wantInputSchema() }),
  run: ({ services, identity, body }) => createWant(services, identity, body),
});

export const withdrawOfferCommand = command({
  name: 'market.withdraw-offer',
  input: () => ({ params: z.object({ offerId: idSchema() }) }),
  run: ({ services, identity, params }) => withdrawListing(services, identity, 'offer', params.offerId),
});

export const withdrawWantCommand = command({
  name: 'market.withdraw-want',
  input: () => ({ params: z.object({ wantId: idSchema() }) }),
  run: ({ services, identity, params }) => withdrawListing(services, identity, 'want', params.wantId),
});
