import { englishIssues } from '../../support/issues.ts';
import { describe, expect, it } from 'vitest';
import { type CreditPolicy, limitOf, monthsSince } from '#domain/ledger/credit-policy.ts';
import { creditPolicySchema, maxTierMonths, maxTiers, policyIssues } from '#domain/ledger/credit-policy-input.ts';

const policy: CreditPolicy = {
  defaultCredit: 50_00n,
  tiers: [
    { months: 3, credit: 200_00n },
    { months: 12, credit: 500_00n },
  ],
};
const now = new Date('2027-06-15T12:00:00.000Z');

describe('the limit a payment checks', () => {
  it.each([
    [
      'an account’s own grant wins over the policy',
      { grant: -10_00n, policy, firstTradeAt: '2020-01-01T00:00:00Z' },
      -10_00n,
    ],
    ['a grant of zero still wins (it was decided for that account)', { grant: 0n, policy }, 0n],
    ['with no policy voted and no grant, the agreed default of zero', { grant: null, policy: null }, 0n],
    ['with no policy, a grant still decides', { grant: -7n, policy: null }, -7n],
    ['a new account without a first trade gets the default', { policy }, -50_00n],
    ['an account that traded days ago gets the default', { policy, firstTradeAt: '2027-06-01T00:00:00Z' }, -50_00n],
    [
      'one moment short of three months: still the default',
      { policy, firstTradeAt: '2027-03-15T12:00:00.001Z' },
      -50_00n,
    ],
    ['exactly three months: the first tier', { policy, firstTradeAt: '2027-03-15T12:00:00.000Z' }, -200_00n],
    ['eleven months on: still the first tier', { policy, firstTradeAt: '2026-07-01T00:00:00Z' }, -200_00n],
    ['a year on: the second tier', { policy, firstTradeAt: '2026-06-15T12:00:00Z' }, -500_00n],
    ['years on: the best tier earned', { policy, firstTradeAt: '2019-01-01T00:00:00Z' }, -500_00n],
    [
      'a tier giving less than the default never lowers it',
      { policy: { defaultCredit: 100n, tiers: [{ months: 1, credit: 50n }] }, firstTradeAt: '2020-01-01T00:00:00Z' },
      -100n,
    ],
    [
      'the best earned tier counts, wherever it is listed',
      {
        policy: {
          defaultCredit: 0n,
          tiers: [
            { months: 2, credit: 900n },
            { months: 1, credit: 300n },
          ],
        },
        firstTradeAt: '2027-01-01T00:00:00Z',
      },
      -900n,
    ],
    [
      'an unearned tier does not count, however much it gives',
      {
        policy: {
          defaultCredit: 0n,
          tiers: [
            { months: 1, credit: 300n },
            { months: 24, credit: 9_000n },
          ],
        },
        firstTradeAt: '2027-01-01T00:00:00Z',
      },
      -300n,
    ],
  ] as const)('%s', (_title, input, expected) => {
    expect(limitOf({ ...input, now })).toBe(expected);
  });
});

describe('months since the first trade', () => {
  it.each([
    ['2027-06-15T12:00:00Z', 0],
    ['2027-05-15T12:00:00Z', 1],
    ['2027-05-15T12:00:00.001Z', 0],
    ['2027-05-16T00:00:00Z', 0],
    ['2027-05-14T23:59:59Z', 1],
    ['2026-06-15T12:00:00Z', 12],
    ['2026-06-15T12:00:01Z', 11],
    ['2025-12-31T00:00:00Z', 17],
    // A first trade after `now` (a clock behind) counts as none yet, not as negative months.
    ['2027-07-01T00:00:00Z', 0],
  ])('from %s to 2027-06-15T12:00Z is %i whole months', (from, months) => {
    expect(monthsSince(new Date(from), now)).toBe(months);
  });

  it('counts a month from the 31st as whole only once the next month has passed the 31st', () => {
    const from = new Date('2027-01-31T00:00:00Z');
    expect(monthsSince(from, new Date('2027-02-28T23:59:59Z'))).toBe(0);
    expect(monthsSince(from, new Date('2027-03-01T00:00:00Z'))).toBe(1);
  });
});

