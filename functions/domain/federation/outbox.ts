// Publishing a syndicate's openings to its followers, off the request path (issue 20): the table's
// stream names each opening change that calls for an activity (opening-activity.ts); the change is queued
// as an outbox job; the job builds the activity and fans it out to the followers a page at a time, each
// page queuing one delivery per inbox (shared inboxes once) and the next page as a job of its own, so a
// syndicate with 100,000 followers is many short jobs, never one long loop. The commons' own activities
// (records, courses, shortage snapshots: commons-objects.ts) fan out the same way to the Service actor's
// followers, and a new commons follower is sent what exists already a page at a time (backfill). Pure:
// the ports are passed in.
import * as z from 'zod/mini';
import { lazySchema } from '../zod.ts';
import {
  type CommonsIds,
  type CommonsObject,
  type CommonsObjectType,
  commonsActivity,
  serviceActor,
} from './commons-objects.ts';
import type { DeliveryJob, DeliveryQueue } from './delivery.ts';
import type { Follower } from './follower.ts';
import type { OpeningActivityType, StoredOpening } from './opening-activity.ts';

/** Followers read per fan-out job: one query page, at most this many deliveries queued. */
export const fanOutPageSize = 100;

/** An opening change to publish, as the stream consumer queues it. */
export interface PublishJob {
  kind: 'publish';
  type: OpeningActivityType;
  /** The image the activity is about: after the change, or before it for a deletion. */
  opening: StoredOpening;
  attempt: number;
}

/** One page of followers to deliver a built activity to. */
export interface FanOutJob {
  kind: 'fan-out';
  syndicateId: string;
  activity: DeliveryJob['activity'];
  /** Where the page starts (the follower list's cursor); absent for the first. */
  cursor?: string | undefined;
  attempt: number;
}

/**
 * A commons activity already built (a course's change at deploy, a shortage snapshot: commons-objects.ts),
 * to fan out to the Service actor's followers, the commons' followers, as a syndicate's fan-out is.
 */
export interface CommonsJob {
  kind: 'commons';
  activity: DeliveryJob['activity'];
  attempt: number;
}

/**
 * What a new follower of the commons is sent of what exists already: one page (`backfillPageSize`) of one
 * source's objects, each a `Create` to its inbox; the next page, or the next source's first, its own job.
 */
export interface BackfillJob {
  kind: 'backfill';
  /** The new commons follower's inbox. */
  inbox: string;
  /** The source this page reads; absent for the first job (the first source registered). */
  source?: CommonsObjectType | undefined;
  cursor?: string | undefined;
  attempt: number;
}

export type OutboxJob = PublishJob | FanOutJob | CommonsJob | BackfillJob;

/** Objects sent a backfill job: a page of one source. */
export const backfillPageSize = 25;

/** The sources a backfill reads, in this order (records are not backfilled: only new ones federate). */
export const backfillOrder: readonly CommonsObjectType[] = ['course', 'shortages', 'record'];

/** A paged reader of the commons objects that exist now (courses, the latest shortage snapshot). */
export interface BackfillSource {
  page(request: { limit: number; cursor?: string | undefined }): Promise<{
    items: CommonsObject[];
    next?: string | undefined;
  }>;
}

/** The backfill's sources by type: whoever builds a type registers its reader here. */
export type BackfillSources = Partial<Record<CommonsObjectType, BackfillSource>>;

export const outboxJobSchema = lazySchema(() =>
  z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('publish'),
      type: z.enum(['Create', 'Update', 'Delete']),
      opening: z.looseObject({
        id: z.string().check(z.minLength(1)),
        syndicateId: z.string().check(z.minLength(1)),
        version: z.number(),
      }),
      attempt: z.number().check(z.int(), z.minimum(0)),
    }),
    z.object({
      kind: z.literal('fan-out'),
      syndicateId: z.string().check(z.minLength(1), z.maxLength(80)),
      activity: z.looseObject({ id: z.string().check(z.minLength(1)), type: z.string().check(z.minLength(1)) }),
      cursor: z.optional(z.string().check(z.maxLength(1024))),
      attempt: z.number().check(z.int(), z.minimum(0)),
    }),
    z.object({
      kind: z.literal('commons'),
      activity: z.looseObject({ id: z.string().check(z.minLength(1)), type: z.string().check(z.minLength(1)) }),
      attempt: z.number().check(z.int(), z.minimum(0)),
    }),
    z.object({
      kind: z.literal('backfill'),
      inbox: z.string().check(z.minLength(1), z.maxLength(2048)),
      source: z.optional(z.enum(['record', 'course', 'shortages'])),
      cursor: z.optional(z.string().check(z.maxLength(1024))),
      attempt: z.number().check(z.int(), z.minimum(0)),
    }),
  ]),
);

export interface OutboxQueue {
  enqueue(job: OutboxJob): Promise<void>;
}

