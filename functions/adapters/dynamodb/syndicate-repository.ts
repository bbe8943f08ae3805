import {
  type DynamoDBDocumentClient,
  PutCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '#domain/errors.ts';
import type { Membership, Syndicate, SyndicateRepository } from '#domain/syndicates/syndicate.ts';
import { lastAdminError } from '#domain/syndicates/syndicate-use-cases.ts';
import { failedConditions, storeCall } from './errors.ts';
import { fromItem, getItem, queryKeys } from './items.ts';
import { membershipKeys, syndicateKeys, syndicateLookup } from './keys.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const counts = (membership: Membership | null) => ({
  member: membership?.status === 'active' ? 1 : 0,
  admin: membership?.status === 'active' && membership.role === 'admin' ? 1 : 0,
});

export function createSyndicateRepository(client: DynamoDBDocumentClient, tableName: string): SyndicateRepository {
  const getMembership = async (syndicateId: string, personId: string) => {
    const item = await getItem(client, tableName, membershipKeys(syndicateId, personId));
    return item ? fromItem<Membership>(item) : null;
  };

  return {
    // Access pattern: a syndicate by id.
    async get(syndicateId) {
      const item = await getItem(client, tableName, syndicateLookup(syndicateId));
      return item ? fromItem<Syndicate>(item) : null;
    },

    // Access pattern: every syndicate, by name (gsi1).
    async list() {
      return queryKeys<Syndicate>(client, tableName, { index: 'gsi1', partition: 'SYNDICATES' });
    },

    async create(syndicate, founder) {
      await storeCall(
        () =>
          client.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: tableName,
                    Item: { ...syndicateKeys(syndicate.id, syndicate.name), type: 'syndicate', ...syndicate },
                    ConditionExpression: 'attribute_not_exists(pk)',
                  },
                },
                {
                  Put: {
                    TableName: tableName,
                    Item: { ...membershipKeys(syndicate.id, founder.personId), type: 'membership', ...founder },
                  },
                },
              ],
            }),
          ),
        `A syndicate with the id "${syndicate.id}" exists already.`,
      );
    },

    async update(syndicate) {
      // Counts are the server's: an edit never writes them, so it cannot undo a concurrent join.
      await storeCall(() =>
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...syndicateKeys(syndicate.id, syndicate.name), type: 'syndicate', ...syndicate },
            ConditionExpression: 'attribute_exists(pk) AND memberCount = :members AND adminCount = :admins',
            ExpressionAttributeValues: { ':members': syndicate.memberCount, ':admins': syndicate.adminCount },
          }),
        ),
      );
    },

    getMembership,

    // Access pattern: a syndicate's members and requests.
    async listMemberships(syndicateId) {
      return queryKeys<Membership>(client, tableName, { partition: `SYND#${syndicateId}`, prefix: 'MEMBER#' });
    },

    // Access pattern: a person's memberships (gsi1).
    async listMembershipsOf(personId) {
      return queryKeys<Membership>(client, tableName, {
        index: 'gsi1',
        partition: `PERSON#${personId}`,
        prefix: 'MEMBER#',
      });
    },

    async requestMembership(membership) {
      try {
        await storeCall(() =>
          client.send(
            new PutCommand({
              TableName: tableName,
              Item: {
                ...membershipKeys(membership.syndicateId, membership.personId),
                type: 'membership',
                ...membership,
              },
              // Someone declined before may ask again; a member or a pending request stays as it is.
              ConditionExpression: 'attribute_not_exists(pk) OR #status = :declined',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':declined': 'declined' },
            }),
          ),
        );
        return membership;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        const existing = await getMembership(membership.syndicateId, membership.personId);
        if (existing) return existing;
        throw error;
      }
    },

    async changeMembership(from, to) {
      const before = counts(from);
      const after = counts(to);
      const memberDelta = after.member - before.member;
      const adminDelta = after.admin - before.admin;
      const keys = membershipKeys(from.syndicateId, from.personId);
      const guard = {
        ConditionExpression: '#status = :status AND #role = :role',
        ExpressionAttributeNames: { '#status': 'status', '#role': 'role' },
        ExpressionAttributeValues: { ':status': from.status, ':role': from.role },
      };
      const items: TransactItem[] = [
        {
          Update: {
            TableName: tableName,
            Key: syndicateLookup(from.syndicateId),
            UpdateExpression: 'SET memberCount = memberCount + :m, adminCount = adminCount + :a',
            // Losing an admin needs another to remain: checked here, atomically with the change.
            ConditionExpression: adminDelta < 0 ? 'adminCount > :one' : 'attribute_exists(pk)',
            ExpressionAttributeValues: {
              ':m': memberDelta,
              ':a': adminDelta,
              ...(adminDelta < 0 ? { ':one': 1 } : {}),
            },
          },
        },
        to
          ? { Put: { TableName: tableName, Item: { ...keys, type: 'membership', ...to }, ...guard } }
          : { Delete: { TableName: tableName, Key: { pk: keys.pk, sk: keys.sk }, ...guard } },
      ];
      try {
        await storeCall(
          () => client.send(new TransactWriteCommand({ TransactItems: items })),
          'The membership changed meanwhile; try again.',
        );
      } catch (error) {
        if (adminDelta < 0 && failedConditions(error).includes(0)) throw lastAdminError();
        throw error;
      }
    },
  };
}
