// The marketplace's query string, read by its API route and by the site's marketplace page alike.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { tradeIds } from '#domain/content/commons.ts';
import { listingKinds, listingUnits } from '#domain/market/listing.ts';
import type { MarketFilters } from '#domain/market/marketplace.ts';
import { cursorQuery, idParam as id } from './params.ts';

export const marketQuerySchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    side: z
      ._default(z.enum(['offer', 'want']), 'offer')
      .check(z.describe('`offer`: what members sell; `want`: what members ask for.')),
    q: z.optional(z.string().check(z.trim(), z.maxLength(200))),
    kind: z.optional(z.enum(listingKinds)),
    trade: z.optional(z.enum(tradeIds)),
    skill: z.optional(id()),
    unit: z.optional(z.enum(listingUnits)),
    remote: z.optional(
      z.pipe(
        z.enum(['true', 'false']),
        z.transform((value) => value === 'true'),
      ),
    ),
    place: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(80))),
    ...cursorQuery(),
  }),
);
export type MarketQuery = z.infer<ReturnType<typeof marketQuerySchema>>;

export function toMarketFilters(query: MarketQuery): MarketFilters {
  return {
    side: query.side,
    ...(query.q ? { text: query.q } : {}),
    kind: query.kind,
    trade: query.trade,
    skill: query.skill,
    unit: query.unit,
    remote: query.remote,
    place: query.place,
  };
}
