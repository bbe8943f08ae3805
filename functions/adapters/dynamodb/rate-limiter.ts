import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '#domain/errors.ts';
import { type RateLimit, type RateLimiter, windowOf } from '#domain/limits/rate-limiter.ts';
import { storeCall } from './errors.ts';
import { rateWindowKeys } from './keys.ts';

/** One counter item per identity and window, incremented only while under the limit; DynamoDB's TTL removes old windows. */
export function createDynamoRateLimiter(
  client: DynamoDBDocumentClient,
  tableName: string,
  rate: RateLimit,
): RateLimiter {
  return {
    // Access pattern `write-limit`: one conditional update of the window's counter.
    async take(key, now) {
      const { index, endsAt } = windowOf(now, rate.windowSeconds);
      try {
        await storeCall(() =>
          client.send(
            new UpdateCommand({
              TableName: tableName,
              Key: rateWindowKeys(key, index),
              UpdateExpression: 'SET #count = if_not_exists(#count, :zero) + :one, expiresAt = :expires',
              ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
              ExpressionAttributeNames: { '#count': 'count' },
              ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':limit': rate.limit, ':expires': endsAt + 3600 },
            }),
          ),
        );
        return { allowed: true };
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        return { allowed: false, retryAfterSeconds: Math.max(1, endsAt - Math.floor(now.getTime() / 1000)) };
      }
    },
  };
}