describe('a credit policy as proposed', () => {
  const parse = (input: unknown) => creditPolicySchema().safeParse(input);
  const messages = (input: unknown) => {
    const result = parse(input);
    return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it('reads credit as integers or strings of digits, and tiers default to none', () => {
    const result = parse({ defaultCredit: '5000' });
    expect(result.success && result.data).toEqual({ defaultCredit: 5000n, tiers: [] });
    expect(parse({ defaultCredit: 0, tiers: [{ months: maxTierMonths, credit: 1 }] }).data).toEqual({
      defaultCredit: 0n,
      tiers: [{ months: maxTierMonths, credit: 1n }],
    });
  });

  it.each([
    [
      { defaultCredit: -1 },
      'defaultCredit: Give the credit as an amount of Bound, zero or more (in the API, whole minor units: 5000 for 50.00).',
    ],
    [{ defaultCredit: 1.5 }, 'defaultCredit: Give the credit'],
    [{ defaultCredit: '12a' }, 'defaultCredit: Give the credit'],
    [{ defaultCredit: 'a12' }, 'defaultCredit: Give the credit'],
    [{}, 'defaultCredit: Give the credit'],
    [
      { defaultCredit: 1, tiers: [{ months: 0, credit: 5 }] },
      'tiers.0.months: Give the months as a whole number from 1 to 600.',
    ],
    [{ defaultCredit: 1, tiers: [{ months: 601, credit: 5 }] }, 'tiers.0.months: Give the months as a whole number'],
    [{ defaultCredit: 1, tiers: [{ months: 1.5, credit: 5 }] }, 'tiers.0.months: Give the months as a whole number'],
    [{ defaultCredit: 1, tiers: [{ months: '3', credit: 5 }] }, 'tiers.0.months: Give the months as a whole number'],
    [{ defaultCredit: 1, tiers: [{ months: 2, credit: -5 }] }, 'tiers.0.credit: Give the credit'],
    [{ defaultCredit: 1, tiers: 'many' }, 'tiers: Give the tiers as a list of { months, credit }.'],
    [
      { defaultCredit: 1, tiers: Array.from({ length: maxTiers + 1 }, (_, i) => ({ months: i + 1, credit: i + 2 })) },
      `tiers: A policy has at most ${maxTiers} tiers.`,
    ],
    [{ defaultCredit: 1, extra: true }, ': This does not take extra: remove it.'],
    [
      { defaultCredit: 1, tiers: [{ months: 2, credit: 5, note: 'x' }] },
      'tiers.0: This does not take note: remove it.',
    ],
  ])('refuses %j, saying what to fix', (input, message) => {
    expect(messages(input).join('\n')).toContain(message);
  });

  it(`accepts ${maxTiers} tiers`, () => {
    const tiers = Array.from({ length: maxTiers }, (_, i) => ({ months: i + 1, credit: i + 2 }));
    expect(parse({ defaultCredit: 1, tiers }).success).toBe(true);
  });
});

describe('what must be fixed before a policy is proposed', () => {
  const max = 1_000n;

  it('finds nothing wrong with a policy within the maximum, its tiers in order', () => {
    expect(policyIssues({ defaultCredit: max, tiers: [] }, max)).toEqual([]);
    expect(
      policyIssues(
        {
          defaultCredit: 0n,
          tiers: [
            { months: 1, credit: 1n },
            { months: 2, credit: max },
          ],
        },
        max,
      ),
    ).toEqual([]);
  });

  it('names a default credit above the maximum', () => {
    expect(englishIssues(policyIssues({ defaultCredit: max + 1n, tiers: [] }, max))).toEqual([
      { field: 'body.change.defaultCredit', message: 'The most credit a policy may give is 1000 minor units.' },
    ]);
  });

  it('names a tier above the maximum, under the prefix given', () => {
    expect(
      englishIssues(policyIssues({ defaultCredit: 0n, tiers: [{ months: 1, credit: max + 1n }] }, max, 'change')),
    ).toEqual([{ field: 'change.tiers.0.credit', message: 'The most credit a policy may give is 1000 minor units.' }]);
  });

  it('names a tier that comes no later than the one before it', () => {
    const tiers = [
      { months: 6, credit: 10n },
      { months: 6, credit: 20n },
      { months: 5, credit: 30n },
    ];
    expect(englishIssues(policyIssues({ defaultCredit: 0n, tiers }, max))).toEqual([
      {
        field: 'body.change.tiers.1.months',
        message: 'List the tiers by months, each after more months than the one before.',
      },
      {
        field: 'body.change.tiers.2.months',
        message: 'List the tiers by months, each after more months than the one before.',
      },
    ]);
  });

  it('names a tier giving no more than the default or the tier before it', () => {
    const tiers = [
      { months: 1, credit: 100n },
      { months: 2, credit: 101n },
      { months: 3, credit: 101n },
    ];
    const message = 'Each tier gives more credit than the default and the tier before it.';
    expect(englishIssues(policyIssues({ defaultCredit: 100n, tiers }, max))).toEqual([
      { field: 'body.change.tiers.0.credit', message },
      { field: 'body.change.tiers.2.credit', message },
    ]);
  });
});
