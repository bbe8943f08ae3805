import { englishIssues } from '../../support/issues.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '#domain/errors.ts';
import type { AccountId, CreditLimits } from '#domain/ledger/account.ts';
import { planSettlement } from '#domain/ledger/plan-settlement.ts';
import { equalShares } from '#domain/ledger/shares.ts';
import { CreditLimitError } from '#domain/ledger/transfer.ts';
import { thrown } from '../../support/thrown.ts';

const mill: AccountId = 'syndicate:mill';
const ana: AccountId = 'person:ana';
const ben: AccountId = 'person:ben';
// Built as the plain value it is, so this file runs none of account.ts while it loads (see test/README.md).
const limits: CreditLimits = { defaultLimit: -100n, overrides: new Map([[mill, -5000n]]) };

describe('planSettlement', () => {
  it('pays each inventor their share of half the value, from the syndicate', () => {
    const plan = planSettlement({
      syndicate: mill,
      value: 1001n,
      inventors: [
        { id: ana, basisPoints: 6000 },
        { id: ben, basisPoints: 4000 },
      ],
      balances: new Map([[mill, 200n]]),
      limits,
    });
    expect(plan.transfers).toEqual([
      { from: mill, to: ana, amount: 300n },
      { from: mill, to: ben, amount: 200n },
    ]);
    expect(plan.royalty.implementers).toBe(501n);
    expect(Object.fromEntries(plan.balances)).toEqual({ [mill]: -300n, [ana]: 300n, [ben]: 200n });
  });

  it('leaves out transfers of zero', () => {
    const plan = planSettlement({
      syndicate: mill,
      value: 3n,
      inventors: [
        { id: ana, basisPoints: 5000 },
        { id: ben, basisPoints: 5000 },
      ],
      balances: new Map(),
      limits,
    });
    expect(plan.transfers).toEqual([{ from: mill, to: ana, amount: 1n }]);
  });

  it('makes no transfers for a value of zero or one', () => {
    for (const value of [0n, 1n]) {
      const plan = planSettlement({
        syndicate: mill,
        value,
        inventors: equalShares([ana]),
        balances: new Map(),
        limits,
      });
      expect(plan.transfers).toEqual([]);
      expect(plan.balances.size).toBe(0);
    }
  });

  it('keeps the share of an inventor that is the adopting syndicate itself where it is', () => {
    const plan = planSettlement({
      syndicate: mill,
      value: 100n,
      inventors: equalShares<AccountId>([mill, ana]),
      balances: new Map(),
      limits,
    });
    expect(plan.transfers).toEqual([{ from: mill, to: ana, amount: 25n }]);
    expect(plan.royalty.inventors).toContainEqual({ id: mill, amount: 25n });
  });

  it('refuses a settlement that would take the syndicate past its credit limit, naming it', () => {
    const request = {
      syndicate: mill,
      value: 12_000n,
      inventors: equalShares<AccountId>([ana, ben]),
      balances: new Map<AccountId, bigint>([[mill, -1000n]]),
      limits,
    };
    expect(() => planSettlement(request)).toThrow(CreditLimitError);
    expect(() => planSettlement(request)).toThrow(/syndicate:mill/);
    expect(request.balances.get(mill)).toBe(-1000n);
  });

  it('refuses a paying account that is not a syndicate, naming the field', () => {
    const error = thrown(
      () => planSettlement({ syndicate: ana, value: 10n, inventors: equalShares([ben]), balances: new Map(), limits }),
      ValidationError,
    );
    expect(englishIssues(error.issues)).toEqual([{ field: 'syndicate', message: 'Name a syndicate account.' }]);
  });

  it('moves exactly the inventors’ half out of the syndicate and keeps the ledger summing to zero', () => {
    const people: AccountId[] = ['person:a', 'person:b', 'person:c', 'person:d', 'syndicate:other'];
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 9999n }), fc.subarray(people, { minLength: 1 }), (value, inventorIds) => {
        const plan = planSettlement({
          syndicate: mill,
          value,
          inventors: equalShares(inventorIds),
          balances: new Map(),
          limits,
        });
        const paid = plan.transfers.reduce((sum, transfer) => sum + transfer.amount, 0n);
        expect(paid).toBe(value / 2n);
        expect(plan.balances.get(mill) ?? 0n).toBe(-paid);
        expect([...plan.balances.values()].reduce((a, b) => a + b, 0n)).toBe(0n);
        expect(plan.transfers.every((transfer) => transfer.amount > 0n)).toBe(true);
      }),
    );
  });
});
