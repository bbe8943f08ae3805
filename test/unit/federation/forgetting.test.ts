// What an unfollow or a block leaves to remove, a bounded amount per request and per job (issue 20): an
// unfollow removes a page of the follow's openings and queues the rest, saying so (202); a block queues
// its removals: our follows of the host with their openings, and the host's followers of our syndicates,
// found by host on an index (never a scan), a page per job. Run here with a page of two.
import { afterEach, describe, expect, it } from 'vitest';
import type { Follower } from '#domain/federation/follower.ts';
import { type ForgetJob, runForgetJob } from '#domain/federation/forgetting.ts';
import { blockCovers, blockedHostPrefixes, hostSortKey } from '#domain/federation/instance-block.ts';
import type { RemoteFollow } from '#domain/federation/remote-follow.ts';
import type { LedgerRepository } from '#domain/innovations/innovation-repository.ts';
import { memoryRemoteFollows } from '../../support/memory-remote-follows.ts';
import { federationWorld, memoryFollowers, origin } from '../../support/federation-world.ts';
import { openingNote, type RemoteSyndicate, startRemoteSyndicate } from '../../support/remote-syndicate.ts';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const peer of opened.splice(0)) await peer.close();
});

function world(pageSize = 2) {
  const ledger = { stewardRemovals: async () => [] } as unknown as LedgerRepository;
  return federationWorld({ services: { ledger }, config: { STEWARDS: ['steward'] }, pageSize });
}
type World = Awaited<ReturnType<typeof world>>;

