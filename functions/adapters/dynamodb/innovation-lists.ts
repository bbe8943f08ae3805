// The innovation lists a request reads, a page at a time (queryPage), and the batch reads that fill a
// page from ids (getItems): never a whole list, never one GetItem per item.
import type { DynamoDBDocumentClient, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { ValueReport } from '#domain/innovations/adoption.ts';
import type { InnovationRepository, PublishedFilter } from '#domain/innovations/innovation-repository.ts';
import { parseEvent } from '#domain/innovations/log-events.ts';
import type { PageRequest } from '#domain/paging.ts';
import { toAdoption, toRecord, toReport, toVersion } from './innovation-items.ts';
import { getItems, itemKey, pageOf, queryPage } from './items.ts';
import {
  adoptionLookup,
  innovationLookup,
  innovationVersionKeys,
  inventorRecordsKey,
  publishedRecordsKey,
  recordItemsKey,
  recordLogEntriesKey,
  recordSettlementsKey,
  syndicateInnovationItemsKey,
  valueReportLookup,
} from './keys.ts';
import { prefixValues, startsWith } from './key-prefix.ts';

type ListMethods = Pick<
  InnovationRepository,
  | 'getMany'
  | 'getVersions'
  | 'publishedPage'
  | 'inventorPage'
  | 'getAdoptions'
  | 'adoptionsPage'
  | 'adoptionsBySyndicatePage'
  | 'reportsPage'
  | 'settlementsPage'
  | 'reportsBySyndicatePage'
>;

type QueryInput = Omit<QueryCommandInput, 'ExclusiveStartKey' | 'Limit'>;

/**
 * The registry's narrowing as a FilterExpression: what it drops is read and paid for, so this serves
 * only the registry while search is down (queryPage reads on a bounded number of times, then hands
 * back a short page with `next`).
 */
export function publishedFilterExpression(filter: PublishedFilter): Partial<QueryInput> {
  const clauses: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (filter.skill) {
    clauses.push('contains(#skills, :skill)');
    names['#skills'] = 'skills';
    values[':skill'] = filter.skill;
  }
  if (filter.practice) {
    clauses.push('#practice = :practice');
    names['#practice'] = 'practice';
    values[':practice'] = filter.practice;
  }
  if (filter.adopted !== undefined) {
    names['#adopters'] = 'adopterCount';
    values[':none'] = 0;
    clauses.push(filter.adopted ? '#adopters > :none' : '(attribute_not_exists(#adopters) OR #adopters = :none)');
  }
  if (filter.trade) {
    // A record's trade is its practice guide's, else its first skill's (as search indexes it).
    const { practices, skills } = filter.trade;
    names['#practice'] = 'practice';
    names['#skills'] = 'skills';
    practices.forEach((practice, i) => {
      values[`:tp${i}`] = practice;
    });
    skills.forEach((skill, i) => {
      values[`:ts${i}`] = skill;
    });
    const byPractice = practices.length > 0 ? `#practice IN (${practices.map((_, i) => `:tp${i}`).join(', ')})` : '';
    const bySkill =
      skills.length > 0
        ? `(attribute_not_exists(#practice) AND #skills[0] IN (${skills.map((_, i) => `:ts${i}`).join(', ')}))`
        : '';
    const either = [byPractice, bySkill].filter(Boolean);
    // A trade with nothing in the commons matches nothing.
    clauses.push(either.length > 0 ? `(${either.join(' OR ')})` : 'attribute_not_exists(pk)');
  }
  if (clauses.length === 0) return {};
  return {
    FilterExpression: clauses.join(' AND '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

export function createInnovationLists(client: DynamoDBDocumentClient, tableName: string): ListMethods {
  const byGsi1 = (gsi1pk: string, prefix: string | undefined, newestFirst: boolean): QueryInput => ({
    TableName: tableName,
    IndexName: 'gsi1',
    KeyConditionExpression: prefix === undefined ? 'gsi1pk = :pk' : `gsi1pk = :pk AND ${startsWith('gsi1sk')}`,
    ExpressionAttributeValues: { ':pk': gsi1pk, ...(prefix === undefined ? {} : prefixValues(prefix)) },
    ...(newestFirst ? { ScanIndexForward: false } : {}),
  });
  const gsi1Page = (input: QueryInput, request: PageRequest) =>
    queryPage(client, input, request, { name: 'gsi1pk', value: String(input.ExpressionAttributeValues?.[':pk']) });

  const getReports = async (refs: ReadonlyArray<{ innovationId: string; reportId: string }>) => {
    const keys = refs.map((ref) => valueReportLookup(ref.innovationId, ref.reportId));
    const found = await getItems(client, tableName, keys);
    return keys.flatMap((key) => {
      const item = found.get(itemKey(key));
      return item ? [toReport(item)] : [];
    });
  };

  return {
    // Access pattern `records-by-ids`: several records by id (one batch read).
    async getMany(innovationIds) {
      const found = await getItems(client, tableName, innovationIds.map(innovationLookup));
      return new Map([...found.values()].map((item) => [String(item.id), toRecord(item)]));
    },

    // Access pattern `versions-by-refs`: several versions by record and number (one batch read).
    async getVersions(refs) {
      const found = await getItems(
        client,
        tableName,
        refs.map((ref) => innovationVersionKeys(ref.innovationId, ref.version)),
      );
      return [...found.values()].map(toVersion);
    },

    // Access pattern `registry`: the registry, a page at a time, newest first (gsi1).
    async publishedPage(request, filter = {}) {
      const input = { ...byGsi1(publishedRecordsKey.gsi1pk, undefined, true), ...publishedFilterExpression(filter) };
      if (input.FilterExpression) {
        input.ExpressionAttributeValues = { ':pk': publishedRecordsKey.gsi1pk, ...input.ExpressionAttributeValues };
      }
      return pageOf(await gsi1Page(input, request), toRecord);
    },

    // Access pattern `records-of-inventor`: the ids of a person's records through their inventor links (gsi1), newest
    // first.
    async inventorPage(personId, request) {
      const key = inventorRecordsKey(personId);
      return pageOf(await gsi1Page(byGsi1(key.gsi1pk, key.prefix, true), request), (item) => String(item.innovationId));
    },

    // Access pattern `adoptions-by-refs`: several adoptions by record and syndicate (one batch read).
    async getAdoptions(refs) {
      const found = await getItems(
        client,
        tableName,
        refs.map((ref) => adoptionLookup(ref.innovationId, ref.syndicateId)),
      );
      return [...found.values()].map(toAdoption);
    },

    // Access pattern `adoptions-of-record`: a page of a record's adoptions, by syndicate id.
    async adoptionsPage(innovationId, request) {
      const key = recordItemsKey(innovationId, 'adoptions');
      const page = await queryPage(
        client,
        {
          TableName: tableName,
          KeyConditionExpression: `pk = :pk AND ${startsWith('sk')}`,
          ExpressionAttributeValues: { ':pk': key.pk, ...prefixValues(key.prefix) },
        },
        request,
        { name: 'pk', value: key.pk },
      );
      return pageOf(page, toAdoption);
    },

    // Access pattern `adoptions-of-syndicate`: a page of a syndicate's adoptions, newest first (gsi1).
    async adoptionsBySyndicatePage(syndicateId, request) {
      const key = syndicateInnovationItemsKey(syndicateId, 'adoptions');
      return pageOf(await gsi1Page(byGsi1(key.gsi1pk, key.prefix, true), request), toAdoption);
    },

    // Access pattern `reports-of-record`: a page of a record's value reports, newest first, through the record's log
    // entries (gsi1): each report and each settlement was logged when it happened, and the log keeps that order.
    async reportsPage(innovationId, request, which = 'reported') {
      const key = recordLogEntriesKey(innovationId);
      const page = await gsi1Page(
        {
          ...byGsi1(key.gsi1pk, key.prefix, true),
          FilterExpression: '#kind = :kind',
          ExpressionAttributeNames: { '#kind': 'kind' },
          ExpressionAttributeValues: {
            ':pk': key.gsi1pk,
            ...prefixValues(key.prefix),
            ':kind': which === 'settled' ? 'settlement' : 'value-report',
          },
        },
        request,
      );
      const refs = page.items.flatMap((item) => {
        const event = parseEvent(String(item.data));
        return event && 'reportId' in event ? [{ innovationId, reportId: event.reportId }] : [];
      });
      const reports: ValueReport[] = await getReports(refs);
      return { ...pageOf(page, () => null), items: reports };
    },

    // Access pattern `settlements-of-record`: a page of a record's settled reports, newest settlement first (gsi2,
    // where the settlement's transaction lists them): settlements alone, whatever else the record's log holds.
    async settlementsPage(innovationId, request) {
      const key = recordSettlementsKey(innovationId);
      const page = await queryPage(
        client,
        {
          TableName: tableName,
          IndexName: 'gsi2',
          KeyConditionExpression: `gsi2pk = :pk AND ${startsWith('gsi2sk')}`,
          ExpressionAttributeValues: { ':pk': key.gsi2pk, ...prefixValues(key.prefix) },
          ScanIndexForward: false,
        },
        request,
        { name: 'gsi2pk', value: key.gsi2pk },
      );
      return pageOf(page, toReport);
    },

    // Access pattern `reports-of-syndicate`: a page of a syndicate's value reports, newest first (gsi1).
    async reportsBySyndicatePage(syndicateId, request) {
      const key = syndicateInnovationItemsKey(syndicateId, 'reports');
      return pageOf(await gsi1Page(byGsi1(key.gsi1pk, key.prefix, true), request), toReport);
    },
  };
}
