import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ValueReport } from '#domain/innovations/adoption.ts';
import type { InnovationRecord } from '#domain/innovations/innovation.ts';
import type { InnovationRepository } from '#domain/innovations/innovation-repository.ts';
import { storeCall } from './errors.ts';
import {
  inventorLinkItems,
  logAppendItems,
  recordUpdate,
  settlementItems,
  toAdoption,
  toRecord,
  toReport,
  toVersion,
  versionPut,
  transact,
} from './innovation-items.ts';
import { getItem, type Item, queryAll } from './items.ts';
import {
  adoptionKeys,
  adoptionLookup,
  innovationKeys,
  innovationLookup,
  innovationVersionKeys,
  valueReportKeys,
  valueReportLookup,
} from './keys.ts';

/** The item is at revision `:expected`; one stored before revisions were kept counts as revision 0. */
const revIs = (name: string, expected: number) =>
  expected === 0 ? `(attribute_not_exists(${name}) OR ${name} = :expected)` : `${name} = :expected`;

export function createInnovationRepository(client: DynamoDBDocumentClient, tableName: string): InnovationRepository {
  // Reads are strongly consistent: use cases re-read after a lost race and must see the winner's write.
  const get = (key: { pk: string; sk: string }) => getItem(client, tableName, key, { consistent: true });
  const inRecord = (innovationId: string, prefix: string) =>
    queryAll(client, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `INNOV#${innovationId}`, ':prefix': prefix },
      ConsistentRead: true,
    });
  const bySyndicate = (syndicateId: string, prefix: string) =>
    queryAll(client, {
      TableName: tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `SYND#${syndicateId}`, ':prefix': prefix },
    });
  const reportItem = (report: ValueReport): Item => ({ ...valueReportKeys(report), type: 'value-report', ...report });

  return {
    // Access pattern: a record by id.
    async get(innovationId) {
      const item = await get(innovationLookup(innovationId));
      return item ? toRecord(item) : null;
    },

    // Access pattern: one version of a record.
    async getVersion(innovationId, version) {
      const item = await get(innovationVersionKeys(innovationId, version));
      return item ? toVersion(item) : null;
    },

    // Access pattern: a record's versions, oldest first.
    async listVersions(innovationId) {
      return (await inRecord(innovationId, 'VERSION#')).map(toVersion);
    },

    // Access pattern: the registry, newest first (gsi1).
    async listPublished() {
      const items = await queryAll(client, {
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': 'INNOVATIONS#published' },
        ScanIndexForward: false,
      });
      return items.map(toRecord);
    },

    // Access pattern: a person's records through their inventor links (gsi1), then each record.
    async listByInventor(personId) {
      const links = await queryAll(client, {
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `PERSON#${personId}`, ':prefix': 'INVENTS#' },
        ScanIndexForward: false,
      });
      const records = await Promise.all(links.map((link) => this.get(String(link.innovationId))));
      return records.filter((record): record is InnovationRecord => record !== null);
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

    // Access pattern: one syndicate's adoption of one record.
    async getAdoption(innovationId, syndicateId) {
      const item = await get(adoptionLookup(innovationId, syndicateId));
      return item ? toAdoption(item) : null;
    },

    // Access pattern: a record's adopters.
    async listAdoptions(innovationId) {
      return (await inRecord(innovationId, 'ADOPT#')).map(toAdoption);
    },

    // Access pattern: a syndicate's adoptions (gsi1).
    async listAdoptionsBySyndicate(syndicateId) {
      return (await bySyndicate(syndicateId, 'ADOPT#')).map(toAdoption);
    },

    async adopt(adoption, log) {
      await transact(
        client,
        [
          {
            Put: {
              TableName: tableName,
              Item: {
                ...adoptionKeys(adoption.innovationId, adoption.syndicateId, adoption.adoptedAt),
                type: 'adoption',
                ...adoption,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Update: {
              TableName: tableName,
              Key: innovationLookup(adoption.innovationId),
              UpdateExpression: 'ADD adopterCount :one',
              ConditionExpression: '#status = :published',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':one': 1, ':published': 'published' },
            },
          },
          ...logAppendItems(tableName, log),
        ],
        'The adoption or the log changed meanwhile.',
      );
    },

    // Access pattern: one value report.
    async getReport(innovationId, reportId) {
      const item = await get(valueReportLookup(innovationId, reportId));
      return item ? toReport(item) : null;
    },

    // Access pattern: a record's value reports.
    async listReports(innovationId) {
      return (await inRecord(innovationId, 'REPORT#')).map(toReport);
    },

    // Access pattern: a syndicate's value reports by date (gsi1).
    async listReportsBySyndicate(syndicateId) {
      return (await bySyndicate(syndicateId, 'REPORT#')).map(toReport);
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
