// The registry logs this instance witnesses (domain/federation/witnessing.ts), one item per host, and
// what other instances' witnesses said about this instance's log (domain/federation/witness-reports.ts):
// a cosignature per witness and size, a fork report per witness.
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ReceivedCosignature, ReceivedFork, WitnessReportRepository } from '#domain/federation/witness-reports.ts';
import type { WitnessedLog, WitnessedLogRepository } from '#domain/federation/witnessing.ts';
import { ConflictError } from '#domain/errors.ts';
import { storeCall } from './errors.ts';
import { fromItem, getItem, type Item, pageOf, queryPrefixPage } from './items.ts';
import {
  forkReportKeys,
  forkReportsOf,
  receivedCosignatureKeys,
  receivedCosignaturesOf,
  witnessedLogKeys,
  witnessedLogsOf,
} from './keys.ts';

/** The log without `lastSize`, the attribute a run's write is conditional on. */
function toLog(item: Item): WitnessedLog {
  const { lastSize: _lastSize, ...log } = fromItem<WitnessedLog & { lastSize?: number }>(item);
  return log;
}

const itemOf = (log: WitnessedLog) => ({
  ...witnessedLogKeys(log.host),
  type: 'witnessed-log',
  ...log,
  lastSize: log.lastHead?.treeSize ?? 0,
});

export function createWitnessedLogRepository(
  client: DynamoDBDocumentClient,
  tableName: string,
): WitnessedLogRepository {
  return {
    // Access pattern `add-witnessed-log`: only when the host is not witnessed yet, so its key stays pinned.
    async add(log) {
      try {
        await storeCall(() =>
          client.send(
            new PutCommand({
              TableName: tableName,
              Item: itemOf(log),
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
          ),
        );
        return log;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        const kept = await getItem(client, tableName, witnessedLogKeys(log.host), { consistent: true });
        if (!kept) throw error;
        return toLog(kept);
      }
    },
    // Access pattern `witnessed-log`.
    async get(host) {
      const item = await getItem(client, tableName, witnessedLogKeys(host), { consistent: true });
      return item ? toLog(item) : null;
    },
    // Access pattern `remove-witnessed-log`.
    async remove(host) {
      const result = await storeCall(() =>
        client.send(new DeleteCommand({ TableName: tableName, Key: witnessedLogKeys(host), ReturnValues: 'ALL_OLD' })),
      );
      return result.Attributes !== undefined;
    },
    // Access pattern `witnessed-logs`: the stewards' list, by host, a page at a time.
    async page(request) {
      return pageOf(await queryPrefixPage(client, tableName, witnessedLogsOf, request), toLog);
    },
    // Access pattern `record-witness-run`: over the log as the run read it, or not at all.
    async record(log, expectedSize) {
      try {
        await storeCall(() =>
          client.send(
            new PutCommand({
              TableName: tableName,
              Item: itemOf(log),
              ConditionExpression: 'attribute_exists(pk) AND lastSize = :expected',
              ExpressionAttributeValues: { ':expected': expectedSize },
            }),
          ),
        );
        return true;
      } catch (error) {
        if (error instanceof ConflictError) return false;
        throw error;
      }
    },
  };
}

export function createWitnessReportRepository(
  client: DynamoDBDocumentClient,
  tableName: string,
): WitnessReportRepository {
  return {
    // Access pattern `keep-cosignature`.
    async putCosignature(cosignature) {
      await storeCall(() =>
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...receivedCosignatureKeys(cosignature.treeSize, cosignature.witness),
              type: 'received-cosignature',
              ...cosignature,
            },
          }),
        ),
      );
    },
    // Access pattern `cosignatures-of-size`.
    async cosignatures(treeSize, request) {
      return pageOf(
        await queryPrefixPage(client, tableName, receivedCosignaturesOf(treeSize), request),
        fromItem<ReceivedCosignature>,
      );
    },
    // Access pattern `keep-fork-report`.
    async putFork(fork) {
      await storeCall(() =>
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...forkReportKeys(fork.witness), type: 'fork-report', ...fork },
          }),
        ),
      );
    },
    // Access pattern `fork-reports`.
    async forks(request) {
      return pageOf(await queryPrefixPage(client, tableName, forkReportsOf, request), fromItem<ReceivedFork>);
    },
  };
}
