import { englishIssues } from '../../support/issues.ts';
import { compareIds, shareIssues } from '#domain/ledger/shares.ts';
import { thrown } from '../../support/thrown.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '#domain/errors.ts';
import { equalShares, type Share, splitByShares, splitInProportion, WHOLE } from '#domain/ledger/shares.ts';

/** Any valid division of a whole among 1..12 distinct holders, some possibly with zero. */
const sharesArb = fc
  .uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 })
  .chain((ids) =>
    fc.array(fc.nat({ max: WHOLE }), { minLength: ids.length - 1, maxLength: ids.length - 1 }).map((cuts) => {
      // Cutting [0, WHOLE] at random points gives non-negative widths that sum to WHOLE.
      const points = [0, ...cuts.sort((a, b) => a - b), WHOLE];
      return ids.map((id, index) => ({ id, basisPoints: (points[index + 1] as number) - (points[index] as number) }));
    }),
  );
const amountArb = fc.bigInt({ min: 0n, max: 10n ** 30n });

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((issue) => issue.field);
    throw error;
  }
  return [];
}

describe('splitByShares', () => {
  it.each([
    { case: 'splits evenly when the shares allow it', total: 100n, bps: [5000, 5000], want: [50n, 50n] },
    { case: 'gives the leftover unit to the larger remainder', total: 10n, bps: [3333, 6667], want: [3n, 7n] },
    {
      case: 'gives the leftover unit to the larger remainder, not to the larger share',
      total: 2n,
      bps: [7000, 3000],
      want: [1n, 1n],
    },
    { case: 'breaks equal remainders by the smaller id', total: 1n, bps: [5000, 5000], want: [1n, 0n] },
    { case: 'splits three ways with two leftover units', total: 100n, bps: [3334, 3333, 3333], want: [34n, 33n, 33n] },
    { case: 'gives a zero share nothing, even with leftovers', total: 7n, bps: [0, 5000, 5000], want: [0n, 4n, 3n] },
    { case: 'gives everything to a sole holder', total: 12_345n, bps: [10_000], want: [12_345n] },
    { case: 'splits zero into zeros', total: 0n, bps: [2500, 7500], want: [0n, 0n] },
  ])('$case', ({ total, bps, want }) => {
    const shares = bps.map((basisPoints, index) => ({ id: `person:${String.fromCharCode(97 + index)}`, basisPoints }));
    expect(splitByShares(total, shares).map((part) => part.amount)).toEqual(want);
  });

  it('keeps the order of the shares it was given', () => {
    const parts = splitByShares(3n, [
      { id: 'b', basisPoints: 5000 },
      { id: 'a', basisPoints: 5000 },
    ]);
    expect(parts).toEqual([
      { id: 'b', amount: 1n },
      { id: 'a', amount: 2n },
    ]);
  });

  it('compares ids by code unit, not by locale', () => {
    // In most locales "a" sorts before "B"; by code unit "B" (66) comes first.
    const parts = splitByShares(1n, [
      { id: 'a', basisPoints: 5000 },
      { id: 'B', basisPoints: 5000 },
    ]);
    expect(parts).toEqual([
      { id: 'a', amount: 0n },
      { id: 'B', amount: 1n },
    ]);
  });

  it.each([
    {
      case: 'shares that sum to less than a whole',
      total: 10n,
      shares: [{ id: 'a', basisPoints: 9999 }],
      fields: ['shares'],
    },
    { case: 'a negative total', total: -1n, shares: [{ id: 'a', basisPoints: WHOLE }], fields: ['total'] },
    { case: 'no shares at all', total: 1n, shares: [], fields: ['shares'] },
    {
      case: 'a fractional share',
      total: 1n,
      shares: [
        { id: 'a', basisPoints: 0.5 },
        { id: 'b', basisPoints: 9999.5 },
      ],
      fields: ['shares[0].basisPoints', 'shares[1].basisPoints'],
    },
    {
      case: 'a negative share',
      total: 1n,
      shares: [
        { id: 'a', basisPoints: -1 },
        { id: 'b', basisPoints: 10_001 },
      ],
      fields: ['shares[0].basisPoints', 'shares[1].basisPoints'],
    },
    {
      case: 'a holder named twice',
      total: 1n,
      shares: [
        { id: 'a', basisPoints: 5000 },
        { id: 'a', basisPoints: 5000 },
      ],
      fields: ['shares[1].id'],
    },
  ])('refuses $case, naming each bad field', ({ total, shares, fields }) => {
    expect(issuesOf(() => splitByShares(total, shares))).toEqual(fields);
  });

  it('says in words what is wrong with each refused share', () => {
    const error = thrown(
      () =>
        splitByShares(-1n, [
          { id: 'a', basisPoints: 10_001 },
          { id: 'a', basisPoints: 0 },
        ]),
      ValidationError,
    );
    expect(error.message).toBe('The shares cannot split this amount.');
    expect(englishIssues(error.issues)).toEqual([
      { field: 'total', message: 'Enter 0 or more.' },
      { field: 'shares[0].basisPoints', message: 'Enter a whole number from 0 to 10000.' },
      { field: 'shares[1].id', message: 'repeats the holder "a"' },
    ]);
    expect(englishIssues(shareIssues([]))).toEqual([{ field: 'shares', message: 'Name at least one holder.' }]);
    expect(englishIssues(shareIssues([], 'inventors'))).toEqual([
      { field: 'inventors', message: 'Name at least one holder.' },
    ]);
  });

  it('rounds up only holders whose remainder is at least that of every holder it rounds down', () => {
    fc.assert(
      fc.property(amountArb, sharesArb, (total, shares) => {
        const remainders = splitByShares(total, shares).map((part, index) => {
          const exactTimesWhole = total * BigInt((shares[index] as Share).basisPoints);
          return { up: part.amount * BigInt(WHOLE) > exactTimesWhole, remainder: exactTimesWhole % BigInt(WHOLE) };
        });
        const roundedUp = remainders.filter((r) => r.up).map((r) => r.remainder);
        const roundedDown = remainders.filter((r) => !r.up).map((r) => r.remainder);
        for (const up of roundedUp) for (const down of roundedDown) expect(up).toBeGreaterThanOrEqual(down);
      }),
    );
  });

  it('sums back to the total exactly, for any amount and any shares', () => {
    fc.assert(
      fc.property(amountArb, sharesArb, (total, shares) => {
        const parts = splitByShares(total, shares);
        expect(parts.reduce((sum, part) => sum + part.amount, 0n)).toBe(total);
      }),
    );
  });

  it('gives each holder its exact share rounded down or up, never further off', () => {
    fc.assert(
      fc.property(amountArb, sharesArb, (total, shares) => {
        for (const [index, part] of splitByShares(total, shares).entries()) {
          const exactTimesWhole = total * BigInt((shares[index] as Share).basisPoints);
          const floor = exactTimesWhole / BigInt(WHOLE);
          expect(part.amount === floor || part.amount === floor + 1n).toBe(true);
          if (exactTimesWhole % BigInt(WHOLE) === 0n) expect(part.amount).toBe(floor);
        }
      }),
    );
  });

  it('gives each holder the same amount whatever order the shares are listed in', () => {
    const sharesTwiceArb = sharesArb.chain((shares) =>
      fc.tuple(
        fc.constant(shares),
        fc.shuffledSubarray(shares, { minLength: shares.length, maxLength: shares.length }),
      ),
    );
    fc.assert(
      fc.property(amountArb, sharesTwiceArb, (total, [shares, shuffled]) => {
        const byId = (parts: { id: string; amount: bigint }[]) => new Map(parts.map((p) => [p.id, p.amount]));
        expect(byId(splitByShares(total, shuffled))).toEqual(byId(splitByShares(total, shares)));
      }),
    );
  });
});

