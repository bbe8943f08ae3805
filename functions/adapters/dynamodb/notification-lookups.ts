// What the notification producer reads to resolve an event: a syndicate's admins, an adoption's
// inventors, the name of what it is about. Each by key, each bounded.
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { InnovationRepository } from '#domain/innovations/innovation-repository.ts';
import type { OpeningRepository } from '#domain/openings/opening-repository.ts';
import { maxRecipients, type NotificationLookups } from '#domain/notifications/produce.ts';
import type { SyndicateRepository } from '#domain/syndicates/syndicate.ts';
import { storeCall } from './errors.ts';
import type { Item } from './items.ts';
import { syndicateMembers } from './keys.ts';

/** Reads of a syndicate's memberships for its admins: 1 MB each, so thousands of members a read. */
const maxMemberReads = 5;

export function createNotificationLookups(
  client: DynamoDBDocumentClient,
  tableName: string,
  repositories: { openings: OpeningRepository; syndicates: SyndicateRepository; innovations: InnovationRepository },
): NotificationLookups {
  return {
    // Access pattern `admins-of-syndicate`: the active admins among a syndicate's memberships.
    async adminsOf(syndicateId) {
      const { pk, prefix } = syndicateMembers(syndicateId);
      const admins: string[] = [];
      let start: Item | undefined;
      for (let reads = 0; reads < maxMemberReads && admins.length < maxRecipients; reads++) {
        const page = await storeCall(() =>
          client.send(
            new QueryCommand({
              TableName: tableName,
              KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
              FilterExpression: '#role = :admin AND #status = :active',
              ProjectionExpression: 'personId',
              ExpressionAttributeNames: { '#role': 'role', '#status': 'status' },
              ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix, ':admin': 'admin', ':active': 'active' },
              ExclusiveStartKey: start,
            }),
          ),
        );
        for (const item of page.Items ?? []) if (typeof item.personId === 'string') admins.push(item.personId);
        start = page.LastEvaluatedKey;
        if (!start) break;
      }
      return admins.slice(0, maxRecipients);
    },
    async inventorsOf(innovationId, syndicateId) {
      const adoption = await repositories.innovations.getAdoption(innovationId, syndicateId);
      return adoption?.inventors.map((inventor) => inventor.personId) ?? [];
    },
    async nameOf(subject) {
      if ('opening' in subject) return (await repositories.openings.get(subject.opening))?.title;
      if ('syndicate' in subject) return (await repositories.syndicates.get(subject.syndicate))?.name;
      return (await repositories.innovations.get(subject.innovation))?.title;
    },
  };
}
