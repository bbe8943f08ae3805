// Guildhall's ActivityPub surface, on Fedify: WebFinger, NodeInfo 2.1, the instance's `Service` actor,
// each syndicate as a `Group` actor, each person who opted in as a `Person` actor (`p.<id>`:
// domain/federation/person-actor.ts), and the inboxes, whose posts Fedify verifies (HTTP Signatures:
// draft-cavage and RFC 9421; the Date within the window below; the Digest against the body; the key
// fetched from its keyId through the SSRF guard, and owned by the activity's actor) before a listener
// runs. Fedify's own delivery fetch takes no guard, so nothing is sent with it: a Follow's Accept goes
// through the delivery queue (domain/federation/delivery.ts) and the guarded deliverer.
import { createFederation, type Federation, MemoryKvStore, type KvStore } from '@fedify/fedify';
import {
  Accept,
  Create,
  Delete,
  Endpoints,
  Follow,
  Group,
  Person,
  Hashtag,
  Note,
  type Recipient,
  Reject,
  Service,
  Tombstone,
  Undo,
  Update,
} from '@fedify/vocab';
import { acceptFollow, type FollowerRepository } from '#domain/federation/follower.ts';
import type { DeliveryQueue } from '#domain/federation/delivery.ts';
import {
  acceptedFollowOf,
  followAccepted,
  followKindOf,
  followRejected,
  type RemoteFollowRepository,
} from '#domain/federation/remote-follow.ts';
import {
  type CommonsReceivers,
  receiveCommonsObject,
  removeCommonsObject,
} from '#domain/federation/commons-objects.ts';
import { backfillFor, type OutboxQueue } from '#domain/federation/outbox.ts';
import {
  type DocumentFetch,
  receiveOpening,
  removeOpening,
  type RemoteOpeningRepository,
} from '#domain/federation/remote-opening.ts';
import type { ForgettingDeps } from '#domain/federation/forgetting.ts';
import type { OpeningNote } from '#domain/federation/opening-activity.ts';
import type { SyndicateRepository } from '#domain/syndicates/syndicate.ts';
import type { PeopleRepository } from '#domain/people/person.ts';
import {
  personActorIdentifier,
  personActorProfile,
  personActorState,
  personIdOfActor,
} from '#domain/federation/person-actor.ts';
import { guardedDocumentLoader } from './document-loader.ts';
import type { ActorKeyPair } from './actor-keys.ts';
import type { GuardedFetch } from './guarded-fetch.ts';
import { federationPaths, instanceActor } from './paths.ts';

export interface FederationDeps {
  /** The instance's public origin (PUBLIC_URL): every id is under it, whatever host a request came to. */
  origin: string;
  software: { name: string; version: string };
  /** What the community calls this instance (INSTANCE_NAME): the Service actor's name and NodeInfo's `nodeName`. */
  instanceName?: string | undefined;
  syndicates: Pick<SyndicateRepository, 'get'>;
  followers: Pick<FollowerRepository, 'save' | 'remove' | 'get' | 'count'>;
  deliveries: DeliveryQueue;
  keys: () => Promise<ActorKeyPair>;
  fetch: GuardedFetch;
  now: () => Date;
  newId: () => string;
  /** Fedify’s key-value store (remote documents and keys, activities seen): the table’s in the federation function, memory by default. */
  kv?: KvStore;
  /** The remote syndicates this instance follows, and the openings they sent (absent: none are followed). */
  remoteFollows?: RemoteFollowRepository;
  remoteOpenings?: RemoteOpeningRepository;
  /** A remote object by its id, guarded (the Note a Create or Update names is read again from its origin). */
  fetchDocument?: DocumentFetch;
  /** What a followed commons' objects are kept by, by `guildhall:type` (commons-objects.ts). */
  commonsReceivers?: CommonsReceivers;
  /** Where a new commons follower's backfill is queued (absent: none is sent). */
  outbox?: OutboxQueue | undefined;
  /** The people who may show their profile as a `Person` actor (absent: no person is an actor here). */
  people?: Pick<PeopleRepository, 'get'>;
  /** Where a Reject hands the rest of its follow's openings (the outbox queue; absent: all removed at once). */
  forgetQueue?: ForgettingDeps['queue'] | undefined;
  forgetPageSize?: number | undefined;
  /** A Group's outbox: its open openings' Notes, newest first, a page at a time (absent: every outbox is empty). */
  groupOutbox?: GroupOutbox | undefined;
}

