// Openings of a followed remote syndicate (ARCHITECTURE.md, "Following remote syndicates"). A
// `Create` or `Update` from a Group we follow (accepted) names a Note; nothing in the activity's body
// is trusted: the Note is fetched again by its id, which must be on the Group's host, and read with the
// schema below (every length bounded, skills as commons ids or ESCO URIs, the description's HTML
// reduced to plain text, so no remote markup is ever shown). A newer `updated` wins; an older or equal
// one is a replay and changes nothing. A `Delete` removes what it names. What an actor we do not follow
// sends is ignored. Pure, over its ports.
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { lazySchema } from '../zod.ts';
import { hostOf } from './instance-host.ts';
import { acceptedFollowOf, type RemoteFollowRepository } from './remote-follow.ts';
import { remoteUrl as httpUrl, remoteTime as isoTime, remoteText as shortText, skillShape } from './remote-fields.ts';

export interface RemoteSkill {
  id: string;
  label: string;
  level?: string | undefined;
}

/** A remote opening as kept here: what the board and search show, and where to apply (its origin). */
export interface RemoteOpening {
  /** The Note's id (its origin URL, dereferenceable). */
  noteId: string;
  /** The follow it came by (removed with it). */
  followId: string;
  /** The instance it is at (host, with a port when it has one): shown as "at <host>". */
  origin: string;
  groupId: string;
  syndicateName: string | null;
  title: string;
  /** Plain text (the remote HTML reduced), at most `summaryMax` characters. */
  summary: string;
  place: string | null;
  remote: boolean;
  payText: string | null;
  skills: RemoteSkill[];
  kind: 'job' | 'training';
  /** Where a person reads it and applies: the origin's page. */
  url: string;
  /** ISO time after which it is no longer shown; null when it gave none. */
  validThrough: string | null;
  published: string;
  updated: string;
  receivedAt: string;
}

export interface RemoteOpeningRepository {
  /** Keeps it unless one with the same or a newer `updated` is kept: true when it was written. */
  putIfNewer(opening: RemoteOpening): Promise<boolean>;
  get(followId: string, noteId: string): Promise<RemoteOpening | null>;
  remove(followId: string, noteId: string): Promise<boolean>;
}

/**
 * Whether `url` is an http(s) URL on `host` (with its port) that carries no user name or password: the
 * only ids fetched from a followed actor and the only links shown for what it sent. (A link such as
 * `https://bank.example@a.example/` is on a.example, but reads as another site's.)
 */
export function isOnHost(url: unknown, host: string): url is string {
  if (typeof url !== 'string' || url.length > 2048 || hostOf(url)?.host !== host) return false;
  const parsed = new URL(url);
  return parsed.username === '' && parsed.password === '';
}

/**
 * Fetches a remote JSON-LD document by its id (guarded: public addresses only, size and time limited);
 * throws `DocumentGoneError` when its origin answers that it is not there (404, 410).
 */
export type DocumentFetch = (url: string) => Promise<unknown>;

/** The origin answered 404 or 410 at the object's id: it is gone, whatever an activity said of it. */
export class DocumentGoneError extends Error {
  override name = 'DocumentGoneError';
}

/**
 * Fetches `objectId`, or null when its origin says it is gone: 404 or 410 there, or a `Tombstone` at that
 * id (a Create or Update that finds it so came after its Delete, or its Delete was lost). Any other
 * failure is thrown, so the sender tries the activity again later.
 */
export async function fetchUnlessGone(fetchDocument: DocumentFetch, objectId: string): Promise<unknown> {
  let document: unknown;
  try {
    document = await fetchDocument(objectId);
  } catch (error) {
    if (error instanceof DocumentGoneError) return null;
    throw error;
  }
  const head = typeof document === 'object' && document !== null ? (document as Record<string, unknown>) : {};
  return head.type === 'Tombstone' && head.id === objectId ? null : document;
}

export interface RemoteOpeningDeps {
  remoteFollows: Pick<RemoteFollowRepository, 'get'>;
  remoteOpenings: RemoteOpeningRepository;
  fetchDocument: DocumentFetch;
  now: () => Date;
}

