// A retry clock for tests (#domain/retry.ts): its sleeps pass at once, move its time on and are
// recorded, so a test checks the waits a policy chose without waiting them, on a busy machine too.
import type { RetryClock } from '#domain/retry.ts';

export function fakeClock(random: () => number = () => 0.5): RetryClock & { sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    random,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}
