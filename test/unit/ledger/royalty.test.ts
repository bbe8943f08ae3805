import { englishIssues } from '../../support/issues.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '#domain/errors.ts';
import { royaltySplit } from '#domain/ledger/royalty.ts';
import { equalShares } from '#domain/ledger/shares.ts';
import { thrown } from '../../support/thrown.ts';

const inventors = [
  { id: 'person:ana', basisPoints: 7000 },
  { id: 'person:ben', basisPoints: 3000 },
];

describe('royaltySplit', () => {
  it.each([
    { case: 'gives half of an even value to the inventors', value: 1000n, parts: [350n, 150n], implementers: 500n },
    {
      case: 'gives the odd unit of an odd value to the implementers',
      value: 1001n,
      parts: [350n, 150n],
      implementers: 501n,
    },
    { case: 'gives a value of one unit wholly to the implementers', value: 1n, parts: [0n, 0n], implementers: 1n },
    { case: 'splits a value of zero into zeros', value: 0n, parts: [0n, 0n], implementers: 0n },
  ])('$case', ({ value, parts, implementers }) => {
    const split = royaltySplit(value, inventors);
    expect(split.inventors.map((part) => part.amount)).toEqual(parts);
    expect(split.implementers).toBe(implementers);
    expect(split.inventorsTotal).toBe(value / 2n);
  });

  it.each([-1n, -2n, -1001n])('refuses a negative value (%s), naming the value rather than a half of it', (value) => {
    const error = thrown(() => royaltySplit(value, inventors), ValidationError);
    expect(error.message).toBe('The royalty cannot be split.');
    expect(error.issues).toEqual([{ field: 'value', message: 'Enter 0 or more.' }]);
  });

  it('names the inventors in errors about their shares', () => {
    const error = thrown(() => royaltySplit(10n, [{ id: 'person:ana', basisPoints: 4000 }]), ValidationError);
    expect(error.message).toBe('The royalty cannot be split.');
    expect(englishIssues(error.issues)).toEqual([
      { field: 'inventors', message: 'basis points must sum to 10000, not 4000' },
    ]);
    expect(error.issues[0]?.wordsIn?.('es')).toBe('los puntos básicos tienen que sumar 10.000, no 4000');
  });

  it('lists a negative value before the problems with the shares', () => {
    const error = thrown(() => royaltySplit(-4n, []), ValidationError);
    expect(error.issues.map((issue) => issue.field)).toEqual(['value', 'inventors']);
  });

  it('sums to the whole value, with floor(V/2) to the inventors, for any value and inventors', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 24n }),
        fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 20 }),
        (value, ids) => {
          const split = royaltySplit(value, equalShares(ids));
          const paid = split.inventors.reduce((sum, part) => sum + part.amount, 0n);
          expect(paid).toBe(split.inventorsTotal);
          expect(paid + split.implementers).toBe(value);
          expect(split.implementers - split.inventorsTotal).toBe(value % 2n);
        },
      ),
    );
  });
});
