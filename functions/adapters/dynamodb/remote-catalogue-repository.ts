// A followed commons' courses and newest shortage snapshot (domain/federation/remote-catalogue.ts). Remote
// courses share one partition, by follow, so the catalogue pages through them in one query and an
// unfollow removes its follow's by prefix (remote-follow-repository.ts); snapshots one partition, an item
// per follow.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  objectDigest,
  type RemoteCourse,
  type RemoteCourseRepository,
  type RemoteShortageRepository,
  type RemoteShortageSnapshot,
} from '#domain/federation/remote-catalogue.ts';
import { deleteItem, fromItem, pageOf, putIfAbove, queryPrefixPage } from './items.ts';
import { remoteCourseKeys, remoteCourses, remoteShortageKeys, remoteShortages } from './keys.ts';

export function createRemoteCourseRepository(
  client: DynamoDBDocumentClient,
  tableName: string,
): RemoteCourseRepository {
  return {
    // Access pattern `remote-course`: written only when none is kept or the kept one is older, in one
    // conditional put, so a replay or a late older Update never wins over a newer one.
    async putIfNewer(course) {
      const keys = remoteCourseKeys(course.followId, objectDigest(course.objectId));
      return putIfAbove(client, tableName, { ...keys, type: 'remote-course', ...course }, 'updated', course.updated);
    },
    // Access pattern `remote-course`.
    async remove(followId, objectId) {
      return deleteItem(client, tableName, remoteCourseKeys(followId, objectDigest(objectId)));
    },
    // Access pattern `remote-courses`: every followed commons' courses, a page at a time.
    async page(request) {
      return pageOf(await queryPrefixPage(client, tableName, remoteCourses, request), fromItem<RemoteCourse>);
    },
  };
}

export function createRemoteShortageRepository(
  client: DynamoDBDocumentClient,
  tableName: string,
): RemoteShortageRepository {
  return {
    // Access pattern `remote-shortage-snapshot`: one item per follow, replaced only by a later day.
    async putIfNewer(snapshot) {
      const item = { ...remoteShortageKeys(snapshot.followId), type: 'remote-shortage-snapshot', ...snapshot };
      return putIfAbove(client, tableName, item, 'date', snapshot.date);
    },
    // Access pattern `remote-shortage-snapshots`: each followed commons' newest snapshot, a page at a time.
    async page(request) {
      return pageOf(
        await queryPrefixPage(client, tableName, remoteShortages, request),
        fromItem<RemoteShortageSnapshot>,
      );
    },
  };
}