/** The Notes a Group's outbox lists as Creates, from the syndicate's openings. */
export interface GroupOutbox {
  page(
    syndicateId: string,
    request: { limit: number; cursor?: string | undefined },
  ): Promise<{ items: Array<{ activityId: string; note: OpeningNote }>; next?: string | undefined }>;
  /** How many it lists, counted to `max` at most. */
  count(syndicateId: string, max: number): Promise<number>;
}

/** Creates a page of a Group's outbox holds. */
export const outboxPageSize = 20;
/** The outbox's `totalItems` is counted to this at most (a few pages of a syndicate's openings). */
export const outboxCountMax = 200;

/** Signed requests older or newer than this are refused (replays). */
export const signatureWindowMinutes = 5;

/** The ActivityPub federation over Guildhall's syndicates; `fetch` it a Request for one of its paths. */
export function createGuildhallFederation(deps: FederationDeps): Federation<void> {
  const federation = createFederation<void>({
    kv: deps.kv ?? new MemoryKvStore(),
    origin: deps.origin,
    signatureTimeWindow: { minutes: signatureWindowMinutes },
    documentLoaderFactory: () => guardedDocumentLoader(deps.fetch),
    contextLoaderFactory: () => guardedDocumentLoader(deps.fetch),
    authenticatedDocumentLoaderFactory: (identity) => guardedDocumentLoader(deps.fetch, identity),
  });
  const site = deps.origin;
  /** A person's actor: shown (opted in, with a public profile), withdrawn (410) or none (404). */
  const personActor = async (personId: string) => {
    const person = deps.people ? await deps.people.get(personId) : null;
    return { person, state: personActorState(person) };
  };
  /** Whether a local actor exists and may be followed (a person only while they show their profile). */
  const followable = async (identifier: string) => {
    if (identifier === instanceActor) return true;
    const personId = personIdOfActor(identifier);
    if (personId !== null) return (await personActor(personId)).state === 'shown';
    return (await deps.syndicates.get(identifier)) !== null;
  };

  federation
    .setActorDispatcher(federationPaths.actor, async (ctx, identifier) => {
      const personId = personIdOfActor(identifier);
      if (personId !== null) {
        const { person, state } = await personActor(personId);
        if (state === 'withdrawn') return new Tombstone({ id: ctx.getActorUri(identifier), formerType: Person });
        if (!person || state !== 'shown') return null;
        await deps.keys();
        const keys = await ctx.getActorKeyPairs(identifier);
        const shown = personActorProfile(person, site);
        return new Person({
          id: ctx.getActorUri(identifier),
          inbox: ctx.getInboxUri(identifier),
          outbox: ctx.getOutboxUri(identifier),
          followers: ctx.getFollowersUri(identifier),
          endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
          publicKey: keys[0]?.cryptographicKey ?? null,
          assertionMethods: keys.map((key) => key.multikey),
          manuallyApprovesFollowers: false,
          preferredUsername: shown.preferredUsername,
          name: shown.name,
          summary: shown.summary ?? null,
          url: new URL(shown.url),
          discoverable: shown.discoverable,
          indexable: shown.indexable,
        });
      }
      // Whether the actor exists first: an inbox post or a lookup for one that does not is a 404, and
      // must not wait on (or fail with) the instance's key, which only an existing actor publishes.
      const syndicate = identifier === instanceActor ? null : await deps.syndicates.get(identifier);
      if (identifier !== instanceActor && !syndicate) return null;
      // The key first, so an instance without one answers 503 (NotConfiguredError) as its inboxes do:
      // Fedify would serve the actor without `publicKey`, which no peer can verify a delivery by.
      await deps.keys();
      const keys = await ctx.getActorKeyPairs(identifier);
      const common = {
        id: ctx.getActorUri(identifier),
        inbox: ctx.getInboxUri(identifier),
        outbox: ctx.getOutboxUri(identifier),
        followers: ctx.getFollowersUri(identifier),
        endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
        publicKey: keys[0]?.cryptographicKey ?? null,
        assertionMethods: keys.map((key) => key.multikey),
        manuallyApprovesFollowers: false,
      };
      if (identifier === instanceActor) {
        return new Service({
          ...common,
          preferredUsername: new URL(site).hostname,
          name: deps.instanceName ?? `Guildhall at ${new URL(site).host}`,
          url: new URL(`${site}/`),
        });
      }
      if (!syndicate) return null;
      return new Group({
        ...common,
        preferredUsername: syndicate.id,
        name: syndicate.name,
        summary: escapeHtml(syndicate.description),
        url: new URL(`${site}/syndicates/${syndicate.id}/`),
      });
    })
    .mapHandle((_ctx, username) => {
      // `acct:_instance@<host>` finds the instance's Service actor: how another instance follows this commons.
      if (username === instanceActor) return instanceActor;
      // A person's handle keeps their id as it is (`p.` in any case); the actor dispatcher then decides:
      // a person not shown is no actor (404), one withdrawn a Tombstone, which the route answers as 404.
      const personId = personIdOfActor(username);
      return personId === null ? username.toLowerCase() : personActorIdentifier(personId);
    })
    // Only an actor that exists has keys. Fedify asks for an inbox's recipient's keys (for its signed
    // fetches) before it asks whether the recipient exists: a post to no one must not need the key.
    .setKeyPairsDispatcher(async (_ctx, identifier) => ((await followable(identifier)) ? [await deps.keys()] : []));

  federation.setNodeInfoDispatcher(federationPaths.nodeInfo, () => ({
    software: { name: deps.software.name, version: deps.software.version, homepage: new URL(`${site}/`) },
    protocols: ['activitypub'],
    openRegistrations: false,
    usage: { users: {}, localPosts: 0, localComments: 0 },
    ...(deps.instanceName ? { metadata: { nodeName: deps.instanceName } } : {}),
  }));

  // A Group's outbox: a Create of each open opening's Note, newest first, paged by the openings' own
  // cursor (Fedify's collection paging: the collection links its first page, `?cursor=`). The Note is
  // the one its id serves, less `jobPosting`, which Fedify's vocabulary does not carry: a Guildhall peer
  // reads that from the Note's id, as it does for a delivered Create. The instance's outbox is empty.
  federation
    .setOutboxDispatcher(federationPaths.outbox, async (_ctx, identifier, cursor) => {
      // The instance's and a person's outboxes are empty (nothing is published from them yet).
      if (identifier === instanceActor || personIdOfActor(identifier) !== null) return { items: [] };
      // Without a cursor only when the first cursor was refused: no such syndicate (404), or no outbox port.
      if (cursor === null) return !deps.groupOutbox && (await deps.syndicates.get(identifier)) ? { items: [] } : null;
      if (!deps.groupOutbox) return null;
      const page = await deps.groupOutbox.page(identifier, { limit: outboxPageSize, cursor: cursor || undefined });
      return {
        items: page.items.map(({ activityId, note }) => createOf(activityId, note)),
        nextCursor: page.next ?? null,
      };
    })
    .setFirstCursor(async (_ctx, identifier) =>
      identifier !== instanceActor &&
      personIdOfActor(identifier) === null &&
      deps.groupOutbox &&
      (await deps.syndicates.get(identifier))
        ? ''
        : null,
    )
    .setCounter((_ctx, identifier) =>
      identifier === instanceActor || personIdOfActor(identifier) !== null || !deps.groupOutbox
        ? 0
        : deps.groupOutbox.count(identifier, outboxCountMax),
    );

  // The followers' count is public; who they are is not listed (their instances know).
  federation
    .setFollowersDispatcher(federationPaths.followers, (): { items: Recipient[] } => ({ items: [] }))
    // The Service actor's followers are the commons' followers, kept under its identifier as a syndicate's are.
    .setCounter((_ctx, identifier) => deps.followers.count(identifier, 10_000));

  federation
    .setInboxListeners(federationPaths.inbox, federationPaths.sharedInbox)
    .on(Follow, async (ctx, follow) => {
      if (!follow.id || !follow.actorId || !follow.objectId) return;
      const target = ctx.parseUri(follow.objectId);
      if (target?.type !== 'actor') return;
      // A Follow of the Service actor follows the whole commons: kept under `_instance` as a syndicate's.
      const ofCommons = target.identifier === instanceActor;
      // A syndicate, or a person while they show their profile; a Follow of anyone else is ignored.
      if (!(await followable(target.identifier))) return;
      const actor = await follow.getActor(ctx);
      if (!actor?.id || !actor.inboxId || actor.id.href !== follow.actorId.href) return;
      const previous = ofCommons ? await deps.followers.get(instanceActor, actor.id.href) : null;
      await acceptFollow(deps, {
        syndicateId: target.identifier,
        groupId: ctx.getActorUri(target.identifier).href,
        follower: {
          actorId: actor.id.href,
          inbox: actor.inboxId.href,
          sharedInbox: actor.endpoints?.sharedInbox?.href,
        },
        // The Follow by its ids, as Mastodon embeds it: the follower matches it by id, actor and object.
        follow: { id: follow.id.href, type: 'Follow', actor: follow.actorId.href, object: follow.objectId.href },
        activityBase: `${site}${federationPaths.activities}`,
      });
      // What the commons has already (its courses, its latest shortage snapshot) goes to its new follower, once.
      const backfill = ofCommons ? backfillFor(previous, { actorId: actor.id.href, inbox: actor.inboxId.href }) : null;
      if (backfill) await deps.outbox?.enqueue(backfill);
    })
    .on(Undo, async (ctx, undo) => {
      const object = await undo.getObject(ctx);
      if (!(object instanceof Follow) || !object.objectId || !undo.actorId) return;
      if (object.actorId?.href !== undo.actorId.href) return;
      const target = ctx.parseUri(object.objectId);
      if (target?.type !== 'actor') return;
      await deps.followers.remove(target.identifier, undo.actorId.href);
    })
    // The answers to the instance's own Follows of remote syndicates (domain/federation/remote-follow.ts):
    // only from the actor followed, of our Follow; anything else changes nothing.
    .on(Accept, async (_ctx, accept) => {
      if (!deps.remoteFollows || !accept.actorId) return;
      await followAccepted(
        { remoteFollows: deps.remoteFollows, now: deps.now },
        { actorId: accept.actorId.href, followActivityId: accept.objectId?.href },
      );
    })
    .on(Reject, async (_ctx, reject) => {
      if (!deps.remoteFollows || !reject.actorId) return;
      await followRejected(
        { remoteFollows: deps.remoteFollows, queue: deps.forgetQueue, pageSize: deps.forgetPageSize },
        { actorId: reject.actorId.href, followActivityId: reject.objectId?.href },
      );
    })
    // A followed Group's openings, a followed commons' objects, by the follow's kind: the object is read
    // again from its origin, never from the activity's body.
    .on(Create, (_ctx, create) => received(deps, create.actorId, create.objectId))
    .on(Update, (_ctx, update) => received(deps, update.actorId, update.objectId))
    .on(Delete, (_ctx, deletion) => removed(deps, deletion.actorId, deletion.objectId));

  return federation;
}

