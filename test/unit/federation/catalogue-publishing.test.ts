// The catalogue's Documents at their ids, what a start announces to the commons' followers, and what a
// new follower's backfill is sent: over in-memory ports.
import { describe, expect, it } from 'vitest';
import type { AnnouncedCourse } from '#domain/federation/catalogue-objects.ts';
import {
  announceCatalogue,
  catalogueDigests,
  catalogueSourcePage,
  servedCourse,
  servedShortages,
  shortageSourcePage,
  snapshotJob,
} from '#domain/federation/catalogue-publishing.ts';
import type { OutboxJob } from '#domain/federation/outbox.ts';
import type { ShortageSnapshot } from '#domain/shortages/shortage-repository.ts';
import { commons } from '../../support/services.ts';
import { defined } from '../../support/defined.ts';

const origin = 'https://a.example';
const ids = {
  origin,
  courseOf: (slug: string) => `${origin}/api/federation/courses/${slug}`,
  shortagesOf: (day: string) => `${origin}/api/federation/shortages/${day}`,
  serviceActor: `${origin}/api/federation/actors/_instance`,
  serviceFollowers: `${origin}/api/federation/actors/_instance/followers`,
  activityBase: `${origin}/api/federation/activities`,
};
const course = defined([...commons.courses.values()][0], 'such entry in the commons');

function announcedStore(initial: AnnouncedCourse[] = []) {
  const kept = new Map(initial.map((a) => [a.slug, a]));
  return {
    kept,
    get: async (slug: string) => kept.get(slug) ?? null,
    list: async () => [...kept.values()],
    put: async (announced: AnnouncedCourse) => {
      kept.set(announced.slug, announced);
    },
  };
}
const clock = (iso: string) => () => new Date(iso);

describe('a course at its id', () => {
  it('is dated by the announce of its current version; before that, by the time it is asked', async () => {
    const digest = defined(catalogueDigests(commons, origin).get(course.id), 'digest');
    const announced = announcedStore([{ slug: course.id, digest, updated: '2026-12-01T00:00:00.000Z' }]);
    const deps = { commons, announcedCourses: announced, ids, now: clock('2026-12-07T10:00:00.000Z') };
    const served = await servedCourse(deps, course.id);
    expect(served).toMatchObject({
      status: 'found',
      document: { updated: '2026-12-01T00:00:00.000Z', name: course.title },
    });
    announced.kept.set(course.id, { slug: course.id, digest: 'an older version', updated: '2026-11-01T00:00:00.000Z' });
    expect(await servedCourse(deps, course.id)).toMatchObject({ document: { updated: '2026-12-07T10:00:00.000Z' } });
  });

  it('is a Tombstone once it left the catalogue after an announce, and nothing if never here', async () => {
    const announced = announcedStore([
      { slug: 'retired', digest: 'd', updated: '2026-12-01T00:00:00.000Z', deleted: true },
    ]);
    const deps = { commons, announcedCourses: announced, ids, now: clock('2026-12-07T10:00:00.000Z') };
    expect(await servedCourse(deps, 'retired')).toEqual({
      status: 'gone',
      tombstone: expect.objectContaining({ id: ids.courseOf('retired'), type: 'Tombstone', formerType: 'Document' }),
    });
    expect(await servedCourse(deps, 'never-here')).toEqual({ status: 'none' });
  });
});

describe('a shortage snapshot at its id', () => {
  const snapshots: ShortageSnapshot[] = [
    { day: '2026-12-05', skills: {}, trades: {}, members: 3, openPositions: 1 },
    { day: '2026-12-06', skills: {}, trades: {}, members: 4, openPositions: 2 },
  ];
  const shortages = {
    getSnapshot: async (day: string) => snapshots.find((s) => s.day === day) ?? null,
    latestSnapshot: async () => snapshots.at(-1) ?? null,
  };

  it('answers a day’s, the latest, and nothing for a day with none', async () => {
    const deps = { commons, shortages, ids };
    expect((await servedShortages(deps, '2026-12-05'))?.['guildhall:shortages']).toMatchObject({ members: 3 });
    expect((await servedShortages(deps, 'latest'))?.id).toBe(ids.shortagesOf('2026-12-06'));
    expect(await servedShortages(deps, '2026-12-01')).toBeNull();
  });

  it('names an ESCO row by its URI while search cannot give its label', async () => {
    const esco = 'http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000001';
    const one = { day: '2026-12-06', skills: { [esco]: { score: 1, demand: 1, supply: 0 } }, trades: {} };
    const deps = {
      commons,
      shortages: { getSnapshot: async () => one, latestSnapshot: async () => one },
      ids,
      escoLabels: async () => {
        throw new Error('search is down');
      },
    };
    const document = await servedShortages(deps, 'latest');
    expect(document?.['guildhall:shortages'].rows[0]?.skill).toEqual({ id: esco, esco, label: esco });
    const labelled = await servedShortages({ ...deps, escoLabels: async () => new Map([[esco, 'pruning']]) }, 'latest');
    expect(labelled?.['guildhall:shortages'].rows[0]?.skill.label).toBe('pruning');
  });

  it('is published to the commons’ followers as a Create from the Service, one id per day', () => {
    const document = {
      id: ids.shortagesOf('2026-12-06'),
      published: '2026-12-06T23:59:59Z',
      updated: '2026-12-06T23:59:59Z',
      'guildhall:shortages': { date: '2026-12-06' },
    } as never;
    const job = snapshotJob(document, ids);
    expect(job).toMatchObject({
      kind: 'commons',
      activity: { type: 'Create', actor: ids.serviceActor, cc: [ids.serviceFollowers], object: document },
    });
    expect(snapshotJob(document, ids).activity.id).toBe(job.activity.id);
  });
});

