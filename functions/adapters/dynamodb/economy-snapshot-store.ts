// The standard periods' snapshots in the table (domain/ledger/economy-snapshot.ts decides them;
// economy-snapshot-items.ts builds and reads the item): the serializable read they are computed from,
// and the snapshot itself, read and kept. Part of the economy repository, apart so a bundle that only
// prunes (the sweep) can leave it out.
import { type DynamoDBDocumentClient, PutCommand, TransactGetCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '#domain/errors.ts';
import type { EconomyRepository } from '#domain/ledger/economy-use-cases.ts';
import { toDays, toMonth, toSummary } from './economy-items.ts';
import { snapshotPut, toSnapshot } from './economy-snapshot-items.ts';
import { storeCall } from './errors.ts';
import { big } from './innovation-items.ts';
import { getItem, type Item } from './items.ts';
import {
  economyMonthKeys,
  economyMonthTotalKeys,
  economySnapshotKeys,
  economySummaryKeys,
  ledgerTotalsKeys,
} from './keys.ts';

export function createEconomySnapshotStore(
  client: DynamoDBDocumentClient,
  tableName: string,
): Pick<EconomyRepository, 'readRevision' | 'snapshot' | 'keepSnapshot'> {
  return {
    // Access pattern `economy-snapshot-read`: the summary, the ledger's totals, the standard periods'
    // months (at most 16: four months of days, a year's totals), one TransactGetItems, so the revision
    // read and the counts read are of one moment.
    async readRevision(dayMonths, totalMonths) {
      const keys = [
        economySummaryKeys,
        ledgerTotalsKeys,
        ...dayMonths.map(economyMonthKeys),
        ...totalMonths.map(economyMonthTotalKeys),
      ];
      const result = await storeCall(
        () =>
          client.send(
            new TransactGetCommand({
              TransactItems: keys.map((key) => ({ Get: { TableName: tableName, Key: { pk: key.pk, sk: key.sk } } })),
            }),
          ),
        'A count was landing on the economy’s figures.',
      );
      const items = (result.Responses ?? []).map((response) => response.Item);
      const [summary, totals] = items;
      const stored = (from: number, count: number) =>
        items.slice(from, from + count).filter((item): item is Item => item !== undefined);
      return {
        summary: toSummary(summary),
        rev: summary?.rev === undefined ? 0 : Number(summary.rev),
        days: stored(2, dayMonths.length).flatMap(toDays),
        months: stored(2 + dayMonths.length, totalMonths.length).map(toMonth),
        sumOfBalances: totals?.sum === undefined ? 0n : big(totals.sum),
      };
    },

    // Access pattern `economy-snapshot`.
    async snapshot(days) {
      const item = await getItem(client, tableName, economySnapshotKeys(days));
      return item ? toSnapshot(item) : null;
    },

    // Access pattern `economy-snapshot-keep`.
    async keepSnapshot(snapshot) {
      try {
        await storeCall(
          () => client.send(new PutCommand(snapshotPut(tableName, snapshot))),
          'A newer snapshot is kept.',
        );
        return true;
      } catch (error) {
        if (error instanceof ConflictError && !error.retryable) return false;
        throw error;
      }
    },
  };
}
