// A person's remote followers (their Person actor's, `p.<id>`) against DynamoDB Local: kept in the
// person's partition, not beside any syndicate; counted and paged like a syndicate's; forgotten a page at
// a time when the person opts out, leaving other people's and syndicates' followers as they were.
import { describe, expect, it } from 'vitest';
import { createFollowerRepository } from '#adapters/dynamodb/follower-repository.ts';
import { createPersonDataRepository } from '#adapters/dynamodb/person-data-repository.ts';
import type { Follower } from '#domain/federation/follower.ts';
import { forgetPersonFollowers, personActorIdentifier } from '#domain/federation/person-actor.ts';
import { apiOnFreshTable } from '../support/api-client.ts';

const follower = (local: string, n: number): Follower => ({
  syndicateId: local,
  actorId: `https://peer${n}.example/users/${n}`,
  inbox: `https://peer${n}.example/inbox`,
  followId: `https://peer${n}.example/follows/${n}`,
  followedAt: '2026-12-07T10:00:00.000Z',
});

describe('a person’s followers in the table', () => {
  it('are kept under the person, counted apart from a syndicate’s, and all forgotten on opting out', async () => {
    const { services } = await apiOnFreshTable();
    const { storeClient, config } = services;
    const followers = createFollowerRepository(storeClient, config.TABLE_NAME);
    const personData = createPersonDataRepository(storeClient, config.TABLE_NAME);
    const stamp = Date.now().toString(36);
    const ada = `ada-${stamp}`;
    const bram = `bram-${stamp}`;
    for (let n = 1; n <= 230; n++) await followers.save(follower(personActorIdentifier(ada), n));
    await followers.save(follower(personActorIdentifier(bram), 1));
    // A syndicate whose id is the person's id: a different actor, a different partition.
    await followers.save(follower(ada, 1));

    const page = await followers.page(personActorIdentifier(ada), { limit: 5 });
    expect(page.items).toHaveLength(5);
    expect(page.items[0]).toMatchObject({ syndicateId: personActorIdentifier(ada) });
    expect(await followers.count(personActorIdentifier(ada), 10_000)).toBe(230);
    expect(await followers.count(ada, 10_000)).toBe(1);
    expect((await followers.get(personActorIdentifier(ada), 'https://peer7.example/users/7'))?.inbox).toBe(
      'https://peer7.example/inbox',
    );

    // The items are in the person's partition, where the account deletion finds them.
    const own = await personData.page(ada, 'own', { limit: 100 });
    expect(new Set(own.items.map((stored) => stored.type))).toEqual(new Set(['person-follower']));

    expect(await forgetPersonFollowers(personData, ada)).toBe(230);
    expect(await followers.count(personActorIdentifier(ada), 10_000)).toBe(0);
    expect(await followers.count(personActorIdentifier(bram), 10_000)).toBe(1);
    expect(await followers.count(ada, 10_000)).toBe(1);
  });
});
