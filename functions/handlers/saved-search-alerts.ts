// Runs on two EventBridge schedules: every ten minutes (the input `{ "alerts": "instant" }`) it sends the
// instant saved-search alerts, and once a day (no input) the daily ones, after the sweep has marked the
// day's expired openings (infra/stateless-stack.ts). Each alert searches the index for the openings new
// since the last one and puts them in the person's inbox, mailed unless they turned mail off. A function
// of its own since the sweep (expire-openings.ts) passed its 250 KB once the restorative circle and the
// languages came: the alerts are its only search and mail, ~30 KB of it.
import { createAwsMailer, notificationEmailer } from '#app/mailer.ts';
import { alertDependencies } from '#app/saved-search-alerts.ts';
import { createSearchIndex } from '#app/search-index.ts';
import { loadConfig, once } from '#app/secrets.ts';
import { getStoreServices } from '#app/store-services.ts';
import { sendSavedSearchAlerts } from '#domain/openings/saved-search-alerts.ts';
import { lambdaHandler } from '#platform/telemetry.ts';

const services = getStoreServices();
/** Search and mail need secrets (the search key, the unsubscribe link key): read once per cold start. */
const alerting = once(async () => {
  const withSecrets = { ...services, config: await loadConfig() };
  return alertDependencies(
    services,
    createSearchIndex(withSecrets.config),
    notificationEmailer(withSecrets, createAwsMailer(withSecrets)),
  );
});

export const handler = lambdaHandler(services.telemetry, async (event: { alerts?: unknown } | undefined) => {
  const alert = event?.alerts === 'instant' ? 'instant' : 'daily';
  const report = await sendSavedSearchAlerts(await alerting(), alert, services.now());
  services.log.info('saved search alerts sent', { alert, ...report });
  // Every alert is safe to run again (none is told twice), so a failure fails the run, to be retried.
  if (report.failed > 0) throw new Error(`${report.failed} ${alert} saved search alerts failed; see the warnings`);
  return report;
});
