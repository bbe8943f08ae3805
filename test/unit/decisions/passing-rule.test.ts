// The passing rule: yes votes against all eligible members, never only those who voted; a kind may
// ask more than half, never less; integer arithmetic at every boundary.
import { describe, expect, it } from 'vitest';
import { atLeastHalf, half, outcomeOf, twoThirds, yesNeeded } from '#domain/decisions/passing-rule.ts';

const tally = (yes: number, no = 0, abstain = 0) => ({ yes, no, abstain });

describe('the passing rule', () => {
  it.each([
    ['49 yes of 100 eligible fails', tally(49, 0, 51), 100, half, 'rejected'],
    ['50 yes of 100 eligible passes: exactly half', tally(50, 50), 100, half, 'passed'],
    ['51 yes of 100 eligible passes', tally(51), 100, half, 'passed'],
    ['50 yes of 101 eligible fails: half rounds up', tally(50, 51), 101, half, 'rejected'],
    ['51 yes of 101 eligible passes', tally(51), 101, half, 'passed'],
    ['50 yes and no one else of 100 passes: those who stayed away do not block', tally(50), 100, half, 'passed'],
    ['10 yes, 0 no of 100 is without quorum: too few took part for it to pass', tally(10), 100, half, 'without-quorum'],
    ['30 yes, 20 no of 100 is rejected: enough took part', tally(30, 20), 100, half, 'rejected'],
    ['abstentions count as taking part, never as yes', tally(0, 0, 50), 100, half, 'rejected'],
    ['66 yes of 100 fails two thirds', tally(66, 34), 100, twoThirds, 'rejected'],
    ['67 yes of 100 passes two thirds', tally(67), 100, twoThirds, 'passed'],
    ['2 yes of 3 passes two thirds exactly', tally(2, 1), 3, twoThirds, 'passed'],
    ['1 yes of 3 fails two thirds', tally(1, 2), 3, twoThirds, 'rejected'],
    ['the one eligible member voting yes passes', tally(1), 1, half, 'passed'],
    ['nobody eligible: nothing can pass', tally(0), 0, half, 'without-quorum'],
    ['nobody eligible: not even a stray yes passes', tally(1), 0, half, 'without-quorum'],
  ] as const)('%s', (_what, votes, eligible, threshold, outcome) => {
    expect(outcomeOf(votes, eligible, threshold)).toBe(outcome);
  });

  it('needs the threshold’s share of all eligible members, rounded up, and at least one yes', () => {
    expect([yesNeeded(100, half), yesNeeded(101, half), yesNeeded(100, twoThirds), yesNeeded(0, half)]).toEqual([
      50, 51, 67, 1,
    ]);
    expect(yesNeeded(100_000, twoThirds)).toBe(66_667);
  });

  it('refuses a kind that asks less than half, and allows more, up to everyone', () => {
    expect(atLeastHalf({ num: 1, den: 3 })).toBe(false);
    expect(atLeastHalf({ num: 49, den: 100 })).toBe(false);
    expect(atLeastHalf({ num: 3, den: 2 })).toBe(false);
    expect(atLeastHalf({ num: 1, den: 0 })).toBe(false);
    expect(atLeastHalf({ num: 0, den: 0 })).toBe(false);
    expect(atLeastHalf({ num: 1.5, den: 2 })).toBe(false);
    expect(atLeastHalf({ num: 1, den: 1.5 })).toBe(false);
    expect([half, twoThirds, { num: 1, den: 1 }].every(atLeastHalf)).toBe(true);
    expect(() => outcomeOf(tally(10), 10, { num: 1, den: 3 })).toThrow(/never less/);
  });
});
