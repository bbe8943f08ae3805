// An offer: an account sells a service, a good or labour in a skill at a price in Bound per unit. A
// sole trader sets their own price; a syndicate's offer in one of its rate-card services takes the rate
// card's rate (the price the syndicate agreed), and any other offer of a syndicate sets its own.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { ValidationError } from '../errors.ts';
import { type MarketRefusal, marketErrorWords, marketWords } from '../i18n/economy/market-refusals.ts';
import type { AccountId } from '../ledger/account.ts';
import { paymentAmountSchema } from '../ledger/amount.ts';
import { cardPrice } from '../ledger/market-price.ts';
import { accountIdSchema } from '../ledger/payment.ts';
import type { Syndicate } from '../syndicates/syndicate.ts';
import { text } from '../text.ts';
import { type Listing, type ListingUnit, listingFields, maxQuantity } from './listing.ts';

export type OfferStatus = 'open' | 'withdrawn' | 'expired';

export interface Offer extends Listing {
  /** The account that sells: `person:<id>` or `syndicate:<id>`. */
  seller: AccountId;
  /** Minor units of Bound per `unit`. */
  price: bigint;
  /** How many units are on offer; absent: as many as asked. */
  quantity?: number | undefined;
  /** The rate-card service that priced it, for a syndicate's offer. */
  service?: string | undefined;
  status: OfferStatus;
}

export const quantitySchema = /* @__PURE__ */ lazySchema(() =>
  z.number().check(z.int(), z.minimum(1), z.maximum(maxQuantity)),
);

export const offerInputSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    ...listingFields(),
    /** Minor units per unit; taken from the rate card (and refused here) when `service` names one. */
    price: z.optional(paymentAmountSchema()),
    quantity: z.optional(quantitySchema()),
    /** A service of the seller syndicate's rate card: its rate is the price. */
    service: z.optional(text(2, 120, { label: 'service' })),
    /** Who sells: yourself (the default) or a syndicate you are an admin of. */
    seller: z.optional(accountIdSchema()),
  }),
);
export type OfferInput = z.infer<ReturnType<typeof offerInputSchema>>;

/**
 * The rate a syndicate's rate card gives a service, by its name (compared without case or surrounding
 * space), or undefined. The one place that reads a rate card entry, so new fields on an entry (a skill,
 * a level, an unpleasant flag) change nothing here.
 */
export function rateForService(syndicate: Pick<Syndicate, 'rateCard'>, service: string) {
  const wanted = service.trim().toLowerCase();
  return syndicate.rateCard.find((entry) => entry.service.trim().toLowerCase() === wanted)?.rate;
}

/**
 * The price and unit of an offer. A person's offer, and a syndicate's outside its rate card, take the
 * price given (required); a syndicate's offer in a rate-card service takes the card's rate and unit, and
 * a price or another unit given beside it is refused, so nobody lists under the agreed rate unnoticed.
 */
export function offerPrice(
  input: Pick<OfferInput, 'price' | 'service' | 'unit'>,
  seller: { syndicate?: Pick<Syndicate, 'rateCard' | 'name'> | undefined },
  agreedHourlyRate: bigint,
): { price: bigint; unit: ListingUnit; service?: string } {
  const refuse = (field: string, refusal: MarketRefusal): never => {
    throw new ValidationError(
      [{ field, ...marketWords(refusal) }],
      ...marketErrorWords({ key: 'offer-price', values: {} }),
    );
  };
  if (input.service !== undefined) {
    if (!seller.syndicate) {
      return refuse('body.service', { key: 'service-syndicate', values: {} });
    }
    const rate = rateForService(seller.syndicate, input.service);
    if (!rate) {
      return refuse('body.service', {
        key: 'no-service',
        values: { syndicate: seller.syndicate.name, service: input.service },
      });
    }
    const priced = cardPrice(rate, agreedHourlyRate);
    if ('problem' in priced) {
      // The card's problem (market-price.ts), worded: a rate per another unit, or in another currency.
      const perHourOrJob = rate.per === 'hour' || rate.per === 'job';
      return refuse(
        'body.service',
        perHourOrJob
          ? { key: 'card-currency', values: { currency: rate.currency } }
          : { key: 'card-per', values: { per: rate.per } },
      );
    }
    if (input.price !== undefined) {
      return refuse('body.price', { key: 'card-rate-price', values: {} });
    }
    if (input.unit !== priced.unit) {
      return refuse('body.unit', { key: 'card-unit', values: { per: priced.unit } });
    }
    return { price: priced.price, unit: priced.unit, service: input.service };
  }
  if (input.price === undefined) return refuse('body.price', { key: 'price-needed', values: {} });
  return { price: input.price, unit: input.unit };
}
