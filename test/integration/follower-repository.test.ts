// A syndicate's remote followers against DynamoDB Local: a follower is kept once however often it
// follows (its newest inbox wins), an actor id longer than a sort key may be is kept, the count is
// bounded, and an Undo forgets exactly that follower.
import { describe, expect, it } from 'vitest';
import { createFollowerRepository } from '#adapters/dynamodb/follower-repository.ts';
import type { Follower } from '#domain/federation/follower.ts';
import { apiOnFreshTable } from '../support/api-client.ts';

const follower = (syndicateId: string, n: number, inbox = `https://peer${n}.example/inbox`): Follower => ({
  syndicateId,
  actorId: `https://peer${n}.example/users/${n}`,
  inbox,
  followId: `https://peer${n}.example/follows/${n}`,
  followedAt: '2026-12-06T10:00:00.000Z',
});

describe('the followers store', () => {
  it('keeps one follower per actor, counts them within the bound, and forgets one on Undo', async () => {
    const { services } = await apiOnFreshTable();
    const followers = createFollowerRepository(services.storeClient, services.config.TABLE_NAME);
    const syndicate = `mill-${Date.now().toString(36)}`;
    for (let n = 1; n <= 5; n++) await followers.save(follower(syndicate, n));
    await followers.save(follower(syndicate, 2, 'https://peer2.example/new-inbox'));
    await followers.save(follower(`${syndicate}-other`, 9));
    expect(await followers.count(syndicate, 100)).toBe(5);
    expect(await followers.count(syndicate, 3)).toBe(3);
    expect((await followers.get(syndicate, 'https://peer2.example/users/2'))?.inbox).toBe(
      'https://peer2.example/new-inbox',
    );
    await followers.remove(syndicate, 'https://peer3.example/users/3');
    expect(await followers.get(syndicate, 'https://peer3.example/users/3')).toBeNull();
    expect(await followers.count(syndicate, 100)).toBe(4);
    // The syndicate's other items (the syndicate, its members) are not followers.
    expect(await followers.count(`${syndicate}-other`, 100)).toBe(1);
  });

  it('keeps a follower whose actor id is longer than a sort key may be', async () => {
    const { services } = await apiOnFreshTable();
    const followers = createFollowerRepository(services.storeClient, services.config.TABLE_NAME);
    const actorId = `https://peer.example/users/${'x'.repeat(1500)}`;
    await followers.save({ ...follower('long-ids', 1), actorId });
    expect((await followers.get('long-ids', actorId))?.actorId).toBe(actorId);
  });
});
