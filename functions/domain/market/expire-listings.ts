// Offers and wants past their instant expire without anyone writing to them, so no stream record says so.
// The daily sweep (beside the openings' expiry) writes it down: status `expired`, on condition the
// listing is still open, and the stream then carries it to search (the document leaves the marketplace)
// and to the shortage index (an expired want is no longer demand). Readers already treat an open listing
// past its instant as expired (effectiveListingStatus), so they agree before and after the sweep.
//
// Bounded: the store keeps only open listings in order of expiry, so a run reads exactly those that
// expired, a page at a time, and at most `maxPages` pages of each side; whatever is left waits for the
// next run, which finds it first (soonest expiry first).
import { ConflictError } from '../errors.ts';
import { maxPageSize } from '../paging.ts';
import type { ListingStore, MarketRepository } from './market-repository.ts';

export interface ListingExpiryDependencies {
  market: MarketRepository;
  now: () => Date;
}

export interface ListingExpiryReport {
  expired: { offers: string[]; wants: string[] };
  /** Closed by their owner between the listing and the mark; nothing to do. */
  skipped: string[];
  /** True when a side had more expired listings than one run marks: the next run goes on. */
  more: boolean;
}

/** Pages of 100 per side and run: 5,000 expiries a day each, far beyond what a commons lists. */
export const maxPages = 50;

export async function expireListings(deps: ListingExpiryDependencies): Promise<ListingExpiryReport> {
  const now = deps.now().toISOString();
  const report: ListingExpiryReport = { expired: { offers: [], wants: [] }, skipped: [], more: false };
  const offers = await expireSide(deps.market.offers, now, report.expired.offers, report.skipped);
  const wants = await expireSide(deps.market.wants, now, report.expired.wants, report.skipped);
  report.more = offers || wants;
  return report;
}

async function expireSide<T extends { id: string; status: string }>(
  store: ListingStore<T>,
  now: string,
  expired: string[],
  skipped: string[],
): Promise<boolean> {
  let cursor: string | undefined;
  for (let pages = 0; pages < maxPages; pages++) {
    const page = await store.openExpiringBefore(now, { limit: maxPageSize, cursor });
    for (const listing of page.items) {
      try {
        await store.close({ ...listing, status: 'expired' });
        expired.push(listing.id);
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        skipped.push(listing.id);
      }
    }
    cursor = page.next;
    if (!cursor) return false;
  }
  return true;
}
