// Syndicates: self-employed workers who band together, agree their rates and share work.
// A syndicate always keeps at least one admin; membership is asked for and decided by admins.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { commonsIdSchema, skillLevels, tradeIds } from '../content/commons.ts';
import type { Sieve } from '../paged-reads.ts';
import type { Page, PageRequest } from '../paging.ts';
import { text } from '../text.ts';

export const currencies = /* @__PURE__ */ lazySchema(() =>
  z
    .string()
    .check(
      z.regex(/^(BOUND|HOURS|[A-Z]{3})$/, 'Choose BOUND, HOURS (hours of labour) or a currency code such as EUR.'),
    ),
);
export const payPeriods = ['hour', 'day', 'week', 'month', 'job'] as const;

/** An amount in minor units: cents, hundredths of a Bound, or hundredths of an hour of labour. */
export const moneySchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    amount: z.number().check(z.int(), z.minimum(0), z.maximum(100_000_000)),
    currency: currencies(),
    per: z.enum(payPeriods),
  }),
);
export type Money = z.infer<ReturnType<typeof moneySchema>>;

export const slugSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .string()
    .check(
      z.minLength(3),
      z.maxLength(60),
      z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase words joined by hyphens, such as riverside-builders.'),
    ),
);

/**
 * Ids a syndicate may not take, because the address it would get already belongs to a page:
 * `/syndicates/new/` is the form that founds one, so a syndicate called `new` could never be seen.
 * These are the fixed names beside an `[id]` in the site's pages (`new`, `log`, `feed`), those that
 * follow an id (`edit`, `report`, …: a list page with the same name is the likeliest next one), and
 * those after `/api/syndicates/` in the API. A unit test derives them from `site/src/pages/` and the
 * route table and fails when a new page's name is missing here.
 */
export const reservedSyndicateIds: ReadonlySet<string> = new Set([
  'adopt',
  'applicants',
  'applications',
  'badge',
  'credential',
  'edit',
  'feed',
  'log',
  'new',
  'openings',
  'practical-work',
  'report',
  'saved',
  'statement',
  'verify',
  'versions',
  'work',
]);

/**
 * One line of a rate card: a service at a rate; optionally the skill (and level) of the commons it pays
 * for, which is how work paid by the hour finds its rate (ledger/work-pay.ts), and whether the syndicate
 * marked that work unpleasant (paid 1.5×). Lines stored before skills and the flag existed have neither
 * and read as a service that is not unpleasant. The one definition: the votes that set rate cards take it.
 */
export const rateCardEntrySchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      service: text(2, 120, { label: 'service' }),
      rate: moneySchema(),
      skillId: z.optional(commonsIdSchema().check(z.maxLength(80))),
      /** The level of the skill this line pays; none: every level of it without a line of its own. */
      level: z.optional(z.enum(skillLevels)),
      unpleasant: z._default(z.boolean(), false),
    })
    .check(
      // The OpenAPI document says what rateCardSchema refuses: a level only beside the skill it prices.
      z.meta({ dependentRequired: { level: ['skillId'] } }),
    ),
);
export type RateCardEntry = z.infer<ReturnType<typeof rateCardEntrySchema>>;

/** A rate card: at most 30 lines, a level only beside a skill, each skill and level priced once. */
export const rateCardSchema = /* @__PURE__ */ lazySchema(() =>
  z.array(rateCardEntrySchema()).check(
    z.maxLength(30),
    z.superRefine((entries, ctx) => {
      const seen = new Set<string>();
      entries.forEach((entry, i) => {
        if (entry.level !== undefined && entry.skillId === undefined) {
          const message = 'A level prices a skill: name the skill (skillId) or leave the level out.';
          ctx.issues.push({ code: 'custom', message, input: entry, path: [i, 'level'] });
        }
        if (entry.skillId === undefined) return;
        const key = `${entry.skillId}#${entry.level ?? ''}`;
        if (seen.has(key)) {
          const message = `${entry.skillId}${entry.level ? ` at ${entry.level} level` : ''} has a rate already; keep one line for it.`;
          ctx.issues.push({ code: 'custom', message, input: entry, path: [i, 'skillId'] });
        }
        seen.add(key);
      });
    }),
  ),
);

