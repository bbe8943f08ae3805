// The marketplace's amounts: a price in hours of agreed work (rounded half up to the hundredth) and a
// rate card's rate as an offer's price in Bound (by the hour or the job; hours of labour at the agreed
// rate; anything else refused with a sentence).
import { describe, expect, it } from 'vitest';
import { cardPrice, hundredthsOfHours, priceInHours } from '#domain/ledger/market-price.ts';

describe('a price in hours of agreed work', () => {
  it.each([
    [2000n, 2000n, '1.00'],
    [2500n, 2000n, '1.25'],
    [3000n, 2000n, '1.50'],
    [0n, 2000n, '0.00'],
    [1n, 2000n, '0.00'],
    // 10 / 2000 h is 0.005 h: exactly half a hundredth rounds up.
    [10n, 2000n, '0.01'],
    [9n, 2000n, '0.00'],
    [1000n, 3n, '333.33'],
    [2000n, 3n, '666.67'],
    [123_456_789n, 100n, '1234567.89'],
    [1_000_000_000_000n, 2000n, '500000000.00'],
    [-2500n, 2000n, '-1.25'],
    [-10n, 2000n, '-0.01'],
  ])('%s minor units at %s an hour are %s hours', (price, rate, hours) => {
    expect(priceInHours(price, rate)).toBe(hours);
  });

  it('counts hundredths of an hour exactly, rounding half up', () => {
    expect(hundredthsOfHours(2500n, 2000n)).toBe(125n);
    expect(hundredthsOfHours(15n, 1000n)).toBe(2n);
    expect(hundredthsOfHours(14n, 1000n)).toBe(1n);
    expect(hundredthsOfHours(-15n, 1000n)).toBe(-2n);
  });

  it.each([0n, -2000n])('refuses an agreed hourly rate of %s', (rate) => {
    expect(() => hundredthsOfHours(100n, rate)).toThrow('The agreed hourly rate must be above zero.');
  });

  it('takes a rate of one minor unit an hour', () => {
    expect(priceInHours(7n, 1n)).toBe('7.00');
  });
});

describe('a rate card’s rate as an offer’s price', () => {
  it.each([
    [
      { amount: 3000, currency: 'BOUND', per: 'hour' },
      { price: 3000n, unit: 'hour' },
    ],
    [
      { amount: 12_000, currency: 'BOUND', per: 'job' },
      { price: 12_000n, unit: 'job' },
    ],
    [
      { amount: 0, currency: 'BOUND', per: 'hour' },
      { price: 0n, unit: 'hour' },
    ],
    // 1.50 hours of labour at 20.00 Bound an hour.
    [
      { amount: 150, currency: 'HOURS', per: 'job' },
      { price: 3000n, unit: 'job' },
    ],
    [
      { amount: 100, currency: 'HOURS', per: 'hour' },
      { price: 2000n, unit: 'hour' },
    ],
  ])('prices %o at %o', (rate, expected) => {
    expect(cardPrice(rate, 2000n)).toEqual(expected);
  });

  it('rounds hours of labour to the minor unit, half up', () => {
    // 1 hundredth of an hour at 50 minor units an hour is 0.5 minor units: up to 1.
    expect(cardPrice({ amount: 1, currency: 'HOURS', per: 'hour' }, 50n)).toEqual({ price: 1n, unit: 'hour' });
    expect(cardPrice({ amount: 1, currency: 'HOURS', per: 'hour' }, 49n)).toEqual({ price: 0n, unit: 'hour' });
    expect(cardPrice({ amount: 3, currency: 'HOURS', per: 'job' }, 1050n)).toEqual({ price: 32n, unit: 'job' });
  });

  it.each(['day', 'week', 'month'])('refuses a rate per %s, saying what the card must say instead', (per) => {
    expect(cardPrice({ amount: 3000, currency: 'BOUND', per }, 2000n)).toEqual({
      problem: `The rate card prices this service per ${per}; an offer is priced per hour, item or job, so an admin must state the rate per hour or per job first.`,
    });
  });

  it.each(['EUR', 'GBP'])('refuses a rate in %s, which is not Bound', (currency) => {
    expect(cardPrice({ amount: 3000, currency, per: 'hour' }, 2000n)).toEqual({
      problem: `The rate card prices this service in ${currency}; an offer is priced in Bound, so an admin must state the rate in Bound or hours first.`,
    });
  });
});
