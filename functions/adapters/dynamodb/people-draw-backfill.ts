// A job, not a request path: gives people made before the panel draw was kept (decisions/circle.ts)
// their place in it. It scans the table a page at a time for profiles without one and sets each on
// condition that the profile still stands and still has none, so it can be stopped and run again, and
// an account deleted meanwhile is not brought back.
import { type DynamoDBDocumentClient, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { drawKey } from '#domain/decisions/circle.ts';
import { ConflictError } from '#domain/errors.ts';
import { storeCall } from './errors.ts';
import { personDrawKeys, personKeys } from './keys.ts';

export interface DrawBackfillReport {
  /** Profiles without a place in the draw, found. */
  found: number;
  /** Given one by this run. */
  placed: number;
}

export async function backfillPeopleDraw(
  client: DynamoDBDocumentClient,
  tableName: string,
  onProgress: (report: DrawBackfillReport) => void = () => undefined,
): Promise<DrawBackfillReport> {
  const report: DrawBackfillReport = { found: 0, placed: 0 };
  let start: Record<string, unknown> | undefined;
  do {
    // Access pattern `people-draw-backfill-scan`: profiles with no draw key, a page of the table at a time.
    const page = await storeCall(() =>
      client.send(
        new ScanCommand({
          TableName: tableName,
          FilterExpression: 'sk = :profile AND attribute_not_exists(gsi2pk)',
          // Every profile's sort key is the same: personKeys gives it.
          ExpressionAttributeValues: { ':profile': personKeys('').sk },
          ProjectionExpression: 'id',
          ExclusiveStartKey: start,
        }),
      ),
    );
    for (const item of page.Items ?? []) {
      report.found++;
      const personId = String(item.id);
      const keys = personDrawKeys(drawKey(personId));
      try {
        await storeCall(() =>
          client.send(
            new UpdateCommand({
              TableName: tableName,
              Key: personKeys(personId),
              UpdateExpression: 'SET gsi2pk = :pk, gsi2sk = :sk',
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(gsi2pk)',
              ExpressionAttributeValues: { ':pk': keys.gsi2pk, ':sk': keys.gsi2sk },
            }),
          ),
        );
        report.placed++;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    start = page.LastEvaluatedKey;
    onProgress(report);
  } while (start);
  return report;
}
