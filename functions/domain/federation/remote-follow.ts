// Following a remote syndicate (a Group actor on another instance, Guildhall or not): the commons'
// stewards name it by `acct:<syndicate>@<host>` or its actor URL; it is resolved by WebFinger through
// the guarded fetch, kept as a pending follow (one per remote actor, so a retried follow is the same
// follow), and the instance's Service actor sends it a signed `Follow` through the delivery queue. Its
// `Accept` marks the follow accepted, its `Reject` forgets it; an unfollow sends `Undo` and forgets the
// follow and the openings it brought. A blocked host cannot be followed, and a block ends its follows.
// Pure, over its ports.
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { type FederationRefusal, federationWords } from '../i18n/records/federation-refusals.ts';
import type { Identity } from '../identity.ts';
import { type StewardRemoval, stewardsNow } from '../ledger/stewards.ts';
import type { Page, PageRequest } from '../paging.ts';
import type { DeliveryQueue } from './delivery.ts';
import { activityStreams } from './follower.ts';
import { type ForgettingDeps, forgetFollowOpenings } from './forgetting.ts';
import { blockKeysOf, type InstanceBlockRepository } from './instance-block.ts';
import { hostOf } from './instance-host.ts';

/**
 * What a follow is of: a remote syndicate (its `Group` actor: its openings come) or a whole commons (an
 * instance's `Service` actor: its records, courses and shortage snapshots come, commons-objects.ts).
 */
export type FollowKind = 'syndicate' | 'commons';

export interface RemoteFollow {
  /** Derived from the actor id: one follow per remote actor, whoever asks and however often. */
  id: string;
  /** The remote Group's (or Service's) actor id (what its activities name as `actor`). */
  actorId: string;
  /** Absent on follows kept before commons could be followed: those are all of syndicates. */
  kind?: FollowKind | undefined;
  /** As the steward named it (`acct:…` or the URL). */
  handle: string;
  /** The actor's instance, its host (with a port when it has one). */
  host: string;
  inbox: string;
  name?: string | undefined;
  state: 'pending' | 'accepted';
  /** Our Follow activity's id (its Accept and Reject name it; our Undo embeds it). */
  followActivityId: string;
  requestedBy: string;
  requestedAt: string;
  acceptedAt?: string | undefined;
}

export interface RemoteFollowRepository {
  put(follow: RemoteFollow): Promise<void>;
  get(id: string): Promise<RemoteFollow | null>;
  /** Forgets the follow and every remote opening it brought; false when there was none. */
  remove(id: string): Promise<boolean>;
  page(request: PageRequest): Promise<Page<RemoteFollow>>;
  /** Removes at most `limit` of what a follow brought (remote openings, a commons' objects); `more` when some are left. */
  removeBrought(followId: string, limit: number): Promise<{ removed: number; more: boolean }>;
  /** Forgets the follow alone (its openings are removed apart, a page at a time); false when there was none. */
  forget(id: string): Promise<boolean>;
}

/** A remote actor as WebFinger and its actor document describe it. */
export interface ResolvedActor {
  id: string;
  type: string;
  inbox: string;
  sharedInbox?: string | undefined;
  name?: string | undefined;
}

/** Looks a remote actor up by `acct:` (WebFinger, then the actor document) or by its URL, guarded. */
export type ActorResolver = (reference: ActorReference) => Promise<ResolvedActor>;

export type ActorReference = { kind: 'acct'; user: string; host: string } | { kind: 'url'; url: string };

export interface RemoteFollowDeps {
  config: { STEWARDS: readonly string[] };
  ledger: { stewardRemovals(): Promise<Pick<StewardRemoval, 'personId'>[]> };
  instanceBlocks: Pick<InstanceBlockRepository, 'firstBlocked'>;
  remoteFollows: RemoteFollowRepository;
  resolveActor: ActorResolver;
  deliveries: DeliveryQueue;
  /** The instance's Service actor id (who follows) and where activity ids are minted. */
  instanceActorId: string;
  activityBase: string;
  /** The local actor whose key signs (the instance's). */
  signer: string;
  now: () => Date;
  newId: () => string;
  /** Where an unfollow hands the rest of the follow's openings (the outbox queue: forgetting.ts). */
  queue: ForgettingDeps['queue'];
  /** Openings an unfollow removes itself; the rest go to the queue. */
  pageSize?: number | undefined;
}

/** A follow's kind, 'syndicate' for one kept before there were kinds. */
export const followKindOf = (follow: Pick<RemoteFollow, 'kind'>): FollowKind => follow.kind ?? 'syndicate';

/** The kind of follow an actor's type makes: a Group a syndicate, a Service a commons; anything else none. */
export function followKindOfActorType(type: string): FollowKind | null {
  return type === 'Group' ? 'syndicate' : type === 'Service' ? 'commons' : null;
}

