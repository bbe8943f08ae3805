// Open innovation records: an improvement to how work is done, written up so others can adopt it.
// A record starts as a private draft its inventors edit; publishing makes a version public and
// immutable; a correction is a new version, drafted and published the same way, that names the
// version it replaces. The record itself only points at its newest published version.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { type FieldIssue, ValidationError } from '../errors.ts';
import { draftWords } from '../i18n/records/draft-refusals.ts';
import { equalShares, shareIssues, WHOLE } from '../ledger/shares.ts';
import { defaultLocale, intlTags, type Locale } from '../i18n/locales.ts';
import { text } from '../text.ts';

export const licenses = ['CC-BY-4.0', 'CC-BY-SA-4.0', 'CC0-1.0'] as const;

/** At most this many inventors or implementers: a settlement must fit one DynamoDB transaction. */
export const maxHolders = 20;

/**
 * At most this many versions of one record (each published correction is one): a record's page lists
 * them all and the public record carries them, so the list must stay small by design. A record that
 * needs more is a new record.
 */
export const maxVersions = 50;

const personId = /* @__PURE__ */ lazySchema(() => text(1, 128, { label: 'person id' }));
const commonsId = /* @__PURE__ */ lazySchema(() =>
  z
    .string()
    .check(
      z.regex(
        /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
        'Use a commons id: lowercase words joined by hyphens, such as care-shift-handover.',
      ),
    ),
);

/** Shares as sent: basis points may be left out everywhere, and then everyone gets an equal share. */
export const holdersInputSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .array(
      z.strictObject({
        personId: personId(),
        basisPoints: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(WHOLE))),
      }),
    )
    .check(z.minLength(1), z.maxLength(maxHolders)),
);
export type HoldersInput = z.infer<ReturnType<typeof holdersInputSchema>>;

export const effectSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    unit: text(1, 40, { label: 'unit' }),
    before: z.number(),
    after: z.number(),
    method: text(10, 2000, { multiline: true, label: 'method' }),
  }),
);

/**
 * A link as the browser will follow it: stored as the URL parser writes it, so a direction override or
 * an invisible character typed into the path is percent-encoded where a reader can see it.
 */
const evidenceLink = /* @__PURE__ */ lazySchema(() =>
  z
    .url({ protocol: /^https?$/, error: 'Enter a web address starting with https:// or http://.' })
    .check(z.overwrite((link) => URL.parse(link)?.href ?? link)),
);

/** What inventors may write in a draft: nothing the server owns. */
export const innovationInputSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    title: text(5, 120, { label: 'title' }),
    problem: text(20, 4000, { multiline: true, label: 'problem' }),
    improvement: text(30, 20_000, { multiline: true, label: 'improvement' }),
    practice: z.optional(commonsId()),
    skills: z._default(z.array(commonsId()).check(z.maxLength(10)), []),
    effect: effectSchema(),
    evidence: z._default(z.array(evidenceLink()).check(z.maxLength(10)), []),
    inventors: holdersInputSchema(),
    license: z.enum(licenses),
  }),
);
export type InnovationInput = z.infer<ReturnType<typeof innovationInputSchema>>;

/** A holder of a share: a person and their basis points (the shares sum to 10,000). */
export interface PersonShare {
  personId: string;
  basisPoints: number;
}

export interface InnovationContent extends Omit<InnovationInput, 'inventors'> {
  inventors: PersonShare[];
}

export type VersionStatus = 'draft' | 'published';

export interface InnovationVersion extends InnovationContent {
  innovationId: string;
  version: number;
  status: VersionStatus;
  /** The published version this one corrects. */
  replaces?: number | undefined;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  publishedAt?: string | undefined;
  /** Hash of the public content, recorded in the registry log when published. */
  contentHash?: string | undefined;
  /**
   * Who has accepted this version's terms (its inventors and shares) as they stand: see consent.ts.
   * Kept when the version is published, so it shows who agreed to be named.
   */
  acceptedBy: string[];
  /** People this draft names who have not yet accepted once: invited, not yet inventors. */
  invited: string[];
  /** Every write of a version is conditional on the revision read, so no write lands on terms unseen. */
  rev: number;
  /** The revision at which the inventors or shares last changed: an acceptance of an older one is stale. */
  termsRev: number;
}

