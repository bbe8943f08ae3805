// What an unfollow or a block removes, against DynamoDB Local, a page at a time: a follow's remote
// openings removed `limit` at a time with whether any are left, the follow forgotten alone, and every
// syndicate's followers found by their instance's host on gsi1 (never a scan), exactly those a block
// covers, through the jobs the outbox runs.
import { describe, expect, it } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import { backfillFollowerHosts } from '#adapters/dynamodb/follower-hosts-backfill.ts';
import { createFollowerRepository } from '#adapters/dynamodb/follower-repository.ts';
import { followerKeys } from '#adapters/dynamodb/keys.ts';
import {
  createRemoteFollowRepository,
  createRemoteOpeningRepository,
  createRemoteRecordRepository,
} from '#adapters/dynamodb/remote-follow-repository.ts';
import type { Follower } from '#domain/federation/follower.ts';
import { type ForgetJob, runForgetJob } from '#domain/federation/forgetting.ts';
import { remoteFollowId, type RemoteFollow } from '#domain/federation/remote-follow.ts';
import type { RemoteOpening } from '#domain/federation/remote-opening.ts';
import { documentClient, freshTable } from '../support/dynamodb.ts';

async function stores() {
  const { tableName } = await freshTable();
  return {
    tableName,
    follows: createRemoteFollowRepository(documentClient(), tableName),
    openings: createRemoteOpeningRepository(documentClient(), tableName),
    records: createRemoteRecordRepository(documentClient(), tableName),
    followers: createFollowerRepository(documentClient(), tableName),
  };
}

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
const opening = (n: number): RemoteOpening => ({
  noteId: `https://a.example/ap/openings/o${n}`,
  followId: follow.id,
  origin: 'a.example',
  groupId: actorId,
  syndicateName: 'River',
  title: 'Roofer',
  summary: 'Roofs.',
  place: 'Valencia, ES',
  remote: false,
  payText: null,
  skills: [],
  kind: 'job',
  url: `https://a.example/jobs/o${n}/`,
  validThrough: null,
  published: '2026-12-01T00:00:00.000Z',
  updated: '2026-12-02T00:00:00.000Z',
  receivedAt: '2026-12-03T00:00:00.000Z',
});

describe('a follow’s openings in the table', () => {
  it('are removed a page at a time, saying whether any are left, and the follow is forgotten alone', async () => {
    const { follows, openings } = await stores();
    await follows.put(follow);
    for (let n = 0; n < 5; n++) await openings.putIfNewer(opening(n));
    expect(await follows.removeBrought(follow.id, 2)).toEqual({ removed: 2, more: true });
    expect(await follows.removeBrought(follow.id, 2)).toEqual({ removed: 2, more: true });
    expect(await follows.removeBrought(follow.id, 2)).toEqual({ removed: 1, more: false });
    expect(await follows.removeBrought(follow.id, 2)).toEqual({ removed: 0, more: false });
    for (let n = 0; n < 5; n++) expect(await openings.get(follow.id, opening(n).noteId)).toBeNull();
    // A page that holds exactly the rest says none are left.
    for (let n = 0; n < 2; n++) await openings.putIfNewer(opening(n));
    expect(await follows.removeBrought(follow.id, 2)).toEqual({ removed: 2, more: false });
    await openings.putIfNewer(opening(9));
    expect(await follows.forget(follow.id)).toBe(true);
    expect(await follows.get(follow.id)).toBeNull();
    expect(await openings.get(follow.id, opening(9).noteId)).not.toBeNull();
    expect(await follows.forget(follow.id)).toBe(false);
  });

  it('include what a commons brought (its records), a page across every kind at a time, after the follow is forgotten', async () => {
    const { follows, openings, records } = await stores();
    await follows.put({ ...follow, kind: 'commons' });
    await openings.putIfNewer(opening(0));
    for (let n = 0; n < 3; n++) {
      await records.putIfNewer({
        objectId: `https://a.example/api/federation/records/r${n}`,
        followId: follow.id,
        origin: 'a.example',
        title: 'A safer ladder foot',
        summary: 'Ladders slip.',
        trade: null,
        skills: [],
        licence: 'CC-BY-SA-4.0',
        inventors: ['Ada'],
        adoptions: 0,
        url: `https://a.example/innovations/r${n}/`,
        published: '2026-12-01T00:00:00.000Z',
        updated: '2026-12-02T00:00:00.000Z',
        receivedAt: '2026-12-03T00:00:00.000Z',
      });
    }
    // The unfollow forgets the follow first of all later pages: they must not need its kind.
    expect(await follows.forget(follow.id)).toBe(true);
    expect(await follows.removeBrought(follow.id, 2)).toEqual({ removed: 2, more: true });
    // A page that ends exactly on the last item says none are left.
    expect(await follows.removeBrought(follow.id, 2)).toEqual({ removed: 2, more: false });
    expect(await follows.removeBrought(follow.id, 2)).toEqual({ removed: 0, more: false });
    for (let n = 0; n < 3; n++) {
      expect(await records.get(follow.id, `https://a.example/api/federation/records/r${n}`)).toBeNull();
    }
    expect(await openings.get(follow.id, opening(0).noteId)).toBeNull();
  });
});