/** The follow id of a remote actor: the SHA-256 of its id, base64url, cut to 22 characters (132 bits). */
export function remoteFollowId(actorId: string): string {
  return createHash('sha256').update(actorId).digest('base64url').slice(0, 22);
}

const acctPattern = /^(?:acct:)?@?([a-z0-9_.-]{1,80})@([a-z0-9.-]{1,253}(?::[0-9]{1,5})?)$/i;

/** `acct:user@host` (or `@user@host`, `user@host`) or an http(s) actor URL; null for anything else. */
export function parseActorReference(value: string): ActorReference | null {
  const acct = acctPattern.exec(value.trim());
  if (acct?.[1] && acct[2]) return { kind: 'acct', user: acct[1], host: acct[2].toLowerCase() };
  const host = hostOf(value.trim());
  return host ? { kind: 'url', url: new URL(value.trim()).href } : null;
}

export const remoteFollowInputSchema = () =>
  z.strictObject({
    actor: z.string().check(
      z.minLength(3, 'Name the syndicate to follow, such as acct:riverside-builders@guildhall.example.'),
      z.maxLength(500, 'An actor is at most 500 characters.'),
      z.regex(
        /^[\x21-\x7e]+$/,
        'Name the syndicate without spaces or other invisible characters, such as acct:riverside-builders@guildhall.example.',
      ),
      // The two shapes `parseActorReference` reads, as a pattern the OpenAPI document carries, so a client
      // (and a fuzzer) knows a handle or a URL is wanted before it is refused.
      z.regex(
        /^(?:(?:acct:)?@?[A-Za-z0-9_.-]{1,80}@[A-Za-z0-9.-]{1,253}(?::[0-9]{1,5})?|[Hh][Tt][Tt][Pp][Ss]?:\/\/[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})*(?::[0-9]{1,5})?(?:\/[\x21-\x7e]*)?)$/,
        'Name the syndicate as acct:<syndicate>@<host> or by its https actor URL.',
      ),
      z.refine(
        (value) => parseActorReference(value) !== null,
        'Name the syndicate as acct:<syndicate>@<host> or by its https actor URL.',
      ),
    ),
  });

export const remoteFollowIdSchema = () =>
  z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/, 'A follow id is the 22 characters the list of follows gives.'));

async function requireSteward(deps: Pick<RemoteFollowDeps, 'config' | 'ledger'>, identity: Identity) {
  if (!stewardsNow(deps.config.STEWARDS, await deps.ledger.stewardRemovals()).includes(identity.personId)) {
    const { message, wordsIn } = federationWords({ key: 'stewards-only', values: { act: 'follow' } });
    throw new ForbiddenError(message, { wordsIn });
  }
}

/** 422 naming `body.actor`. */
const actorRefused = (refusal: FederationRefusal) =>
  new ValidationError([{ field: 'body.actor', ...federationWords(refusal) }]);

function hostOfReference(reference: ActorReference): string {
  return reference.kind === 'acct' ? reference.host : new URL(reference.url).host;
}

async function refuseBlocked(deps: Pick<RemoteFollowDeps, 'instanceBlocks'>, url: string) {
  const host = hostOf(url);
  const blocked = host ? await deps.instanceBlocks.firstBlocked(blockKeysOf([host])) : null;
  if (blocked) {
    throw actorRefused({ key: 'instance-blocked', values: { host: blocked.host } });
  }
}

/**
 * Steps: a steward only; a blocked host is refused before anything is fetched; the actor is resolved
 * (guarded) and must be a Group on the host it was named by, and not blocked either; the follow is
 * kept pending, then the Follow queued. A follow already kept is answered as it is (an accepted one
 * stays accepted; a pending one is asked again, since its Follow may have been lost).
 */
export async function followRemote(
  deps: RemoteFollowDeps,
  identity: Identity,
  input: { actor: string },
): Promise<RemoteFollow> {
  await requireSteward(deps, identity);
  const reference = parseActorReference(input.actor);
  if (!reference) throw actorRefused({ key: 'actor-name', values: {} });
  await refuseBlocked(deps, `https://${hostOfReference(reference)}/`);
  let actor: ResolvedActor;
  try {
    actor = await deps.resolveActor(reference);
  } catch (error) {
    const why = error instanceof Error ? error.message : undefined;
    throw actorRefused({ key: 'actor-unfound', values: { actor: input.actor, why } });
  }
  const host = hostOf(actor.id)?.host;
  if (!host || host !== hostOfReference(reference)) {
    throw actorRefused({ key: 'actor-host', values: { actor: input.actor, host } });
  }
  const kind = followKindOfActorType(actor.type);
  if (!kind) {
    throw actorRefused({ key: 'actor-kind', values: { actor: input.actor, type: actor.type } });
  }
  await refuseBlocked(deps, actor.id);
  const id = remoteFollowId(actor.id);
  const existing = await deps.remoteFollows.get(id);
  if (existing?.state === 'accepted') return existing;
  const follow: RemoteFollow = existing ?? {
    id,
    actorId: actor.id,
    kind,
    handle: input.actor.trim(),
    host,
    inbox: actor.inbox,
    name: actor.name,
    state: 'pending',
    followActivityId: `${deps.activityBase}/${deps.newId()}`,
    requestedBy: identity.personId,
    requestedAt: deps.now().toISOString(),
  };
  await deps.remoteFollows.put(follow);
  await deps.deliveries.enqueue({
    inbox: follow.inbox,
    signer: deps.signer,
    activity: followActivity(deps.instanceActorId, follow),
    attempt: 0,
  });
  return follow;
}

