// What offers and wants share: both are listings on the marketplace, made by an account (a person's,
// or a syndicate's by one of its admins), about a kind of thing (a service, a good, labour in a skill)
// in a trade and its skills, in a place or remote, priced in Bound per hour, item or job. Each is open
// until its owner withdraws it or it expires; the daily sweep writes the expiry down (expire-listings.ts).
import * as z from 'zod/mini';
import { commonsIdSchema, tradeIds } from '../content/commons.ts';
import { type FieldIssue, ValidationError } from '../errors.ts';
import { marketErrorWords, marketWords } from '../i18n/economy/market-refusals.ts';
import { text } from '../text.ts';

export const listingKinds = ['service', 'good', 'labour'] as const;
export type ListingKind = (typeof listingKinds)[number];
export const listingUnits = ['hour', 'item', 'job'] as const;
export type ListingUnit = (typeof listingUnits)[number];

/** Days a listing stays open when its owner names no date, and the most they may name. */
export const defaultListingDays = 90;
export const maxListingDays = 365;
export const maxListingSkills = 12;
export const maxQuantity = 100_000;

/** The fields of an offer's or a want's body that mean the same on both. */
export const listingFields = () => ({
  title: text(5, 120, { label: 'title' }),
  /** Markdown, shown through renderMarkdown (raw HTML becomes text). */
  description: text(1, 4000, { multiline: true, label: 'description' }),
  kind: z.enum(listingKinds),
  trade: z.enum(tradeIds),
  skillIds: z._default(
    z.array(commonsIdSchema().check(z.maxLength(80))).check(z.maxLength(maxListingSkills)),
    [] as string[],
  ),
  place: z.optional(text(2, 80, { label: 'place' })),
  remote: z._default(z.boolean(), false),
  unit: z.enum(listingUnits),
  /** The last day it is open (UTC); 90 days from today when absent. */
  expiresOn: z.optional(z.iso.date()),
});

/** A listing as stored: the fields both sides keep. */
export interface Listing {
  id: string;
  title: string;
  description: string;
  kind: ListingKind;
  trade: string;
  skillIds: string[];
  place?: string | undefined;
  remote: boolean;
  unit: ListingUnit;
  createdAt: string;
  /** The person who listed it (the owner, or the admin who listed it for a syndicate). */
  createdBy: string;
  /**
   * The instant it stops being open, as an ISO string. It must stay a string: the table's TTL attribute
   * is `expiresAt` (table.ts), and DynamoDB deletes an item whose `expiresAt` is a number in the past.
   */
  expiresAt: string;
  withdrawnAt?: string | undefined;
  withdrawnBy?: string | undefined;
}

/** The end of the named day (UTC), or of the default span; refuses a day past or beyond the longest span. */
export function expiryOf(expiresOn: string | undefined, now: Date): string {
  const today = now.toISOString().slice(0, 10);
  const last = new Date(now.getTime() + maxListingDays * 86_400_000).toISOString().slice(0, 10);
  const day = expiresOn ?? new Date(now.getTime() + defaultListingDays * 86_400_000).toISOString().slice(0, 10);
  if (day < today || day > last) {
    throw new ValidationError([
      { field: 'body.expiresOn', ...marketWords({ key: 'expiry', values: { today, days: maxListingDays, last } }) },
    ]);
  }
  return `${day}T23:59:59.999Z`;
}

/**
 * The rules a listing's fields must keep together, as field issues: a place unless it is remote; a
 * skill for labour (labour is work in a skill); skills of the commons, each once.
 */
export function listingIssues(
  input: { place?: string | undefined; remote: boolean; kind: ListingKind; skillIds: string[] },
  knownSkill: (skillId: string) => boolean,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!input.remote && !input.place) {
    issues.push({ field: 'body.place', ...marketWords({ key: 'place', values: {} }) });
  }
  if (input.kind === 'labour' && input.skillIds.length === 0) {
    issues.push({ field: 'body.skillIds', ...marketWords({ key: 'labour-skill', values: {} }) });
  }
  input.skillIds.forEach((skillId, index) => {
    if (!knownSkill(skillId)) {
      issues.push({ field: `body.skillIds.${index}`, ...marketWords({ key: 'unknown-skill', values: { skillId } }) });
    } else if (input.skillIds.indexOf(skillId) !== index) {
      issues.push({ field: `body.skillIds.${index}`, ...marketWords({ key: 'skill-twice', values: { skillId } }) });
    }
  });
  return issues;
}

export function refuseIssues(issues: FieldIssue[]): void {
  if (issues.length > 0) {
    throw new ValidationError(issues, ...marketErrorWords({ key: 'listing-fields', values: {} }));
  }
}

/** Open, withdrawn and expired as a reader sees them: an open listing past its instant is expired already. */
export function effectiveListingStatus<S extends string>(listing: { status: S; expiresAt: string }, now: Date) {
  return listing.status === 'open' && listing.expiresAt <= now.toISOString() ? ('expired' as const) : listing.status;
}
