// The port the marketplace's use cases read and write offers and wants through. The DynamoDB adapter
// keeps each by id, lists an account's own newest first, and keeps the open ones in order of expiry
// for the sweep, so every read is one item or one page whatever the marketplace holds.
import type { AccountId } from '../ledger/account.ts';
import type { Page, PageRequest } from '../paging.ts';
import type { Offer } from './offer.ts';
import type { Want } from './want.ts';

/** One side of the marketplace, with what its store keeps. */
export interface ListingStore<T> {
  /** Strongly consistent: a retry checks what it made, a withdrawal decides from it. */
  get(id: string): Promise<T | null>;
  /** A new listing; ConflictError if its id is taken. */
  create(listing: T): Promise<void>;
  /** Saves a listing that leaves `open` (withdrawn, expired), on condition it is still open; ConflictError otherwise. */
  close(listing: T): Promise<void>;
  /** An account's own listings, any status, newest first, a page at a time. */
  ofAccount(account: AccountId, request: PageRequest): Promise<Page<T>>;
  /** Open listings whose `expiresAt` is before `instant`, soonest first, a page at a time (the sweep). */
  openExpiringBefore(instant: string, request: PageRequest): Promise<Page<T>>;
}

export interface MarketRepository {
  offers: ListingStore<Offer>;
  wants: ListingStore<Want>;
}
