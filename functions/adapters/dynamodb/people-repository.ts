import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '#domain/errors.ts';
import { personSchema, type PeopleRepository, type Person } from '#domain/people/person.ts';
import { storeCall } from './errors.ts';
import { getItem, getItems } from './items.ts';
import { personKeys } from './keys.ts';

export function createPeopleRepository(client: DynamoDBDocumentClient, tableName: string): PeopleRepository {
  return {
    // Access pattern: a person by id.
    async get(personId) {
      const item = await getItem(client, tableName, personKeys(personId));
      return item ? toPerson(item) : null;
    },

    // Access pattern: people by id, batched (a page of members, the applicants of an opening).
    async getMany(personIds) {
      const items = await getItems(client, tableName, personIds.map(personKeys));
      return new Map([...items.values()].map((item) => [String(item.id), toPerson(item)]));
    },

    // Access pattern: create a person once; a repeat returns the stored one.
    async createIfAbsent(person) {
      try {
        await storeCall(() =>
          client.send(
            new PutCommand({
              TableName: tableName,
              Item: { ...personKeys(person.id), type: 'person', ...person },
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
          ),
        );
        return person;
      } catch (error) {
        if (error instanceof ConflictError) {
          const stored = await this.get(person.id);
          if (stored) return stored;
        }
        throw error;
      }
    },
  };
}

function toPerson(item: Record<string, unknown>): Person {
  return personSchema.parse(item);
}
