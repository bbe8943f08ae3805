// A syndicate's openings as ActivityPub (issue 20, the object both sides agree on: ARCHITECTURE.md,
// Federation, "Openings"): an open opening is a `Note` (so a Mastodon user following the Group sees a
// post) carrying the schema.org JobPosting for Guildhall peers. Which activity a change of the stored
// opening calls for is decided here from the stream's before and after images: Create when it opens,
// Update when an open opening changes visibly, Delete when it closes, fills or expires (or is deleted);
// never anything for a draft. Pure: the caller renders the description and says where ids live.
import { createHash } from 'node:crypto';
import { escapeHtml } from '../content/html.ts';
import { formatPay, kindOf, type Opening } from '../openings/opening.ts';
import { jobPosting } from '../openings/job-posting.ts';
import type { Syndicate } from '../syndicates/syndicate.ts';
import { activityStreams } from './follower.ts';

export const publicAudience = 'https://www.w3.org/ns/activitystreams#Public';

/** The Note's JSON-LD context: ActivityStreams, and `jobPosting` as schema.org's mainEntity. */
export const openingNoteContext = [activityStreams, { schema: 'https://schema.org/', jobPosting: 'schema:mainEntity' }];

export type OpeningActivityType = 'Create' | 'Update' | 'Delete';

/** An opening as the stream's image holds it: the stored item, with what the sweep writes down. */
export type StoredOpening = Opening & { expiredOn?: string | undefined };

/** Whether followers see it: open, and not marked expired by the daily sweep. */
export function isPublished(opening: StoredOpening | undefined): opening is StoredOpening {
  return opening !== undefined && opening.status === 'open' && !opening.expiredOn;
}

/** What a follower sees of an opening: a change in any of these is an Update. */
const visibleFields = [
  'title',
  'description',
  'skills',
  'positions',
  'filled',
  'hoursPerWeek',
  'pay',
  'place',
  'remote',
  'applicantCountries',
  'employmentType',
  'validThrough',
  'occupation',
  'training',
  'kind',
] as const;

/**
 * The activity a change of one opening calls for, from its images before and after (either absent: made
 * or deleted): a published opening appearing is a Create, one going (closed, filled, expired, deleted)
 * a Delete, a published one changing what a follower sees an Update; anything else (drafts, a closed
 * one's edit, a write that changed nothing visible) nothing.
 */
