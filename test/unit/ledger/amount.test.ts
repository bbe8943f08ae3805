// Amounts of Bound as the API takes them (whole minor units) and as a person types them in a form
// ("12.50"): what passes, what is refused, and the sentence a refusal says, word for word.
import { describe, expect, it } from 'vitest';
import {
  amountProblems,
  boundFromText,
  boundTextProblems,
  maxPayment,
  minorUnitsProblem,
  paymentAmountSchema,
} from '#domain/ledger/amount.ts';

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

  it('says each refusal in a sentence a person can act on', () => {
    expect(amountProblems).toEqual({
      notWhole: 'Give the amount as whole minor units (hundredths of a Bound), such as 1250 for 12.50 Bound.',
      fraction:
        'Amounts are whole minor units (hundredths of a Bound), such as 1250 for 12.50 Bound: a fraction of a minor unit cannot be paid.',
      notPositive: 'The amount must be more than zero.',
      unsafe: 'Send an amount this large as a string of digits.',
      tooLarge: 'One payment moves at most 1000000000000 minor units (10,000,000,000.00 Bound).',
    });
  });

  it.each([
    [0, 'notPositive'],
    ['0', 'notPositive'],
    [-1, 'notPositive'],
    ['-1250', 'notPositive'],
    [12.5, 'fraction'],
    ['12.50', 'fraction'],
    ['12.', 'fraction'],
    ['-0.5', 'fraction'],
    ['x12.5', 'notWhole'],
    ['12.5x', 'notWhole'],
    [Number.NaN, 'notWhole'],
    [Number.POSITIVE_INFINITY, 'notWhole'],
    [Number.MAX_SAFE_INTEGER + 2, 'unsafe'],
    ['1e3', 'notWhole'],
    ['', 'notWhole'],
    [' 12', 'notWhole'],
    ['1'.repeat(41), 'notWhole'],
    [true, 'notWhole'],
    [null, 'notWhole'],
    [[1250], 'notWhole'],
    [1_000_000_000_001, 'tooLarge'],
    [(maxPayment + 1n).toString(), 'tooLarge'],
  ] as const)('refuses %j: %s', (value, problem) => {
    expect(minorUnitsProblem(value)).toBe(amountProblems[problem]);
    const parsed = paymentAmountSchema().safeParse(value);
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({ code: 'custom', message: amountProblems[problem] }),
    ]);
  });
});

describe('an amount in Bound as a person types it', () => {
  it.each([
    ['12.50', 1250n],
    ['12.5', 1250n],
    ['12', 1200n],
    ['12.05', 1205n],
    [' 0.01 ', 1n],
    ['0', 0n],
    ['9999999999999.99', 999_999_999_999_999n],
  ])('reads %j as %s minor units', (text, minor) => {
    expect(boundFromText(text)).toEqual({ minor });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['-3.00', 'notPositive'],
    ['12.505', 'decimals'],
    ['a1.505', 'unreadable'],
    ['1.505x', 'unreadable'],
    ['1-2', 'unreadable'],
    ['12,50', 'unreadable'],
    ['1,250.00', 'unreadable'],
    ['twelve', 'unreadable'],
    ['.50', 'unreadable'],
    ['12.50 Bound', 'unreadable'],
    ['99999999999999', 'unreadable'],
  ] as const)('refuses %j with a sentence for the form (%s)', (text, problem) => {
    const expected = problem === 'notPositive' ? amountProblems.notPositive : boundTextProblems[problem];
    expect(boundFromText(text)).toEqual({ problem: expected });
  });

  it('says each refusal in a sentence a person can act on', () => {
    expect(boundTextProblems).toEqual({
      empty: 'Give an amount in Bound, such as 12.50.',
      decimals: 'Bound has two decimal places: give at most two digits after the point, such as 12.50.',
      unreadable: 'Give an amount in Bound using digits and a point, such as 12.50.',
    });
  });
});
