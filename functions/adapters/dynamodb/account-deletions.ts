// Whether a person's account was deleted, for every write: a deleted account's token may still be valid
// for the rest of its hour, and nothing it sends may make an item again (app/commands/command.ts).
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AccountDeletions } from '#domain/people/person-data.ts';
import { getItem } from './items.ts';
import { accountDeletionKeys } from './keys.ts';

export function createAccountDeletions(client: DynamoDBDocumentClient, tableName: string): AccountDeletions {
  return {
    // Access pattern `account-deletion-by-person`: the deletion's record, read strongly consistent.
    async deletedAt(personId) {
      const item = await getItem(client, tableName, accountDeletionKeys(personId), { consistent: true });
      return typeof item?.startedAt === 'string' ? item.startedAt : null;
    },
  };
}