export function openingActivityType(
  before: StoredOpening | undefined,
  after: StoredOpening | undefined,
): OpeningActivityType | null {
  const was = isPublished(before);
  const is = isPublished(after);
  if (!was && is) return 'Create';
  if (was && !is) return 'Delete';
  if (was && is && visibleFields.some((field) => !sameValue(before[field], after[field]))) return 'Update';
  return null;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Where this instance's ids live (adapters/activitypub/paths.ts says the paths). */
export interface FederationIds {
  /** The instance's public origin. */
  origin: string;
  /** A syndicate's Group actor id. */
  actorOf: (syndicateId: string) => string;
  /** A syndicate's followers collection id. */
  followersOf: (syndicateId: string) => string;
  /** An opening's Note id (dereferenceable). */
  noteOf: (openingId: string) => string;
  /** Where activity ids are minted: `${activityBase}/<uuid>`. */
  activityBase: string;
}

/** What the Note needs beside the opening and its syndicate. */
export interface NoteContext {
  ids: FederationIds;
  /** The opening's description as HTML, through the one markdown pipeline (content/markdown.ts). */
  descriptionHtml: string;
  /** A commons skill's label; ESCO skills carry theirs on the opening. */
  skillLabel?: ((skillId: string) => string | undefined) | undefined;
}

/** The hashtag of a skill: its commons id, or the last part of an ESCO URI. */
function hashtagOf(skill: string): string {
  return skill.startsWith('http') ? (skill.split('/').pop() ?? skill) : skill;
}

/** A commons skill as an IRI on the instance: the job board's openings that ask it (read back by `skillIdOf`). */
export function skillIri(site: string, skillId: string): string {
  return `${site}/jobs/?skill=${encodeURIComponent(skillId)}`;
}

/** The Note for a published opening (fedfmt: Note with the JobPosting as `jobPosting`). */
export function openingNote(opening: StoredOpening, syndicate: Syndicate, context: NoteContext) {
  const { ids } = context;
  const site = ids.origin;
  const url = `${site}/jobs/${opening.id}/`;
  const skills = opening.skills.map((s) => ({
    // An IRI either way: the JobPosting is JSON-LD, where `id` is `@id`, and a bare commons id is no IRI
    // (bovine's framing refused the whole Create for one). A commons skill is the board's page for it.
    id: s.skill.startsWith('http') ? s.skill : skillIri(site, s.skill),
    label: s.label ?? context.skillLabel?.(s.skill) ?? hashtagOf(s.skill),
    level: s.level,
  }));
  const where = opening.remote
    ? opening.applicantCountries.length > 0
      ? `Remote (${opening.applicantCountries.join(', ')})`
      : 'Remote'
    : opening.place;
  // Every piece of text is escaped: the Note's HTML is ours, with nothing a person typed left as markup.
  const content = [
    `<p><strong>${escapeHtml(opening.title)}</strong></p>`,
    `<p>${escapeHtml(syndicate.name)} · ${escapeHtml(where)} · ${escapeHtml(formatPay(opening.pay))}</p>`,
    `<p>Skills: ${skills.map((s) => `${escapeHtml(s.label)} (${escapeHtml(s.level)})`).join(', ')}</p>`,
    `<p>Closes ${escapeHtml(opening.validThrough)}. <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`,
  ].join('');
  const seen = new Set<string>();
  const tag = opening.skills.flatMap((s) => {
    const name = hashtagOf(s.skill);
    if (seen.has(name)) return [];
    seen.add(name);
    // The board's openings asking the skill: the page that exists for a skill (there is no /skills/ page).
    return [{ type: 'Hashtag', name: `#${name}`, href: `${site}/jobs/?skill=${encodeURIComponent(s.skill)}` }];
  });
  return {
    '@context': openingNoteContext,
    id: ids.noteOf(opening.id),
    type: 'Note',
    attributedTo: ids.actorOf(opening.syndicateId),
    to: [publicAudience],
    cc: [ids.followersOf(opening.syndicateId)],
    name: opening.title,
    summary: null,
    content,
    url,
    published: opening.datePosted ?? opening.createdAt,
    updated: opening.updatedAt,
    tag,
    jobPosting: {
      ...jobPosting(opening, syndicate, site, context.descriptionHtml),
      '@context': 'https://schema.org',
      skills,
      'guildhall:kind': kindOf(opening),
    },
  };
}

export type OpeningNote = ReturnType<typeof openingNote>;

/**
 * The activity's id: the same for the same change of the same version, so a stream record delivered
 * twice (a retried batch, the local poller's replay) sends an activity the receiver has seen already.
 */
export function openingActivityId(
  ids: Pick<FederationIds, 'activityBase'>,
  type: OpeningActivityType,
  opening: Pick<StoredOpening, 'id' | 'version'>,
): string {
  const hex = createHash('sha256').update(`opening\n${opening.id}\n${opening.version}\n${type}`).digest('hex');
  // Shaped as a UUID (version 8: custom), as the other activity ids are.
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  return `${ids.activityBase}/${uuid}`;
}

/** A Create or Update of the Note, or its Delete (the object the Note's id), from the Group. */
export function openingActivity(
  type: OpeningActivityType,
  opening: StoredOpening,
  ids: FederationIds,
  note?: OpeningNote,
): { id: string; type: OpeningActivityType } & Record<string, unknown> {
  if (type !== 'Delete' && !note) throw new Error(`A ${type} carries the opening's Note.`);
  return {
    '@context': openingNoteContext,
    id: openingActivityId(ids, type, opening),
    type,
    actor: ids.actorOf(opening.syndicateId),
    to: [publicAudience],
    cc: [ids.followersOf(opening.syndicateId)],
    ...(type === 'Delete'
      ? { object: ids.noteOf(opening.id), published: opening.updatedAt }
      : { object: note, published: opening.updatedAt }),
  };
}
