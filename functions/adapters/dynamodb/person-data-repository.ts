// A person's data as a whole, found by key: the export reads it a page at a time and the account
// deletion removes it (domain/people/person-data.ts says which keys and why).
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '#domain/errors.ts';
import type { Page, PageRequest } from '#domain/paging.ts';
import type { CvRecord } from '#domain/people/cv.ts';
import type { AccountDeletion, PersonDataPart, PersonDataRepository, StoredItem } from '#domain/people/person-data.ts';
import { batchWriteAll } from './bulk.ts';
import { storeCall } from './errors.ts';
import { fromItem, getItem, type Item, pageOf, queryPage, queryPrefixPage } from './items.ts';
import {
  accountDeletionKeys,
  accountOrdersKey,
  accountPartition,
  applicationNotesPartition,
  applicationScope,
  applicationThreadPartition,
  cvKeys,
  feedTokenKeys,
  idempotencyOf,
  inboxPartition,
  personFollowers,
  personListing,
  personPartition,
  proposalList,
  votesByPerson,
} from './keys.ts';
import { removePerson } from './people-repository.ts';
import { tokenHash } from './saved-search-repository.ts';
import { prefixValues, startsWith } from './key-prefix.ts';

const refOf = (key: { pk: unknown; sk: unknown }) => JSON.stringify({ pk: key.pk, sk: key.sk });

const stored = (item: Item): StoredItem => ({
  type: typeof item.type === 'string' ? item.type : 'unknown',
  data: fromItem<Record<string, unknown>>(item),
  ref: refOf({ pk: item.pk, sk: item.sk }),
  // Access pattern `saved-search-feed-remove`: a saved search's feed address lies outside the person's
  // keys, found only through the token on the saved search; the deletion removes it first.
  ...(item.type === 'saved-search' && typeof item.feedToken === 'string'
    ? { attached: [refOf(feedTokenKeys(tokenHash(item.feedToken)))] }
    : {}),
});

function keyOf(ref: string): { pk: string; sk: string } {
  const key = JSON.parse(ref) as { pk?: unknown; sk?: unknown };
  if (typeof key.pk !== 'string' || typeof key.sk !== 'string') throw new Error(`Not an item reference: ${ref}`);
  return { pk: key.pk, sk: key.sk };
}

