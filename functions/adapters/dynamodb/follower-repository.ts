// A local actor's remote followers (ActivityPub), kept in the one table (keys.ts): a syndicate's with the
// syndicate; a person's (their `Person` actor, `p.<id>`: domain/federation/person-actor.ts) in the
// person's partition, so opting out and deleting the account find them by the person's key.
import { createHash } from 'node:crypto';
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Follower, FollowerRepository } from '#domain/federation/follower.ts';
import { hostSortKey } from '#domain/federation/instance-block.ts';
import { personIdOfActor } from '#domain/federation/person-actor.ts';
import { storeCall } from './errors.ts';
import { fromItem, getItem, pageOf, queryListingPage, queryPrefixPage } from './items.ts';
import {
  followerHostKeys,
  followerKeys,
  followersOnHosts,
  personFollowerKeys,
  personFollowers,
  syndicateFollowers,
} from './keys.ts';
import { prefixValues, startsWith } from './key-prefix.ts';

const digest = (actorId: string) => createHash('sha256').update(actorId).digest('base64url');

/** The follower item's key: under the person for a Person actor, under the syndicate otherwise. */
function keysOf(local: string, actorId: string) {
  const personId = personIdOfActor(local);
  return personId ? personFollowerKeys(personId, digest(actorId)) : followerKeys(local, digest(actorId));
}

function followersOf(local: string) {
  const personId = personIdOfActor(local);
  return personId ? personFollowers(personId) : syndicateFollowers(local);
}

export function createFollowerRepository(client: DynamoDBDocumentClient, tableName: string): FollowerRepository {
  return {
    // Access pattern `follower-by-syndicate-and-actor`: a repeated Follow replaces the item (newest inbox).
    // Access pattern `follower-by-person-and-actor`: the same, of a person's actor.
    async save(follower) {
      const type = personIdOfActor(follower.syndicateId) ? 'person-follower' : 'follower';
      await storeCall(() =>
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...keysOf(follower.syndicateId, follower.actorId),
              // On gsi1 by its actor's host, so a block of that instance finds it (`followers-on-hosts-paged`),
              // a person's follower too: the removal goes back through `remove`, which finds either partition.
              ...(URL.canParse(follower.actorId)
                ? followerHostKeys(
                    hostSortKey(new URL(follower.actorId).host),
                    follower.syndicateId,
                    digest(follower.actorId),
                  )
                : {}),
              type,
              ...follower,
            },
          }),
        ),
      );
    },

    // Access pattern `follower-by-syndicate-and-actor`.
    // Access pattern `follower-by-person-and-actor`.
    async remove(syndicateId, actorId) {
      await storeCall(() =>
        client.send(new DeleteCommand({ TableName: tableName, Key: keysOf(syndicateId, actorId) })),
      );
    },

    // Access pattern `follower-by-syndicate-and-actor`.
    // Access pattern `follower-by-person-and-actor`.
    async get(syndicateId, actorId) {
      const item = await getItem(client, tableName, keysOf(syndicateId, actorId));
      return item ? fromItem<Follower>(item) : null;
    },

    // Access pattern `followers-of-syndicate-count`: counted in pages of the query, never read out.
    // Access pattern `followers-of-person-count`: the same, of a person's actor.
    async count(syndicateId, max) {
      const { pk, prefix } = followersOf(syndicateId);
      let counted = 0;
      let start: Record<string, unknown> | undefined;
      do {
        const page = await storeCall(() =>
          client.send(
            new QueryCommand({
              TableName: tableName,
              KeyConditionExpression: `pk = :pk AND ${startsWith('sk')}`,
              ExpressionAttributeValues: { ':pk': pk, ...prefixValues(prefix) },
              Select: 'COUNT',
              Limit: max - counted,
              ExclusiveStartKey: start,
            }),
          ),
        );
        counted += page.Count ?? 0;
        start = page.LastEvaluatedKey;
      } while (start && counted < max);
      return counted;
    },

    // Access pattern `followers-of-syndicate-paged`: an opening's fan-out, a page of followers per job.
    async page(syndicateId, request) {
      const page = pageOf(await queryPrefixPage(client, tableName, followersOf(syndicateId), request), (item) =>
        fromItem<Follower>(item),
      );
      return { items: page.items, ...(page.next ? { next: page.next } : {}) };
    },

    // Access pattern `followers-on-hosts-paged`: a block's removal of its instance's followers, a page per job.
    async pageOnHosts(prefix, request) {
      const page = pageOf(await queryListingPage(client, tableName, followersOnHosts(prefix), request), (item) =>
        fromItem<Follower>(item),
      );
      return { items: page.items, ...(page.next ? { next: page.next } : {}) };
    },
  };
}
