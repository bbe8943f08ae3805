// Publishing a syndicate's openings to its followers, off the request path (issue 20): the table's
// stream names each opening change that calls for an activity (opening-activity.ts); the change is queued
// as an outbox job; the job builds the activity and fans it out to the followers a page at a time, each
// page queuing one delivery per inbox (shared inboxes once) and the next page as a job of its own, so a
// syndicate with 100,000 followers is many short jobs, never one long loop. Pure: the ports are passed in.
import * as z from 'zod/mini';
import { lazySchema } from '../zod.ts';
import type { DeliveryJob, DeliveryQueue } from './delivery.ts';
import type { Follower } from './follower.ts';
import { type ForgetJob, type ForgettingDeps, runForgetJob } from './forgetting.ts';
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

/** What an unfollow or a block left to remove, a page per job (forgetting.ts). */
export type OutboxJob = PublishJob | FanOutJob | ForgetJob;

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
      kind: z.literal('forget-openings'),
      followId: z.string().check(z.minLength(1), z.maxLength(64)),
      attempt: z.number().check(z.int(), z.minimum(0)),
    }),
    z.object({
      kind: z.literal('forget-host'),
      host: z.string().check(z.minLength(1), z.maxLength(259)),
      part: z.enum(['follows', 'followers']),
      range: z.optional(z.number().check(z.int(), z.minimum(0))),
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
  /** What runs the jobs of an unfollow or a block (their next pages go to `outbox`). */
  forgetting?: Omit<ForgettingDeps, 'queue'> | undefined;
}

/**
 * Steps: a publish job builds its activity and runs as the first page; a page reads its followers,
 * queues the next page first (so a failure after it never loses the rest), then one delivery per inbox
 * not on a blocked instance, a shared inbox once. A page tried again queues its deliveries again: they
 * carry the same activity id, which a receiver has seen, so it does nothing twice.
 */
export async function runOutboxJob(deps: OutboxDeps, job: OutboxJob): Promise<{ queued: number }> {
  if (job.kind === 'forget-openings' || job.kind === 'forget-host') {
    // A consumer without the repositories cannot do it: failing sends it back to the queue, then its dead letters.
    if (!deps.forgetting) throw new Error(`This outbox consumer cannot run a ${job.kind} job.`);
    await runForgetJob({ ...deps.forgetting, queue: deps.outbox }, job);
    return { queued: 0 };
  }
  if (job.kind === 'publish') {
    const activity = await deps.activityFor(job.type, job.opening);
    if (!activity) return { queued: 0 };
    return fanOutPage(deps, { kind: 'fan-out', syndicateId: job.opening.syndicateId, activity, attempt: 0 });
  }
  return fanOutPage(deps, job);
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
