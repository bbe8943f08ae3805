// The catalogue's federation in DynamoDB Local: a course, guide or day's snapshot answers at its id as the
// Document its followers re-fetch; what is announced dates it; a followed commons' courses and newest
// snapshot are kept only over older ones, paged for the pages, and leave with the follow.
import { beforeEach, describe, expect, it } from 'vitest';
import { createAnnouncedCourseRepository } from '#adapters/dynamodb/announced-course-repository.ts';
import {
  createRemoteCourseRepository,
  createRemoteShortageRepository,
} from '#adapters/dynamodb/remote-catalogue-repository.ts';
import { createRemoteFollowRepository } from '#adapters/dynamodb/remote-follow-repository.ts';
import { catalogueDigests } from '#domain/federation/catalogue-publishing.ts';
import type { RemoteCourse, RemoteShortageSnapshot } from '#domain/federation/remote-catalogue.ts';
import { remoteFollowId } from '#domain/federation/remote-follow.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { documentClient, freshTable } from '../support/dynamodb.ts';
import { commons, testConfig } from '../support/services.ts';
import { defined } from '../support/defined.ts';

const activity = { accept: 'application/activity+json' };

describe('the catalogue’s Documents at their ids', () => {
  it('answers a course dated by its announce, a guide, a Tombstone for one gone, and 404 for none', async () => {
    const { services, call } = await apiOnFreshTable();
    const announced = createAnnouncedCourseRepository(services.storeClient, services.config.TABLE_NAME);
    const course = defined([...commons.courses.values()][0], 'such entry in the commons');
    const digest = defined(catalogueDigests(commons, testConfig.PUBLIC_URL).get(course.id), 'digest');
    await announced.put({ slug: course.id, digest, updated: '2026-12-01T00:00:00.000Z' });
    await announced.put({ slug: 'retired-course', digest: 'd', updated: '2026-12-02T00:00:00.000Z', deleted: true });

    const answer = await call('GET', `/api/federation/courses/${course.id}`, null, undefined, activity);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/application\/activity\+json/);
    const document = body(answer);
    expect(document).toMatchObject({
      id: `${testConfig.PUBLIC_URL}/api/federation/courses/${course.id}`,
      type: 'Document',
      updated: '2026-12-01T00:00:00.000Z',
      'guildhall:type': 'course',
      'guildhall:course': { title: course.title, kind: 'course' },
    });
    const guide = defined([...commons.practices.values()][0], 'such entry in the commons');
    const guideAnswer = await call('GET', `/api/federation/courses/${guide.id}`, null, undefined, activity);
    expect(body(guideAnswer)['guildhall:course']).toMatchObject({ kind: 'guide', title: guide.title });
    const gone = await call('GET', '/api/federation/courses/retired-course', null, undefined, activity);
    expect(gone.status).toBe(410);
    expect(body(gone)).toMatchObject({ type: 'Tombstone' });
    expect((await call('GET', '/api/federation/courses/never-here', null)).status).toBe(404);
    expect((await call('GET', '/api/federation/courses/Not%20A%20Slug', null)).status).toBe(400);
  });

  it('answers a day’s snapshot and the latest, 404 for a day with none, 400 for what is not a day', async () => {
    const { services, call } = await apiOnFreshTable();
    const skill = defined([...commons.skills.keys()][0], 'such entry in the commons');
    await services.shortages.putSnapshot({
      day: '2026-12-05',
      skills: { [skill]: { score: 1, demand: 1, supply: 0 } },
      trades: {},
      members: 6,
      openPositions: 1,
    });
    await services.shortages.putSnapshot({ day: '2026-12-06', skills: {}, trades: {}, members: 7, openPositions: 2 });
    const day = body(await call('GET', '/api/federation/shortages/2026-12-05', null));
    expect(day['guildhall:shortages']).toMatchObject({ date: '2026-12-05', members: 6, openPositions: 1 });
    expect(day['guildhall:shortages'].rows).toEqual([
      { skill: expect.objectContaining({ id: skill }), demand: 1, supply: 0, score: 1 },
    ]);
    const latest = body(await call('GET', '/api/federation/shortages/latest', null));
    expect(latest.id).toBe(`${testConfig.PUBLIC_URL}/api/federation/shortages/2026-12-06`);
    expect((await call('GET', '/api/federation/shortages/2026-11-01', null)).status).toBe(404);
    expect((await call('GET', '/api/federation/shortages/yesterday', null)).status).toBe(400);
  });
});

