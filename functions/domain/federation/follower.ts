// Following a syndicate from elsewhere in the fediverse: a remote actor sends `Follow` to the
// syndicate's Group actor, the follower is kept, and a signed `Accept` goes back to the follower's
// inbox through the delivery queue, never inside the request that brought the Follow (a peer that is
// down must not slow or fail the inbox post). Pure: the ports are passed in.
import type { DeliveryQueue } from './delivery.ts';

export const activityStreams = 'https://www.w3.org/ns/activitystreams';

/** A remote actor that follows one of our actors, with where its deliveries go. */
export interface Follower {
  /** The local actor followed: a syndicate's id, or a person's actor identifier (`p.<id>`: person-actor.ts). */
  syndicateId: string;
  actorId: string;
  inbox: string;
  sharedInbox?: string | undefined;
  /** The Follow activity's id (an Undo names it). */
  followId: string;
  followedAt: string;
}

export interface FollowerRepository {
  /** Keeps the follower (a repeated Follow replaces it: same actor, newest inbox). */
  save(follower: Follower): Promise<void>;
  /** Forgets the follower; nothing happens when there was none. */
  remove(syndicateId: string, actorId: string): Promise<void>;
  get(syndicateId: string, actorId: string): Promise<Follower | null>;
  /** How many follow the syndicate, at most `max` counted (the followers collection's total). */
  count(syndicateId: string, max: number): Promise<number>;
  /** One page of the syndicate's followers (what an opening's activity is fanned out to: outbox.ts). */
  page(
    syndicateId: string,
    request: { limit: number; cursor?: string | undefined },
  ): Promise<{ items: Follower[]; next?: string | undefined }>;
  /**
   * One page of every syndicate's followers whose actor's host sorts under `prefix` (`hostSortKey` and
   * `blockedHostPrefixes`, instance-block.ts): what a block of their instance removes.
   */
  pageOnHosts(
    prefix: string,
    request: { limit: number; cursor?: string | undefined },
  ): Promise<{ items: Follower[]; next?: string | undefined }>;
}

export interface FollowDeps {
  followers: Pick<FollowerRepository, 'save'>;
  deliveries: DeliveryQueue;
  now: () => Date;
  newId: () => string;
}

export interface FollowRequest {
  syndicateId: string;
  /** The Group actor's id (the Accept's actor). */
  groupId: string;
  follower: { actorId: string; inbox: string; sharedInbox?: string | undefined };
  /** The Follow as received (JSON-LD, compacted): the Accept embeds it, as Mastodon and bovine expect. */
  follow: { id: string } & Record<string, unknown>;
  /** Where the Accept's id is minted: `${activityBase}/<id>`. */
  activityBase: string;
}

/**
 * Steps: keep the follower, then queue the Accept for its inbox (signed by the syndicate's key when it is
 * sent). The follower is stored before the Accept is queued, so a follower who was told "accepted" is
 * always on the list; a retried Follow stores the same follower again and queues a second Accept, which
 * the follower ignores.
 */
export async function acceptFollow(deps: FollowDeps, request: FollowRequest): Promise<{ acceptId: string }> {
  await deps.followers.save({
    syndicateId: request.syndicateId,
    actorId: request.follower.actorId,
    inbox: request.follower.inbox,
    sharedInbox: request.follower.sharedInbox,
    followId: request.follow.id,
    followedAt: deps.now().toISOString(),
  });
  const acceptId = `${request.activityBase}/${deps.newId()}`;
  await deps.deliveries.enqueue({
    inbox: request.follower.inbox,
    signer: request.syndicateId,
    activity: {
      '@context': activityStreams,
      id: acceptId,
      type: 'Accept',
      actor: request.groupId,
      object: request.follow,
      to: [request.follower.actorId],
    },
    attempt: 0,
  });
  return { acceptId };
}