export const summaryMax = 2000;

/**
 * A skill of a remote JobPosting as this commons names it: an ESCO URI as it is; a commons skill sent as
 * its IRI on the origin (`<origin>/jobs/?skill=<id>`, `skillIri`), or bare as older peers sent it, by its
 * id; null for anything else (another host, another path, a shape no skill has): that skill is dropped.
 */
export function skillIdOf(value: string, host: string): string | null {
  if (skillShape.test(value)) return value;
  if (!isOnHost(value, host)) return null;
  const url = new URL(value);
  if (url.pathname !== '/jobs/' || url.hash !== '') return null;
  const id = url.searchParams.get('skill');
  return id !== null && [...url.searchParams.keys()].length === 1 && skillShape.test(id) && !id.startsWith('http')
    ? id
    : null;
}

/** The Note, as fetched again by its id: only the fields read here, each bounded. */
export const remoteNoteSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    id: httpUrl(),
    type: z.literal('Note'),
    attributedTo: httpUrl(),
    url: z.optional(httpUrl()),
    published: z.optional(isoTime()),
    updated: z.optional(isoTime()),
    jobPosting: z.looseObject({
      title: z.string().check(z.minLength(1), z.maxLength(200)),
      description: z.optional(shortText(100_000)),
      validThrough: z.optional(isoTime()),
      datePosted: z.optional(isoTime()),
      jobLocationType: z.optional(shortText(40)),
      jobLocation: z.optional(
        z.looseObject({
          address: z.optional(
            z.looseObject({
              addressLocality: z.optional(shortText(200)),
              addressCountry: z.optional(shortText(60)),
            }),
          ),
        }),
      ),
      applicantLocationRequirements: z.optional(
        z.array(z.looseObject({ name: z.optional(shortText(100)) })).check(z.maxLength(50)),
      ),
      baseSalary: z.optional(
        z.looseObject({
          currency: shortText(10),
          value: z.looseObject({ value: z.number(), unitText: z.optional(shortText(20)) }),
        }),
      ),
      hiringOrganization: z.optional(z.looseObject({ name: z.optional(shortText(200)) })),
      url: z.optional(httpUrl()),
      skills: z._default(
        z
          .array(
            z.object({
              // A skill's id or an http(s) IRI (`skillIdOf` reads it against the origin; one elsewhere is dropped).
              id: z.string().check(
                z.maxLength(300),
                z.refine((value) => skillShape.test(value) || hostOf(value) !== null, 'a skill id or IRI'),
              ),
              label: z.string().check(z.minLength(1), z.maxLength(200)),
              level: z.optional(shortText(40)),
            }),
          )
          .check(z.maxLength(50)),
        [],
      ),
      'guildhall:kind': z._default(z.enum(['job', 'training']), 'job'),
    }),
  }),
);

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Remote HTML to plain text: tags (and what scripts and styles hold) dropped, entities decoded, spaces
 * collapsed. Whoever shows it escapes it, as every text here is, so no remote markup is ever rendered.
 * As local text (domain/text.ts), it holds no control character, no direction override or isolate
 * (which could turn what follows it around) and no lone surrogate, whether sent as is or as an entity.
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/?(p|br|li|div|h[1-6])\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, body: string) => {
      if (body[0] !== '#') return entities[body.toLowerCase()] ?? entity;
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    })
    .replace(/[<>]/g, '')
    .replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/gu, ' ')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}

type RemoteNote = z.infer<ReturnType<typeof remoteNoteSchema>>;

function placeOf(posting: RemoteNote['jobPosting']): { place: string | null; remote: boolean } {
  if (posting.jobLocationType === 'TELECOMMUTE') {
    const where = (posting.applicantLocationRequirements ?? []).map((c) => c.name).filter(Boolean);
    return { place: where.length > 0 ? where.join(', ') : null, remote: true };
  }
  const address = posting.jobLocation?.address;
  const parts = [address?.addressLocality, address?.addressCountry].filter((part) => part && part.trim() !== '');
  return { place: parts.length > 0 ? parts.join(', ') : null, remote: false };
}

