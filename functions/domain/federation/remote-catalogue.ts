// What a followed commons sends of its catalogue and shortages (issue 20; the agreed formats:
// ARCHITECTURE.md, Federation, "Courses and shortages"). The commons-object dispatch (commons-objects.ts)
// fetches the object again by its id and hands the document to the receiver its `guildhall:type` names:
// `course` or `shortages`, here. Nothing is trusted: the document is read with a schema (every length
// bounded, every text reduced to plain text, links only on the origin's host, the id on the followed
// Service's host) and kept only if newer than what is kept (`updated` for a course, the day for a
// snapshot). A course is kept per follow and id; of snapshots, the newest per follow. An unfollow
// removes both with the follow. Pure, over its ports.
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import type { Page, PageRequest } from '../paging.ts';
import { lazySchema } from '../zod.ts';
import { hostOf } from './instance-host.ts';
import { htmlToText } from './remote-opening.ts';
import {
  escoSkillUri,
  remoteUrl as httpUrl,
  remoteTime as isoTime,
  skillShape as skillId,
  remoteText as text,
} from './remote-fields.ts';

/** The follow an object came by: its id, the Service actor's id, and its host. */
export interface CommonsFollow {
  id: string;
  actorId: string;
  host: string;
}

export interface RemoteSkillRef {
  /** The origin commons' skill id (or an ESCO URI, for a skill it names only by ESCO). */
  id: string;
  esco?: string | undefined;
  label: string;
}

/** A course or practice guide of a followed commons, as kept here and shown "at <host>". */
export interface RemoteCourse {
  /** The Document's id (its origin URL, dereferenceable). */
  objectId: string;
  followId: string;
  /** The instance it is at (host, with a port when it has one). */
  origin: string;
  kind: 'course' | 'guide';
  title: string;
  summary: string;
  trade: string;
  skills: RemoteSkillRef[];
  licence: string;
  languages: string[];
  hours: number | null;
  /** Where a person reads it: the origin's page. */
  url: string;
  updated: string;
  receivedAt: string;
}

export interface RemoteShortageRow {
  skill: RemoteSkillRef;
  demand: number;
  supply: number;
  score: number;
}

/** The newest daily shortage snapshot of a followed commons. */
export interface RemoteShortageSnapshot {
  objectId: string;
  followId: string;
  origin: string;
  date: string;
  members: number;
  openPositions: number;
  rows: RemoteShortageRow[];
  receivedAt: string;
}

export interface RemoteCourseRepository {
  /** Keeps it unless one with the same or a newer `updated` is kept: true when it was written. */
  putIfNewer(course: RemoteCourse): Promise<boolean>;
  remove(followId: string, objectId: string): Promise<boolean>;
  /** Every followed commons' courses, a page at a time (by follow, then id). */
  page(request: PageRequest): Promise<Page<RemoteCourse>>;
}

export interface RemoteShortageRepository {
  /** Keeps it unless the follow's kept snapshot is of the same or a later day: true when it was written. */
  putIfNewer(snapshot: RemoteShortageSnapshot): Promise<boolean>;
  /** The kept snapshot of each followed commons, a page at a time. */
  page(request: PageRequest): Promise<Page<RemoteShortageSnapshot>>;
}

const skillSchema = () =>
  z.object({
    id: z.string().check(z.maxLength(80), z.regex(skillId)),
    esco: z.optional(z.string().check(z.regex(escoSkillUri))),
    label: z.string().check(z.minLength(1), z.maxLength(200)),
  });
const amount = () => z.number().check(z.minimum(0), z.maximum(1e9));

/** A course Document, as fetched again by its id: only the fields read here, each bounded. */
export const remoteCourseSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    id: httpUrl(),
    type: z.literal('Document'),
    url: z.optional(httpUrl()),
    updated: isoTime(),
    'guildhall:type': z.literal('course'),
    'guildhall:course': z.looseObject({
      kind: z.enum(['course', 'guide']),
      title: z.string().check(z.minLength(1), z.maxLength(200)),
      summary: text(2000),
      trade: z.string().check(z.minLength(1), z.maxLength(80)),
      skills: z.array(skillSchema()).check(z.maxLength(50)),
      licence: text(80),
      languages: z.array(z.string().check(z.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$/))).check(z.maxLength(20)),
      hours: z.optional(z.number().check(z.positive(), z.maximum(10_000))),
    }),
  }),
);

/** A shortage snapshot Document: its day, figures and at most 100 rows. */
export const remoteShortagesSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    id: httpUrl(),
    type: z.literal('Document'),
    'guildhall:type': z.literal('shortages'),
    'guildhall:shortages': z.looseObject({
      date: z.iso.date(),
      instance: text(300),
      members: amount(),
      openPositions: amount(),
      rows: z
        .array(z.object({ skill: skillSchema(), demand: amount(), supply: amount(), score: amount() }))
        .check(z.maxLength(100)),
    }),
  }),
);

