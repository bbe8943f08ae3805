import { type DynamoDBDocumentClient, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { drawKey } from '#domain/decisions/circle.ts';
import { ConflictError } from '#domain/errors.ts';
import { retryOnConflict } from '#domain/retry.ts';
import { type PeopleRepository, personFromItem } from '#domain/people/person.ts';
import type { Profile } from '#domain/people/profile.ts';
import { storeCall } from './errors.ts';
import { getItem, getItems } from './items.ts';
import { commonsMembersKeys, peopleDraw, personDrawKeys, personKeys } from './keys.ts';

/**
 * The attributes a profile change writes; everything else on the item (id, email, createdAt, and
 * whatever other features keep there) is left as it is.
 */
const profileAttributes = [
  'name',
  'place',
  'bio',
  'availability',
  'available',
  'hoursPerWeek',
  'languages',
  'links',
  'privacy',
  'declaredSkills',
  'goal',
  'language',
  'fediverse',
  'fediverseLeftAt',
  'version',
  'updatedAt',
] as const satisfies ReadonlyArray<keyof Profile>;

/**
 * Removes a person's profile and counts the commons one member fewer, in one transaction (an account
 * deletion's first step). A profile gone already (a deletion resumed) was counted down then, not again.
 */
export async function removePerson(client: DynamoDBDocumentClient, tableName: string, personId: string) {
  await retryOnConflict(async () => {
    try {
      await storeCall(() =>
        client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Delete: {
                  TableName: tableName,
                  Key: personKeys(personId),
                  ConditionExpression: 'attribute_exists(pk)',
                },
              },
              {
                Update: {
                  TableName: tableName,
                  Key: commonsMembersKeys,
                  UpdateExpression: 'ADD members :minusOne',
                  ExpressionAttributeValues: { ':minusOne': -1 },
                },
              },
            ],
          }),
        ),
      );
    } catch (error) {
      if (!(error instanceof ConflictError) || error.retryable) throw error;
    }
  });
}

export function createPeopleRepository(client: DynamoDBDocumentClient, tableName: string): PeopleRepository {
  return {
    // Access pattern `person-by-id`: a person by id.
    async get(personId) {
      const item = await getItem(client, tableName, personKeys(personId));
      return item ? personFromItem(item) : null;
    },

    // Access pattern `people-by-ids`: people by id, batched (a page of members, the applicants of an opening).
    async getMany(personIds) {
      const items = await getItems(client, tableName, personIds.map(personKeys));
      return new Map([...items.values()].map((item) => [String(item.id), personFromItem(item)]));
    },

    // Access pattern `people-in-draw-order`: a few people after a place in the draw order (gsi2), keys only.
    async drawPage(after, limit) {
      const answer = await storeCall(() =>
        client.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'gsi2',
            // From the first: a key condition may not compare with an empty string.
            KeyConditionExpression: after === '' ? 'gsi2pk = :pk' : 'gsi2pk = :pk AND gsi2sk > :after',
            ExpressionAttributeValues: { ':pk': peopleDraw.gsi2pk, ...(after === '' ? {} : { ':after': after }) },
            ProjectionExpression: 'id, gsi2sk',
            Limit: limit,
          }),
        ),
      );
      return (answer.Items ?? []).map((item) => ({ personId: String(item.id), key: String(item.gsi2sk) }));
    },

    // Access pattern `person-create-once`: create a person once; a repeat returns the stored one.
    // Access pattern `commons-members`: the commons' member count, one more.
    async createIfAbsent(person) {
      // With the commons' member count, in one transaction: a proposal to the commons counts who may
      // vote from it when it opens, never by reading every person. Two sign-ups at once may meet on the
      // counter (a retryable conflict): the loser sends it again.
      return retryOnConflict(async () => {
        try {
          await storeCall(() =>
            client.send(
              new TransactWriteCommand({
                TransactItems: [
                  {
                    Put: {
                      TableName: tableName,
                      Item: {
                        ...personKeys(person.id),
                        ...personDrawKeys(drawKey(person.id)),
                        type: 'person',
                        ...person,
                      },
                      ConditionExpression: 'attribute_not_exists(pk)',
                    },
                  },
                  {
                    Update: {
                      TableName: tableName,
                      Key: commonsMembersKeys,
                      UpdateExpression: 'ADD members :one',
                      ExpressionAttributeValues: { ':one': 1 },
                    },
                  },
                ],
              }),
            ),
          );
          return person;
        } catch (error) {
          if (error instanceof ConflictError && !error.retryable) {
            const stored = await this.get(person.id);
            if (stored) return stored;
          }
          throw error;
        }
      });
    },

    // Access pattern `person-save-profile`: a person's profile fields, over the version the change was
    // made from. A person stored before profiles had versions is at version 0 without the attribute.
    async saveProfile(person) {
      const previous = person.version - 1;
      const set = profileAttributes.filter((name) => person[name] !== undefined);
      const remove = profileAttributes.filter((name) => person[name] === undefined);
      const names = Object.fromEntries(profileAttributes.map((name, i) => [`#a${i}`, name]));
      const alias = (name: (typeof profileAttributes)[number]) => `#a${profileAttributes.indexOf(name)}`;
      await storeCall(
        () =>
          client.send(
            new UpdateCommand({
              TableName: tableName,
              Key: personKeys(person.id),
              UpdateExpression: [
                `SET ${set.map((name) => `${alias(name)} = :${name}`).join(', ')}`,
                remove.length > 0 ? `REMOVE ${remove.map(alias).join(', ')}` : '',
              ].join(' '),
              ConditionExpression:
                previous === 0
                  ? `attribute_exists(pk) AND (attribute_not_exists(${alias('version')}) OR ${alias('version')} = :previous)`
                  : `attribute_exists(pk) AND ${alias('version')} = :previous`,
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: {
                ...Object.fromEntries(set.map((name) => [`:${name}`, person[name]])),
                ':previous': previous,
              },
            }),
          ),
        'The profile changed since it was read.',
      );
    },
  };
}
