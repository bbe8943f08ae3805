// bench:scale's bootstrap interval of a row's p95 ratio (bench/percentile.ts): how far the ratio moves by
// chance, so a reader tells a row over target by its calls from one over by a few slow calls.
import { describe, expect, it } from 'vitest';
import { bootstrapRatio, percentile } from '../../bench/percentile.ts';

const calls = (n: number, ms: (i: number) => number) => Array.from({ length: n }, (_, i) => ms(i));

describe('the bootstrap interval of a p95 ratio', () => {
  it('is the ratio itself when every call of each size took the same time', () => {
    expect(
      bootstrapRatio(
        calls(200, () => 2),
        calls(200, () => 6),
      ),
    ).toEqual([3, 3]);
  });

  it('stays over the target when every call at full size is slower', () => {
    const small = calls(200, (i) => 2 + (i % 10) / 10);
    const [low, high] = bootstrapRatio(
      small,
      small.map((ms) => ms * 2),
    );
    expect(low).toBeGreaterThan(1.5);
    expect(high).toBeLessThan(2.5);
  });

  it('reaches under the target when a few slow calls at full size set its p95', () => {
    // 190 calls alike at both sizes; at full, ten (5%) of them were slowed to 8 ms, right at the p95.
    const small = calls(200, (i) => 2 + (i % 10) / 10);
    const large = small.map((ms, i) => (i % 20 === 7 ? 8 : ms));
    const [low, high] = bootstrapRatio(small, large);
    expect(
      percentile(
        large.toSorted((x, y) => x - y),
        95,
      ) /
        percentile(
          small.toSorted((x, y) => x - y),
          95,
        ),
    ).toBeGreaterThan(1.5);
    expect(low).toBeLessThanOrEqual(1.5);
    expect(high).toBeGreaterThan(1.5);
  });

  it('gives the same interval for the same calls (seeded)', () => {
    const small = calls(200, (i) => 1 + ((i * 7) % 13) / 5);
    const large = calls(200, (i) => 1 + ((i * 11) % 17) / 4);
    expect(bootstrapRatio(small, large)).toEqual(bootstrapRatio(small, large));
  });
});