describe('compareIds', () => {
  it.each([
    ['a', 'a', 0],
    ['a', 'b', -1],
    ['b', 'a', 1],
    ['B', 'a', -1],
    ['a', 'B', 1],
    ['person:10', 'person:9', -1],
  ])('orders %j against %j by UTF-16 code unit: %i', (a, b, order) => {
    expect(compareIds(a, b)).toBe(order);
  });
});

describe('equalShares', () => {
  it.each([
    { ids: ['a'], want: [10_000] },
    { ids: ['a', 'b'], want: [5000, 5000] },
    { ids: ['a', 'b', 'c'], want: [3334, 3333, 3333] },
    { ids: ['c', 'b', 'a'], want: [3333, 3333, 3334] },
    { ids: ['d', 'a', 'c', 'b', 'e', 'f', 'g'], want: [1429, 1429, 1429, 1429, 1428, 1428, 1428] },
  ])('divides a whole among $ids, the extra points to the smallest ids', ({ ids, want }) => {
    expect(equalShares(ids).map((share) => share.basisPoints)).toEqual(want);
  });

  it('sums to a whole and differs by at most one point, for any set of holders', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 300 }), (ids) => {
        const points = equalShares(ids).map((share) => share.basisPoints);
        expect(points.reduce((a, b) => a + b, 0)).toBe(WHOLE);
        expect(Math.max(...points) - Math.min(...points)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('gives each holder the same share whatever order the holders are listed in', () => {
    const idsTwiceArb = fc
      .uniqueArray(fc.string({ maxLength: 3 }), { minLength: 1, maxLength: 300 })
      .chain((ids) => fc.tuple(fc.constant(ids), fc.shuffledSubarray(ids, { minLength: ids.length })));
    fc.assert(
      fc.property(idsTwiceArb, ([ids, shuffled]) => {
        const byId = (shares: Share[]) => new Map(shares.map((share) => [share.id, share.basisPoints]));
        expect(byId(equalShares(shuffled))).toEqual(byId(equalShares(ids)));
      }),
    );
  });

  it.each([
    { case: 'no holders', ids: [], issues: [{ field: 'ids', message: 'Name at least one holder.' }] },
    {
      case: 'a holder named twice',
      ids: ['a', 'b', 'a'],
      issues: [{ field: 'ids[2]', message: 'repeats the holder "a"' }],
    },
  ])('says why it refuses $case', ({ ids, issues }) => {
    const error = thrown(() => equalShares(ids), ValidationError);
    expect(error.message).toBe('Equal shares need distinct holders.');
    expect(englishIssues(error.issues)).toEqual(issues);
  });

  it('gives more than 10,000 holders one point each to the first 10,000 by id', () => {
    const ids = Array.from({ length: 10_001 }, (_, index) => `person:${String(index).padStart(5, '0')}`);
    const shares = equalShares(ids);
    expect(shares.at(-1)).toEqual({ id: 'person:10000', basisPoints: 0 });
    expect(shares.filter((share) => share.basisPoints === 1)).toHaveLength(WHOLE);
  });

  it.each([
    { case: 'no holders', ids: [], fields: ['ids'] },
    { case: 'a holder named twice', ids: ['a', 'b', 'a'], fields: ['ids[2]'] },
  ])('refuses $case', ({ ids, fields }) => {
    expect(issuesOf(() => equalShares(ids))).toEqual(fields);
  });
});

describe('splitInProportion', () => {
  it.each([
    {
      case: 'splits by weights that do not sum to a whole',
      total: 10_000n,
      weights: [6000, 3000],
      want: [6667n, 3333n],
    },
    { case: 'breaks equal remainders by the smaller id', total: 1n, weights: [1, 1], want: [1n, 0n] },
    { case: 'gives a zero weight nothing, even with leftovers', total: 7n, weights: [0, 1, 1], want: [0n, 4n, 3n] },
    { case: 'gives everything to a sole weight', total: 9n, weights: [3], want: [9n] },
  ])('$case', ({ total, weights, want }) => {
    const shares = weights.map((basisPoints, index) => ({ id: String.fromCharCode(97 + index), basisPoints }));
    expect(splitInProportion(total, shares).map((part) => part.amount)).toEqual(want);
  });

  it.each([
    { case: 'weights that are all zero', total: 1n, weights: [0, 0] },
    { case: 'no weights at all', total: 1n, weights: [] },
    { case: 'a negative weight', total: 1n, weights: [-1, 2] },
    { case: 'a fractional weight', total: 1n, weights: [0.5, 1] },
    { case: 'a negative total', total: -1n, weights: [1], field: 'total' },
  ])('refuses $case, naming it', ({ total, weights, field = 'weights' }) => {
    const shares = weights.map((basisPoints, index) => ({ id: String(index), basisPoints }));
    expect(issuesOf(() => splitInProportion(total, shares))).toEqual([field]);
  });

  it('sums back to the total exactly, each part its exact share rounded down or up', () => {
    fc.assert(
      fc.property(
        amountArb,
        fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 12 }).filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const shares = weights.map((basisPoints, index) => ({ id: `p${index}`, basisPoints }));
          const parts = splitInProportion(total, shares);
          expect(parts.reduce((sum, part) => sum + part.amount, 0n)).toBe(total);
          const sum = BigInt(weights.reduce((a, b) => a + b, 0));
          for (const [index, part] of parts.entries()) {
            const floor = (total * BigInt(weights[index] ?? 0)) / sum;
            expect(part.amount === floor || part.amount === floor + 1n).toBe(true);
          }
        },
      ),
    );
  });
});
