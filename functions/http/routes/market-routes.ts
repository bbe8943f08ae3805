// The marketplace: offers and wants (list, read, withdraw), an account's own lists, the public
// marketplace with its facets, and each listing's matches on the other side. Prices go out as minor
// units (strings of digits) with the price in hours of agreed work beside them.
import { documented } from '#config/bundle.ts';
import * as z from 'zod/mini';
import {
  createOfferCommand,
  createWantCommand,
  withdrawOfferCommand,
  withdrawWantCommand,
} from '#app/commands/market-commands.ts';
import type { AnyCommand } from '#app/commands/command.ts';
import { listingKinds, listingUnits } from '#domain/market/listing.ts';
import { marketPage, matchesOf } from '#domain/market/marketplace.ts';
import { myListings, type Side, syndicateListings, viewListing } from '#domain/market/market-use-cases.ts';
import type { AnyRoute } from '../route.ts';
import { commandRoute, protectedRoute, publicRoute } from '../route.ts';
import { json, mine } from './answers.ts';
import { marketQuerySchema, toMarketFilters } from './market-queries.ts';
import { pageSchema } from './paged.ts';
import { cursorQuery, idParam as id, minorUnits } from './params.ts';

const shared = 'public, max-age=30';

// What the routes answer with, for the OpenAPI document only (called from schema factories).
const listingItem = (side: Side) =>
  z.object({
    id: z.string(),
    ...(side === 'offer' ? { seller: z.string() } : { buyer: z.string() }),
    title: z.string(),
    description: z.string().check(z.describe('Markdown; shown through the sanitising renderer.')),
    kind: z.enum(listingKinds),
    trade: z.string(),
    skillIds: z.array(z.string()),
    place: z.optional(z.string()),
    remote: z.boolean(),
    unit: z.enum(listingUnits),
    ...(side === 'offer'
      ? { price: minorUnits(), quantity: z.optional(z.number()), service: z.optional(z.string()) }
      : { price: z.optional(minorUnits()), quantity: z.number(), demandHours: z.number() }),
    priceInHours: z.optional(z.string().check(z.describe('The price in hours of agreed work, e.g. "1.50".'))),
    status: z.string().check(z.describe('open, withdrawn, expired (and, for a want, fulfilled).')),
    createdAt: z.string(),
    expiresAt: z.string(),
  });

const refusals = {
  400: { description: 'A field the request does not take, or one that is not the shape it must be (each named).' },
  403: { description: 'Listing for an account that is neither yours nor a syndicate’s you are an admin of.' },
  422: {
    description:
      'Fields that do not fit together (each named): no place and not remote, labour without a skill, a skill not in the commons, a price beside a rate-card service, a date past or too far, a service or labour want without its hours.',
  },
};

