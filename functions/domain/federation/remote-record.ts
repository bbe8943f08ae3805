// Innovation records of a followed remote commons (ARCHITECTURE.md, "Records federate"): the `record`
// receiver of commons-objects.ts. The Document, fetched again at its id on the followed host, is read with
// the schema below (every length bounded, the HTML-free fields reduced to plain text all the same, a link
// only on the origin's host) and kept as a `remote-record` item under its follow if newer than the one
// kept; a Delete removes it; an unfollow or a block removes them all. Pure, over its port.
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { lazySchema } from '../zod.ts';
import type { CommonsReceiver } from './commons-objects.ts';
import type { RemoteFollow } from './remote-follow.ts';
import { htmlToText, isOnHost, type Received } from './remote-opening.ts';
import { remoteUrl as httpUrl, remoteTime as isoTime, remoteText as text } from './remote-fields.ts';

/** A remote record as kept here: what the innovations page and search show, and where to read it (its origin). */
export interface RemoteRecord {
  /** The Document's id (its origin URL, dereferenceable). */
  objectId: string;
  /** The follow it came by (removed with it). */
  followId: string;
  /** The instance it is at (host, with a port when it has one): shown as "at <host>". */
  origin: string;
  title: string;
  /** Plain text, at most `recordSummaryMax` characters. */
  summary: string;
  trade: string | null;
  skills: { id: string; label: string }[];
  licence: string;
  inventors: string[];
  adoptions: number;
  /** The record's page at its origin. */
  url: string;
  published: string;
  updated: string;
  receivedAt: string;
}

export interface RemoteRecordRepository {
  /** Keeps it unless one with the same or a newer `updated` is kept: true when it was written. */
  putIfNewer(record: RemoteRecord): Promise<boolean>;
  get(followId: string, objectId: string): Promise<RemoteRecord | null>;
  remove(followId: string, objectId: string): Promise<boolean>;
}

const commonsId = () => z.string().check(z.maxLength(80), z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));

/** The record's Document as fetched again: only the fields read here, each bounded. */
export const remoteRecordSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    id: httpUrl(),
    type: z.literal('Document'),
    'guildhall:type': z.literal('record'),
    // Read as anything: a link that is not the origin's (javascript:, another host, a Link object) falls
    // back to the id below, and costs the record nothing.
    url: z.optional(z.unknown()),
    published: z.optional(isoTime()),
    updated: isoTime(),
    'guildhall:record': z.looseObject({
      title: z.string().check(z.minLength(1), z.maxLength(200)),
      summary: z._default(text(2000), ''),
      trade: z.optional(commonsId()),
      skills: z._default(
        z
          .array(z.looseObject({ id: commonsId(), label: z.string().check(z.minLength(1), z.maxLength(200)) }))
          .check(z.maxLength(20)),
        [],
      ),
      licence: text(40),
      inventors: z._default(z.array(text(200)).check(z.maxLength(20)), []),
      adoptions: z._default(z.number().check(z.int(), z.minimum(0), z.maximum(1_000_000_000)), 0),
    }),
  }),
);

/** The record a fetched Document describes, or null when it is not one (a wrong shape, another host). */
export function remoteRecordOf(
  document: unknown,
  follow: Pick<RemoteFollow, 'id' | 'host'>,
  receivedAt: Date,
): RemoteRecord | null {
  const parsed = remoteRecordSchema().safeParse(document);
  if (!parsed.success) return null;
  const object = parsed.data;
  if (!isOnHost(object.id, follow.host)) return null;
  const record = object['guildhall:record'];
  const updated = new Date(object.updated).toISOString();
  return {
    objectId: object.id,
    followId: follow.id,
    origin: follow.host,
    title: htmlToText(record.title).slice(0, 200),
    summary: htmlToText(record.summary).slice(0, 2000),
    trade: record.trade ?? null,
    skills: record.skills.map((skill) => ({ id: skill.id, label: htmlToText(skill.label) })),
    licence: htmlToText(record.licence),
    inventors: record.inventors.map((name) => htmlToText(name)).filter((name) => name !== ''),
    adoptions: record.adoptions,
    // Only a link on the origin's host is followed from here.
    url: isOnHost(object.url, follow.host) ? object.url : object.id,
    published: new Date(object.published ?? object.updated).toISOString(),
    updated,
    receivedAt: receivedAt.toISOString(),
  };
}

/** The `record` receiver: a readable record is kept if newer; a Delete removes what the follow kept. */
export function recordReceiver(remoteRecords: RemoteRecordRepository): CommonsReceiver {
  return {
    async receive(follow, document, receivedAt): Promise<Received> {
      const record = remoteRecordOf(document, follow, receivedAt);
      if (!record) return 'ignored';
      return (await remoteRecords.putIfNewer(record)) ? 'kept' : 'unchanged';
    },
    remove: (follow, objectId) => remoteRecords.remove(follow.id, objectId),
  };
}

/** An object id as a sort key part: the SHA-256 of the URL. */
export function objectDigest(objectId: string): string {
  return createHash('sha256').update(objectId).digest('base64url');
}
