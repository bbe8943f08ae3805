// The commons' outbox jobs (issue 20): a built commons activity fans out to the Service actor's followers
// (the commons' followers) through the same pages as a syndicate's; a new commons follower's backfill
// sends each object of the registered sources as a Create to its inbox, 25 a job, the next page (and
// then the next source) its own job; with no source registered it sends and queues nothing. Activity ids
// are derived from the object, its `updated` and the type, so a repeat is recognised.
import { describe, expect, it } from 'vitest';
import {
  type CommonsIds,
  type CommonsObject,
  commonsActivity,
  commonsActivityId,
} from '#domain/federation/commons-objects.ts';
import type { DeliveryJob } from '#domain/federation/delivery.ts';
import {
  type BackfillSource,
  type BackfillSources,
  type OutboxDeps,
  type OutboxJob,
  outboxJobSchema,
  runOutboxJob,
} from '#domain/federation/outbox.ts';
import { memoryFollowers } from '../../support/federation-world.ts';

const origin = 'https://a.example';
const ids: CommonsIds = {
  actor: `${origin}/api/federation/actors/_instance`,
  followers: `${origin}/api/federation/actors/_instance/followers`,
  activityBase: `${origin}/api/federation/activities`,
};

const course = (n: number): CommonsObject => ({
  id: `${origin}/api/federation/courses/course-${String(n).padStart(3, '0')}`,
  type: 'Document',
  'guildhall:type': 'course',
  name: `Course ${n}`,
  updated: '2026-11-01T00:00:00.000Z',
});

/** A source of `count` objects paged by index, as a table or the catalogue would page them. */
function source(objects: CommonsObject[]): BackfillSource & { reads: number } {
  const reader = {
    reads: 0,
    async page(request: { limit: number; cursor?: string | undefined }) {
      reader.reads += 1;
      const from = request.cursor ? Number(request.cursor) : 0;
      const items = objects.slice(from, from + request.limit);
      const next = from + request.limit < objects.length ? String(from + request.limit) : undefined;
      return { items, ...(next ? { next } : {}) };
    },
  };
  return reader;
}

function outboxWorld(options: { sources?: BackfillSources; blockedHost?: string; followers?: number } = {}) {
  const followers = memoryFollowers();
  for (let n = 0; n < (options.followers ?? 0); n++) {
    void followers.save({
      syndicateId: '_instance',
      actorId: `https://b${n}.example/api/federation/actors/_instance`,
      inbox: `https://b${n}.example/api/federation/actors/_instance/inbox`,
      followId: `f${n}`,
      followedAt: '2026-11-01T00:00:00.000Z',
    });
  }
  void followers.save({
    syndicateId: 'a-syndicate',
    actorId: 'https://elsewhere.example/users/x',
    inbox: 'https://elsewhere.example/users/x/inbox',
    followId: 'fx',
    followedAt: '2026-11-01T00:00:00.000Z',
  });
  const delivered: DeliveryJob[] = [];
  const queued: OutboxJob[] = [];
  const deps: OutboxDeps = {
    followers,
    blocked: async (inbox) => options.blockedHost !== undefined && new URL(inbox).host === options.blockedHost,
    deliveries: { enqueue: async (job) => void delivered.push(job) },
    outbox: { enqueue: async (job) => void queued.push(job) },
    activityFor: async () => null,
    backfillSources: options.sources,
    commonsIds: ids,
  };
  /** Runs a job and every job it queues, as the queue would; how many ran. */
  const drain = async (job: OutboxJob) => {
    let runs = 0;
    queued.push(job);
    for (let next = queued.shift(); next; next = queued.shift()) {
      runs += 1;
      await runOutboxJob(deps, next);
    }
    return runs;
  };
  return { deps, delivered, queued, drain };
}

const inbox = 'https://b.example/api/federation/actors/_instance/inbox';

describe('a commons activity fanned out', () => {
  it('reaches the Service actor’s followers, signed by it, and no syndicate’s follower', async () => {
    const { delivered, drain } = outboxWorld({ followers: 150 });
    const activity = commonsActivity('Create', course(1), ids);
    const runs = await drain({ kind: 'commons', activity, attempt: 0 });
    expect(runs).toBe(2);
    expect(delivered).toHaveLength(150);
    expect(delivered.every((job) => job.signer === '_instance' && job.activity.id === activity.id)).toBe(true);
    expect(delivered.some((job) => job.inbox.includes('elsewhere'))).toBe(false);
  });
});

