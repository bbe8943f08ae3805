// A job, not a request path: gives the open openings written before the board's index by skill existed
// (opening-skill-index.ts) their index items. It walks the open openings a page at a time and writes
// each one's items in a transaction conditional on the version it read: an opening changed meanwhile
// was written with its items by that change, so it is skipped. Puts of items already there change
// nothing, so it can be stopped and run again.
import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '#domain/errors.ts';
import { everyPage } from '#domain/paged-reads.ts';
import { storeCall } from './errors.ts';
import { openingLookup } from './keys.ts';
import { skillIndexItems } from './opening-skill-index.ts';
import { createOpeningRepository } from './opening-repository.ts';

export interface SkillIndexBackfillReport {
  /** Open openings read. */
  openings: number;
  /** Openings whose index items this run wrote. */
  indexed: number;
  /** Openings changed between the read and the write (their change wrote their items). */
  skipped: number;
}

export async function backfillSkillIndex(
  client: DynamoDBDocumentClient,
  tableName: string,
  onProgress: (report: SkillIndexBackfillReport) => void = () => undefined,
): Promise<SkillIndexBackfillReport> {
  const report: SkillIndexBackfillReport = { openings: 0, indexed: 0, skipped: 0 };
  const openings = createOpeningRepository(client, tableName);
  // Access pattern `openings-by-status`, every page; then `opening-write`, its items over the version read.
  for await (const page of everyPage((request) => openings.pageByStatus('open', request))) {
    for (const opening of page) {
      report.openings++;
      const items = skillIndexItems(opening);
      if (items.length === 0) continue;
      try {
        await storeCall(() =>
          client.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  ConditionCheck: {
                    TableName: tableName,
                    Key: openingLookup(opening.id),
                    ConditionExpression: 'version = :version',
                    ExpressionAttributeValues: { ':version': opening.version },
                  },
                },
                ...items.map((Item) => ({ Put: { TableName: tableName, Item } })),
              ],
            }),
          ),
        );
        report.indexed++;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        report.skipped++;
      }
    }
    onProgress(report);
  }
  return report;
}