describe('announcing the catalogue on start', () => {
  it('sends a Create of every entry the first time, then nothing while nothing changed', async () => {
    const announced = announcedStore();
    const jobs: OutboxJob[] = [];
    const deps = {
      commons,
      announcedCourses: announced,
      outbox: { enqueue: async (job: OutboxJob) => void jobs.push(job) },
      ids,
      now: clock('2026-12-07T10:00:00.000Z'),
    };
    const total = commons.courses.size + commons.practices.size;
    expect(await announceCatalogue(deps)).toEqual({ Create: total, Update: 0, Delete: 0 });
    expect(jobs).toHaveLength(total);
    expect(jobs[0]).toMatchObject({
      kind: 'commons',
      activity: {
        type: 'Create',
        actor: ids.serviceActor,
        object: { type: 'Document', updated: '2026-12-07T10:00:00.000Z' },
      },
    });
    expect(announced.kept.size).toBe(total);
    expect(await announceCatalogue(deps)).toEqual({ Create: 0, Update: 0, Delete: 0 });
    expect(jobs).toHaveLength(total);
  });

  it('sends an Update of a changed course, dated now, and a Delete of one that left', async () => {
    const announced = announcedStore();
    const jobs: OutboxJob[] = [];
    const outbox = { enqueue: async (job: OutboxJob) => void jobs.push(job) };
    await announceCatalogue({ commons, announcedCourses: announced, outbox, ids, now: clock('2026-12-01T00:00:00Z') });
    jobs.length = 0;
    const courses = new Map(commons.courses);
    courses.set(course.id, { ...course, title: 'A new title' });
    const gone = defined([...commons.practices.keys()][0], 'such entry in the commons');
    const practices = new Map(commons.practices);
    practices.delete(gone);
    const changed = { ...commons, courses, practices };
    const now = clock('2026-12-07T10:00:00.000Z');
    expect(await announceCatalogue({ commons: changed, announcedCourses: announced, outbox, ids, now })).toEqual({
      Create: 0,
      Update: 1,
      Delete: 1,
    });
    expect(jobs.map((j) => j.kind === 'commons' && j.activity)).toEqual([
      expect.objectContaining({ type: 'Update', object: expect.objectContaining({ name: 'A new title' }) }),
      expect.objectContaining({ type: 'Delete', object: ids.courseOf(gone) }),
    ]);
    const served = await servedCourse({ commons: changed, announcedCourses: announced, ids, now }, course.id);
    expect(served).toMatchObject({ document: { updated: '2026-12-07T10:00:00.000Z', name: 'A new title' } });
    expect((await servedCourse({ commons: changed, announcedCourses: announced, ids, now }, gone)).status).toBe('gone');
  });
});

describe('a new follower’s backfill', () => {
  it('pages through every course and guide once, then the latest snapshot alone', async () => {
    const deps = { commons, announcedCourses: announcedStore(), ids, now: clock('2026-12-07T10:00:00.000Z') };
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await catalogueSourcePage(deps, { limit: 25, cursor });
      expect(page.items.length).toBeLessThanOrEqual(25);
      seen.push(...page.items.map((d) => d.id));
      cursor = page.next;
    } while (cursor);
    expect(seen).toHaveLength(commons.courses.size + commons.practices.size);
    expect(new Set(seen).size).toBe(seen.length);
    const one = { day: '2026-12-06', skills: {}, trades: {} };
    const shortages = { getSnapshot: async () => one, latestSnapshot: async () => one };
    expect((await shortageSourcePage({ commons, shortages, ids }, { limit: 25 })).items).toHaveLength(1);
    expect((await shortageSourcePage({ commons, shortages, ids }, { limit: 25, cursor: 'x' })).items).toHaveLength(0);
  });
});
