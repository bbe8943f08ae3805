import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { ApplicationMessage, ThreadRepository } from '#domain/openings/application-thread.ts';
import { failedConditions, storeCall } from './errors.ts';
import { fromItem, getItem, pageOf, queryPrefixPage } from './items.ts';
import { applicationMessageIdKeys, applicationMessageKeys, applicationThread } from './keys.ts';

/**
 * The two puts that add a message, for a transaction: the message, and its id, on the condition that
 * the id is new. A request that runs twice (its first answer lost) makes the same id with another
 * time, so the id, not the message's key, is what makes it once. The id item says where the message is.
 */
export function messagePuts(tableName: string, message: ApplicationMessage) {
  const key = applicationMessageKeys(message.openingId, message.applicantId, message.at, message.messageId);
  return [
    { Put: { TableName: tableName, Item: { ...key, type: 'application-message', ...message } } },
    {
      Put: {
        TableName: tableName,
        Item: {
          ...applicationMessageIdKeys(message.openingId, message.applicantId, message.messageId),
          type: 'application-message-id',
          at: message.at,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
}

export function createThreadRepository(client: DynamoDBDocumentClient, tableName: string): ThreadRepository {
  return {
    // Access pattern `messages-of-application`: an application's thread, newest first, a page at a time.
    async pageMessages(openingId, applicantId, request) {
      const page = await queryPrefixPage(client, tableName, applicationThread(openingId, applicantId), request, {
        newestFirst: true,
      });
      return pageOf(page, fromItem<ApplicationMessage>);
    },

    // Access pattern `post-message-once`: the message and its id in one transaction, the id only if new.
    async addMessage(message) {
      try {
        await storeCall(
          () => client.send(new TransactWriteCommand({ TransactItems: messagePuts(tableName, message) })),
          'The thread changed meanwhile; send the message again.',
        );
        return message;
      } catch (error) {
        if (!failedConditions(error).includes(1)) throw error;
        // Sent before: answer with the message as it was first written.
        const used = await getItem(
          client,
          tableName,
          applicationMessageIdKeys(message.openingId, message.applicantId, message.messageId),
          { consistent: true },
        );
        const first =
          used &&
          (await getItem(
            client,
            tableName,
            applicationMessageKeys(message.openingId, message.applicantId, String(used.at), message.messageId),
            { consistent: true },
          ));
        if (!first) throw error;
        return fromItem<ApplicationMessage>(first);
      }
    },
  };
}
