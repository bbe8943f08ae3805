// What is kept of a followed commons' course or shortage snapshot: read with a bounded schema, plain text
// only, the id on the followed Service's host, and kept only when newer.
import { describe, expect, it } from 'vitest';
import {
  type RemoteCourse,
  type RemoteShortageSnapshot,
  receiveCourse,
  receiveShortages,
  remoteCourseOf,
  remoteShortageSnapshotOf,
  removeCourse,
} from '#domain/federation/remote-catalogue.ts';
import { pagedFrom } from '../../support/memory-pages.ts';

const follow = { id: 'f1', actorId: 'https://a.example/api/federation/actors/_instance', host: 'a.example' };
const at = new Date('2026-12-07T00:00:00Z');
const esco = 'http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000001';
const courseDoc = (overrides: Record<string, unknown> = {}, course: Record<string, unknown> = {}) => ({
  id: 'https://a.example/api/federation/courses/timber',
  type: 'Document',
  url: 'https://a.example/learn/timber/',
  updated: '2026-12-01T00:00:00.000Z',
  'guildhall:type': 'course',
  ...overrides,
  'guildhall:course': {
    kind: 'course',
    title: 'Timber framing',
    summary: '<p>Frames &amp; joints</p>',
    trade: 'construction',
    skills: [{ id: 'timber-framing', esco, label: 'Timber framing' }],
    licence: 'CC-BY-SA-4.0',
    languages: ['en', 'es'],
    hours: 12,
    ...course,
  },
});
const shortagesDoc = (overrides: Record<string, unknown> = {}, shortages: Record<string, unknown> = {}) => ({
  id: 'https://a.example/api/federation/shortages/2026-12-06',
  type: 'Document',
  'guildhall:type': 'shortages',
  ...overrides,
  'guildhall:shortages': {
    date: '2026-12-06',
    instance: 'a.example',
    members: 12,
    openPositions: 4,
    rows: [{ skill: { id: 'timber-framing', label: '<b>Timber</b>' }, demand: 2, supply: 0.5, score: 1.333 }],
    ...shortages,
  },
});

describe('a followed commons’ course', () => {
  it('is read as plain text, with its skills, languages and origin', () => {
    expect(remoteCourseOf(courseDoc(), follow, at)).toEqual({
      objectId: 'https://a.example/api/federation/courses/timber',
      followId: 'f1',
      origin: 'a.example',
      kind: 'course',
      title: 'Timber framing',
      summary: 'Frames & joints',
      trade: 'construction',
      skills: [{ id: 'timber-framing', esco, label: 'Timber framing' }],
      licence: 'CC-BY-SA-4.0',
      languages: ['en', 'es'],
      hours: 12,
      url: 'https://a.example/learn/timber/',
      updated: '2026-12-01T00:00:00.000Z',
      receivedAt: at.toISOString(),
    });
  });

  it('links only to its origin: a link elsewhere becomes the object’s own id', () => {
    expect(remoteCourseOf(courseDoc({ url: 'https://evil.example/x' }), follow, at)?.url).toBe(
      'https://a.example/api/federation/courses/timber',
    );
  });

  it('refuses an object on another host, of another type, or past its bounds', () => {
    expect(remoteCourseOf(courseDoc({ id: 'https://b.example/api/federation/courses/timber' }), follow, at)).toBeNull();
    expect(remoteCourseOf(courseDoc({ 'guildhall:type': 'record' }), follow, at)).toBeNull();
    expect(remoteCourseOf(courseDoc({ type: 'Note' }), follow, at)).toBeNull();
    expect(remoteCourseOf(courseDoc({}, { title: 'x'.repeat(201) }), follow, at)).toBeNull();
    expect(remoteCourseOf(courseDoc({}, { summary: 'x'.repeat(2001) }), follow, at)).toBeNull();
    const skills = Array.from({ length: 51 }, (_, i) => ({ id: `s${i}`, label: 'S' }));
    expect(remoteCourseOf(courseDoc({}, { skills }), follow, at)).toBeNull();
    expect(remoteCourseOf(courseDoc({}, { skills: [{ id: 'Not An Id', label: 'S' }] }), follow, at)).toBeNull();
    expect(remoteCourseOf(courseDoc({ updated: 'yesterday' }), follow, at)).toBeNull();
    expect(remoteCourseOf(courseDoc({}, { languages: ['<script>'] }), follow, at)).toBeNull();
  });

  it('is kept when newer, and a replay or an older one changes nothing; a Delete removes it', async () => {
    const kept = new Map<string, RemoteCourse>();
    const remoteCourses = {
      async putIfNewer(course: RemoteCourse) {
        const key = `${course.followId} ${course.objectId}`;
        const old = kept.get(key);
        if (old && old.updated >= course.updated) return false;
        kept.set(key, course);
        return true;
      },
      async remove(followId: string, objectId: string) {
        return kept.delete(`${followId} ${objectId}`);
      },
      page: pagedFrom(() => [...kept.values()]),
    };
    const deps = { remoteCourses, now: () => at };
    expect(await receiveCourse(deps, follow, courseDoc())).toBe('kept');
    expect(await receiveCourse(deps, follow, courseDoc())).toBe('unchanged');
    expect(await receiveCourse(deps, follow, courseDoc({ updated: '2026-11-01T00:00:00Z' }))).toBe('unchanged');
    expect(await receiveCourse(deps, follow, courseDoc({ updated: '2026-12-05T00:00:00Z' }, { title: 'New' }))).toBe(
      'kept',
    );
    expect([...kept.values()].map((c) => c.title)).toEqual(['New']);
    expect(await receiveCourse(deps, follow, { type: 'Document' })).toBe('ignored');
    expect(await removeCourse(deps, follow, 'https://a.example/api/federation/courses/timber')).toBe(true);
    expect(kept.size).toBe(0);
  });
});