const asSteward = (w: World, method: string, path: string, body?: unknown) =>
  w.call({
    method,
    path,
    identity: { personId: 'steward' },
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const instanceInbox = `${origin}/api/federation/actors/_instance/inbox`;

/** The steward follows a remote syndicate that accepts, and it opens `openings` positions here. */
async function followedWithOpenings(w: World, openings: number): Promise<{ id: string; peer: RemoteSyndicate }> {
  const peer = await startRemoteSyndicate();
  opened.push(peer);
  const answer = await asSteward(w, 'POST', '/api/federation/follows', { actor: peer.handle });
  await w.deliveries.idle();
  const follow = JSON.parse(peer.inboxPosts()[0]?.body ?? '{}') as { id: string };
  expect((await w.call(peer.signedPost(instanceInbox, { type: 'Accept', object: follow }))).status).toBe(202);
  for (let n = 1; n <= openings; n++) {
    peer.setNote(`o${n}`, openingNote(peer, `o${n}`));
    await w.call(peer.signedPost(instanceInbox, { type: 'Create', object: peer.noteId(`o${n}`) }));
  }
  expect(w.remoteOpenings.all()).toHaveLength(openings);
  return { id: (JSON.parse(answer.body) as { id: string }).id, peer };
}

describe('unfollowing', () => {
  it('removes one page of the openings in the request, answers 202 saying the rest is underway, and the queue removes the rest', async () => {
    const w = await world(2);
    const { id } = await followedWithOpenings(w, 5);
    const answer = await asSteward(w, 'DELETE', `/api/federation/follows/${id}`);
    expect(answer.status).toBe(202);
    expect(JSON.parse(answer.body)).toEqual({ id, underway: true });
    // The request removed a page of two and forgot the follow (no later Create is kept)…
    expect(w.remoteOpenings.all()).toHaveLength(3);
    expect(w.remoteFollows.all()).toEqual([]);
    // …and the rest went, a page per job.
    await w.outbox.idle();
    expect(w.remoteOpenings.all()).toEqual([]);
    expect(w.outbox.parked).toEqual([]);
  });

  it('answers 204 when one page held every opening, and queues nothing', async () => {
    const w = await world(2);
    const { id } = await followedWithOpenings(w, 2);
    const answer = await asSteward(w, 'DELETE', `/api/federation/follows/${id}`);
    expect(answer.status).toBe(204);
    expect(w.remoteOpenings.all()).toEqual([]);
    expect(w.remoteFollows.all()).toEqual([]);
  });
});

describe('a Reject of a follow', () => {
  it('forgets it with one page of its openings in the inbox post, and queues the rest', async () => {
    const w = await world(2);
    const { peer } = await followedWithOpenings(w, 5);
    const follow = JSON.parse(peer.inboxPosts()[0]?.body ?? '{}') as { id: string };
    expect((await w.call(peer.signedPost(instanceInbox, { type: 'Reject', object: follow }))).status).toBe(202);
    expect(w.remoteFollows.all()).toEqual([]);
    expect(w.remoteOpenings.all()).toHaveLength(3);
    await w.outbox.idle();
    expect(w.remoteOpenings.all()).toEqual([]);
  });
});

/** A follower of one of our syndicates at `host`. */
const followerAt = (host: string, syndicateId = 'riverside-builders', name = 'ana'): Follower => ({
  syndicateId,
  actorId: `https://${host}/users/${name}`,
  inbox: `https://${host}/users/${name}/inbox`,
  followId: `https://${host}/follows/${name}`,
  followedAt: '2026-12-01T00:00:00.000Z',
});

const hosts = [
  'spam.example',
  'spam.example:8443',
  'social.spam.example',
  'deep.social.spam.example',
  'notspam.example',
  'spam.example.org',
  'spam.examplex',
];

describe('a block of an instance', () => {
  it('removes its followers of every syndicate, on the host, its ports and its subdomains, a page per job, and no one else', async () => {
    const w = await world(2);
    for (const host of hosts) {
      await w.followers.save(followerAt(host));
      await w.followers.save(followerAt(host, 'harbour-weavers', 'bo'));
    }
    const answer = await asSteward(w, 'PUT', '/api/federation/blocks/spam.example', { reason: 'Spam' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ host: 'spam.example', reason: 'Spam', underway: true });
    await w.outbox.idle();
    expect(w.outbox.parked).toEqual([]);
    const left = w.followers.all().map((f) => new URL(f.actorId).host);
    expect([...new Set(left)].sort()).toEqual(['notspam.example', 'spam.example.org', 'spam.examplex']);
    expect(left).toHaveLength(6);
  });

  it('of one port removes the followers on that port alone', async () => {
    const w = await world(2);
    for (const host of hosts) await w.followers.save(followerAt(host));
    await asSteward(w, 'PUT', '/api/federation/blocks/spam.example:8443', { reason: 'Spam' });
    await w.outbox.idle();
    expect(w.followers.all().map((f) => new URL(f.actorId).host)).toEqual(
      hosts.filter((h) => h !== 'spam.example:8443'),
    );
  });
});

describe('a block’s jobs, one page each', () => {
  /** The jobs queued, run one at a time in order, as the outbox queue would. */
  function drained(deps: Omit<Parameters<typeof runForgetJob>[0], 'queue'>) {
    const queued: ForgetJob[] = [];
    let runs = 0;
    const queue = { enqueue: async (job: ForgetJob) => void queued.push(job) };
    return {
      queued,
      runs: () => runs,
      async run(first: ForgetJob) {
        queued.push(first);
        while (queued.length > 0) {
          const job = queued.shift() as ForgetJob;
          runs++;
          await runForgetJob({ ...deps, queue }, job);
        }
      },
    };
  }

  it('end the follows on the blocked host, its ports and its subdomains, with their openings, and no other', async () => {
    const { remoteFollows, remoteOpenings } = memoryRemoteFollows();
    for (const [n, host] of hosts.entries()) {
      const follow: RemoteFollow = {
        id: `f${n}`,
        actorId: `https://${host}/groups/g`,
        handle: `acct:g@${host}`,
        host,
        inbox: `https://${host}/groups/g/inbox`,
        state: 'accepted',
        followActivityId: `${origin}/api/federation/activities/${n}`,
        requestedBy: 'steward',
        requestedAt: '2026-12-01T00:00:00.000Z',
      };
      await remoteFollows.put(follow);
      for (const note of ['a', 'b', 'c']) {
        await remoteOpenings.putIfNewer({
          followId: follow.id,
          noteId: `https://${host}/notes/${note}`,
          updated: '2026-12-01T00:00:00.000Z',
        } as Parameters<typeof remoteOpenings.putIfNewer>[0]);
      }
    }
    const jobs = drained({ remoteFollows, followers: memoryFollowers(), pageSize: 2 });
    await jobs.run({ kind: 'forget-host', host: 'spam.example', part: 'follows', attempt: 0 });
    expect(remoteFollows.all().map((f) => f.host)).toEqual(['notspam.example', 'spam.example.org', 'spam.examplex']);
    expect(new Set(remoteOpenings.all().map((o) => o.followId))).toEqual(new Set(['f4', 'f5', 'f6']));
    expect(remoteOpenings.all()).toHaveLength(9);
    // Four pages of the list, and two jobs of openings for each of the four follows ended (three openings, pages of two).
    expect(jobs.runs()).toBe(4 + 4 * 2);
  });
});

describe('the followers’ index by host', () => {
  it('finds under a block’s prefixes exactly the hosts the block covers', () => {
    const all = [...hosts, 'example', 'a.b.c.d.e.f.g.h.i.j', 'b.c.d.e.f.g.h.i.j', '10.0.0.1', '10.0.0.1:8080'];
    for (const blocked of ['spam.example', 'spam.example:8443', 'example', 'b.c.d.e.f.g.h.i.j', '10.0.0.1']) {
      const prefixes = blockedHostPrefixes(blocked);
      const found = all.filter((host) => prefixes.some((prefix) => `${hostSortKey(host)}#`.startsWith(prefix)));
      expect(found, blocked).toEqual(all.filter((host) => blockCovers(blocked, host)));
    }
    expect(hostSortKey('social.spam.example:8443')).toBe('example.spam.social/8443');
  });
});
