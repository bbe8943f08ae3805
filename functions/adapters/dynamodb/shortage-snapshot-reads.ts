// One daily shortage snapshot by day, or the newest (domain/shortages/shortage-repository.ts
// `ShortageSnapshotReads`): what the federated snapshot serves and backfills (issue 20). Apart from the
// shortage repository, so the API functions that only rank and trend carry none of it.
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ShortageSnapshot, ShortageSnapshotReads } from '#domain/shortages/shortage-repository.ts';
import { storeCall } from './errors.ts';
import { getItem } from './items.ts';
import { shortageSnapshotKeys, shortageSnapshotPartition } from './keys.ts';

export function createShortageSnapshotReads(client: DynamoDBDocumentClient, tableName: string): ShortageSnapshotReads {
  return {
    // Access pattern `shortage-snapshot`: one day's.
    async getSnapshot(day) {
      const item = await getItem(client, tableName, shortageSnapshotKeys(day));
      return item ? snapshotOf(item) : null;
    },
    // Access pattern `latest-shortage-snapshot`: the newest day's, reading the partition backwards.
    async latestSnapshot() {
      const page = await storeCall(() =>
        client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': shortageSnapshotPartition },
            ScanIndexForward: false,
            Limit: 1,
          }),
        ),
      );
      const item = page.Items?.[0];
      return item ? snapshotOf(item) : null;
    },
  };
}

function snapshotOf(item: Record<string, unknown>): ShortageSnapshot {
  return {
    day: String(item.day),
    skills: (item.skills ?? {}) as ShortageSnapshot['skills'],
    trades: (item.trades ?? {}) as ShortageSnapshot['trades'],
    ...(typeof item.members === 'number' ? { members: item.members } : {}),
    ...(typeof item.openPositions === 'number' ? { openPositions: item.openPositions } : {}),
  };
}
