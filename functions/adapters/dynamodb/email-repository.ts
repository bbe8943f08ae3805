// A person's email preferences and the suppression list, in the one table (keys.ts).
import { type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { EmailPreferencesRepository } from '#domain/notifications/email-preferences.ts';
import { type EmailPreferences, notificationKinds } from '#domain/notifications/notification.ts';
import { normaliseAddress, type SuppressionList } from '#domain/notifications/suppression.ts';
import { storeCall } from './errors.ts';
import { getItem, type Item } from './items.ts';
import { emailPreferencesKeys, emailSuppressionKeys } from './keys.ts';

/** Only the kinds' switches, whatever else the item holds; a value that is no boolean reads as unset. */
function preferencesFrom(item: Item | undefined): EmailPreferences {
  const preferences: EmailPreferences = {};
  for (const kind of notificationKinds) {
    const value = item?.[kind];
    if (typeof value === 'boolean') preferences[kind] = value;
  }
  return preferences;
}

export function createEmailPreferencesRepository(
  client: DynamoDBDocumentClient,
  tableName: string,
): EmailPreferencesRepository {
  return {
    // Access pattern `email-preferences-of-person`: a person's email preferences.
    async get(personId) {
      return preferencesFrom(await getItem(client, tableName, emailPreferencesKeys(personId)));
    },

    // Access pattern `email-preferences-set`: sets the kinds named and leaves the others, in one update
    // that needs no read first, so two changes at once (a click in the settings, an unsubscribe) both hold.
    async set(personId, changes, at) {
      const kinds = notificationKinds.filter((kind) => changes[kind] !== undefined);
      const result = await storeCall(() =>
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: emailPreferencesKeys(personId),
            UpdateExpression: `SET ${['#type = :type', '#person = :person', '#at = :at', ...kinds.map((_, i) => `#k${i} = :k${i}`)].join(', ')}`,
            ExpressionAttributeNames: {
              '#type': 'type',
              '#person': 'personId',
              '#at': 'updatedAt',
              ...Object.fromEntries(kinds.map((kind, i) => [`#k${i}`, kind])),
            },
            ExpressionAttributeValues: {
              ':type': 'email-preferences',
              ':person': personId,
              ':at': at.toISOString(),
              ...Object.fromEntries(kinds.map((kind, i) => [`:k${i}`, changes[kind]])),
            },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      return preferencesFrom(result.Attributes);
    },
  };
}

export function createSuppressionList(client: DynamoDBDocumentClient, tableName: string): SuppressionList {
  return {
    // Access pattern `email-suppression-by-address`: whether an address bounced or complained.
    async isSuppressed(address) {
      return (await getItem(client, tableName, emailSuppressionKeys(normaliseAddress(address)))) !== undefined;
    },

    // Access pattern `email-suppress`: adds an address; a replayed event writes the same item again.
    async suppress(entry) {
      const address = normaliseAddress(entry.address);
      await storeCall(() =>
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...emailSuppressionKeys(address),
              type: 'email-suppression',
              address,
              reason: entry.reason,
              at: entry.at,
              ...(entry.feedbackId ? { feedbackId: entry.feedbackId } : {}),
            },
          }),
        ),
      );
    },
  };
}
