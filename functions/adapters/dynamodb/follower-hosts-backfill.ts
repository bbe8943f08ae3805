// A job, not a request path: puts followers kept before gsi1 held them by host (`followerHostKeys`,
// keys.ts) on it, so a block of their instance finds them (domain/federation/forgetting.ts). It scans the
// table a page at a time for followers without the index keys and sets each on condition that the
// follower still stands and still has none, so it can be stopped and run again, and an Undo meanwhile is
// not undone.
import { createHash } from 'node:crypto';
import { type DynamoDBDocumentClient, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '#domain/errors.ts';
import { hostSortKey } from '#domain/federation/instance-block.ts';
import { storeCall } from './errors.ts';
import { followerHostKeys, followerKeys } from './keys.ts';

export interface FollowerHostsBackfillReport {
  /** Followers without the index keys, found. */
  found: number;
  /** Given them by this run. */
  indexed: number;
}

const digest = (actorId: string) => createHash('sha256').update(actorId).digest('base64url');

export async function backfillFollowerHosts(
  client: DynamoDBDocumentClient,
  tableName: string,
  onProgress: (report: FollowerHostsBackfillReport) => void = () => undefined,
): Promise<FollowerHostsBackfillReport> {
  const report: FollowerHostsBackfillReport = { found: 0, indexed: 0 };
  let start: Record<string, unknown> | undefined;
  do {
    // Access pattern `follower-hosts-backfill-scan`: followers with no gsi1 keys, a page of the table at a time.
    const page = await storeCall(() =>
      client.send(
        new ScanCommand({
          TableName: tableName,
          FilterExpression: '#type = :follower AND attribute_not_exists(gsi1pk)',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':follower': 'follower' },
          ProjectionExpression: 'syndicateId, actorId',
          ExclusiveStartKey: start,
        }),
      ),
    );
    for (const item of page.Items ?? []) {
      report.found++;
      const syndicateId = String(item.syndicateId);
      const actorId = String(item.actorId);
      if (!URL.canParse(actorId)) continue;
      const keys = followerHostKeys(hostSortKey(new URL(actorId).host), syndicateId, digest(actorId));
      try {
        await storeCall(() =>
          client.send(
            new UpdateCommand({
              TableName: tableName,
              Key: followerKeys(syndicateId, digest(actorId)),
              UpdateExpression: 'SET gsi1pk = :pk, gsi1sk = :sk',
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(gsi1pk)',
              ExpressionAttributeValues: { ':pk': keys.gsi1pk, ':sk': keys.gsi1sk },
            }),
          ),
        );
        report.indexed++;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    start = page.LastEvaluatedKey;
    onProgress(report);
  } while (start);
  return report;
}
