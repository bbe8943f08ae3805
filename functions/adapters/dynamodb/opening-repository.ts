import { type DynamoDBDocumentClient, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Application } from '#domain/openings/application.ts';
import type { Opening } from '#domain/openings/opening.ts';
import type { OpeningRepository } from '#domain/openings/opening-repository.ts';
import { storeCall } from './errors.ts';
import { fromItem, getItem, itemInTheWay, queryKeys } from './items.ts';
import { applicationKeys, applicationLookup, openingKeys, openingLookup } from './keys.ts';

export function createOpeningRepository(client: DynamoDBDocumentClient, tableName: string): OpeningRepository {
  const openingItem = (opening: Opening) => ({ ...openingKeys(opening), type: 'opening', ...opening });
  const versionGuard = (opening: Opening) => ({
    ConditionExpression: 'version = :expected',
    ExpressionAttributeValues: { ':expected': opening.version - 1 },
  });
  const applicationGuard = (expected: Application['status']) => ({
    ConditionExpression: '#status = :expected',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':expected': expected },
  });
  const getApplication = async (openingId: string, personId: string) => {
    const item = await getItem(client, tableName, applicationLookup(openingId, personId));
    return item ? fromItem<Application>(item) : null;
  };

  return {
    // Access pattern: an opening by id.
    async get(openingId) {
      const item = await getItem(client, tableName, openingLookup(openingId));
      return item ? fromItem<Opening>(item) : null;
    },

    async create(opening) {
      await storeCall(
        () =>
          client.send(
            new PutCommand({
              TableName: tableName,
              Item: openingItem(opening),
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
          ),
        `An opening with the id "${opening.id}" exists already.`,
      );
    },

    async save(opening) {
      await storeCall(
        () =>
          client.send(new PutCommand({ TableName: tableName, Item: openingItem(opening), ...versionGuard(opening) })),
        'The opening changed meanwhile; reload and try again.',
      );
    },

    // Access pattern: a syndicate's openings, any status (gsi2).
    async listBySyndicate(syndicateId) {
      return queryKeys<Opening>(client, tableName, {
        index: 'gsi2',
        partition: `SYND#${syndicateId}`,
        prefix: 'OPENING#',
      });
    },

    // Access pattern: openings in one status, newest first (gsi1): the global board.
    async listByStatus(status) {
      return queryKeys<Opening>(client, tableName, {
        index: 'gsi1',
        partition: `OPENINGS#${status}`,
        newestFirst: true,
      });
    },

    getApplication,

    // Access pattern: one application per person and opening; a retry returns the first.
    async createApplication(application) {
      try {
        await storeCall(() =>
          client.send(
            new PutCommand({
              TableName: tableName,
              Item: {
                ...applicationKeys(application.openingId, application.personId, application.createdAt),
                type: 'application',
                ...application,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
              // A retry gets the first application back in the same round trip.
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            }),
          ),
        );
        return { application, created: true };
      } catch (error) {
        const existing = itemInTheWay(error);
        if (!existing) throw error;
        return { application: fromItem<Application>(existing), created: false };
      }
    },

    async saveApplication(application, expected) {
      const stored = await getApplication(application.openingId, application.personId);
      const keys = applicationKeys(
        application.openingId,
        application.personId,
        stored?.createdAt ?? application.createdAt,
      );
      await storeCall(
        () =>
          client.send(
            new PutCommand({
              TableName: tableName,
              Item: { ...keys, type: 'application', ...application },
              ...applicationGuard(expected),
            }),
          ),
        'The application changed meanwhile.',
      );
    },

    // Access pattern: an opening's applications.
    async listApplications(openingId) {
      return queryKeys<Application>(client, tableName, { partition: `OPENING#${openingId}`, prefix: 'APPLY#' });
    },

    // Access pattern: a person's applications, newest first (gsi1).
    async listApplicationsOf(personId) {
      return queryKeys<Application>(client, tableName, {
        index: 'gsi1',
        partition: `PERSON#${personId}`,
        prefix: 'APPLY#',
        newestFirst: true,
      });
    },

    async accept(application, opening) {
      await storeCall(
        () =>
          client.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: tableName,
                    Item: {
                      ...applicationKeys(application.openingId, application.personId, application.createdAt),
                      type: 'application',
                      ...application,
                    },
                    ...applicationGuard('submitted'),
                  },
                },
                // Filled only over the version read: two accepts on the last position cannot both win.
                { Put: { TableName: tableName, Item: openingItem(opening), ...versionGuard(opening) } },
              ],
            }),
          ),
        'Another decision was recorded first.',
      );
    },
  };
}
