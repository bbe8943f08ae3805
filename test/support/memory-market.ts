// An in-memory marketplace store for unit tests, keeping the DynamoDB adapter's promises
// (functions/adapters/dynamodb/market-repository.ts): an id is taken once, a listing leaves `open` only
// from `open`, an account's own are newest first, and the open ones are read by expiry up to an instant.
import { ConflictError } from '#domain/errors.ts';
import type { ListingStore, MarketRepository } from '#domain/market/market-repository.ts';
import type { Offer } from '#domain/market/offer.ts';
import type { Want } from '#domain/market/want.ts';
import { pagedFrom } from './memory-pages.ts';

type Stored = { id: string; status: string; createdAt: string; expiresAt: string };

export interface MemoryListingStore<T> extends ListingStore<T> {
  /** Every call the sweep's reads made, for tests that hold it to its bound. */
  expiryReads: number;
  all(): T[];
}

function memoryStore<T extends Stored>(owner: (listing: T) => string): MemoryListingStore<T> {
  const listings = new Map<string, T>();
  const copy = (value: T): T => structuredClone(value);
  const store: MemoryListingStore<T> = {
    expiryReads: 0,
    all: () => [...listings.values()].map(copy),
    get: async (id) => {
      const found = listings.get(id);
      return found ? copy(found) : null;
    },
    async create(listing) {
      if (listings.has(listing.id)) throw new ConflictError('A listing with this id exists.');
      listings.set(listing.id, copy(listing));
    },
    async close(listing) {
      if (listings.get(listing.id)?.status !== 'open') throw new ConflictError('The listing was closed meanwhile.');
      listings.set(listing.id, copy(listing));
    },
    ofAccount: (account, request) =>
      pagedFrom(() =>
        [...listings.values()]
          .filter((listing) => owner(listing) === account)
          .sort((a, b) => (`${a.createdAt}#${a.id}` < `${b.createdAt}#${b.id}` ? 1 : -1))
          .map(copy),
      )(request),
    // By position, as DynamoDB's cursor is (a key, not an offset): listings that left the index before
    // the next read do not shift the ones after them.
    async openExpiringBefore(instant, request) {
      store.expiryReads++;
      const position = (listing: T) => `${listing.expiresAt}#${listing.id}`;
      const after = request.cursor ?? '';
      const open = [...listings.values()]
        .filter((listing) => listing.status === 'open' && listing.expiresAt < instant && position(listing) > after)
        .sort((a, b) => (position(a) < position(b) ? -1 : 1));
      const items = open.slice(0, request.limit).map(copy);
      const last = items[items.length - 1];
      return { items, ...(open.length > request.limit && last ? { next: position(last) } : {}) };
    },
  };
  return store;
}

export function memoryMarket(): MarketRepository & {
  offers: MemoryListingStore<Offer>;
  wants: MemoryListingStore<Want>;
} {
  return {
    offers: memoryStore<Offer>((offer) => offer.seller),
    wants: memoryStore<Want>((want) => want.buyer),
  };
}