describe('a new commons follower’s backfill', () => {
  it('sends every object of each source as a Create to its inbox, 25 a job, sources one after another', async () => {
    const courses = source(Array.from({ length: 60 }, (_, n) => course(n)));
    const snapshot: CommonsObject = {
      id: `${origin}/api/federation/shortages/2026-12-06`,
      type: 'Document',
      'guildhall:type': 'shortages',
      updated: '2026-12-06T00:15:00.000Z',
    };
    const shortages = source([snapshot]);
    const { delivered, drain } = outboxWorld({ sources: { course: courses, shortages } });
    const runs = await drain({ kind: 'backfill', inbox, attempt: 0 });
    expect(runs).toBe(4);
    expect(courses.reads).toBe(3);
    expect(shortages.reads).toBe(1);
    expect(delivered).toHaveLength(61);
    expect(delivered.every((job) => job.inbox === inbox && job.signer === '_instance')).toBe(true);
    expect(delivered.every((job) => job.activity.type === 'Create' && job.activity.actor === ids.actor)).toBe(true);
    expect(new Set(delivered.map((job) => (job.activity.object as CommonsObject).id)).size).toBe(61);
    expect(delivered.at(-1)?.activity.object).toEqual(snapshot);
  });

  it('queues the next page before it sends, each job at most 25', async () => {
    const courses = source(Array.from({ length: 30 }, (_, n) => course(n)));
    const { delivered, queued, deps } = outboxWorld({ sources: { course: courses } });
    const first = await runOutboxJob(deps, { kind: 'backfill', inbox, attempt: 0 });
    expect(first.queued).toBe(25);
    expect(delivered).toHaveLength(25);
    expect(queued).toEqual([{ kind: 'backfill', inbox, source: 'course', cursor: '25', attempt: 0 }]);
  });

  it('with no source registered, sends and queues nothing', async () => {
    const { delivered, drain } = outboxWorld();
    expect(await drain({ kind: 'backfill', inbox, attempt: 0 })).toBe(1);
    expect(delivered).toEqual([]);
  });

  it('sends a follower on a blocked instance nothing', async () => {
    const courses = source([course(1)]);
    const { delivered, drain } = outboxWorld({ sources: { course: courses }, blockedHost: 'b.example' });
    await drain({ kind: 'backfill', inbox, attempt: 0 });
    expect(delivered).toEqual([]);
    expect(courses.reads).toBe(0);
  });
});

describe('commons activities and their jobs', () => {
  it('are public from the Service actor, cc its followers; a Delete names the id alone', () => {
    const create = commonsActivity('Create', course(1), ids);
    expect(create).toMatchObject({
      type: 'Create',
      actor: ids.actor,
      to: ['https://www.w3.org/ns/activitystreams#Public'],
      cc: [ids.followers],
      object: course(1),
    });
    const deletion = commonsActivity('Delete', { id: course(1).id, updated: '2026-12-01T00:00:00.000Z' }, ids);
    expect(deletion.object).toBe(course(1).id);
  });

  it('derive the same id for the same change, another for another change or type', () => {
    const object = course(1);
    const id = commonsActivityId(ids, 'Create', object);
    expect(id).toMatch(/^https:\/\/a\.example\/api\/federation\/activities\/[0-9a-f-]{36}$/);
    expect(commonsActivityId(ids, 'Create', { ...object })).toBe(id);
    expect(commonsActivityId(ids, 'Update', object)).not.toBe(id);
    expect(commonsActivityId(ids, 'Create', { ...object, updated: '2026-11-02T00:00:00.000Z' })).not.toBe(id);
    expect(commonsActivityId(ids, 'Create', course(2))).not.toBe(id);
  });

  it('read back from the queue as they were sent, and a backfill of an unknown source is refused', () => {
    const backfill = { kind: 'backfill', inbox, source: 'course', cursor: '25', attempt: 0 };
    expect(outboxJobSchema().parse(backfill)).toEqual(backfill);
    const commons = { kind: 'commons', activity: commonsActivity('Create', course(1), ids), attempt: 0 };
    expect(outboxJobSchema().parse(commons)).toEqual(commons);
    expect(outboxJobSchema().safeParse({ ...backfill, source: 'openings' }).success).toBe(false);
    expect(outboxJobSchema().safeParse({ ...backfill, inbox: '' }).success).toBe(false);
  });
});
