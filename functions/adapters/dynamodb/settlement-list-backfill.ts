// A job, not a request path: lists the reports settled before a settlement listed its report under its
// record (gsi2), so those records' statements read the list too instead of filtering their whole log.
// It walks the log once, a thousand entries at a time; for each settlement it gives the report its list
// keys and adds its value to the record's `valueListed` in one transaction, on condition that the report
// is settled and not listed yet, so a second run (or a run stopped half-way and started again) never
// counts a value twice, and a settlement racing it lists its own report itself. When it reaches the head
// it leaves a mark, and every later run (each local start runs it) is one read.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '#domain/errors.ts';
import { parseEvent } from '#domain/innovations/log-events.ts';
import { retryOnConflict } from '#domain/retry.ts';
import { transact } from './innovation-items.ts';
import { innovationLookup, settledReportKeys, settlementsListedMarkKeys, valueReportLookup } from './keys.ts';
import { type LogWalk, walkLogOnce } from './log-walk.ts';

export interface SettlementListReport extends LogWalk {
  /** Settled reports this run listed. */
  listed: number;
}

export async function backfillSettlementList(
  client: DynamoDBDocumentClient,
  tableName: string,
  onProgress: (done: number, of: number) => void = () => undefined,
): Promise<SettlementListReport> {
  let listed = 0;
  // Access pattern `settlements-listed-mark`: one read, and nothing more to do once the walk has finished.
  const walk = await walkLogOnce(
    client,
    tableName,
    { keys: settlementsListedMarkKeys, type: 'settlements-listed-mark' },
    async (entries) => {
      for (const entry of entries) {
        const event = parseEvent(entry.data);
        if (event?.kind === 'settlement' && (await listSettlement(client, tableName, event))) listed++;
      }
    },
    onProgress,
  );
  return { ...walk, listed };
}

/** Lists one settled report under its record; false when it was listed already (or is not settled). */
async function listSettlement(
  client: DynamoDBDocumentClient,
  tableName: string,
  settlement: { innovationId: string; reportId: string; at: string; value: string },
): Promise<boolean> {
  const { innovationId, reportId, at, value } = settlement;
  const keys = settledReportKeys(innovationId, reportId, at);
  // Access pattern `settlement-listing`.
  // A transaction held up by another (a settlement of the same record) is sent again, under the one
  // retry policy; a failed condition is an answer: the report was listed already.
  return retryOnConflict(async () => {
    try {
      await transact(
        client,
        [
          {
            Update: {
              TableName: tableName,
              Key: valueReportLookup(innovationId, reportId),
              UpdateExpression: 'SET gsi2pk = :pk, gsi2sk = :sk',
              ConditionExpression: 'attribute_exists(settlement) AND attribute_not_exists(gsi2pk)',
              ExpressionAttributeValues: { ':pk': keys.gsi2pk, ':sk': keys.gsi2sk },
            },
          },
          {
            Update: {
              TableName: tableName,
              Key: innovationLookup(innovationId),
              UpdateExpression: 'ADD valueListed :value',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeValues: { ':value': BigInt(value) },
            },
          },
        ],
        'The report is listed already.',
      );
      return true;
    } catch (error) {
      if (error instanceof ConflictError && !error.retryable) return false;
      throw error;
    }
  });
}