function followActivity(instanceActorId: string, follow: RemoteFollow) {
  return {
    '@context': activityStreams,
    id: follow.followActivityId,
    type: 'Follow',
    actor: instanceActorId,
    object: follow.actorId,
  };
}

/**
 * Steps: a steward only; the follow must exist; the Undo is queued; a page of its openings is removed,
 * the rest (if any) queued as a job before the follow is forgotten, so a failure leaves the follow to
 * unfollow again. `underway` when openings are still being removed.
 */
export async function unfollowRemote(
  deps: RemoteFollowDeps,
  identity: Identity,
  id: string,
): Promise<{ id: string; underway: boolean }> {
  await requireSteward(deps, identity);
  const follow = await deps.remoteFollows.get(id);
  if (!follow) throw new NotFoundError('remote follow', id);
  await deps.deliveries.enqueue({
    inbox: follow.inbox,
    signer: deps.signer,
    activity: {
      '@context': activityStreams,
      id: `${deps.activityBase}/${deps.newId()}`,
      type: 'Undo',
      actor: deps.instanceActorId,
      object: followActivity(deps.instanceActorId, follow),
    },
    attempt: 0,
  });
  const underway = await forgetFollowOpenings(
    { remoteFollows: deps.remoteFollows, queue: deps.queue, pageSize: deps.pageSize },
    id,
  );
  await deps.remoteFollows.forget(id);
  return { id, underway };
}

export interface FollowAnswer {
  /** The verified sender of the Accept or Reject. */
  actorId: string;
  /** The Follow it answers, by id (Mastodon embeds it; some send its id alone). */
  followActivityId: string | undefined;
}

/** An Accept from the actor we follow, of our Follow: the follow is accepted. Anything else changes nothing. */
export async function followAccepted(
  deps: Pick<RemoteFollowDeps, 'remoteFollows' | 'now'>,
  answer: FollowAnswer,
): Promise<boolean> {
  const follow = await deps.remoteFollows.get(remoteFollowId(answer.actorId));
  if (!follow || follow.actorId !== answer.actorId) return false;
  if (answer.followActivityId !== undefined && answer.followActivityId !== follow.followActivityId) return false;
  if (follow.state === 'accepted') return true;
  await deps.remoteFollows.put({ ...follow, state: 'accepted', acceptedAt: deps.now().toISOString() });
  return true;
}

/**
 * A Reject from the actor we follow, of our Follow: the follow is forgotten, with anything it brought: a
 * page of its openings here, the rest by a queued job (as an unfollow), so an inbox post does a bounded
 * amount. Without a queue (a federation given none) the follow and every opening go at once.
 */
export async function followRejected(
  deps: Pick<RemoteFollowDeps, 'remoteFollows' | 'pageSize'> & { queue?: RemoteFollowDeps['queue'] | undefined },
  answer: FollowAnswer,
): Promise<boolean> {
  const follow = await deps.remoteFollows.get(remoteFollowId(answer.actorId));
  if (!follow || follow.actorId !== answer.actorId) return false;
  if (answer.followActivityId !== undefined && answer.followActivityId !== follow.followActivityId) return false;
  if (!deps.queue) return deps.remoteFollows.remove(follow.id);
  await forgetFollowOpenings(
    { remoteFollows: deps.remoteFollows, queue: deps.queue, pageSize: deps.pageSize },
    follow.id,
  );
  return deps.remoteFollows.forget(follow.id);
}

/** The accepted follow of this actor, if any: only what it sends is kept. */
export async function acceptedFollowOf(
  deps: { remoteFollows: Pick<RemoteFollowRepository, 'get'> },
  actorId: string,
): Promise<RemoteFollow | null> {
  const follow = await deps.remoteFollows.get(remoteFollowId(actorId));
  return follow?.actorId === actorId && follow.state === 'accepted' ? follow : null;
}
