// Guildhall's ActivityPub surface, on Fedify: WebFinger, NodeInfo 2.1, the instance's `Service` actor,
// each syndicate as a `Group` actor, and the inboxes, whose posts Fedify verifies (HTTP Signatures:
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
  Hashtag,
  Note,
  type Recipient,
  Reject,
  Service,
  Undo,
  Update,
} from '@fedify/vocab';
import { acceptFollow, type FollowerRepository } from '#domain/federation/follower.ts';
import type { DeliveryQueue } from '#domain/federation/delivery.ts';
import { followAccepted, followRejected, type RemoteFollowRepository } from '#domain/federation/remote-follow.ts';
import {
  type DocumentFetch,
  receiveOpening,
  removeOpening,
  type RemoteOpeningRepository,
} from '#domain/federation/remote-opening.ts';
import type { ForgettingDeps } from '#domain/federation/forgetting.ts';
import type { OpeningNote } from '#domain/federation/opening-activity.ts';
import type { SyndicateRepository } from '#domain/syndicates/syndicate.ts';
import { guardedDocumentLoader } from './document-loader.ts';
import type { ActorKeyPair } from './actor-keys.ts';
import type { GuardedFetch } from './guarded-fetch.ts';
import { federationPaths, instanceActor } from './paths.ts';

export interface FederationDeps {
  /** The instance's public origin (PUBLIC_URL): every id is under it, whatever host a request came to. */
  origin: string;
  software: { name: string; version: string };
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
  /** Where a Reject hands the rest of its follow's openings (the outbox queue; absent: all removed at once). */
  forgetQueue?: ForgettingDeps['queue'] | undefined;
  forgetPageSize?: number | undefined;
  /** A Group's outbox: its open openings' Notes, newest first, a page at a time (absent: every outbox is empty). */
  outbox?: GroupOutbox | undefined;
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

  federation
    .setActorDispatcher(federationPaths.actor, async (ctx, identifier) => {
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
          name: `Guildhall at ${new URL(site).host}`,
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
    .mapHandle((_ctx, username) => (username === instanceActor ? null : username.toLowerCase()))
    // Only an actor that exists has keys. Fedify asks for an inbox's recipient's keys (for its signed
    // fetches) before it asks whether the recipient exists: a post to no one must not need the key.
    .setKeyPairsDispatcher(async (_ctx, identifier) =>
      identifier === instanceActor || (await deps.syndicates.get(identifier)) ? [await deps.keys()] : [],
    );

  federation.setNodeInfoDispatcher(federationPaths.nodeInfo, () => ({
    software: { name: deps.software.name, version: deps.software.version, homepage: new URL(`${site}/`) },
    protocols: ['activitypub'],
    openRegistrations: false,
    usage: { users: {}, localPosts: 0, localComments: 0 },
  }));

  // A Group's outbox: a Create of each open opening's Note, newest first, paged by the openings' own
  // cursor (Fedify's collection paging: the collection links its first page, `?cursor=`). The Note is
  // the one its id serves, less `jobPosting`, which Fedify's vocabulary does not carry: a Guildhall peer
  // reads that from the Note's id, as it does for a delivered Create. The instance's outbox is empty.
  federation
    .setOutboxDispatcher(federationPaths.outbox, async (_ctx, identifier, cursor) => {
      if (identifier === instanceActor) return { items: [] };
      // Without a cursor only when the first cursor was refused: no such syndicate (404), or no outbox port.
      if (cursor === null) return !deps.outbox && (await deps.syndicates.get(identifier)) ? { items: [] } : null;
      if (!deps.outbox) return null;
      const page = await deps.outbox.page(identifier, { limit: outboxPageSize, cursor: cursor || undefined });
      return {
        items: page.items.map(({ activityId, note }) => createOf(activityId, note)),
        nextCursor: page.next ?? null,
      };
    })
    .setFirstCursor(async (_ctx, identifier) =>
      identifier !== instanceActor && deps.outbox && (await deps.syndicates.get(identifier)) ? '' : null,
    )
    .setCounter((_ctx, identifier) =>
      identifier === instanceActor || !deps.outbox ? 0 : deps.outbox.count(identifier, outboxCountMax),
    );

  // The followers' count is public; who they are is not listed (their instances know).
  federation
    .setFollowersDispatcher(federationPaths.followers, (): { items: Recipient[] } => ({ items: [] }))
    .setCounter((_ctx, identifier) => (identifier === instanceActor ? 0 : deps.followers.count(identifier, 10_000)));

  federation
    .setInboxListeners(federationPaths.inbox, federationPaths.sharedInbox)
    .on(Follow, async (ctx, follow) => {
      if (!follow.id || !follow.actorId || !follow.objectId) return;
      const target = ctx.parseUri(follow.objectId);
      if (target?.type !== 'actor' || target.identifier === instanceActor) return;
      if (!(await deps.syndicates.get(target.identifier))) return;
      const actor = await follow.getActor(ctx);
      if (!actor?.id || !actor.inboxId || actor.id.href !== follow.actorId.href) return;
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
    // A followed Group's openings: the Note is read again from its origin, never from the activity's body.
    .on(Create, (_ctx, create) => receiveNote(deps, create.actorId, create.objectId))
    .on(Update, (_ctx, update) => receiveNote(deps, update.actorId, update.objectId))
    .on(Delete, async (_ctx, deletion) => {
      if (!deps.remoteFollows || !deps.remoteOpenings || !deletion.actorId || !deletion.objectId) return;
      await removeOpening(
        { remoteFollows: deps.remoteFollows, remoteOpenings: deps.remoteOpenings },
        { actorId: deletion.actorId.href, objectId: deletion.objectId.href },
      );
    });

  return federation;
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
