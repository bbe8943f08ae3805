import { createHash } from 'node:crypto';
import { type DynamoDBDocumentClient, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, RuleViolationError } from '#domain/errors.ts';
import type { SavedSearch, SavedSearchRepository } from '#domain/openings/saved-search.ts';
import { failedConditions, storeCall } from './errors.ts';
import { fromItem, getItem, pageOf, queryIndexPage, queryPrefixPage } from './items.ts';
import {
  feedTokenKeys,
  savedSearchAlerts,
  savedSearchCountKeys,
  savedSearchesOf,
  savedSearchKeys,
  savedSearchLookup,
} from './keys.ts';

/** A feed address's key holds the SHA-256 of its token, never the token (a leaked table names no feed). */
export const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('base64url');
const alertOf = (search: SavedSearch) => (search.alert === 'off' ? undefined : search.alert);

export function createSavedSearchRepository(client: DynamoDBDocumentClient, tableName: string): SavedSearchRepository {
  const item = (search: SavedSearch) => ({
    ...savedSearchKeys(search.personId, search.id, alertOf(search)),
    type: 'saved-search',
    ...search,
  });
  const feedItem = (search: SavedSearch, token: string) => ({
    Put: {
      TableName: tableName,
      Item: {
        ...feedTokenKeys(tokenHash(token)),
        type: 'saved-search-feed',
        personId: search.personId,
        savedSearchId: search.id,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  });
  // The stored copy is still the one read: its update time is rewritten by every change.
  const unchanged = (search: SavedSearch) => ({
    ConditionExpression: 'updatedAt = :read',
    ExpressionAttributeValues: { ':read': search.updatedAt },
  });
  const changed = 'The saved search changed since it was read: reload it and try again.';

  return {
    // Access pattern `saved-search-create`: the search, its feed address and the person's count, at once.
    async create(search, max) {
      try {
        await storeCall(() =>
          client.send(
            new TransactWriteCommand({
              TransactItems: [
                { Put: { TableName: tableName, Item: item(search), ConditionExpression: 'attribute_not_exists(pk)' } },
                feedItem(search, search.feedToken),
                {
                  Update: {
                    TableName: tableName,
                    Key: savedSearchCountKeys(search.personId),
                    UpdateExpression: 'SET #type = :type ADD savedSearches :one',
                    ConditionExpression: 'attribute_not_exists(savedSearches) OR savedSearches < :max',
                    ExpressionAttributeNames: { '#type': 'type' },
                    ExpressionAttributeValues: { ':type': 'saved-search-count', ':one': 1, ':max': max },
                  },
                },
              ],
            }),
          ),
        );
      } catch (error) {
        if (failedConditions(error).includes(2)) {
          throw new RuleViolationError(
            'too-many-saved-searches',
            `You have ${max} saved searches, the most one person keeps: delete one before saving another.`,
          );
        }
        throw error;
      }
    },

    // Access pattern `saved-search-by-id`: one of a person's saved searches.
    async get(personId, savedSearchId) {
      const found = await getItem(client, tableName, savedSearchLookup(personId, savedSearchId));
      return found ? fromItem<SavedSearch>(found) : null;
    },

    // Access pattern `saved-searches-of-person`: a person's saved searches, a page at a time.
    async page(personId, request) {
      const found = await queryPrefixPage(client, tableName, savedSearchesOf(personId), request);
      return pageOf(found, fromItem<SavedSearch>);
    },

    // Access pattern `saved-search-change`: the whole item over the copy read (its gsi2 keys follow the alert).
    async update(search, previous) {
      await storeCall(
        () =>
          client.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: tableName,
                    Item: item(search),
                    ...unchanged(previous),
                  },
                },
              ],
            }),
          ),
        changed,
      );
    },

    // Access pattern `saved-search-remove`: the search, its feed address and one off the count, at once.
    async remove(search) {
      await storeCall(
        () =>
          client.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Delete: {
                    TableName: tableName,
                    Key: savedSearchLookup(search.personId, search.id),
                    ...unchanged(search),
                  },
                },
                { Delete: { TableName: tableName, Key: feedTokenKeys(tokenHash(search.feedToken)) } },
                {
                  Update: {
                    TableName: tableName,
                    Key: savedSearchCountKeys(search.personId),
                    UpdateExpression: 'ADD savedSearches :minusOne',
                    ConditionExpression: 'savedSearches > :zero',
                    ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
                  },
                },
              ],
            }),
          ),
        changed,
      );
    },

    // Access pattern `saved-search-feed-renew`: a new feed address in, the old one out, at once.
    async replaceFeedToken(search, token, now) {
      await storeCall(
        () =>
          client.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Update: {
                    TableName: tableName,
                    Key: savedSearchLookup(search.personId, search.id),
                    UpdateExpression: 'SET feedToken = :token, updatedAt = :now',
                    ConditionExpression: 'updatedAt = :read',
                    ExpressionAttributeValues: { ':token': token, ':now': now, ':read': search.updatedAt },
                  },
                },
                { Delete: { TableName: tableName, Key: feedTokenKeys(tokenHash(search.feedToken)) } },
                feedItem(search, token),
              ],
            }),
          ),
        changed,
      );
    },

    // Access pattern `saved-search-by-feed`: the feed address, then the saved search it names.
    async byFeedToken(token) {
      const feed = await getItem(client, tableName, feedTokenKeys(tokenHash(token)));
      if (!feed) return null;
      const search = await this.get(String(feed.personId), String(feed.savedSearchId));
      // A renewal in flight between the two reads: the saved search's own token decides.
      return search && search.feedToken === token ? search : null;
    },

    // Access pattern `saved-searches-with-alert`: saved searches alerted at one frequency (gsi2), paged.
    async pageWithAlert(alert, request) {
      const found = await queryIndexPage(client, tableName, savedSearchAlerts(alert), request);
      return pageOf(found, fromItem<SavedSearch>);
    },

    // Access pattern `saved-search-mark-sent`: when its matches were last sent; never moves back.
    async markSent(personId, savedSearchId, at) {
      try {
        await storeCall(() =>
          client.send(
            new UpdateCommand({
              TableName: tableName,
              Key: savedSearchLookup(personId, savedSearchId),
              UpdateExpression: 'SET lastSentAt = :at',
              ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(lastSentAt) OR lastSentAt < :at)',
              ExpressionAttributeValues: { ':at': at },
            }),
          ),
        );
      } catch (error) {
        // Already marked later (a sweep that overlapped this one), or deleted since: nothing to record.
        if (!(error instanceof ConflictError)) throw error;
      }
    },
  };
}