const plain = (value: string, max: number) => htmlToText(value).slice(0, max);
const skillOf = (skill: { id: string; esco?: string | undefined; label: string }): RemoteSkillRef => ({
  id: skill.id,
  ...(skill.esco ? { esco: skill.esco } : {}),
  label: plain(skill.label, 200),
});

/** The id's host must be the followed Service's: a commons speaks only for what it serves. */
const onOrigin = (url: string, follow: CommonsFollow) => hostOf(url)?.host === follow.host;

/** The course a fetched Document describes, or null when it is not one of the follow's (a wrong shape, another host). */
export function remoteCourseOf(document: unknown, follow: CommonsFollow, receivedAt: Date): RemoteCourse | null {
  const parsed = remoteCourseSchema().safeParse(document);
  if (!parsed.success || !onOrigin(parsed.data.id, follow)) return null;
  const object = parsed.data;
  const course = object['guildhall:course'];
  return {
    objectId: object.id,
    followId: follow.id,
    origin: follow.host,
    kind: course.kind,
    title: plain(course.title, 200),
    summary: plain(course.summary, 2000),
    trade: plain(course.trade, 80),
    skills: course.skills.map(skillOf),
    licence: plain(course.licence, 80),
    languages: [...new Set(course.languages)],
    hours: course.hours ?? null,
    // Only a link on the origin's host is followed from here: a commons cannot send people elsewhere.
    url: object.url !== undefined && onOrigin(object.url, follow) ? object.url : object.id,
    updated: new Date(object.updated).toISOString(),
    receivedAt: receivedAt.toISOString(),
  };
}

/** The snapshot a fetched Document describes, or null when it is not one of the follow's. */
export function remoteShortageSnapshotOf(
  document: unknown,
  follow: CommonsFollow,
  receivedAt: Date,
): RemoteShortageSnapshot | null {
  const parsed = remoteShortagesSchema().safeParse(document);
  if (!parsed.success || !onOrigin(parsed.data.id, follow)) return null;
  const snapshot = parsed.data['guildhall:shortages'];
  return {
    objectId: parsed.data.id,
    followId: follow.id,
    // The follow's host, never the document's `instance`: the host is what the follow was checked by.
    origin: follow.host,
    date: snapshot.date,
    members: Math.round(snapshot.members),
    openPositions: Math.round(snapshot.openPositions),
    rows: snapshot.rows.map((row) => ({ ...row, skill: skillOf(row.skill) })),
    receivedAt: receivedAt.toISOString(),
  };
}

export interface CatalogueReceiverDeps {
  remoteCourses: RemoteCourseRepository;
  remoteShortages: RemoteShortageRepository;
  now: () => Date;
}

/** What became of an object: kept, older than (or as old as) what is kept, or ignored (not one). */
export type CatalogueReceived = 'kept' | 'unchanged' | 'ignored';

/** A fetched `course` object of a followed commons: kept if it reads as one and is newer. */
export async function receiveCourse(
  deps: Pick<CatalogueReceiverDeps, 'remoteCourses' | 'now'>,
  follow: CommonsFollow,
  document: unknown,
): Promise<CatalogueReceived> {
  const course = remoteCourseOf(document, follow, deps.now());
  if (!course) return 'ignored';
  return (await deps.remoteCourses.putIfNewer(course)) ? 'kept' : 'unchanged';
}

/** A fetched `shortages` object of a followed commons: kept if it reads as one and is of a later day. */
export async function receiveShortages(
  deps: Pick<CatalogueReceiverDeps, 'remoteShortages' | 'now'>,
  follow: CommonsFollow,
  document: unknown,
): Promise<CatalogueReceived> {
  const snapshot = remoteShortageSnapshotOf(document, follow, deps.now());
  if (!snapshot) return 'ignored';
  return (await deps.remoteShortages.putIfNewer(snapshot)) ? 'kept' : 'unchanged';
}

/** A Delete of a course's id: removed. (A snapshot is replaced by the next day's, never deleted.) */
export function removeCourse(
  deps: Pick<CatalogueReceiverDeps, 'remoteCourses'>,
  follow: CommonsFollow,
  objectId: string,
): Promise<boolean> {
  return deps.remoteCourses.remove(follow.id, objectId);
}

/** An object id as a sort key part: the SHA-256 of the URL (which may be longer than a key may be). */
export function objectDigest(objectId: string): string {
  return createHash('sha256').update(objectId).digest('base64url');
}
