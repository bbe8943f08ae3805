import { englishIssues } from '../../support/issues.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '#domain/errors.ts';
import { type AccountId, type CreditLimits, creditLimits, limitFor } from '#domain/ledger/account.ts';
import { applyTransfers, type Balances, CreditLimitError, type Transfer } from '#domain/ledger/transfer.ts';
import { thrown } from '../../support/thrown.ts';

const ana: AccountId = 'person:ana';
const ben: AccountId = 'person:ben';
const mill: AccountId = 'syndicate:mill';
// Built as the plain value it is, so this file runs none of account.ts while it loads (see test/README.md).
const limits: CreditLimits = { defaultLimit: -100n, overrides: new Map([[mill, -1000n]]) };

const sum = (balances: Balances) => [...balances.values()].reduce((a, b) => a + b, 0n);

function refusal(run: () => unknown): CreditLimitError {
  try {
    run();
  } catch (error) {
    if (error instanceof CreditLimitError) return error;
    throw error;
  }
  throw new Error('expected a CreditLimitError');
}

describe('applyTransfers', () => {
  it.each([
    {
      case: 'moves credit from one account to another, starting both at zero',
      before: [],
      transfers: [{ from: ana, to: ben, amount: 40n }],
      after: [
        [ana, -40n],
        [ben, 40n],
      ],
    },
    {
      case: 'lets an account go negative down to exactly its limit',
      before: [],
      transfers: [{ from: ana, to: ben, amount: 100n }],
      after: [
        [ana, -100n],
        [ben, 100n],
      ],
    },
    {
      case: 'uses the override instead of the community default',
      before: [],
      transfers: [{ from: mill, to: ana, amount: 1000n }],
      after: [
        [mill, -1000n],
        [ana, 1000n],
      ],
    },
    {
      case: 'checks the net result of a batch, so a payment received in it counts',
      before: [],
      transfers: [
        { from: ana, to: ben, amount: 150n },
        { from: mill, to: ana, amount: 60n },
      ],
      after: [
        [ana, -90n],
        [ben, 150n],
        [mill, -60n],
      ],
    },
    {
      case: 'lets an account below a lowered limit still be paid',
      before: [
        [ana, -300n],
        [ben, 300n],
      ],
      transfers: [{ from: ben, to: ana, amount: 50n }],
      after: [
        [ana, -250n],
        [ben, 250n],
      ],
    },
    {
      case: 'lets an account below a lowered limit pay out within a batch that leaves it better off',
      before: [
        [ana, -300n],
        [ben, 300n],
      ],
      transfers: [
        { from: ana, to: ben, amount: 50n },
        { from: ben, to: ana, amount: 100n },
      ],
      after: [
        [ana, -250n],
        [ben, 250n],
      ],
    },
    {
      case: 'lets an account below a lowered limit pass on exactly what it receives in the batch',
      before: [
        [ana, -300n],
        [ben, 300n],
      ],
      transfers: [
        { from: ben, to: ana, amount: 70n },
        { from: ana, to: mill, amount: 70n },
      ],
      after: [
        [ana, -300n],
        [ben, 230n],
        [mill, 70n],
      ],
    },
    { case: 'changes nothing for an empty batch', before: [[ana, 0n]], transfers: [], after: [[ana, 0n]] },
  ] satisfies Array<{
    case: string;
    before: [AccountId, bigint][];
    transfers: Transfer[];
    after: [AccountId, bigint][];
  }>)('$case', ({ before, transfers, after }) => {
    const next = applyTransfers(new Map(before), transfers, limits);
    expect(Object.fromEntries(next)).toEqual(Object.fromEntries(after));
    expect(sum(next)).toBe(sum(new Map(before)));
  });

  it('refuses a transfer that would pass the credit limit', () => {
    const error = refusal(() => applyTransfers(new Map(), [{ from: ana, to: ben, amount: 101n }], limits));
    expect(error).toMatchObject({ rule: 'credit-limit', accountId: ana, balance: -101n, limit: -100n });
    expect(error.message).toBe(
      'Account "person:ana" would be left at -101 minor units, below its credit limit of -100.',
    );
    expect(error.wordsIn?.('es')).toBe(
      'La cuenta «person:ana» quedaría en −1,01 Bound, por debajo de su límite de crédito de −1,00 Bound.',
    );
  });

  it('refuses the whole batch when one transfer in it would pass a limit', () => {
    const before = new Map<AccountId, bigint>([[ben, 20n]]);
    const snapshot = new Map(before);
    const batch = [
      { from: mill, to: ben, amount: 10n },
      { from: ben, to: ana, amount: 131n },
    ];
    expect(refusal(() => applyTransfers(before, batch, limits)).accountId).toBe(ben);
    expect(before).toEqual(snapshot);
  });

  it('names the first paying account, in the order the transfers name them', () => {
    const batch = [
      { from: ben, to: mill, amount: 200n },
      { from: ana, to: mill, amount: 200n },
    ];
    expect(refusal(() => applyTransfers(new Map(), batch, limits)).accountId).toBe(ben);
  });

  it('refuses a payment from an account already below a lowered limit', () => {
    const before = new Map<AccountId, bigint>([
      [ana, -300n],
      [ben, 300n],
    ]);
    expect(refusal(() => applyTransfers(before, [{ from: ana, to: ben, amount: 1n }], limits)).balance).toBe(-301n);
  });

  it('never changes the balances it was given', () => {
    const before = new Map<AccountId, bigint>([[ana, 5n]]);
    applyTransfers(before, [{ from: ana, to: ben, amount: 5n }], limits);
    expect(Object.fromEntries(before)).toEqual({ [ana]: 5n });
  });

  it.each([
    {
      case: 'a zero amount',
      transfer: { from: ana, to: ben, amount: 0n },
      issue: { field: 'transfers[0].amount', message: 'Enter more than 0.' },
    },
    {
      case: 'a negative amount',
      transfer: { from: ana, to: ben, amount: -5n },
      issue: { field: 'transfers[0].amount', message: 'Enter more than 0.' },
    },
    {
      case: 'a transfer to the paying account',
      transfer: { from: ana, to: ana, amount: 5n },
      issue: { field: 'transfers[0].to', message: 'Choose an account other than the paying one.' },
    },
  ])('refuses $case as malformed, saying what is wrong', ({ transfer, issue }) => {
    const error = thrown(() => applyTransfers(new Map(), [transfer], limits), ValidationError);
    expect(error.message).toBe('The transfers are malformed.');
    expect(englishIssues(error.issues)).toEqual([issue]);
  });
});

