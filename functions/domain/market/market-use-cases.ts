// Listing offers and wants, withdrawing them, reading them and their owners' lists. Authorization is
// here, where the data is read: a person lists for themselves, or for a syndicate they are an active
// admin of; only whoever may list for the owner may withdraw. Every create takes its id from `newId`,
// which the command derives from the Idempotency-Key, so a retry finds what it made.
import type { Commons } from '../content/commons.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';
import { marketErrorWords } from '../i18n/economy/market-refusals.ts';
import type { Identity } from '../identity.ts';
import { type AccountId, personAccount } from '../ledger/account.ts';
import { priceInHours } from '../ledger/market-price.ts';
import type { PageRequest } from '../paging.ts';
import { isAdmin } from '../syndicates/syndicate-use-cases.ts';
import type { SyndicateRepository } from '../syndicates/syndicate.ts';
import { effectiveListingStatus, expiryOf, type Listing, listingIssues, refuseIssues } from './listing.ts';
import type { ListingStore, MarketRepository } from './market-repository.ts';
import { type Offer, type OfferInput, offerPrice } from './offer.ts';
import { demandHoursOf, type Want, type WantInput } from './want.ts';

export interface MarketDependencies {
  market: MarketRepository;
  syndicates: Pick<SyndicateRepository, 'get' | 'getMembership'>;
  commons: Pick<Commons, 'skills'>;
  config: { AGREED_HOURLY_RATE: number };
  now: () => Date;
  newId: () => string;
}

export type Side = 'offer' | 'want';
type Stored = { offer: Offer; want: Want };
const storeOf = <S extends Side>(deps: MarketDependencies, side: S) =>
  (side === 'offer' ? deps.market.offers : deps.market.wants) as ListingStore<Stored[S]>;
const ownerOf = (listing: Offer | Want): AccountId => ('seller' in listing ? listing.seller : listing.buyer);

/** A listing as a reader sees it: its status as of now, and its price in hours of agreed work. */
export type ListingView<T> = T & { priceInHours?: string | undefined };

export function viewOf<T extends Offer | Want>(deps: Pick<MarketDependencies, 'config' | 'now'>, listing: T) {
  const rate = BigInt(deps.config.AGREED_HOURLY_RATE);
  return {
    ...listing,
    status: effectiveListingStatus(listing, deps.now()),
    ...(listing.price === undefined ? {} : { priceInHours: priceInHours(listing.price, rate) }),
  } as ListingView<T>;
}

/** Whether `personId` lists and withdraws for `account`: their own, or a syndicate's they actively administer. */
async function actsFor(deps: MarketDependencies, personId: string, account: AccountId): Promise<boolean> {
  if (account.startsWith('person:')) return account === personAccount(personId);
  return isAdmin(deps, account.slice('syndicate:'.length), personId);
}

/** Listing for an account one does not act for is refused with 403, naming the field that chose it. */
async function requireActsFor(deps: MarketDependencies, personId: string, account: AccountId, field: string) {
  if (await actsFor(deps, personId, account)) return;
  throw new ForbiddenError(...marketErrorWords({ key: 'not-yours', values: { field } }));
}

/** Creates once: the same id again (a retry of the same key) answers with what the first run made. */
async function createOnce<S extends Side>(deps: MarketDependencies, side: S, listing: Stored[S]) {
  const store = storeOf(deps, side);
  try {
    await store.create(listing);
    return { listing, created: true };
  } catch (error) {
    const made = error instanceof ConflictError ? await store.get(listing.id) : null;
    if (!made) throw error;
    return { listing: made, created: false };
  }
}

/** The fields both sides keep, checked together and stamped. */
function listingBase(deps: MarketDependencies, identity: Identity, input: OfferInput | WantInput): Omit<Listing, 'id'> {
  const now = deps.now();
  refuseIssues(listingIssues(input, (skillId) => deps.commons.skills.has(skillId)));
  const { title, description, kind, trade, skillIds, place, remote, unit } = input;
  return {
    title,
    description,
    kind,
    trade,
    skillIds,
    ...(place === undefined ? {} : { place }),
    remote,
    unit,
    createdAt: now.toISOString(),
    createdBy: identity.personId,
    expiresAt: expiryOf(input.expiresOn, now),
  };
}

/**
 * Steps: who sells (yourself, or a syndicate you administer); the fields together; the price (the rate
 * card's for a syndicate's rate-card service, else the one given); store once per id.
 */
