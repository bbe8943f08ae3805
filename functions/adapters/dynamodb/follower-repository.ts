// A syndicate's remote followers (ActivityPub), kept with the syndicate in the one table (keys.ts).
import { createHash } from 'node:crypto';
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Follower, FollowerRepository } from '#domain/federation/follower.ts';
import { hostSortKey } from '#domain/federation/instance-block.ts';
import { storeCall } from './errors.ts';
import { fromItem, getItem, pageOf, queryListingPage, queryPrefixPage } from './items.ts';
import { followerHostKeys, followerKeys, followersOnHosts, syndicateFollowers } from './keys.ts';
import { prefixValues, startsWith } from './key-prefix.ts';

const digest = (actorId: string) => createHash('sha256').update(actorId).digest('base64url');

export function createFollowerRepository(client: DynamoDBDocumentClient, tableName: string): FollowerRepository {
  return {
    // Access pattern `follower-by-syndicate-and-actor`: a repeated Follow replaces the item (newest inbox).
    async save(follower) {
      await storeCall(() =>
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...followerKeys(follower.syndicateId, digest(follower.actorId)),
              // On gsi1 by its actor's host, so a block of that instance finds it (`followers-on-hosts-paged`).
              ...(URL.canParse(follower.actorId)
                ? followerHostKeys(
                    hostSortKey(new URL(follower.actorId).host),
                    follower.syndicateId,
                    digest(follower.actorId),
                  )
                : {}),
              type: 'follower',
              ...follower,
            },
          }),
        ),
      );
    },

    // Access pattern `follower-by-syndicate-and-actor`.
    async remove(syndicateId, actorId) {
      await storeCall(() =>
        client.send(new DeleteCommand({ TableName: tableName, Key: followerKeys(syndicateId, digest(actorId)) })),
      );
    },

    // Access pattern `follower-by-syndicate-and-actor`.
    async get(syndicateId, actorId) {
      const item = await getItem(client, tableName, followerKeys(syndicateId, digest(actorId)));
      return item ? fromItem<Follower>(item) : null;
    },

    // Access pattern `followers-of-syndicate-count`: counted in pages of the query, never read out.
    async count(syndicateId, max) {
      const { pk, prefix } = syndicateFollowers(syndicateId);
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
      const page = pageOf(await queryPrefixPage(client, tableName, syndicateFollowers(syndicateId), request), (item) =>
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