describe('applyTransfers over any sequence of batches', () => {
  const accounts: AccountId[] = ['person:a', 'person:b', 'person:c', 'syndicate:x', 'syndicate:y'];
  const limitsArb = fc
    .record({
      defaultLimit: fc.bigInt({ min: -500n, max: 0n }),
      overrides: fc.dictionary(fc.constantFrom(...accounts), fc.bigInt({ min: -2000n, max: 0n })),
    })
    .map(({ defaultLimit, overrides }) =>
      creditLimits(defaultLimit, Object.entries(overrides) as [AccountId, bigint][]),
    );
  const transferArb = fc
    .tuple(fc.constantFrom(...accounts), fc.constantFrom(...accounts), fc.bigInt({ min: 1n, max: 800n }))
    .filter(([from, to]) => from !== to)
    .map(([from, to, amount]): Transfer => ({ from, to, amount }));
  const batchesArb = fc.array(fc.array(transferArb, { minLength: 1, maxLength: 4 }), { maxLength: 40 });

  function run(
    limitsUsed: CreditLimits,
    batches: Transfer[][],
    check: (before: Balances, after: Balances | CreditLimitError) => void,
  ) {
    let balances: Balances = new Map();
    for (const batch of batches) {
      const snapshot = new Map(balances);
      try {
        const next = applyTransfers(balances, batch, limitsUsed);
        check(snapshot, next);
        balances = next;
      } catch (error) {
        if (!(error instanceof CreditLimitError)) throw error;
        expect(balances).toEqual(snapshot);
        check(snapshot, error);
      }
    }
  }

  it('keeps the sum of all balances at exactly zero', () => {
    fc.assert(
      fc.property(limitsArb, batchesArb, (limitsUsed, batches) => {
        run(limitsUsed, batches, (_, after) => {
          if (!(after instanceof CreditLimitError)) expect(sum(after)).toBe(0n);
        });
      }),
    );
  });

  it('keeps every balance at or above its limit', () => {
    fc.assert(
      fc.property(limitsArb, batchesArb, (limitsUsed, batches) => {
        run(limitsUsed, batches, (_, after) => {
          if (after instanceof CreditLimitError) return;
          for (const [account, balance] of after) expect(balance).toBeGreaterThanOrEqual(limitFor(limitsUsed, account));
        });
      }),
    );
  });

  it('refuses a batch only for an account that would truly pass its limit, and changes nothing then', () => {
    fc.assert(
      fc.property(limitsArb, batchesArb, (limitsUsed, batches) => {
        run(limitsUsed, batches, (before, after) => {
          if (!(after instanceof CreditLimitError)) return;
          expect(after.limit).toBe(limitFor(limitsUsed, after.accountId));
          expect(after.balance).toBeLessThan(after.limit);
          expect(after.balance).toBeLessThan(before.get(after.accountId) ?? 0n);
        });
      }),
    );
  });
});