/** What a person may send to create or edit a syndicate: nothing the server owns. */
export const syndicateInputSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    name: text(3, 80, { label: 'name' }),
    trade: z.enum(tradeIds),
    description: text(20, 4000, { multiline: true, label: 'description' }),
    place: text(2, 80, { label: 'place' }),
    rateCard: z._default(rateCardSchema(), []),
  }),
);
export type SyndicateInput = z.infer<ReturnType<typeof syndicateInputSchema>>;

export interface Syndicate extends SyndicateInput {
  id: string;
  createdAt: string;
  createdBy: string;
  /** Server-owned counts, kept in the same transaction as the memberships they count. */
  memberCount: number;
  adminCount: number;
}

/**
 * Whether the syndicate's rate card, and which records it adopts, change only by its members' vote (a
 * rate-card or adopt-innovation proposal): once others work under it, money follows votes (issue 17);
 * a syndicate of one still decides them directly.
 */
export const decidesByVote = (syndicate: Pick<Syndicate, 'memberCount'>) => syndicate.memberCount > 1;
/** The rate card's case of `decidesByVote`, by the name the site and its tests use. */
export const rateCardByVote = decidesByVote;

export type Role = 'admin' | 'member';
export type MembershipStatus = 'requested' | 'active' | 'declined';

export interface Membership {
  syndicateId: string;
  personId: string;
  role: Role;
  status: MembershipStatus;
  requestedAt: string;
  decidedAt?: string | undefined;
  decidedBy?: string | undefined;
  /**
   * When the person became an active member (a role change keeps it): a proposal opened later is theirs
   * to vote on. Memberships approved before it was kept have only `decidedAt`.
   */
  memberSince?: string | undefined;
}

export interface SyndicateRepository {
  get(syndicateId: string): Promise<Syndicate | null>;
  /** Syndicates by id in batched reads; ids with no syndicate are absent from the map. */
  getMany(syndicateIds: readonly string[]): Promise<Map<string, Syndicate>>;
  /** A page of every syndicate, by name. */
  page(request: PageRequest): Promise<Page<Syndicate>>;
  /** Creates the syndicate with its first admin; ConflictError if the id is taken. */
  create(syndicate: Syndicate, founder: Membership): Promise<void>;
  update(syndicate: Syndicate): Promise<void>;
  getMembership(syndicateId: string, personId: string): Promise<Membership | null>;
  /** A page of a syndicate's members and requests, by person id; `sieve` drops what a view leaves out. */
  pageMemberships(syndicateId: string, request: PageRequest, sieve?: Sieve<Membership>): Promise<Page<Membership>>;
  /** The memberships of some people in one syndicate, in batched reads: absent where there is none. */
  getMemberships(syndicateId: string, personIds: readonly string[]): Promise<Map<string, Membership>>;
  /** The ids of a syndicate's active admins, at most `max` (whom its notifications go to). */
  activeAdmins(syndicateId: string, max: number): Promise<string[]>;
  /** A page of a person's memberships and requests, by syndicate id; `sieve` drops what a view leaves out. */
  pageMembershipsOf(personId: string, request: PageRequest, sieve?: Sieve<Membership>): Promise<Page<Membership>>;
  /** Stores a request unless the person is already a member or has one pending (ConflictError). */
  requestMembership(membership: Membership): Promise<Membership>;
  /**
   * Moves a membership from `from` to its new state, adjusting counts; the last admin can never go,
   * except with `lastMember` when they are the only member left (an account deleted: nobody is left
   * without an admin, and the syndicate keeps its history with no members).
   */
  changeMembership(from: Membership, to: Membership | null, options?: { lastMember?: boolean }): Promise<void>;
}
