// The remote syndicates this instance follows, and the openings they sent (domain/federation/
// remote-follow.ts and remote-opening.ts): a follow is one item in the stewards' list; its openings
// live in a partition of their own, so an unfollow removes them a page at a time.
import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  type FollowKind,
  followKindOf,
  type RemoteFollow,
  type RemoteFollowRepository,
} from '#domain/federation/remote-follow.ts';
import { noteDigest, type RemoteOpening, type RemoteOpeningRepository } from '#domain/federation/remote-opening.ts';
import { objectDigest, type RemoteRecord, type RemoteRecordRepository } from '#domain/federation/remote-record.ts';
import { batchWriteAll } from './bulk.ts';
import { storeCall } from './errors.ts';
import { deleteItem, fromItem, getItem, pageOf, putIfAbove, queryPrefixPage } from './items.ts';
import { prefixValues, startsWith } from './key-prefix.ts';
import {
  remoteCoursesOf,
  remoteFollowKeys,
  remoteFollowsOf,
  remoteOpeningKeys,
  remoteOpeningsOf,
  remoteRecordKeys,
  remoteRecordsOf,
  remoteShortageOf,
} from './keys.ts';

/**
 * What a follow of each kind brought, by where it is kept under the follow: removed with it (an unfollow,
 * a Reject, a block). A syndicate brings openings; a commons brings what its receivers keep
 * (commons-objects.ts), each kind of object adding its key prefix here.
 */
export const broughtByKind: Record<FollowKind, readonly ((followId: string) => { pk: string; prefix: string })[]> = {
  syndicate: [remoteOpeningsOf],
  // Its records (Access pattern `remote-records-of-follow`), courses (Access pattern `remote-courses-of-follow`)
  // and newest shortage snapshot (Access pattern `remote-shortage-of-follow`).
  commons: [remoteRecordsOf, remoteCoursesOf, remoteShortageOf],
};

/** Every prefix any kind of follow brings, each once (an unfollow's later pages no longer know the kind). */
const everyBrought = [...new Set(Object.values(broughtByKind).flat())];

