// When a proposal passes: its yes votes are at least a share of everyone who could vote (not of those
// who did). Quorum and majority are one rule: a half of all eligible members by default, more where a
// kind asks it (two thirds to remove a member), never less. Integer arithmetic only, so a third is exact.

export interface Tally {
  yes: number;
  no: number;
  abstain: number;
}

/** A share of the eligible members, as a fraction `num / den` (1/2, 2/3). */
export interface Threshold {
  num: number;
  den: number;
}

export const half: Threshold = { num: 1, den: 2 };
export const twoThirds: Threshold = { num: 2, den: 3 };

export type Outcome = 'passed' | 'rejected' | 'without-quorum';

/** True when `threshold` asks at least half: a kind may ask for more, never less. */
export function atLeastHalf(threshold: Threshold): boolean {
  return (
    Number.isInteger(threshold.num) &&
    Number.isInteger(threshold.den) &&
    threshold.den > 0 &&
    threshold.num <= threshold.den &&
    threshold.num * 2 >= threshold.den
  );
}

/** The fewest yes votes that pass among `eligible` members: the threshold's share, rounded up, at least one. */
export function yesNeeded(eligible: number, threshold: Threshold): number {
  return Math.max(1, Math.floor((eligible * threshold.num + threshold.den - 1) / threshold.den));
}

/**
 * The outcome of a closed vote. Passed: yes votes reach the threshold's share of all eligible members.
 * Otherwise, rejected when enough took part that it could have passed (the members who voted were at
 * least as many as the yes votes needed), and without quorum when too few took part for it to pass even
 * had all of them said yes. With nobody eligible, nothing can pass: without quorum.
 */
export function outcomeOf(tally: Tally, eligible: number, threshold: Threshold = half): Outcome {
  if (!atLeastHalf(threshold)) throw new RangeError('A kind may ask more than half of the members, never less.');
  if (eligible <= 0) return 'without-quorum';
  const needed = yesNeeded(eligible, threshold);
  if (tally.yes >= needed) return 'passed';
  return tally.yes + tally.no + tally.abstain >= needed ? 'rejected' : 'without-quorum';
}