function payOf(posting: RemoteNote['jobPosting']): string | null {
  const salary = posting.baseSalary;
  if (!salary || !Number.isFinite(salary.value.value)) return null;
  const per = salary.value.unitText ? ` per ${salary.value.unitText.toLowerCase()}` : '';
  return `${salary.currency} ${salary.value.value}${per}`;
}

/** The opening a fetched Note describes, or null when it is not one (no jobPosting, a wrong shape). */
export function remoteOpeningOf(
  document: unknown,
  follow: { id: string; actorId: string; host: string; name?: string | undefined },
  receivedAt: Date,
): RemoteOpening | null {
  const parsed = remoteNoteSchema().safeParse(document);
  if (!parsed.success) return null;
  const note = parsed.data;
  if (note.attributedTo !== follow.actorId || !isOnHost(note.id, follow.host)) return null;
  const posting = note.jobPosting;
  const published = note.published ?? posting.datePosted ?? receivedAt.toISOString();
  return {
    noteId: note.id,
    followId: follow.id,
    origin: follow.host,
    groupId: follow.actorId,
    syndicateName: posting.hiringOrganization?.name ?? follow.name ?? null,
    title: htmlToText(posting.title).slice(0, 200),
    summary: htmlToText(posting.description ?? '').slice(0, summaryMax),
    ...placeOf(posting),
    payText: payOf(posting),
    skills: posting.skills.flatMap((skill) => {
      const id = skillIdOf(skill.id, follow.host);
      return id === null
        ? []
        : [{ id, label: htmlToText(skill.label), ...(skill.level ? { level: skill.level } : {}) }];
    }),
    kind: posting['guildhall:kind'],
    // Only a link on the origin's host is followed from here: a Note cannot send people elsewhere.
    url: [note.url, posting.url].find((url) => isOnHost(url, follow.host)) ?? note.id,
    validThrough: posting.validThrough ? new Date(posting.validThrough).toISOString() : null,
    published: new Date(published).toISOString(),
    updated: new Date(note.updated ?? published).toISOString(),
    receivedAt: receivedAt.toISOString(),
  };
}

/**
 * What became of an activity: kept, a replay or older, ignored (not from a followed Group, not an
 * opening), or removed (its origin says the object is gone: what was kept of it is no more).
 */
export type Received = 'kept' | 'unchanged' | 'ignored' | 'removed';

/**
 * A Create or Update naming `noteId` from `actorId` (verified by the inbox): from an accepted follow
 * only; the Note is fetched again (on the actor's host), read, and kept if newer; gone there (404, 410,
 * a Tombstone), what was kept under it is removed.
 */
export async function receiveOpening(
  deps: RemoteOpeningDeps,
  activity: { actorId: string; noteId: string },
): Promise<Received> {
  const follow = await acceptedFollowOf(deps, activity.actorId);
  if (!follow) return 'ignored';
  if (!isOnHost(activity.noteId, follow.host)) return 'ignored';
  const document = await fetchUnlessGone(deps.fetchDocument, activity.noteId);
  if (document === null) {
    await deps.remoteOpenings.remove(follow.id, activity.noteId);
    return 'removed';
  }
  const opening = remoteOpeningOf(document, follow, deps.now());
  if (!opening || opening.noteId !== activity.noteId) return 'ignored';
  return (await deps.remoteOpenings.putIfNewer(opening)) ? 'kept' : 'unchanged';
}

/** A Delete naming `objectId` from `actorId`: what that follow brought under that id is removed. */
export async function removeOpening(
  deps: Pick<RemoteOpeningDeps, 'remoteFollows' | 'remoteOpenings'>,
  activity: { actorId: string; objectId: string },
): Promise<boolean> {
  const follow = await acceptedFollowOf(deps, activity.actorId);
  if (!follow) return false;
  return deps.remoteOpenings.remove(follow.id, activity.objectId);
}

/** A Note id as a sort key part: the SHA-256 of the URL (which may be longer than a key may be). */
export function noteDigest(noteId: string): string {
  return createHash('sha256').update(noteId).digest('base64url');
}