export function createRemoteFollowRepository(
  client: DynamoDBDocumentClient,
  tableName: string,
): RemoteFollowRepository {
  return {
    // Access pattern `remote-follow`: one item per remote actor, replaced as it changes (pending → accepted).
    async put(follow) {
      await storeCall(() =>
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...remoteFollowKeys(follow.id), type: 'remote-follow', ...follow },
          }),
        ),
      );
    },
    // Access pattern `remote-follow`.
    async get(id) {
      const item = await getItem(client, tableName, remoteFollowKeys(id));
      return item ? fromItem<RemoteFollow>(item) : null;
    },
    // Access pattern `remote-openings-of-follow` (a commons': Access pattern `remote-records-of-follow`),
    // then Access pattern `remote-follow`: what it brought first (its kind's, `broughtByKind`), a page of keys at a time, then the follow, so a removal cut
    // short leaves the follow, and the same request sent again finishes it. (A Create that lands between
    // the two could leave one object behind: rare, and its Delete or expiry takes it out.)
    async remove(id) {
      const kept = await getItem(client, tableName, remoteFollowKeys(id));
      const kind = followKindOf(kept ? fromItem<RemoteFollow>(kept) : {});
      for (const brought of broughtByKind[kind]) await removeAll(brought(id));
      return deleteItem(client, tableName, remoteFollowKeys(id));
    },
    // Access pattern `remote-follows`: the stewards' list, a page at a time.
    async page(request) {
      return pageOf(await queryPrefixPage(client, tableName, remoteFollowsOf, request), fromItem<RemoteFollow>);
    },
    // Access pattern `remote-openings-of-follow`: one page of keys (one more read than removed, to know
    // whether some are left), removed in batches; what is left is the next job's (domain/federation/forgetting.ts).
    // Access pattern `remote-records-of-follow`: the same, for what a commons brought: every kind's prefixes
    // are read, since the follow (and so its kind) is forgotten before the later pages run.
    async removeBrought(followId, limit) {
      let removed = 0;
      for (const brought of everyBrought) {
        const { pk, prefix } = brought(followId);
        const page = await storeCall(() =>
          client.send(
            new QueryCommand({
              TableName: tableName,
              KeyConditionExpression: `pk = :pk AND ${startsWith('sk')}`,
              ExpressionAttributeValues: { ':pk': pk, ...prefixValues(prefix) },
              ProjectionExpression: 'pk, sk',
              Limit: limit - removed + 1,
            }),
          ),
        );
        const keys = (page.Items ?? []).slice(0, limit - removed).map((item) => ({ pk: item.pk, sk: item.sk }));
        if (keys.length > 0)
          await batchWriteAll(
            client,
            tableName,
            keys.map((Key) => ({ DeleteRequest: { Key } })),
          );
        removed += keys.length;
        // More under this prefix than the page could take: the rest is the next page's.
        if ((page.Items?.length ?? 0) > keys.length) return { removed, more: true };
        if (removed === limit) return { removed, more: await anyLeftAfter(brought, followId) };
      }
      return { removed, more: false };
    },
    // Access pattern `remote-follow`: the follow alone.
    async forget(id) {
      return deleteItem(client, tableName, remoteFollowKeys(id));
    },
  };

  /** Whether anything is kept under the prefixes after `current` (a page that ended exactly on a prefix's last item). */
  async function anyLeftAfter(
    current: (followId: string) => { pk: string; prefix: string },
    followId: string,
  ): Promise<boolean> {
    for (const brought of everyBrought.slice(everyBrought.indexOf(current))) {
      const { pk, prefix } = brought(followId);
      const page = await storeCall(() =>
        client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: `pk = :pk AND ${startsWith('sk')}`,
            ExpressionAttributeValues: { ':pk': pk, ...prefixValues(prefix) },
            ProjectionExpression: 'pk',
            Limit: 1,
          }),
        ),
      );
      if ((page.Items?.length ?? 0) > 0) return true;
    }
    return false;
  }

  /** Every item under a key prefix, a page of keys at a time. */
  async function removeAll({ pk, prefix }: { pk: string; prefix: string }) {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await storeCall(() =>
        client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: `pk = :pk AND ${startsWith('sk')}`,
            ExpressionAttributeValues: { ':pk': pk, ...prefixValues(prefix) },
            ProjectionExpression: 'pk, sk',
            Limit: 100,
            ExclusiveStartKey: start,
          }),
        ),
      );
      const keys = (page.Items ?? []).map((item) => ({ pk: item.pk, sk: item.sk }));
      if (keys.length > 0)
        await batchWriteAll(
          client,
          tableName,
          keys.map((Key) => ({ DeleteRequest: { Key } })),
        );
      start = page.LastEvaluatedKey;
    } while (start);
  }
}

export function createRemoteOpeningRepository(
  client: DynamoDBDocumentClient,
  tableName: string,
): RemoteOpeningRepository {
  return {
    // Access pattern `remote-opening`: written only when none is kept or the kept one is older, in one
    // conditional put, so a replay or a late older Update never wins over a newer one.
    async putIfNewer(opening) {
      const keys = remoteOpeningKeys(opening.followId, noteDigest(opening.noteId));
      return putIfAbove(client, tableName, { ...keys, type: 'remote-opening', ...opening }, 'updated', opening.updated);
    },
    // Access pattern `remote-opening`.
    async get(followId, noteId) {
      const item = await getItem(client, tableName, remoteOpeningKeys(followId, noteDigest(noteId)));
      return item ? fromItem<RemoteOpening>(item) : null;
    },
    // Access pattern `remote-opening`.
    async remove(followId, noteId) {
      return deleteItem(client, tableName, remoteOpeningKeys(followId, noteDigest(noteId)));
    },
  };
}

export function createRemoteRecordRepository(
  client: DynamoDBDocumentClient,
  tableName: string,
): RemoteRecordRepository {
  return {
    // Access pattern `remote-record`: written only when none is kept or the kept one is older, in one
    // conditional put, so a replay or a late older Update never wins over a newer one.
    async putIfNewer(record) {
      const keys = remoteRecordKeys(record.followId, objectDigest(record.objectId));
      return putIfAbove(client, tableName, { ...keys, type: 'remote-record', ...record }, 'updated', record.updated);
    },
    // Access pattern `remote-record`.
    async get(followId, objectId) {
      const item = await getItem(client, tableName, remoteRecordKeys(followId, objectDigest(objectId)));
      return item ? fromItem<RemoteRecord>(item) : null;
    },
    // Access pattern `remote-record`.
    async remove(followId, objectId) {
      return deleteItem(client, tableName, remoteRecordKeys(followId, objectDigest(objectId)));
    },
  };
}
