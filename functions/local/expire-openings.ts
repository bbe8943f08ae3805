// The sweep on one machine: once at start and then every minute (in AWS: once a day, on a schedule),
// each run followed by the fold of the shortage index's demand days (fold.ts) and today's shortage
// snapshot, so the trend has a point for every day the stack runs; the proposals whose window ended
// closed (and enacted); the economy's days older than a year dropped; the daily saved-search alerts on the first run of each day (UTC), and the
// instant ones every run (in AWS every ten minutes), mailed to the local catcher; and a witness run over
// the registry logs the stewards chose to witness.
import { closeDueProposals } from '#domain/decisions/close-proposal.ts';
import { markClosingSoon } from '#domain/decisions/closing-soon.ts';
import { alertDependencies } from '#app/saved-search-alerts.ts';
import type { Services } from '#app/services.ts';
import { witnessRun } from '#app/witness.ts';
import type { EmailStep } from '#domain/notifications/produce.ts';
import { sendSavedSearchAlerts } from '#domain/openings/saved-search-alerts.ts';
import { expireListings } from '#domain/market/expire-listings.ts';
import { pruneEconomy } from '#domain/ledger/economy-use-cases.ts';
import { confirmDueOrders } from '#domain/orders/confirm-due-orders.ts';
import { expireOpenings } from '#domain/shortages/expire-openings.ts';
import { foldDemandIndex } from '#domain/shortages/fold.ts';
import { recordSnapshot } from '#domain/shortages/shortage-use-cases.ts';

export interface ExpirySweep {
  /** Runs one sweep now (the timer keeps running). */
  runOnce(): Promise<{ expired: string[] }>;
  stop(): Promise<void>;
}

export async function startExpirySweep(
  services: Services,
  options: { intervalMs?: number; sendEmail?: EmailStep } = {},
): Promise<ExpirySweep> {
  const alerting = alertDependencies(services, services.search, options.sendEmail);
  let dailyAlertsSent: string | undefined;
  let running: Promise<{ expired: string[] }> | undefined;
  const runOnce = () => {
    // One sweep at a time: a slow sweep must not overlap the next tick.
    running ??= (async () => {
      try {
        const startedAt = services.now();
        const report = await expireOpenings(services);
        const listings = await expireListings(services);
        if (listings.expired.offers.length + listings.expired.wants.length > 0) {
          services.log.info('offers and wants expired', listings.expired);
        }
        await foldDemandIndex(services);
        await recordSnapshot(services);
        const decided = await closeDueProposals(services);
        if (decided.closed > 0 || decided.failed.length > 0) services.log.info('proposals closed', { ...decided });
        const reminders = await markClosingSoon(services);
        if (reminders.marked > 0 || reminders.failed.length > 0)
          services.log.info('proposals closing soon', { ...reminders });
        if (report.expired.length > 0) services.log.info('openings expired', { expired: report.expired });
        const orders = await confirmDueOrders(services);
        if (orders.checked > 0) services.log.info('due orders swept', { ...orders });
        const economyPruned = await pruneEconomy(services);
        if (economyPruned > 0) services.log.info('economy months pruned', { economyPruned });
        const day = startedAt.toISOString().slice(0, 10);
        const alerts = dailyAlertsSent === day ? ['instant' as const] : ['instant' as const, 'daily' as const];
        for (const alert of alerts) {
          const sent = await sendSavedSearchAlerts(alerting, alert, startedAt);
          if (sent.notified > 0) services.log.info('saved search alerts sent', { alert, ...sent });
        }
        dailyAlertsSent = day;
        // The registry logs this instance witnesses (issue 20); in AWS the witness function, every ten minutes.
        await witnessRun(services);
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
  }, options.intervalMs ?? 60_000);
  timer.unref();
  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