function sideRoutes(side: Side): AnyRoute[] {
  const plural = `${side}s`;
  const param = `${side}Id`;
  // Either side's command: the routes below read no more of their types than the router does.
  const create: AnyCommand = side === 'offer' ? createOfferCommand : createWantCommand;
  const withdraw: AnyCommand = side === 'offer' ? withdrawOfferCommand : withdrawWantCommand;
  const other = side === 'offer' ? 'wants' : 'offers';
  return [
    commandRoute(create, {
      method: 'POST',
      path: `/api/${plural}`,
      doc: documented && {
        summary:
          side === 'offer'
            ? 'List an offer (a service, a good or labour) for yourself or a syndicate you are an admin of; a syndicate’s rate-card service takes the card’s rate. Send an Idempotency-Key so a retry lists once'
            : 'List a want (a service, a good or labour you ask for), with the hours of work it represents; send an Idempotency-Key so a retry lists once',
        tags: ['market'],
        responses: {
          201: { description: `The ${side}.`, schema: () => z.object({ [side]: listingItem(side) }) },
          200: { description: `The ${side} a first request with this Idempotency-Key listed.` },
          ...refusals,
        },
      },
      respond: (output: { created: boolean }) => json(output, output.created ? 201 : 200, mine),
    }),
    publicRoute({
      method: 'GET',
      path: `/api/${plural}/{${param}}`,
      auth: 'none',
      input: () => ({ params: z.object({ [param]: id() }) as z.ZodMiniType<Record<string, string>> }),
      doc: documented && {
        summary: `An ${side} on the marketplace, with its status as of now`,
        tags: ['market'],
        responses: {
          200: { description: `The ${side}.`, schema: () => listingItem(side) },
          404: { description: `No such ${side}.` },
        },
      },
      async handle({ params, services }) {
        return json(await viewListing(services, side, String(params[param])), 200, { 'cache-control': shared });
      },
    }),
    publicRoute({
      method: 'GET',
      path: `/api/${plural}/{${param}}/matches`,
      auth: 'none',
      input: () => ({ params: z.object({ [param]: id() }) as z.ZodMiniType<Record<string, string>> }),
      doc: documented && {
        summary: `The open ${other} that match an ${side} (same trade, a shared skill): a few, and how many`,
        tags: ['market'],
        responses: {
          200: {
            description: `At most 5 ${other}, newest first, and the total that match.`,
            schema: () =>
              z.object({ total: z.number(), items: z.array(z.object({ id: z.string(), url: z.string() })) }),
          },
          404: { description: `No such ${side}.` },
          503: { description: 'Search is unavailable.' },
        },
      },
      async handle({ params, services }) {
        const listing = await viewListing(services, side, String(params[param]));
        const matches = await matchesOf(services.search, { side, trade: listing.trade, skillIds: listing.skillIds });
        return json(matches, 200, { 'cache-control': shared });
      },
    }),
    commandRoute(withdraw, {
      method: 'POST',
      path: `/api/${plural}/{${param}}/withdraw`,
      doc: documented && {
        summary: `Withdraw your ${side} (or a syndicate’s you are an admin of): it leaves the marketplace`,
        tags: ['market'],
        responses: {
          200: { description: `The withdrawn ${side}.`, schema: () => listingItem(side) },
          404: { description: `No such ${side} of yours (nor of a syndicate you are an admin of).` },
          409: { description: `The ${side} was withdrawn or expired already.` },
        },
      },
      respond: (output) => json(output, 200, mine),
    }),
    protectedRoute({
      method: 'GET',
      path: `/api/me/${plural}`,
      auth: 'required',
      input: () => ({ query: z.object(cursorQuery()) }),
      doc: documented && {
        summary: `Your own ${plural}, any status, newest first, a page at a time`,
        tags: ['market'],
        responses: { 200: { description: `One page of ${plural}.`, schema: () => pageSchema(listingItem(side)) } },
      },
      async handle({ query, identity, services }) {
        const page = { limit: query.pageSize, cursor: query.cursor };
        return json(await myListings(services, identity, side, page), 200, mine);
      },
    }),
    protectedRoute({
      method: 'GET',
      path: `/api/syndicates/{syndicateId}/${plural}`,
      auth: 'required',
      input: () => ({ params: z.object({ syndicateId: id() }), query: z.object(cursorQuery()) }),
      doc: documented && {
        summary: `A syndicate’s ${plural}, any status, newest first, a page at a time (its admins)`,
        tags: ['market'],
        responses: {
          200: { description: `One page of ${plural}.`, schema: () => pageSchema(listingItem(side)) },
          404: { description: 'No syndicate you are an admin of.' },
        },
      },
      async handle({ params, query, identity, services }) {
        const page = { limit: query.pageSize, cursor: query.cursor };
        return json(await syndicateListings(services, identity, params.syndicateId, side, page), 200, mine);
      },
    }),
  ];
}

export const marketRoutes: AnyRoute[] = [
  ...sideRoutes('offer'),
  ...sideRoutes('want'),
  publicRoute({
    method: 'GET',
    path: '/api/market',
    auth: 'none',
    input: () => ({ query: marketQuerySchema() }),
    doc: documented && {
      summary:
        'The marketplace: open offers or wants, narrowed by kind, trade, skill, unit, remote or place, with facet counts, a page at a time',
      tags: ['market'],
      responses: {
        200: {
          description: 'One page of hits, facet counts and the total the engine counts (the cursor is an offset).',
          schema: () =>
            z.extend(pageSchema(z.object({ document: z.object({ id: z.string(), url: z.string() }) })), {
              total: z.number(),
              facets: z.record(z.string(), z.record(z.string(), z.number())),
            }),
        },
        503: { description: 'Search is unavailable.' },
      },
    },
    async handle({ query, services }) {
      const page = await marketPage(services.search, toMarketFilters(query), {
        limit: query.pageSize,
        cursor: query.cursor,
      });
      return { body: page, headers: { 'cache-control': shared } };
    },
  }),
];
