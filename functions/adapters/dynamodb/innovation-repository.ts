import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ValueReport } from '#domain/innovations/adoption.ts';
import { maxVersions } from '#domain/innovations/innovation.ts';
import type { InnovationRepository } from '#domain/innovations/innovation-repository.ts';
import { storeCall } from './errors.ts';
import {
  adoptionItems,
  inventorLinkItems,
  logAppendItems,
  recordUpdate,
  settlementItems,
  toAdoption,
  toRecord,
  toReport,
  toVersion,
  type TransactItem,
  versionPut,
  transact,
} from './innovation-items.ts';
import { createInnovationLists } from './innovation-lists.ts';
import { getItem, type Item, queryAll } from './items.ts';
import {
  adoptionLookup,
  innovationKeys,
  innovationLookup,
  innovationVersionKeys,
  recordItemsKey,
  syndicateLookup,
  valueReportKeys,
  valueReportLookup,
} from './keys.ts';
import { prefixValues, startsWith } from './key-prefix.ts';

/** The item is at revision `:expected`; one stored before revisions were kept counts as revision 0. */
const revIs = (name: string, expected: number) =>
  expected === 0 ? `(attribute_not_exists(${name}) OR ${name} = :expected)` : `${name} = :expected`;

export function createInnovationRepository(client: DynamoDBDocumentClient, tableName: string): InnovationRepository {
  // Reads are strongly consistent: use cases re-read after a lost race and must see the winner's write.
  const get = (key: { pk: string; sk: string }) => getItem(client, tableName, key, { consistent: true });
  const reportItem = (report: ValueReport): Item => ({ ...valueReportKeys(report), type: 'value-report', ...report });

  return {
    ...createInnovationLists(client, tableName),

    // Access pattern `record-by-id`: a record by id.
    async get(innovationId) {
      const item = await get(innovationLookup(innovationId));
      return item ? toRecord(item) : null;
    },

    // Access pattern `version-by-number`: one version of a record.
    async getVersion(innovationId, version) {
      const item = await get(innovationVersionKeys(innovationId, version));
      return item ? toVersion(item) : null;
    },

    // Access pattern `versions-of-record`: a record's versions, oldest first: at most maxVersions and a draft
    // (bounded).
    async listVersions(innovationId) {
      const key = recordItemsKey(innovationId, 'versions');
      const items = await queryAll(client, {
        TableName: tableName,
        KeyConditionExpression: `pk = :pk AND ${startsWith('sk')}`,
        ExpressionAttributeValues: { ':pk': key.pk, ...prefixValues(key.prefix) },
        ConsistentRead: true,
      });
      if (items.length > maxVersions + 1) throw new Error(`Record ${innovationId} has more versions than allowed.`);
      return items.map(toVersion);
    },

    async createDraft(record, version) {
      await transact(
        client,
        [
          {
            Put: {
              TableName: tableName,
              Item: { ...innovationKeys(record), type: 'innovation', ...record },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          versionPut(tableName, version, null),
          ...inventorLinkItems(tableName, null, record),
        ],
        `A record with the id "${record.id}" exists already.`,
      );
    },

    async saveDraft(record, version, before) {
      await transact(
        client,
        [
          recordUpdate(tableName, record, before.record.rev),
          versionPut(tableName, version, before.versionRev),
          ...inventorLinkItems(tableName, before.record, record),
        ],
        'The draft changed meanwhile; reload it and try again.',
      );
    },

    async publish({ record, before, version, draftRev, consentedBy }, log) {
      await transact(
        client,
        [
          recordUpdate(tableName, record, before.rev),
          versionPut(tableName, version, draftRev, consentedBy),
          ...inventorLinkItems(tableName, before, record),
          ...logAppendItems(tableName, log),
        ],
        'The record or the log changed meanwhile.',
      );
    },

    // Access pattern `adoption-by-record-and-syndicate`: one syndicate's adoption of one record.
    async getAdoption(innovationId, syndicateId) {
      const item = await get(adoptionLookup(innovationId, syndicateId));
      return item ? toAdoption(item) : null;
    },

    async adopt(adoption, log, options = {}) {
      // A direct adoption is an admin's alone only while the syndicate has one member: a join landing
      // after the rule was read makes it theirs to vote, so the write is conditional on the count.
      const soleMember: TransactItem[] = options.soleMember
        ? [
            {
              ConditionCheck: {
                TableName: tableName,
                Key: syndicateLookup(adoption.syndicateId),
                ConditionExpression: 'memberCount <= :one',
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
          ]
        : [];
      await transact(
        client,
        [...adoptionItems(tableName, adoption), ...soleMember, ...logAppendItems(tableName, log)],
        'The adoption, the syndicate’s members or the log changed meanwhile.',
      );
    },

    // Access pattern `report-by-id`: one value report.
    async getReport(innovationId, reportId) {
      const item = await get(valueReportLookup(innovationId, reportId));
      return item ? toReport(item) : null;
    },

    async createReport(report, adoption, adoptionRev, log) {
      await transact(
        client,
        [
          {
            Update: {
              TableName: tableName,
              Key: adoptionLookup(report.innovationId, report.syndicateId),
              UpdateExpression: 'SET reported = :reported, #rev = :rev',
              // Over the adoption the periods were checked against, so two reports cannot both claim one.
              ConditionExpression: `attribute_exists(pk) AND ${revIs('#rev', adoptionRev)}`,
              ExpressionAttributeNames: { '#rev': 'rev' },
              ExpressionAttributeValues: {
                ':reported': adoption.reported,
                ':rev': adoption.rev,
                ':expected': adoptionRev,
              },
            },
          },
          { Put: { TableName: tableName, Item: reportItem(report), ConditionExpression: 'attribute_not_exists(pk)' } },
          ...logAppendItems(tableName, log),
        ],
        'The adoption or the log changed meanwhile.',
      );
    },

    async decideReport(report, expectedRev, windowOpenAfter) {
      const conditions = [
        '#status = :pending',
        revIs('#rev', expectedRev),
        ...(windowOpenAfter ? ['reportedAt > :cutoff'] : []),
      ];
      await storeCall(
        () =>
          client.send(
            new PutCommand({
              TableName: tableName,
              Item: reportItem(report),
              ConditionExpression: conditions.join(' AND '),
              ExpressionAttributeNames: { '#status': 'status', '#rev': 'rev' },
              ExpressionAttributeValues: {
                ':pending': 'pending',
                ':expected': expectedRev,
                ...(windowOpenAfter ? { ':cutoff': windowOpenAfter } : {}),
              },
            }),
          ),
        'The report was decided meanwhile.',
      );
    },

    async settle(write, log) {
      await transact(
        client,
        settlementItems(tableName, write, log),
        'The report, a balance or the log changed meanwhile.',
      );
    },
  };
}
