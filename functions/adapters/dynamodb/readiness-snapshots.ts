// An opening's readiness counts, kept beside it: domain/shortages/opening-readiness.ts says why they are
// kept rather than counted on every call, and for how long they answer.
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { OpeningReadiness } from '#domain/shortages/opening-readiness.ts';
import type { ShortageRepository } from '#domain/shortages/shortage-repository.ts';
import { storeCall } from './errors.ts';
import { fromItem, getItem } from './items.ts';
import { openingReadinessKeys } from './keys.ts';

/** A day: long past the minutes a snapshot answers for, so TTL only clears what nobody asks again. */
const keptForSeconds = 86_400;

export function createReadinessSnapshots(
  client: DynamoDBDocumentClient,
  tableName: string,
): Pick<ShortageRepository, 'getReadiness' | 'putReadiness'> {
  return {
    // Access pattern `readiness-of-opening`: an opening's kept readiness counts.
    async getReadiness(openingId) {
      const item = await getItem(client, tableName, openingReadinessKeys(openingId));
      // An item of another shape (none is written today) is not an answer: the counts are made again.
      if (!item || typeof item.computedAt !== 'string' || !Array.isArray(item.skills)) return null;
      const { expiresAt: _ttl, ...readiness } = fromItem<OpeningReadiness & { expiresAt?: number }>(item);
      return readiness;
    },

    // Access pattern `keep-readiness`: an opening's readiness counts, in place of the last.
    async putReadiness(readiness) {
      const expiresAt = Math.floor(Date.parse(readiness.computedAt) / 1000) + keptForSeconds;
      await storeCall(() =>
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...openingReadinessKeys(readiness.openingId), type: 'opening-readiness', ...readiness, expiresAt },
          }),
        ),
      );
    },
  };
}
