// An offer: an account sells a service, a good or labour in a skill at a price in Bound per unit. A
// sole trader sets their own price; a syndicate's offer in one of its rate-card services takes the rate
// card's rate (the price the syndicate agreed), and any other offer of a syndicate sets its own.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { ValidationError } from '../errors.ts';
import { marketErrorWords } from '../i18n/economy/market-refusals.ts';
import type { AccountId } from '../ledger/account.ts';
import { paymentAmountSchema } from '../ledger/amount.ts';
import { cardPrice } from '../ledger/market-price.ts';
import { accountIdSchema } from '../ledger/payment.ts';
import type { Syndicate } from '../syndicates/syndicate.ts';
import { possessive } from '../plain-words.ts';
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
  const refuse = (field: string, message: string): never => {
    throw new ValidationError([{ field, message }], ...marketErrorWords({ key: 'offer-price', values: {} }));
  };
  if (input.service !== undefined) {
    if (!seller.syndicate) {
      return refuse('body.service', 'Only a syndicate’s offer takes a rate-card service; set your own price.');
    }
    const rate = rateForService(seller.syndicate, input.service);
    if (!rate) {
      return refuse(
        'body.service',
        `${possessive(seller.syndicate.name)} rate card has no service "${input.service}".`,
      );
    }
    const priced = cardPrice(rate, agreedHourlyRate);
    if ('problem' in priced) return refuse('body.service', priced.problem);
    if (input.price !== undefined) {
      return refuse('body.price', 'This service’s price is the rate card’s rate: leave the price out.');
    }
    if (input.unit !== priced.unit) {
      return refuse('body.unit', `The rate card prices this service per ${priced.unit}: choose that unit.`);
    }
    return { price: priced.price, unit: priced.unit, service: input.service };
  }
  if (input.price === undefined) return refuse('body.price', 'Give a price in Bound per unit.');
  return { price: input.price, unit: input.unit };
}
