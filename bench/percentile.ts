import { rng } from './seeded-random.ts';

/** The value at percentile `p` (0–100) of values sorted ascending: the nearest rank, no interpolation. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/**
 * How far a p95 ratio moves by chance: the 5th and 95th percentiles of p95(large) / p95(small) over
 * `resamples` bootstrap resamples of each list (drawn with replacement, as many as it holds; seeded, so
 * the same calls give the same interval). bench:scale prints it for each row over target: a row whose
 * interval reaches under the target may be over by noise.
 */
export function bootstrapRatio(
  small: readonly number[],
  large: readonly number[],
  { resamples = 1000, seed = 14 } = {},
): [number, number] {
  const random = rng(seed);
  const p95Of = (values: readonly number[]) =>
    percentile(
      Array.from(values, () => values[Math.floor(random() * values.length)] ?? 0).sort((x, y) => x - y),
      95,
    );
  const ratios = Array.from({ length: resamples }, () => p95Of(large) / p95Of(small)).sort((x, y) => x - y);
  return [percentile(ratios, 5), percentile(ratios, 95)];
}