describe('a followed commons’ courses and snapshot in the table', () => {
  let tableName: string;
  beforeEach(async () => {
    ({ tableName } = await freshTable());
  });
  const actorId = 'https://a.example/api/federation/actors/_instance';
  const followId = remoteFollowId(actorId);
  const course = (n: number, updated: string, title = 'Timber', id = followId): RemoteCourse => ({
    objectId: `https://a.example/api/federation/courses/c${n}`,
    followId: id,
    origin: 'a.example',
    kind: 'course',
    title,
    summary: 'Frames.',
    trade: 'construction',
    skills: [],
    licence: 'CC-BY-SA-4.0',
    languages: ['en'],
    hours: 4,
    url: `https://a.example/learn/c${n}/`,
    updated,
    receivedAt: '2026-12-07T00:00:00.000Z',
  });
  const snapshot = (date: string, id = followId): RemoteShortageSnapshot => ({
    objectId: `https://a.example/api/federation/shortages/${date}`,
    followId: id,
    origin: 'a.example',
    date,
    members: 3,
    openPositions: 1,
    rows: [],
    receivedAt: '2026-12-07T00:00:00.000Z',
  });

  it('keep a course over an older one only, and page through every followed commons’ courses', async () => {
    const courses = createRemoteCourseRepository(documentClient(), tableName);
    expect(await courses.putIfNewer(course(1, '2026-12-02T00:00:00.000Z', 'Second'))).toBe(true);
    expect(await courses.putIfNewer(course(1, '2026-12-01T00:00:00.000Z', 'First'))).toBe(false);
    expect(await courses.putIfNewer(course(1, '2026-12-02T00:00:00.000Z', 'Replay'))).toBe(false);
    for (let n = 2; n <= 5; n += 1) await courses.putIfNewer(course(n, '2026-12-01T00:00:00.000Z'));
    await courses.putIfNewer(course(1, '2026-12-01T00:00:00.000Z', 'Other commons', 'other-follow'));
    const first = await courses.page({ limit: 4 });
    expect(first.items).toHaveLength(4);
    const second = await courses.page({ limit: 4, cursor: first.next });
    expect([...first.items, ...second.items].map((c) => c.title).sort()).toEqual([
      'Other commons',
      'Second',
      'Timber',
      'Timber',
      'Timber',
      'Timber',
    ]);
    expect(second.next).toBeUndefined();
    expect(await courses.remove(followId, course(1, '').objectId)).toBe(true);
    expect(await courses.remove(followId, course(1, '').objectId)).toBe(false);
  });

  it('keep the newest day’s snapshot per follow', async () => {
    const snapshots = createRemoteShortageRepository(documentClient(), tableName);
    expect(await snapshots.putIfNewer(snapshot('2026-12-06'))).toBe(true);
    expect(await snapshots.putIfNewer(snapshot('2026-12-05'))).toBe(false);
    expect(await snapshots.putIfNewer(snapshot('2026-12-06'))).toBe(false);
    expect(await snapshots.putIfNewer(snapshot('2026-12-07'))).toBe(true);
    await snapshots.putIfNewer(snapshot('2026-12-01', 'other-follow'));
    const page = await snapshots.page({ limit: 10 });
    expect(page.items.map((s) => [s.followId, s.date]).sort()).toEqual(
      [
        [followId, '2026-12-07'],
        ['other-follow', '2026-12-01'],
      ].sort(),
    );
  });

  it('leave with their follow, past one page of courses, and no other follow’s', async () => {
    const follows = createRemoteFollowRepository(documentClient(), tableName);
    const courses = createRemoteCourseRepository(documentClient(), tableName);
    const snapshots = createRemoteShortageRepository(documentClient(), tableName);
    await follows.put({
      id: followId,
      actorId,
      handle: 'acct:_instance@a.example',
      kind: 'commons',
      host: 'a.example',
      inbox: `${actorId}/inbox`,
      state: 'accepted',
      followActivityId: 'https://guildhall.test/api/federation/activities/1',
      requestedBy: 'steward',
      requestedAt: '2026-12-01T00:00:00.000Z',
    });
    for (let n = 1; n <= 120; n += 1) await courses.putIfNewer(course(n, '2026-12-01T00:00:00.000Z'));
    await courses.putIfNewer(course(1, '2026-12-01T00:00:00.000Z', 'Kept', 'other-follow'));
    await snapshots.putIfNewer(snapshot('2026-12-06'));
    await snapshots.putIfNewer(snapshot('2026-12-06', 'other-follow'));
    expect(await follows.remove(followId)).toBe(true);
    expect((await courses.page({ limit: 100 })).items.map((c) => c.title)).toEqual(['Kept']);
    expect((await snapshots.page({ limit: 10 })).items.map((s) => s.followId)).toEqual(['other-follow']);
  });
});
