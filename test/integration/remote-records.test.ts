// A followed commons' records in DynamoDB Local: a record is kept only over an older one (the conditional
// put on `updated`), and the removal of a commons follow takes every record it brought (its kind's
// prefix, `broughtByKind`), past one page of them, while a syndicate follow's removal leaves records alone.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  createRemoteFollowRepository,
  createRemoteRecordRepository,
} from '#adapters/dynamodb/remote-follow-repository.ts';
import { remoteFollowId, type RemoteFollow } from '#domain/federation/remote-follow.ts';
import type { RemoteRecord } from '#domain/federation/remote-record.ts';
import { documentClient, freshTable } from '../support/dynamodb.ts';

let follows: ReturnType<typeof createRemoteFollowRepository>;
let records: ReturnType<typeof createRemoteRecordRepository>;

beforeEach(async () => {
  const { tableName } = await freshTable();
  follows = createRemoteFollowRepository(documentClient(), tableName);
  records = createRemoteRecordRepository(documentClient(), tableName);
});

const actorId = 'https://a.example/api/federation/actors/_instance';
const follow: RemoteFollow = {
  id: remoteFollowId(actorId),
  actorId,
  kind: 'commons',
  handle: 'acct:_instance@a.example',
  host: 'a.example',
  inbox: `${actorId}/inbox`,
  state: 'accepted',
  followActivityId: 'https://guildhall.test/api/federation/activities/1',
  requestedBy: 'steward',
  requestedAt: '2026-12-01T00:00:00.000Z',
};
const record = (n: number, updated: string, title = 'Two-person lift', followId = follow.id): RemoteRecord => ({
  objectId: `https://a.example/api/federation/records/r${n}`,
  followId,
  origin: 'a.example',
  title,
  summary: 'Lifting long walls.',
  trade: 'construction',
  skills: [{ id: 'stud-wall-framing', label: 'Timber stud wall framing' }],
  licence: 'CC-BY-4.0',
  inventors: ['Ana Ruiz'],
  adoptions: 0,
  url: `https://a.example/innovations/r${n}/`,
  published: '2026-12-01T00:00:00.000Z',
  updated,
  receivedAt: '2026-12-03T00:00:00.000Z',
});

describe('remote records in the table', () => {
  it('keep the newest: an older or equal `updated` changes nothing', async () => {
    expect(await records.putIfNewer(record(1, '2026-12-02T00:00:00.000Z', 'Second'))).toBe(true);
    expect(await records.putIfNewer(record(1, '2026-12-01T00:00:00.000Z', 'First'))).toBe(false);
    expect(await records.putIfNewer(record(1, '2026-12-02T00:00:00.000Z', 'Replay'))).toBe(false);
    expect((await records.get(follow.id, record(1, '').objectId))?.title).toBe('Second');
    expect(await records.remove(follow.id, record(1, '').objectId)).toBe(true);
    expect(await records.remove(follow.id, record(1, '').objectId)).toBe(false);
  });

  it('leave with their commons follow, however many there are', async () => {
    await follows.put(follow);
    for (let n = 0; n < 130; n++) await records.putIfNewer(record(n, '2026-12-02T00:00:00.000Z'));
    expect(await follows.remove(follow.id)).toBe(true);
    for (const n of [0, 64, 129]) expect(await records.get(follow.id, record(n, '').objectId)).toBeNull();
  });

  it('are not what a syndicate follow brought: its removal takes its openings’ prefix alone', async () => {
    const group = { ...follow, id: remoteFollowId(`${actorId}-group`), kind: 'syndicate' as const };
    await follows.put(group);
    await records.putIfNewer(record(1, '2026-12-02T00:00:00.000Z', 'Kept', group.id));
    expect(await follows.remove(group.id)).toBe(true);
    expect(await records.get(group.id, record(1, '').objectId)).not.toBeNull();
  });
});
