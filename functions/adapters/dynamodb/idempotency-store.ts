import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '#domain/errors.ts';
import {
  abandonedAfterSeconds,
  type IdempotencyRecord,
  type IdempotencyStore,
  idempotencyTtlSeconds,
} from '#domain/limits/idempotency.ts';
import { storeCall } from './errors.ts';
import { getItem, type Item, itemInTheWay } from './items.ts';
import { idempotencyKeys } from './keys.ts';

const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

function toRecord(item: Item): IdempotencyRecord {
  const base = { fingerprint: String(item.fingerprint), startedAt: String(item.startedAt) };
  return item.status === 'done'
    ? { ...base, status: 'done', output: String(item.output) }
    : { ...base, status: 'in-progress' };
}

/**
 * One item per person, command and key. A claim is one conditional put that also hands back the item in
 * its way, so a retry learns the first answer in the same round trip; DynamoDB's TTL removes old keys
 * (`expiresAt`), and a key past it counts as free even before they are removed.
 */
export function createDynamoIdempotencyStore(client: DynamoDBDocumentClient, tableName: string): IdempotencyStore {
  return {
    // Access pattern `idempotency-claim`: one conditional put that hands back the item in its way.
    async claim(scope, fingerprint, now) {
      const keys = idempotencyKeys(scope.personId, scope.command, scope.key);
      try {
        await storeCall(() =>
          client.send(
            new PutCommand({
              TableName: tableName,
              Item: {
                ...keys,
                type: 'idempotency',
                status: 'in-progress',
                fingerprint,
                startedAt: now.toISOString(),
                expiresAt: epochSeconds(now) + idempotencyTtlSeconds,
              },
              ConditionExpression:
                'attribute_not_exists(pk) OR expiresAt < :now OR (#status = :inProgress AND startedAt < :abandoned)',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':now': epochSeconds(now),
                ':inProgress': 'in-progress',
                ':abandoned': new Date(now.getTime() - abandonedAfterSeconds * 1000).toISOString(),
              },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            }),
          ),
        );
        return null;
      } catch (error) {
        const existing = itemInTheWay(error);
        if (!existing) throw error;
        return toRecord(existing);
      }
    },

    async complete(scope, output, now) {
      await storeCall(() =>
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: idempotencyKeys(scope.personId, scope.command, scope.key),
            UpdateExpression: 'SET #status = :done, #output = :output, expiresAt = :expires',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#status': 'status', '#output': 'output' },
            ExpressionAttributeValues: {
              ':done': 'done',
              ':output': output,
              ':expires': epochSeconds(now) + idempotencyTtlSeconds,
            },
          }),
        ),
      );
    },

    async release(scope, startedAt) {
      try {
        await storeCall(() =>
          client.send(
            new DeleteCommand({
              TableName: tableName,
              Key: idempotencyKeys(scope.personId, scope.command, scope.key),
              // Only our own claim: a later one (ours was abandoned and taken over) stays.
              ConditionExpression: 'startedAt = :startedAt AND #status = :inProgress',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':startedAt': startedAt, ':inProgress': 'in-progress' },
            }),
          ),
        );
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    },

    async read(scope) {
      const item = await getItem(client, tableName, idempotencyKeys(scope.personId, scope.command, scope.key), {
        consistent: true,
      });
      return item ? toRecord(item) : null;
    },
  };
}
