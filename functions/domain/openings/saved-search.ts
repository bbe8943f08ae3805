// A saved job-board search: a person names a search (its words, filters and order) to come back to, to
// read as an Atom feed of new matches at a private address, and to be alerted of new matches (instant
// or daily; the notification work sends them, from what is stored here).
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { commonsIdSchema, tradeIds } from '../content/commons.ts';
import type { Page, PageRequest } from '../paging.ts';
import { skillRefSchema } from '../content/skill-ref.ts';
import { text } from '../text.ts';
import type { BoardSearch } from './broader-searches.ts';
import { openingKinds } from './opening.ts';
import { boardSorts } from './search-board.ts';

/** How often a person is told of new matches: never, as they appear, or once a day. */
export const alertFrequencies = ['off', 'instant', 'daily'] as const;
export type AlertFrequency = (typeof alertFrequencies)[number];

/** Enough for every trade and place a person follows; one person's list stays one short partition. */
export const maxSavedSearches = 50;

/** The search as the board's query string has it (`q`, the filters, `sort`), all optional. */
export const savedQuerySchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    q: z.optional(text(1, 200, { label: 'words' })),
    skill: z.optional(skillRefSchema()),
    trade: z.optional(z.enum(tradeIds)),
    place: z.optional(text(1, 80, { label: 'place' })),
    remote: z.optional(z.boolean()),
    payUnit: z.optional(
      z.string().check(z.regex(/^(BOUND|HOURS|[A-Z]{3})$/, 'Choose BOUND, HOURS or a currency code such as EUR.')),
    ),
    sort: z.optional(z.enum(boardSorts)),
    // Jobs or training places only, and the training places toward one course: a learner's alert.
    kind: z.optional(z.enum(openingKinds)),
    course: z.optional(commonsIdSchema()),
  }),
);
export type SavedQuery = z.infer<ReturnType<typeof savedQuerySchema>>;

/** `POST /api/me/saved-searches`. */
export const savedSearchInputSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    name: text(1, 80, { label: 'name' }),
    query: savedQuerySchema(),
    alert: z._default(z.enum(alertFrequencies), 'off'),
  }),
);
export type SavedSearchInput = z.infer<ReturnType<typeof savedSearchInputSchema>>;

/** `PUT /api/me/saved-searches/{savedSearchId}`: rename it, or change how often you are alerted. */
export const savedSearchChangeSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    name: z.optional(text(1, 80, { label: 'name' })),
    alert: z.optional(z.enum(alertFrequencies)),
  }),
);
export type SavedSearchChange = z.infer<ReturnType<typeof savedSearchChangeSchema>>;

export interface SavedSearch {
  id: string;
  personId: string;
  name: string;
  query: SavedQuery;
  alert: AlertFrequency;
  /**
   * The secret in the feed's address (`/jobs/saved/<token>/feed.xml`): anyone holding it reads the feed
   * without signing in, so it is random (256 bits) and replaced on request, which revokes the old one.
   */
  feedToken: string;
  createdAt: string;
  updatedAt: string;
  /** When matches were last sent by an alert; the next alert sends what was posted since. */
  lastSentAt?: string | undefined;
}

/** The port the domain needs; the DynamoDB adapter implements it. */
export interface SavedSearchRepository {
  /**
   * Stores a new saved search and its feed address, unless the person has `max` already
   * (RuleViolationError `too-many-saved-searches`) or the id is taken (ConflictError); all or nothing.
   */
  create(search: SavedSearch, max: number): Promise<void>;
  get(personId: string, savedSearchId: string): Promise<SavedSearch | null>;
  /** A person's saved searches, by id, a page at a time. */
  page(personId: string, request: PageRequest): Promise<Page<SavedSearch>>;
  /** Name and alert, over the stored copy as read (ConflictError if it changed meanwhile). */
  update(search: SavedSearch, previous: SavedSearch): Promise<void>;
  /** Deletes it and its feed address; ConflictError if it changed since it was read. */
  remove(search: SavedSearch): Promise<void>;
  /** Gives it a new feed address; the old one stops answering in the same transaction. */
  replaceFeedToken(search: SavedSearch, token: string, now: string): Promise<void>;
  /** The saved search a feed address belongs to, or null. */
  byFeedToken(token: string): Promise<SavedSearch | null>;
  /** For the alert sweeps: the saved searches alerted `alert`, a page at a time. */
  pageWithAlert(alert: Exclude<AlertFrequency, 'off'>, request: PageRequest): Promise<Page<SavedSearch>>;
  /** Records that matches posted up to `at` were sent (only moves forward). */
  markSent(personId: string, savedSearchId: string, at: string): Promise<void>;
}

/** The board search a saved query stands for (the board's filter and words). */
export function boardSearchOf(query: SavedQuery): BoardSearch & { sort?: SavedQuery['sort'] } {
  const { q, ...filters } = query;
  return { ...filters, ...(q ? { text: q } : {}) };
}

/** The board's query string for a saved query, in the board's own parameter names. */
export function boardQueryOf(query: SavedQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The feed's address, from the site's origin. */
export const feedPath = (token: string) => `/jobs/saved/${token}/feed.xml`;

/** A feed token as it can appear in an address: 43 base64url characters (32 bytes). */
export const isFeedToken = (value: string | undefined): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);

/** A saved search as its owner sees it: the board's and the feed's full addresses, not the bare token. */
export function savedSearchView(search: SavedSearch, siteUrl: string) {
  const { feedToken, personId: _personId, ...shown } = search;
  return {
    ...shown,
    boardUrl: `${siteUrl}/jobs/${boardQueryOf(search.query)}`,
    feedUrl: `${siteUrl}${feedPath(feedToken)}`,
  };
}
export type SavedSearchView = ReturnType<typeof savedSearchView>;
