// What a followed commons sends, and what this instance sends as a commons (issue 20; the formats both
// federation helpers agree on, ARCHITECTURE.md "Following a commons"). Another instance follows this one
// as a whole by following its `Service` actor; each object it is then sent is an ActivityStreams
// `Document` whose `guildhall:type` says what it is (`record`, `course`, `shortages`).
//
// Inbound: a Create or Update from a commons this instance follows (accepted) names an object; nothing in
// the activity's body is trusted: the object is fetched again by its id (on the followed Service's host),
// and handed to the receiver registered for its `guildhall:type`, which reads it with its own schema and
// keeps it if newer. An object of a type with no receiver is ignored. A Delete names the id alone, so
// each receiver is asked to remove what it kept under it.
//
// Outbound: activities from the Service actor, public and cc its followers, with ids derived from the
// object's id, its `updated` and the type, so a change handled twice sends an id the receiver has seen.
// Pure, over its ports.
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { lazySchema } from '../zod.ts';
import { activityStreams } from './follower.ts';
import { hostOf } from './instance-host.ts';
import { publicAudience } from './opening-activity.ts';
import { acceptedFollowOf, followKindOf, type RemoteFollow, type RemoteFollowRepository } from './remote-follow.ts';
import type { DocumentFetch, Received } from './remote-opening.ts';

/** The instance's own `Service` actor's identifier (adapters/activitypub/paths.ts publishes it as `instanceActor`). */
export const serviceActor = '_instance'; // the same as paths.ts's `instanceActor` (a test holds them equal)

/** What a commons object is, by its `guildhall:type`. */
export const commonsObjectTypes = ['record', 'course', 'shortages'] as const;
export type CommonsObjectType = (typeof commonsObjectTypes)[number];

/** The JSON-LD context of a commons object and its activities. */
export const commonsContext = activityStreams;

/** A commons object as this instance serves and sends it: a `Document` with its `guildhall:type`. */
export interface CommonsObject extends Record<string, unknown> {
  id: string;
  type: 'Document';
  'guildhall:type': CommonsObjectType;
  /** When it last changed (ISO): a receiver keeps it only over an older one. */
  updated: string;
}

const isoTime = () =>
  z.string().check(
    z.maxLength(40),
    z.refine((value) => !Number.isNaN(Date.parse(value)), 'a time'),
  );

/** What every fetched commons object is read by first: a Document, its id, its type; the rest is its receiver's. */
export const commonsObjectHeadSchema = lazySchema(() =>
  z.looseObject({
    id: z.string().check(z.maxLength(2048)),
    type: z.literal('Document'),
    'guildhall:type': z.string().check(z.minLength(1), z.maxLength(40)),
    updated: z.optional(isoTime()),
  }),
);

/** What one type's receiver does with a fetched object and with a Delete naming an id. */
export interface CommonsReceiver {
  /**
   * Reads and keeps `document` (a Document of this type, fetched at the id the activity named, on the
   * followed commons' host): 'kept', 'unchanged' (not newer than the one kept), 'ignored' (not readable).
   */
  receive(follow: RemoteFollow, document: unknown, receivedAt: Date): Promise<Received>;
  /** Removes what this follow brought under `objectId`; true when something was removed. */
  remove(follow: RemoteFollow, objectId: string): Promise<boolean>;
}

/**
 * The receivers, by `guildhall:type` (`record`: innovation records; `course` and `shortages` are
 * registered beside it by whoever builds them). A type missing here is ignored.
 */
export type CommonsReceivers = Partial<Record<CommonsObjectType, CommonsReceiver>>;

export interface CommonsObjectDeps {
  remoteFollows: Pick<RemoteFollowRepository, 'get'>;
  fetchDocument: DocumentFetch;
  receivers: CommonsReceivers;
  now: () => Date;
}

const isCommonsType = (value: string): value is CommonsObjectType =>
  (commonsObjectTypes as readonly string[]).includes(value);

/**
 * A Create or Update naming `objectId` from `actorId` (verified by the inbox): from an accepted commons
 * follow only, the id on its host; the object is fetched again, must be a Document at that id, and goes
 * to the receiver of its `guildhall:type` (none: ignored).
 */
export async function receiveCommonsObject(
  deps: CommonsObjectDeps,
  activity: { actorId: string; objectId: string },
): Promise<Received> {
  const follow = await acceptedFollowOf(deps, activity.actorId);
  if (!follow || followKindOf(follow) !== 'commons') return 'ignored';
  if (hostOf(activity.objectId)?.host !== follow.host) return 'ignored';
  const document = await deps.fetchDocument(activity.objectId);
  const head = commonsObjectHeadSchema().safeParse(document);
  if (!head.success || head.data.id !== activity.objectId) return 'ignored';
  const type = head.data['guildhall:type'];
  const receiver = isCommonsType(type) ? deps.receivers[type] : undefined;
  if (!receiver) return 'ignored';
  return receiver.receive(follow, document, deps.now());
}

/** A Delete naming `objectId` from an accepted commons follow: every receiver removes what it kept under it. */
export async function removeCommonsObject(
  deps: Pick<CommonsObjectDeps, 'remoteFollows' | 'receivers'>,
  activity: { actorId: string; objectId: string },
): Promise<boolean> {
  const follow = await acceptedFollowOf(deps, activity.actorId);
  if (!follow || followKindOf(follow) !== 'commons') return false;
  if (hostOf(activity.objectId)?.host !== follow.host) return false;
  let removed = false;
  for (const type of commonsObjectTypes) {
    const receiver = deps.receivers[type];
    if (receiver && (await receiver.remove(follow, activity.objectId))) removed = true;
  }
  return removed;
}

/** Where the Service actor's ids live (adapters/activitypub/paths.ts's `federationIds` gives them). */
export interface CommonsIds {
  /** The Service actor's id. */
  actor: string;
  /** Its followers collection's id. */
  followers: string;
  /** Where activity ids are minted: `${activityBase}/<uuid>`. */
  activityBase: string;
}

export type CommonsActivityType = 'Create' | 'Update' | 'Delete';

/** The activity's id: the same for the same object, change and type (a repeat is recognised as seen). */
export function commonsActivityId(
  ids: Pick<CommonsIds, 'activityBase'>,
  type: CommonsActivityType,
  object: { id: string; updated: string },
): string {
  const hex = createHash('sha256').update(`commons\n${object.id}\n${object.updated}\n${type}`).digest('hex');
  // Shaped as a UUID (version 8: custom), as the openings' activity ids are.
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  return `${ids.activityBase}/${uuid}`;
}

/**
 * A Create or Update carrying the object, or a Delete naming its id (`updated` then the time it was
 * withdrawn), from the Service actor, public and cc its followers.
 */
export function commonsActivity(
  type: CommonsActivityType,
  object: CommonsObject | { id: string; updated: string },
  ids: CommonsIds,
): { id: string; type: CommonsActivityType } & Record<string, unknown> {
  return {
    '@context': commonsContext,
    id: commonsActivityId(ids, type, object),
    type,
    actor: ids.actor,
    to: [publicAudience],
    cc: [ids.followers],
    object: type === 'Delete' ? object.id : object,
    published: object.updated,
  };
}
