// Work logs in the table. A log is created with its member's hours for its day in one transaction (the
// day stays at most 24 hours), rejected in one transaction that gives those hours back, and approved
// only inside the payment that pays it (payment-repository.ts, settledItem), on condition that it
// still awaits approval, so approvals that race or repeat pay once.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { WorkLog, WorkLogRepository } from '#domain/work/work-log.ts';
import { big, transact } from './innovation-items.ts';
import { fromItem, getItem, type Item, pageOf, queryIndexPage, queryListingPage } from './items.ts';
import type { TransactItem } from './ledger-items.ts';
import { workDayKeys, workLogKeys, workLogLookup, workLogsAwaiting, workLogsOfPerson } from './keys.ts';

const toWorkLog = (item: Item): WorkLog => {
  const log = fromItem<WorkLog>(item);
  return {
    ...log,
    ...(log.hourlyRate === undefined ? {} : { hourlyRate: big(log.hourlyRate) }),
    ...(log.amount === undefined ? {} : { amount: big(log.amount) }),
  };
};

/** A log as stored: on the awaiting list (gsi2) only while it awaits approval. */
export const workLogItem = (log: WorkLog) => ({
  ...workLogKeys(log, log.status === 'awaiting'),
  type: 'work-log',
  ...log,
});

/** A decided log, saved on condition that it still awaited approval: one decision lands. */
export function decidedLogPut(tableName: string, log: WorkLog): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: workLogItem(log),
      ConditionExpression: '#status = :awaiting',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':awaiting': 'awaiting' },
    },
  };
}

/** The member's quarter hours for the log's day, up by `quarters` (down for a rejection), never past `most`. */
function dayUpdate(tableName: string, log: WorkLog, quarters: number, most = 0): TransactItem {
  return {
    Update: {
      TableName: tableName,
      Key: workDayKeys(log.personId, log.date),
      UpdateExpression: 'SET #type = :type ADD quarters :quarters',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: {
        ':type': 'work-day',
        ':quarters': quarters,
        ...(quarters > 0 ? { ':room': most - quarters } : {}),
      },
      ...(quarters > 0 ? { ConditionExpression: 'attribute_not_exists(quarters) OR quarters <= :room' } : {}),
    },
  };
}

export function createWorkLogRepository(client: DynamoDBDocumentClient, tableName: string): WorkLogRepository {
  return {
    // Access pattern `work-log-by-id`: one log, strongly consistent (a decision decides from it).
    async get(workLogId) {
      const item = await getItem(client, tableName, workLogLookup(workLogId), { consistent: true });
      return item ? toWorkLog(item) : null;
    },

    // Access pattern `work-log-write`: the log once per id, and its day's hours at most 96 quarters.
    async create(log, day) {
      const put: TransactItem = {
        Put: { TableName: tableName, Item: workLogItem(log), ConditionExpression: 'attribute_not_exists(pk)' },
      };
      await transact(
        client,
        [put, dayUpdate(tableName, log, day.quarters, day.most)],
        'This log exists, or the day would pass 24 hours.',
      );
    },

    // Access pattern `work-day`: a member's logged hours for one day.
    async dayQuarters(personId, date) {
      const item = await getItem(client, tableName, workDayKeys(personId, date), { consistent: true });
      return typeof item?.quarters === 'number' ? item.quarters : 0;
    },

    // Access pattern `work-log-write`: only while it awaits approval, giving its hours back to the day.
    async reject(log, quarters) {
      await transact(
        client,
        [decidedLogPut(tableName, log), dayUpdate(tableName, log, -quarters)],
        'The log was decided meanwhile.',
      );
    },

    // Access pattern `work-logs-of-person`: a member's logs, newest first, a page at a time (gsi1).
    async pageOfPerson(personId, request) {
      const page = await queryListingPage(client, tableName, workLogsOfPerson(personId), request, {
        newestFirst: true,
      });
      return pageOf(page, toWorkLog);
    },

    // Access pattern `work-logs-awaiting`: a syndicate's logs awaiting approval, oldest first (gsi2, sparse).
    async pageAwaiting(syndicateId, request) {
      const page = await queryIndexPage(client, tableName, workLogsAwaiting(syndicateId), request);
      return pageOf(page, toWorkLog);
    },
  };
}