/** The accepted follow an activity's actor is followed by, or null (its activity is then ignored). */
async function followOf(deps: FederationDeps, actorId: URL | null) {
  if (!deps.remoteFollows || !actorId) return null;
  return acceptedFollowOf({ remoteFollows: deps.remoteFollows }, actorId.href);
}

async function received(deps: FederationDeps, actorId: URL | null, objectId: URL | null): Promise<void> {
  const follow = await followOf(deps, actorId);
  if (!follow || !actorId || !objectId) return;
  if (followKindOf(follow) === 'syndicate') return receiveNote(deps, actorId, objectId);
  if (!deps.remoteFollows || !deps.fetchDocument) return;
  await receiveCommonsObject(
    {
      remoteFollows: deps.remoteFollows,
      fetchDocument: deps.fetchDocument,
      receivers: deps.commonsReceivers ?? {},
      now: deps.now,
    },
    { actorId: actorId.href, objectId: objectId.href },
  );
}

async function removed(deps: FederationDeps, actorId: URL | null, objectId: URL | null): Promise<void> {
  const follow = await followOf(deps, actorId);
  if (!follow || !deps.remoteFollows || !actorId || !objectId) return;
  const activity = { actorId: actorId.href, objectId: objectId.href };
  if (followKindOf(follow) === 'commons') {
    await removeCommonsObject({ remoteFollows: deps.remoteFollows, receivers: deps.commonsReceivers ?? {} }, activity);
    return;
  }
  if (deps.remoteOpenings) {
    await removeOpening({ remoteFollows: deps.remoteFollows, remoteOpenings: deps.remoteOpenings }, activity);
  }
}

async function receiveNote(deps: FederationDeps, actorId: URL | null, objectId: URL | null): Promise<void> {
  if (!deps.remoteFollows || !deps.remoteOpenings || !deps.fetchDocument || !actorId || !objectId) return;
  await receiveOpening(
    {
      remoteFollows: deps.remoteFollows,
      remoteOpenings: deps.remoteOpenings,
      fetchDocument: deps.fetchDocument,
      now: deps.now,
    },
    { actorId: actorId.href, noteId: objectId.href },
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\n/g, '<br>');
}

/** A Create of an opening's Note, in Fedify's vocabulary (public, cc the Group's followers). */
function createOf(activityId: string, note: OpeningNote): Create {
  const audience = { tos: note.to.map((to) => new URL(to)), ccs: note.cc.map((cc) => new URL(cc)) };
  return new Create({
    id: new URL(activityId),
    actor: new URL(note.attributedTo),
    ...audience,
    object: new Note({
      id: new URL(note.id),
      attribution: new URL(note.attributedTo),
      ...audience,
      name: note.name,
      content: note.content,
      url: new URL(note.url),
      tags: note.tag.map((tag) => new Hashtag({ name: tag.name, href: new URL(tag.href) })),
    }),
  });
}