export interface InnovationRecord {
  id: string;
  /** `draft` until the first version is published. */
  status: VersionStatus;
  /** The newest published version; 0 while the record is a draft. */
  currentVersion: number;
  /** A correction being drafted, if any (only its inventors see it). */
  draftVersion?: number | undefined;
  /** Listing fields, copied from the newest version. */
  title: string;
  practice?: string | undefined;
  skills: string[];
  /** The inventors the listing names: the newest published version's, or a first draft's who joined. */
  inventorIds: string[];
  /** Everyone the draft names, invited or joined; with `inventorIds`, who finds the record as theirs. */
  draftPeopleIds?: string[] | undefined;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  publishedAt?: string | undefined;
  /** Optimistic concurrency: every write is conditional on the revision read. */
  rev: number;
  /** Server-owned totals, grown in the same transactions as adoptions and settlements. */
  adopterCount?: number | undefined;
  /** Sum of the settled values V, and of the inventors' halves paid out of them, in minor units. */
  valueSettled?: bigint | undefined;
  royaltiesPaid?: bigint | undefined;
  /**
   * The part of `valueSettled` whose settlements are listed apart from the record's value reports (every
   * settlement since that list was kept, counted in the settlement's own transaction). Short of
   * `valueSettled` only for a record settled before: its statement then finds them through its log.
   * Bookkeeping: no answer shows it.
   */
  valueListed?: bigint | undefined;
}

/**
 * Shares for the holders as sent: given for everyone, they must sum to 10,000; left out for everyone,
 * they are equal (largest remainder by id, so the same people always get the same shares).
 */
export function resolveShares(holders: HoldersInput, field: string): PersonShare[] {
  const given = holders.filter((holder) => holder.basisPoints !== undefined);
  const ids = holders.map((holder) => holder.personId);
  if (given.length === 0) {
    return equalShares(ids, field).map((share) => ({ personId: share.id, basisPoints: share.basisPoints }));
  }
  if (given.length !== holders.length) {
    throw new ValidationError([{ field, ...draftWords({ key: 'share-everyone', values: {} }) }]);
  }
  const shares = holders.map((holder) => ({ id: holder.personId, basisPoints: holder.basisPoints ?? 0 }));
  const issues = shareIssues(shares, field);
  if (issues.length > 0) {
    const { message, wordsIn } = draftWords({ key: 'shares-whole', values: {} });
    throw new ValidationError(issues, message, { wordsIn });
  }
  return shares.map((share) => ({ personId: share.id, basisPoints: share.basisPoints }));
}

export function inventorIdsOf(content: Pick<InnovationContent, 'inventors'>): string[] {
  return content.inventors.map((inventor) => inventor.personId);
}

/** Who finds a record among their own (the inventor links follow this): inventors and anyone named. */
export function linkedPeople(record: Pick<InnovationRecord, 'inventorIds' | 'draftPeopleIds'>): string[] {
  return [...new Set([...record.inventorIds, ...(record.draftPeopleIds ?? [])])];
}

/** The listing fields a record copies from its newest version. */
export function listingOf(version: InnovationVersion): Pick<InnovationRecord, 'title' | 'practice' | 'skills'> {
  return { title: version.title, practice: version.practice, skills: version.skills };
}

/** Every problem with the commons ids a draft names; empty when the practice and skills all exist. */
export function commonsIssues(
  content: Pick<InnovationContent, 'practice' | 'skills'>,
  known: { practices: ReadonlyMap<string, unknown>; skills: ReadonlyMap<string, unknown> },
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (content.practice && !known.practices.has(content.practice)) {
    issues.push({
      field: 'body.practice',
      ...draftWords({ key: 'unknown-practice', values: { id: content.practice } }),
    });
  }
  content.skills.forEach((skill, index) => {
    if (!known.skills.has(skill)) {
      issues.push({ field: `body.skills.${index}`, ...draftWords({ key: 'unknown-skill', values: { id: skill } }) });
    }
  });
  return issues;
}

/**
 * How a measured effect reads, its numbers as the reader's language writes them (`Intl`): "minutes per
 * repair: 45 → 30 (−33.3%)", "1250,5 → 980 (−21,6 %)" in Spanish. The unit is the inventor's words.
 */
export function describeEffect(effect: InnovationInput['effect'], locale: Locale = defaultLocale): string {
  const tag = intlTags[locale];
  const number = new Intl.NumberFormat(tag);
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  // A fall is signed with the minus sign (U+2212), as print sets it, rather than Intl's hyphen.
  const change =
    effect.before === 0 ? '' : ` (${percent.format((effect.after - effect.before) / effect.before).replace('-', '−')})`;
  return `${effect.unit}: ${number.format(effect.before)} → ${number.format(effect.after)}${change}`;
}
