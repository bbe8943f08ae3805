// The expiry sweep on one machine: once at start and then every minute (in AWS: once a day, on a
// schedule), each run followed by today's shortage snapshot, so the trend has a point for every day the
// stack runs.
import type { Services } from '#app/services.ts';
import { expireOpenings } from '#domain/shortages/expire-openings.ts';
import { recordSnapshot } from '#domain/shortages/shortage-use-cases.ts';

export interface ExpirySweep {
  /** Runs one sweep now (the timer keeps running). */
  runOnce(): Promise<{ expired: string[] }>;
  stop(): Promise<void>;
}

export async function startExpirySweep(services: Services, intervalMs = 60_000): Promise<ExpirySweep> {
  let running: Promise<{ expired: string[] }> | undefined;
  const runOnce = () => {
    // One sweep at a time: a slow sweep must not overlap the next tick.
    running ??= (async () => {
      try {
        const report = await expireOpenings(services);
        await recordSnapshot(services);
        if (report.expired.length > 0) services.log.info('openings expired', { expired: report.expired });
        return report;
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  await runOnce();
  const timer = setInterval(() => {
    runOnce().catch((error: unknown) => services.log.warn('expiry sweep failed; the next tick tries again', { error }));
  }, intervalMs);
  timer.unref();
  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
