// Amounts of Bound as the API takes them (whole minor units) and as a person types them in a form
// ("12.50"): what passes, what is refused, and the sentence a refusal says.
import { describe, expect, it } from 'vitest';
import { boundFromText, maxPayment, minorUnitsProblem, paymentAmountSchema } from '#domain/ledger/amount.ts';

describe('an amount in minor units from the API', () => {
  it.each([
    [1, 1n],
    [1250, 1250n],
    ['1250', 1250n],
    ['0001', 1n],
    [999_999_999_999, 999_999_999_999n],
    [maxPayment.toString(), maxPayment],
  ])('takes %j as %s minor units', (value, minor) => {
    expect(minorUnitsProblem(value)).toBeUndefined();
    expect(paymentAmountSchema().parse(value)).toBe(minor);
  });

  it.each([
    [0, /more than zero/],
    ['0', /more than zero/],
    [-1, /more than zero/],
    ['-1250', /more than zero/],
    [12.5, /fraction of a minor unit/],
    ['12.50', /fraction of a minor unit/],
    ['12.', /fraction of a minor unit/],
    [Number.NaN, /whole minor units/],
    [Number.POSITIVE_INFINITY, /whole minor units/],
    [Number.MAX_SAFE_INTEGER + 2, /string of digits/],
    ['1e3', /whole minor units/],
    ['', /whole minor units/],
    [' 12', /whole minor units/],
    [true, /whole minor units/],
    [null, /whole minor units/],
    [(maxPayment + 1n).toString(), /at most 1000000000000 minor units \(10,000,000,000\.00 Bound\)/],
  ])('refuses %j, saying why', (value, message) => {
    expect(minorUnitsProblem(value)).toMatch(message);
    const parsed = paymentAmountSchema().safeParse(value);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(message);
  });
});

describe('an amount in Bound as a person types it', () => {
  it.each([
    ['12.50', 1250n],
    ['12.5', 1250n],
    ['12', 1200n],
    [' 0.01 ', 1n],
    ['0', 0n],
    ['9999999999999.99', 999_999_999_999_999n],
  ])('reads %j as %s minor units', (text, minor) => {
    expect(boundFromText(text)).toEqual({ minor });
  });

  it.each([
    ['', /Give an amount/],
    ['-3.00', /more than zero/],
    ['12.505', /two decimal places/],
    ['12,50', /digits and a point/],
    ['1,250.00', /digits and a point/],
    ['twelve', /digits and a point/],
    ['.50', /digits and a point/],
    ['12.50 Bound', /digits and a point/],
  ])('refuses %j with a sentence for the form', (text, problem) => {
    const read = boundFromText(text);
    expect('problem' in read && read.problem).toMatch(problem);
  });
});