export function createPersonDataRepository(client: DynamoDBDocumentClient, tableName: string): PersonDataRepository {
  /** One page of a partition (base table) or a gsi1 or gsi2 listing, optionally below a sort-key prefix. */
  const pageOfKey = async (
    key: { pk: string; prefix?: string } | { gsi1pk: string } | { gsi2pk: string },
    request: PageRequest,
  ): Promise<Page<StoredItem>> => {
    const index = 'gsi1pk' in key ? 'gsi1' : 'gsi2pk' in key ? 'gsi2' : undefined;
    const partition =
      'gsi1pk' in key
        ? { name: 'gsi1pk', value: key.gsi1pk }
        : 'gsi2pk' in key
          ? { name: 'gsi2pk', value: key.gsi2pk }
          : { name: 'pk', value: key.pk };
    const prefix = 'pk' in key && key.prefix !== undefined ? key.prefix : undefined;
    const page = await queryPage(
      client,
      {
        TableName: tableName,
        ...(index ? { IndexName: index } : {}),
        KeyConditionExpression: prefix === undefined ? '#pk = :pk' : `#pk = :pk AND ${startsWith('#sk')}`,
        ExpressionAttributeNames: { '#pk': partition.name, ...(prefix === undefined ? {} : { '#sk': 'sk' }) },
        ExpressionAttributeValues: { ':pk': partition.value, ...(prefix === undefined ? {} : prefixValues(prefix)) },
      },
      request,
      partition,
    );
    return pageOf(page, stored);
  };
  const partKey = (personId: string, part: PersonDataPart) => {
    switch (part) {
      // Access pattern `person-partition-paged`: everything under the person's own partition.
      case 'own':
        return personPartition(personId);
      // Access pattern `person-listing-paged`: everything gsi1 lists under the person.
      case 'listed':
        return personListing(personId);
      // Access pattern `idempotency-of-person-paged`: the first answers kept for their keys.
      case 'answers':
        return idempotencyOf(personId);
      // Access pattern `inbox-partition-paged`: their notifications and the unread count.
      case 'inbox':
        return inboxPartition(personId);
      // Access pattern `account-partition-paged`: their Bound account, entries and limit changes.
      case 'ledger':
        return accountPartition(`person:${personId}`);
      // Access pattern `orders-of-account`: the orders their own account placed (gsi1) or received (gsi2).
      case 'buying':
      case 'selling':
        return accountOrdersKey(`person:${personId}`, part);
      // Access pattern `proposals-listed`: their proposal drafts (gsi1).
      case 'drafts':
        return proposalList({ draftsOf: personId });
      // Access pattern `votes-of-person`: the votes they cast (gsi1).
      case 'votes':
        return votesByPerson(personId);
    }
  };

  return {
    // Access pattern `cv-by-person`: what is kept about a person's CV.
    async getCv(personId) {
      const item = await getItem(client, tableName, cvKeys(personId));
      return item ? fromItem<CvRecord>(item) : null;
    },
    // Access pattern `cv-save`: records a person's CV (replacing the one before).
    async saveCv(record) {
      await storeCall(() =>
        client.send(
          new PutCommand({ TableName: tableName, Item: { ...cvKeys(record.personId), type: 'cv', ...record } }),
        ),
      );
    },
    // Access pattern `cv-remove`: forgets a person's CV.
    async removeCv(personId) {
      await storeCall(() => client.send(new DeleteCommand({ TableName: tableName, Key: cvKeys(personId) })));
    },
    // One part of a person's data, a page at a time (the patterns are named in `partKey`).
    page: (personId, part, request) => pageOfKey(partKey(personId, part), request),
    // What is kept about one application beside it:
    // Access pattern `below-application-paged`: below the application's key.
    // Access pattern `thread-partition-paged`: its thread's partition.
    // Access pattern `notes-partition-paged`: its notes' partition.
    pageBelowApplication: (openingId, personId, request, scope = 'below') =>
      pageOfKey(
        scope === 'thread'
          ? applicationThreadPartition(openingId, personId)
          : scope === 'notes'
            ? applicationNotesPartition(openingId, personId)
            : applicationScope(openingId, personId),
        request,
      ),
    // Access pattern `person-remove`: a person's profile item.
    // Access pattern `commons-members`: the commons' member count, one fewer, with the profile.
    removeProfile: (personId) => removePerson(client, tableName, personId),
    // Access pattern `person-data-remove`: items by key, in batches of 25.
    async remove(refs) {
      await batchWriteAll(
        client,
        tableName,
        refs.map((ref) => ({ DeleteRequest: { Key: keyOf(ref) } })),
      );
    },
    // Access pattern `followers-of-person-paged`: the first page of the person's followers, removed by key.
    async forgetFollowers(personId, limit) {
      const page = await queryPrefixPage(client, tableName, personFollowers(personId), { limit });
      await batchWriteAll(
        client,
        tableName,
        page.items.map((item) => ({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } })),
      );
      return page.items.length;
    },
    // Access pattern `person-data-remove-fields`: takes fields out of one item, if it is still there.
    async removeFields(ref, fields) {
      if (fields.length === 0) return;
      try {
        await storeCall(() =>
          client.send(
            new UpdateCommand({
              TableName: tableName,
              Key: keyOf(ref),
              UpdateExpression: `REMOVE ${fields.map((_, i) => `#f${i}`).join(', ')}`,
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeNames: Object.fromEntries(fields.map((field, i) => [`#f${i}`, field])),
            }),
          ),
        );
      } catch (error) {
        // Gone already (or never there): nothing of it is left to take out.
        if (!(error instanceof ConflictError)) throw error;
      }
    },
    // Access pattern `account-deletion-by-person`: whether (and how far) a person's account was deleted.
    async getDeletion(personId) {
      const item = await getItem(client, tableName, accountDeletionKeys(personId), { consistent: true });
      return item ? fromItem<AccountDeletion>(item) : null;
    },
    // Access pattern `account-deletion-start`: written once; a second start finds the first.
    async startDeletion(deletion) {
      try {
        await storeCall(() =>
          client.send(
            new PutCommand({
              TableName: tableName,
              Item: { ...accountDeletionKeys(deletion.personId), type: 'account-deletion', ...deletion },
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
          ),
        );
        return deletion;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        const existing = await this.getDeletion(deletion.personId);
        if (!existing) throw error;
        return existing;
      }
    },
    // Access pattern `account-deletion-finish`: marks the deletion done.
    async finishDeletion(personId, finishedAt) {
      await storeCall(() =>
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: accountDeletionKeys(personId),
            UpdateExpression: 'SET #status = :deleted, finishedAt = :at',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':deleted': 'deleted', ':at': finishedAt },
          }),
        ),
      );
    },
  };
}