export async function createOffer(deps: MarketDependencies, identity: Identity, input: OfferInput) {
  const seller = input.seller ?? personAccount(identity.personId);
  await requireActsFor(deps, identity.personId, seller, 'body.seller');
  const base = listingBase(deps, identity, input);
  const syndicate = seller.startsWith('syndicate:')
    ? await deps.syndicates.get(seller.slice('syndicate:'.length))
    : undefined;
  const { price, unit, service } = offerPrice(input, { syndicate: syndicate ?? undefined }, rateOf(deps));
  const offer: Offer = {
    id: deps.newId(),
    seller,
    ...base,
    unit,
    price,
    ...(input.quantity === undefined ? {} : { quantity: input.quantity }),
    ...(service === undefined ? {} : { service }),
    status: 'open',
  };
  const { listing, created } = await createOnce(deps, 'offer', offer);
  return { offer: viewOf(deps, listing), created };
}

/** Steps: who wants it; the fields together; the hours of work it represents; store once per id. */
export async function createWant(deps: MarketDependencies, identity: Identity, input: WantInput) {
  const buyer = input.buyer ?? personAccount(identity.personId);
  await requireActsFor(deps, identity.personId, buyer, 'body.buyer');
  const base = listingBase(deps, identity, input);
  const demandHours = demandHoursOf(input);
  const want: Want = {
    id: deps.newId(),
    buyer,
    ...base,
    quantity: input.quantity,
    ...(input.price === undefined ? {} : { price: input.price }),
    demandHours,
    status: 'open',
  };
  const { listing, created } = await createOnce(deps, 'want', want);
  return { want: viewOf(deps, listing), created };
}

const rateOf = (deps: Pick<MarketDependencies, 'config'>) => BigInt(deps.config.AGREED_HOURLY_RATE);

/** One listing, for anyone: the marketplace is public. Withdrawn and expired ones say so. */
export async function viewListing<S extends Side>(deps: MarketDependencies, side: S, id: string) {
  const listing = await storeOf(deps, side).get(id);
  if (!listing) throw new NotFoundError(side, id);
  return viewOf(deps, listing);
}

/**
 * Its owner withdraws an open listing. One that is withdrawn, expired (by the sweep or by its date) or
 * fulfilled already is a 409: it left the marketplace and changes no more.
 */
export async function withdrawListing<S extends Side>(
  deps: MarketDependencies,
  identity: Identity,
  side: S,
  id: string,
) {
  const store = storeOf(deps, side);
  const listing = await store.get(id);
  if (!listing) throw new NotFoundError(side, id);
  // Someone else's listing answers as a missing one would (the house rule for foreign objects): the
  // marketplace shows it to everyone, but nothing about withdrawing it is theirs to learn.
  if (!(await actsFor(deps, identity.personId, ownerOf(listing)))) throw new NotFoundError(side, id);
  const now = deps.now();
  const status = effectiveListingStatus(listing, now);
  if (status !== 'open') throw new ConflictError(...marketErrorWords({ key: 'closed', values: { side, status } }));
  const withdrawn = { ...listing, status: 'withdrawn', withdrawnAt: now.toISOString(), withdrawnBy: identity.personId };
  await store.close(withdrawn as Stored[S]);
  return viewOf(deps, withdrawn as Stored[S]);
}

/** A page of the signed-in person's own listings on one side, any status, newest first. */
export async function myListings<S extends Side>(
  deps: MarketDependencies,
  identity: Identity,
  side: S,
  page: PageRequest,
) {
  const result = await storeOf(deps, side).ofAccount(personAccount(identity.personId), page);
  return { ...result, items: result.items.map((listing) => viewOf(deps, listing)) };
}

/** A page of a syndicate's listings on one side, any status, newest first: for its admins (404 for others). */
export async function syndicateListings<S extends Side>(
  deps: MarketDependencies,
  identity: Identity,
  syndicateId: string,
  side: S,
  page: PageRequest,
) {
  if (!(await isAdmin(deps, syndicateId, identity.personId))) {
    throw new NotFoundError('syndicate you administer', syndicateId);
  }
  const result = await storeOf(deps, side).ofAccount(`syndicate:${syndicateId}`, page);
  return { ...result, items: result.items.map((listing) => viewOf(deps, listing)) };
}