describe('a followed commons’ shortage snapshot', () => {
  it('is read with its figures and rows, labels as plain text, the follow’s host as its origin', () => {
    expect(remoteShortageSnapshotOf(shortagesDoc({}, { instance: 'elsewhere.example' }), follow, at)).toEqual({
      objectId: 'https://a.example/api/federation/shortages/2026-12-06',
      followId: 'f1',
      origin: 'a.example',
      date: '2026-12-06',
      members: 12,
      openPositions: 4,
      rows: [{ skill: { id: 'timber-framing', label: 'Timber' }, demand: 2, supply: 0.5, score: 1.333 }],
      receivedAt: at.toISOString(),
    });
  });

  it('refuses more than 100 rows, a negative figure, a day that is not one, or another host', () => {
    const row = { skill: { id: 'a', label: 'A' }, demand: 1, supply: 0, score: 1 };
    expect(remoteShortageSnapshotOf(shortagesDoc({}, { rows: Array(101).fill(row) }), follow, at)).toBeNull();
    expect(remoteShortageSnapshotOf(shortagesDoc({}, { members: -1 }), follow, at)).toBeNull();
    expect(remoteShortageSnapshotOf(shortagesDoc({}, { date: '2026-13-40' }), follow, at)).toBeNull();
    expect(
      remoteShortageSnapshotOf(
        shortagesDoc({ id: 'https://b.example/api/federation/shortages/2026-12-06' }),
        follow,
        at,
      ),
    ).toBeNull();
  });

  it('keeps the newest day only', async () => {
    let kept: RemoteShortageSnapshot | undefined;
    const remoteShortages = {
      async putIfNewer(snapshot: RemoteShortageSnapshot) {
        if (kept && kept.date >= snapshot.date) return false;
        kept = snapshot;
        return true;
      },
      page: pagedFrom(() => (kept ? [kept] : [])),
    };
    const deps = { remoteShortages, now: () => at };
    expect(await receiveShortages(deps, follow, shortagesDoc())).toBe('kept');
    expect(await receiveShortages(deps, follow, shortagesDoc({}, { date: '2026-12-05' }))).toBe('unchanged');
    expect(await receiveShortages(deps, follow, courseDoc())).toBe('ignored');
    expect(kept?.date).toBe('2026-12-06');
  });
});
