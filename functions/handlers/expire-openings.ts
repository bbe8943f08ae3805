// Runs once a day (an EventBridge schedule): marks openings whose date passed, so the stream carries
// their expiry to the shortage index and search, then keeps the day's shortage snapshot for the trend.
// The snapshot is read seconds before this sweep's expiries arrive through the stream, so it still counts
// the openings that expired overnight; the next day's snapshot does not.
import { getStoreServices } from '#app/store-services.ts';
import { expireOpenings } from '#domain/shortages/expire-openings.ts';
import { recordSnapshot } from '#domain/shortages/shortage-use-cases.ts';
import { lambdaHandler } from '#platform/telemetry.ts';

const services = getStoreServices();

export const handler = lambdaHandler(services.telemetry, async () => {
  const report = await expireOpenings(services);
  const snapshot = await recordSnapshot(services);
  services.log.info('openings expired and shortages snapshotted', {
    checked: report.checked,
    expired: report.expired.length,
    skipped: report.skipped.length,
    day: snapshot.day,
    skills: Object.keys(snapshot.skills).length,
  });
  return { ...report, snapshotDay: snapshot.day };
});