const followerAt = (host: string, syndicateId: string): Follower => ({
  syndicateId,
  actorId: `https://${host}/users/ana`,
  inbox: `https://${host}/users/ana/inbox`,
  followId: `https://${host}/follows/ana`,
  followedAt: '2026-12-01T00:00:00.000Z',
});

describe('a block’s removal of followers', () => {
  it('finds every syndicate’s followers on the host, its ports and subdomains on gsi1, and removes them a page per job', async () => {
    const { follows, followers } = await stores();
    const hosts = ['spam.example', 'spam.example:8443', 'social.spam.example', 'notspam.example', 'spam.example.org'];
    for (const host of hosts) {
      for (const syndicate of ['mill', 'weavers']) await followers.save(followerAt(host, syndicate));
    }
    // Two pages of the hostname's range, each of two.
    const first = await followers.pageOnHosts('example.spam/', { limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await followers.pageOnHosts('example.spam/', { limit: 2, cursor: first.next });
    expect([...first.items, ...second.items].map((f) => new URL(f.actorId).host).sort()).toEqual([
      'spam.example',
      'spam.example',
      'spam.example:8443',
      'spam.example:8443',
    ]);

    const queued: ForgetJob[] = [
      { kind: 'forget-host', host: 'spam.example', part: 'followers', range: 0, attempt: 0 },
    ];
    const queue = { enqueue: async (job: ForgetJob) => void queued.push(job) };
    let jobs = 0;
    while (queued.length > 0) {
      jobs++;
      await runForgetJob({ remoteFollows: follows, followers, queue, pageSize: 2 }, queued.shift() as ForgetJob);
    }
    // Two pages of the hostname (every port), one of its subdomains.
    expect(jobs).toBe(3);
    for (const host of hosts) {
      const kept = await followers.get('mill', `https://${host}/users/ana`);
      expect(kept !== null, host).toBe(host === 'notspam.example' || host === 'spam.example.org');
      expect((await followers.get('weavers', `https://${host}/users/ana`)) !== null, host).toBe(kept !== null);
    }
  });
});

describe('the follower-hosts backfill', () => {
  it('puts followers kept before the host index on it, once, so a block finds them', async () => {
    const { followers, tableName } = await stores();
    // As the repository wrote a follower before gsi1 held them: its keys alone.
    const early = followerAt('spam.example', 'mill');
    const actorDigest = createHash('sha256').update(early.actorId).digest('base64url');
    await documentClient().send(
      new PutCommand({
        TableName: tableName,
        Item: { ...followerKeys(early.syndicateId, actorDigest), type: 'follower', ...early },
      }),
    );
    await followers.save(followerAt('notspam.example', 'mill'));
    expect((await followers.pageOnHosts('example.spam/', { limit: 10 })).items).toEqual([]);
    expect(await backfillFollowerHosts(documentClient(), tableName)).toEqual({ found: 1, indexed: 1 });
    expect((await followers.pageOnHosts('example.spam/', { limit: 10 })).items).toEqual([early]);
    expect(await backfillFollowerHosts(documentClient(), tableName)).toEqual({ found: 0, indexed: 0 });
  });
});
