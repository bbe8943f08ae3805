// Removing what a follow or a blocked instance left here, a bounded amount at a time (issue 20). An
// unfollow removes the first page of the follow's openings itself and hands the rest to the outbox queue;
// a block hands all of it there: the follows on its host (the stewards' list, a page per job) with their
// openings, and its instances' followers of our syndicates (found by host on an index, a page per job).
// Each job does one page and queues the next before it returns, so thousands never run in one request or
// one job. Every step can run twice: removing what is gone changes nothing. Pure: the ports are passed in.
import type { Follower } from './follower.ts';
import { blockCovers, blockedHostPrefixes } from './instance-block.ts';
import type { RemoteFollowRepository } from './remote-follow.ts';

/** Items removed, or follows read, by one request or one job. */
export const forgetPageSize = 100;

/** The rest of a follow's remote openings, a page per job. */
export interface ForgetOpeningsJob {
  kind: 'forget-openings';
  followId: string;
  attempt: number;
}

/** One page of what a block of `host` removes: the follows on it, or its followers of our syndicates. */
export interface ForgetHostJob {
  kind: 'forget-host';
  host: string;
  part: 'follows' | 'followers';
  /** For the followers: which of the block's index ranges (`blockedHostPrefixes`) the page is in; 0 first. */
  range?: number | undefined;
  cursor?: string | undefined;
  attempt: number;
}

export type ForgetJob = ForgetOpeningsJob | ForgetHostJob;

type PageOf<T> = (request: { limit: number; cursor?: string | undefined }) => Promise<{
  items: T[];
  next?: string | undefined;
}>;

export interface ForgettingDeps {
  remoteFollows: Pick<RemoteFollowRepository, 'page' | 'removeBrought' | 'forget'>;
  followers: {
    pageOnHosts(prefix: string, ...request: Parameters<PageOf<Follower>>): ReturnType<PageOf<Follower>>;
    remove(syndicateId: string, actorId: string): Promise<void>;
  };
  /** Where the next page goes (the outbox queue). */
  queue: { enqueue(job: ForgetJob): Promise<void> };
  pageSize?: number | undefined;
}

const pageSizeOf = (deps: Pick<ForgettingDeps, 'pageSize'>) => deps.pageSize ?? forgetPageSize;

/**
 * Removes a page of a follow's remote openings; when some are left, queues a job for the rest. True when
 * the rest is underway.
 */
export async function forgetFollowOpenings(
  deps: Pick<ForgettingDeps, 'remoteFollows' | 'queue' | 'pageSize'>,
  followId: string,
): Promise<boolean> {
  const { more } = await deps.remoteFollows.removeBrought(followId, pageSizeOf(deps));
  if (more) await deps.queue.enqueue({ kind: 'forget-openings', followId, attempt: 0 });
  return more;
}

/** A block's start: the follows on the host and its followers here, each its own chain of jobs. */
export async function startForgettingHost(deps: Pick<ForgettingDeps, 'queue'>, host: string): Promise<void> {
  await deps.queue.enqueue({ kind: 'forget-host', host, part: 'follows', attempt: 0 });
  await deps.queue.enqueue({ kind: 'forget-host', host, part: 'followers', range: 0, attempt: 0 });
}

/** One job: a page of openings, of the follows list, or of the followers on the host's index ranges. */
export async function runForgetJob(deps: ForgettingDeps, job: ForgetJob): Promise<{ removed: number }> {
  if (job.kind === 'forget-openings') {
    const { more, removed } = await deps.remoteFollows.removeBrought(job.followId, pageSizeOf(deps));
    if (more) await deps.queue.enqueue({ ...job, attempt: 0 });
    return { removed };
  }
  if (job.part === 'follows') return forgetFollowsPage(deps, job);
  return forgetFollowersPage(deps, job);
}

/**
 * A page of the stewards' follows: the next page is queued first, then each follow the block covers is
 * forgotten, its openings handed to a job of their own (queued before the follow goes, so none is left
 * without one).
 */
async function forgetFollowsPage(deps: ForgettingDeps, job: ForgetHostJob) {
  const page = await deps.remoteFollows.page({ limit: pageSizeOf(deps), cursor: job.cursor });
  if (page.next) await deps.queue.enqueue({ ...job, cursor: page.next, attempt: 0 });
  let removed = 0;
  for (const follow of page.items.filter((item) => blockCovers(job.host, item.host))) {
    await deps.queue.enqueue({ kind: 'forget-openings', followId: follow.id, attempt: 0 });
    if (await deps.remoteFollows.forget(follow.id)) removed++;
  }
  return { removed };
}

/**
 * A page of the followers under one of the block's index ranges: the next page (or range) is queued
 * first, then each follower whose actor's host the block covers is removed.
 */
async function forgetFollowersPage(deps: ForgettingDeps, job: ForgetHostJob) {
  const ranges = blockedHostPrefixes(job.host);
  const range = job.range ?? 0;
  const prefix = ranges[range];
  if (prefix === undefined) return { removed: 0 };
  const page = await deps.followers.pageOnHosts(prefix, { limit: pageSizeOf(deps), cursor: job.cursor });
  if (page.next) await deps.queue.enqueue({ ...job, range, cursor: page.next, attempt: 0 });
  else if (range + 1 < ranges.length) {
    await deps.queue.enqueue({ ...job, range: range + 1, cursor: undefined, attempt: 0 });
  }
  const covered = page.items.filter((follower) => {
    const host = URL.parse(follower.actorId)?.host;
    return host !== undefined && blockCovers(job.host, host);
  });
  for (const follower of covered) await deps.followers.remove(follower.syndicateId, follower.actorId);
  return { removed: covered.length };
}