export interface OutboxDeps {
  followers: {
    /** One page of a syndicate's followers, from `cursor`. */
    page(
      syndicateId: string,
      request: { limit: number; cursor?: string | undefined },
    ): Promise<{
      items: Follower[];
      next?: string | undefined;
    }>;
  };
  /** Whether the stewards blocked the inbox's instance: it is queued nothing. */
  blocked: (inbox: string) => Promise<boolean>;
  deliveries: DeliveryQueue & { enqueueAll?: ((jobs: DeliveryJob[]) => Promise<void>) | undefined };
  outbox: OutboxQueue;
  /**
   * The activity for a change, built from the opening and its syndicate as they are now known, or null
   * when there is nothing to send (the syndicate is gone).
   */
  activityFor: (type: OpeningActivityType, opening: StoredOpening) => Promise<DeliveryJob['activity'] | null>;
  pageSize?: number;
  /** What a new commons follower is sent (none registered: a backfill sends nothing). */
  backfillSources?: BackfillSources | undefined;
  /** The Service actor's ids, for the backfill's Creates. */
  commonsIds?: CommonsIds | undefined;
}

/**
 * Steps: a publish job builds its activity and runs as the first page; a page reads its followers,
 * queues the next page first (so a failure after it never loses the rest), then one delivery per inbox
 * not on a blocked instance, a shared inbox once. A page tried again queues its deliveries again: they
 * carry the same activity id, which a receiver has seen, so it does nothing twice.
 */
export async function runOutboxJob(deps: OutboxDeps, job: OutboxJob): Promise<{ queued: number }> {
  if (job.kind === 'publish') {
    const activity = await deps.activityFor(job.type, job.opening);
    if (!activity) return { queued: 0 };
    return fanOutPage(deps, { kind: 'fan-out', syndicateId: job.opening.syndicateId, activity, attempt: 0 });
  }
  if (job.kind === 'commons') {
    return fanOutPage(deps, { kind: 'fan-out', syndicateId: serviceActor, activity: job.activity, attempt: 0 });
  }
  if (job.kind === 'backfill') return backfillPage(deps, job);
  return fanOutPage(deps, job);
}

/**
 * Steps: the page's source (the first registered when the job names none); one page of it; the next page
 * queued first (or, at a source's end, the next registered source's first page); then one `Create` per
 * object to the follower's inbox, signed by the Service actor. An inbox on a blocked instance is sent
 * nothing, and nothing more is queued for it.
 */
async function backfillPage(deps: OutboxDeps, job: BackfillJob): Promise<{ queued: number }> {
  const sources = deps.backfillSources ?? {};
  const registered = backfillOrder.filter((type) => sources[type] !== undefined);
  const source = job.source ?? registered[0];
  const reader = source ? sources[source] : undefined;
  if (!source || !reader || !deps.commonsIds) return { queued: 0 };
  if (await deps.blocked(job.inbox)) return { queued: 0 };
  const page = await reader.page({ limit: backfillPageSize, cursor: job.cursor });
  if (page.next) {
    await deps.outbox.enqueue({ kind: 'backfill', inbox: job.inbox, source, cursor: page.next, attempt: 0 });
  } else {
    const following = registered[registered.indexOf(source) + 1];
    if (following) await deps.outbox.enqueue({ kind: 'backfill', inbox: job.inbox, source: following, attempt: 0 });
  }
  const ids = deps.commonsIds;
  const jobs: DeliveryJob[] = page.items.map((object) => ({
    inbox: job.inbox,
    signer: serviceActor,
    activity: commonsActivity('Create', object, ids),
    attempt: 0,
  }));
  if (deps.deliveries.enqueueAll) await deps.deliveries.enqueueAll(jobs);
  else for (const delivery of jobs) await deps.deliveries.enqueue(delivery);
  return { queued: jobs.length };
}

async function fanOutPage(deps: OutboxDeps, job: FanOutJob): Promise<{ queued: number }> {
  const page = await deps.followers.page(job.syndicateId, {
    limit: deps.pageSize ?? fanOutPageSize,
    cursor: job.cursor,
  });
  if (page.next) {
    await deps.outbox.enqueue({ ...job, cursor: page.next, attempt: 0 });
  }
  const inboxes = [...new Set(page.items.map((follower) => follower.sharedInbox ?? follower.inbox))];
  // One look per instance, not per inbox: most followers of a syndicate share a few hosts.
  const hostOf = (inbox: string) => URL.parse(inbox)?.host ?? inbox;
  const hosts = new Map<string, string>();
  for (const inbox of inboxes) if (!hosts.has(hostOf(inbox))) hosts.set(hostOf(inbox), inbox);
  const blockedHosts = new Set(
    (await Promise.all([...hosts].map(async ([host, inbox]) => ((await deps.blocked(inbox)) ? [host] : [])))).flat(),
  );
  const jobs: DeliveryJob[] = inboxes
    .filter((inbox) => !blockedHosts.has(hostOf(inbox)))
    .map((inbox) => ({
      inbox,
      signer: job.syndicateId,
      activity: job.activity,
      attempt: 0,
    }));
  if (deps.deliveries.enqueueAll) await deps.deliveries.enqueueAll(jobs);
  else for (const delivery of jobs) await deps.deliveries.enqueue(delivery);
  return { queued: jobs.length };
}
