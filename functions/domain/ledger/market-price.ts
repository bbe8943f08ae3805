// The amounts of the marketplace: what an offer costs when a syndicate's rate card prices it, and what
// any price comes to in hours of agreed work. One hour of agreed work is worth the commons' agreed
// hourly rate (`AGREED_HOURLY_RATE`, minor units of Bound), so every price can also be read in labour
// time. Pure and exact: amounts are bigint minor units, hours are hundredths of an hour, and the one
// rounding (a price that is not a whole number of hundredths of an hour) is half up, stated here.

/** A rate as a syndicate's rate card states it (syndicates/syndicate.ts `moneySchema`). */
export interface CardRate {
  amount: number;
  currency: string;
  per: string;
}

/** What a rate card's rate prices an offer at: minor units of Bound per hour or per job. */
export interface CardPrice {
  price: bigint;
  unit: 'hour' | 'job';
}

/** Why a rate cannot price an offer in Bound, as a sentence for whoever lists it. */
export type CardPriceProblem = { problem: string };

/** `numerator / denominator` rounded half up, for non-negative numerators and positive denominators. */
function roundedQuotient(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/**
 * A price in hours of agreed work, as hundredths of an hour: `price / agreedHourlyRate`, rounded half
 * up to the hundredth. Throws on a rate that is not above zero (configuration refuses one).
 */
export function hundredthsOfHours(price: bigint, agreedHourlyRate: bigint): bigint {
  if (agreedHourlyRate <= 0n) throw new RangeError('The agreed hourly rate must be above zero.');
  if (price < 0n) return -roundedQuotient(-price * 100n, agreedHourlyRate);
  return roundedQuotient(price * 100n, agreedHourlyRate);
}

/** A price in hours of agreed work, written with two decimals ("1.50"): what every price shows beside it. */
export function priceInHours(price: bigint, agreedHourlyRate: bigint): string {
  const hundredths = hundredthsOfHours(price, agreedHourlyRate);
  const sign = hundredths < 0n ? '-' : '';
  const size = hundredths < 0n ? -hundredths : hundredths;
  return `${sign}${size / 100n}.${(size % 100n).toString().padStart(2, '0')}`;
}

/**
 * The price a rate card's rate gives an offer. A rate in Bound per hour or per job is the price as it
 * stands; a rate in hours of labour (HOURS, hundredths of an hour) is worth the agreed hourly rate for
 * each hour, rounded half up to the minor unit. Any other rate (another currency, or per day, week or
 * month) cannot price an offer in Bound per hour, item or job: the rate card must say it so first.
 */
export function cardPrice(rate: CardRate, agreedHourlyRate: bigint): CardPrice | CardPriceProblem {
  if (rate.per !== 'hour' && rate.per !== 'job') {
    return {
      problem: `The rate card prices this service per ${rate.per}; an offer is priced per hour, item or job, so an admin must state the rate per hour or per job first.`,
    };
  }
  if (rate.currency === 'BOUND') return { price: BigInt(rate.amount), unit: rate.per };
  if (rate.currency === 'HOURS') {
    return { price: roundedQuotient(BigInt(rate.amount) * agreedHourlyRate, 100n), unit: rate.per };
  }
  return {
    problem: `The rate card prices this service in ${rate.currency}; an offer is priced in Bound, so an admin must state the rate in Bound or hours first.`,
  };
}
