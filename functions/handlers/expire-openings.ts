// Runs on two EventBridge schedules. Once a day: marks openings, offers and wants whose date passed, so
// the stream carries their expiry to the shortage index and search, folds each skill's demand days
// (fold.ts), keeps the day's shortage snapshot for the trend, confirms (and pays) the delivered orders
// undisputed past their window and drops the economy's days older than a year. Every ten minutes (the
// input `{ "run": "proposals" }`) and at the start of the daily run: closes the proposals whose voting
// window ended (a bounded number a run; the rest stay due for the next), so a decision is enacted within
// ten minutes of its window's end, and flags those closing within a day (the stream reminds who has not
// voted). The snapshot is read seconds before this sweep's expiries arrive through the stream, so it still
// counts the openings that expired overnight; the next day's snapshot does not. The saved-search alerts,
// which search and mail, are a function of their own (saved-search-alerts.ts).
import { getStoreServices } from '#app/store-services.ts';
import { closeDueProposals } from '#domain/decisions/close-proposal.ts';
import { markClosingSoon } from '#domain/decisions/closing-soon.ts';
import { expireListings } from '#domain/market/expire-listings.ts';
import { pruneEconomy } from '#domain/ledger/economy-use-cases.ts';
import { confirmDueOrders } from '#domain/orders/confirm-due-orders.ts';
import { expireOpenings } from '#domain/shortages/expire-openings.ts';
import { foldDemandIndex } from '#domain/shortages/fold.ts';
import { recordSnapshot } from '#domain/shortages/shortage-use-cases.ts';
import { lambdaHandler } from '#platform/telemetry.ts';

const services = getStoreServices();
async function closeProposals() {
  const report = await closeDueProposals(services);
  // Then those closing within a day are flagged, once each: the stream reminds who has not voted.
  const reminders = await markClosingSoon(services);
  services.log.info('proposals closed', { closed: report.closed, failed: report.failed, reminders });
  // Those that failed stay due: the next run closes them. Failing the run would redo the others' work.
  return { closed: report.closed, failed: report.failed.length, reminded: reminders.marked };
}

export const handler = lambdaHandler(services.telemetry, async (event: { run?: unknown } | undefined) => {
  const proposals = await closeProposals();
  if (event?.run === 'proposals') return { proposals };
  const report = await expireOpenings(services);
  // Offers and wants past their instant: the stream then takes them off the marketplace.
  const listings = await expireListings(services);
  const fold = await foldDemandIndex(services);
  const snapshot = await recordSnapshot(services);
  // Delivered orders undisputed past their window count as confirmed: paid now, once each.
  const orders = await confirmDueOrders(services);
  // The economy's stored days stay a year's worth: the longest period the page may ask.
  const economyPruned = await pruneEconomy(services);
  services.log.info('openings expired and shortages snapshotted', {
    checked: report.checked,
    expired: report.expired.length,
    skipped: report.skipped.length,
    demandFolded: fold.folded,
    demandFoldSkipped: fold.skipped,
    offersExpired: listings.expired.offers.length,
    wantsExpired: listings.expired.wants.length,
    listingsLeftForNextRun: listings.more,
    day: snapshot.day,
    skills: Object.keys(snapshot.skills).length,
    ordersConfirmed: orders.confirmed.length,
    ordersRefused: orders.refused.length,
    economyMonthsPruned: economyPruned,
  });
  return { ...report, proposals, snapshotDay: snapshot.day, orders };
});
