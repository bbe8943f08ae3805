// A want: an account asks for a service, a good or labour in a skill. Wants are demand: the hours of
// work an open want represents (`demandHours`) count in the shortage index beside open positions, so
// what members plan to consume steers what learners train for.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { ValidationError } from '../errors.ts';
import { type MarketRefusal, marketErrorWords, marketWords } from '../i18n/economy/market-refusals.ts';
import type { AccountId } from '../ledger/account.ts';
import { paymentAmountSchema } from '../ledger/amount.ts';
import { accountIdSchema } from '../ledger/payment.ts';
import { type Listing, listingFields } from './listing.ts';
import { quantitySchema } from './offer.ts';

export type WantStatus = 'open' | 'withdrawn' | 'expired' | 'fulfilled';

export interface Want extends Listing {
  /** The account that wants it: `person:<id>` or `syndicate:<id>`. */
  buyer: AccountId;
  /** Units wanted. */
  quantity: number;
  /** What the buyer would pay per unit, in minor units of Bound, if they said. */
  price?: bigint | undefined;
  /** Hours of work the want represents (≥ 0): the quantity when the unit is hour, else the estimate. */
  demandHours: number;
  status: WantStatus;
}

/** At most this many hours in one want: a year of full-time work for a small crew. */
export const maxDemandHours = 10_000;

export const wantInputSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    ...listingFields(),
    quantity: z._default(quantitySchema(), 1),
    /** What you would pay per unit, in minor units of Bound (optional). */
    price: z.optional(paymentAmountSchema()),
    /** The hours of work the whole want takes, when its unit is not the hour. */
    hours: z.optional(z.number().check(z.minimum(0), z.maximum(maxDemandHours))),
    /** Who wants it: yourself (the default) or a syndicate you are an admin of. */
    buyer: z.optional(accountIdSchema()),
  }),
);
export type WantInput = z.infer<ReturnType<typeof wantInputSchema>>;

/**
 * The hours of work a want represents. By the hour, its quantity (an estimate given too is refused: the
 * two could disagree); otherwise the estimate, which a service or labour must give (work has hours) and a
 * good may leave out (0: buying a thing asks no one's hours). Rounded to the hundredth.
 */
export function demandHoursOf(input: Pick<WantInput, 'unit' | 'quantity' | 'hours' | 'kind'>): number {
  const refuse = (refusal: MarketRefusal): never => {
    throw new ValidationError(
      [{ field: 'body.hours', ...marketWords(refusal) }],
      ...marketErrorWords({ key: 'want-hours', values: {} }),
    );
  };
  if (input.unit === 'hour') {
    if (input.hours !== undefined && input.hours !== input.quantity) {
      return refuse({ key: 'hours-quantity', values: {} });
    }
    if (input.quantity > maxDemandHours) return refuse({ key: 'hours-most', values: { most: maxDemandHours } });
    return input.quantity;
  }
  if (input.hours === undefined) {
    if (input.kind === 'good') return 0;
    return refuse({ key: 'hours-needed', values: {} });
  }
  return Math.round(input.hours * 100) / 100;
}
