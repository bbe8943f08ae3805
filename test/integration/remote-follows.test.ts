// The remote follows and their openings in DynamoDB Local: an opening is kept only over an older one
// (the conditional put on `updated`, so a replay or a late Update never wins), and a follow's removal
// takes every opening it brought, past one page of them.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  createRemoteFollowRepository,
  createRemoteOpeningRepository,
} from '#adapters/dynamodb/remote-follow-repository.ts';
import { remoteFollowId, type RemoteFollow } from '#domain/federation/remote-follow.ts';
import type { RemoteOpening } from '#domain/federation/remote-opening.ts';
import { documentClient, freshTable } from '../support/dynamodb.ts';

let follows: ReturnType<typeof createRemoteFollowRepository>;
let openings: ReturnType<typeof createRemoteOpeningRepository>;

beforeEach(async () => {
  const { tableName } = await freshTable();
  follows = createRemoteFollowRepository(documentClient(), tableName);
  openings = createRemoteOpeningRepository(documentClient(), tableName);
});

const actorId = 'https://a.example/api/federation/actors/river';
const follow: RemoteFollow = {
  id: remoteFollowId(actorId),
  actorId,
  handle: 'acct:river@a.example',
  host: 'a.example',
  inbox: `${actorId}/inbox`,
  state: 'accepted',
  followActivityId: 'https://guildhall.test/api/federation/activities/1',
  requestedBy: 'steward',
  requestedAt: '2026-12-01T00:00:00.000Z',
};
const opening = (n: number, updated: string, title = 'Roofer'): RemoteOpening => ({
  noteId: `https://a.example/ap/openings/o${n}`,
  followId: follow.id,
  origin: 'a.example',
  groupId: actorId,
  syndicateName: 'River',
  title,
  summary: 'Roofs.',
  place: 'Valencia, ES',
  remote: false,
  payText: null,
  skills: [],
  kind: 'job',
  url: `https://a.example/jobs/o${n}/`,
  validThrough: null,
  published: '2026-12-01T00:00:00.000Z',
  updated,
  receivedAt: '2026-12-03T00:00:00.000Z',
});

describe('remote openings in the table', () => {
  it('keep the newest: an older or equal `updated` changes nothing', async () => {
    expect(await openings.putIfNewer(opening(1, '2026-12-02T00:00:00.000Z', 'Second'))).toBe(true);
    expect(await openings.putIfNewer(opening(1, '2026-12-01T00:00:00.000Z', 'First'))).toBe(false);
    expect(await openings.putIfNewer(opening(1, '2026-12-02T00:00:00.000Z', 'Replay'))).toBe(false);
    expect((await openings.get(follow.id, opening(1, '').noteId))?.title).toBe('Second');
    expect(await openings.putIfNewer(opening(1, '2026-12-03T00:00:00.000Z', 'Third'))).toBe(true);
    expect((await openings.get(follow.id, opening(1, '').noteId))?.title).toBe('Third');
    expect(await openings.remove(follow.id, opening(1, '').noteId)).toBe(true);
    expect(await openings.remove(follow.id, opening(1, '').noteId)).toBe(false);
  });

  it('leave with their follow, however many there are', async () => {
    await follows.put(follow);
    for (let n = 0; n < 130; n++) await openings.putIfNewer(opening(n, '2026-12-02T00:00:00.000Z'));
    expect((await follows.page({ limit: 10 })).items.map((f) => f.actorId)).toEqual([actorId]);
    expect(await follows.remove(follow.id)).toBe(true);
    expect(await follows.get(follow.id)).toBeNull();
    for (const n of [0, 64, 129]) expect(await openings.get(follow.id, opening(n, '').noteId)).toBeNull();
    expect(await follows.remove(follow.id)).toBe(false);
  });
});
