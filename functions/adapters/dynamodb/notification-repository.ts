// A person's notifications and their unread count, in the person's inbox partition. The count is kept in
// the same transaction as each change it counts (a notification stored, one marked read), conditional so
// it never goes below zero. "Mark all read" is one write whatever the inbox holds: it sets a mark (the
// newest id) below which every notification counts as read, and the count to zero, conditional on the
// count it read, so a notification stored meanwhile is never lost from it. A notification that arrives
// late, older than the mark, is stored read and not counted.
import {
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { CancellationReason } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { ConflictError, NotFoundError } from '#domain/errors.ts';
import { encodeCursor } from '#domain/paging.ts';
import type { Notification } from '#domain/notifications/notification.ts';
import type { NotificationRepository } from '#domain/notifications/notification-repository.ts';
import { failedConditions, storeCall } from './errors.ts';
import { fromItem, getItem, type Item, pageOf, queryPage } from './items.ts';
import { inboxCounterKeys, inboxOf, notificationKeys } from './keys.ts';
import { prefixValues, startsWith } from './key-prefix.ts';

interface Counter {
  unread: number;
  readUpTo?: string | undefined;
  readAllAt?: string | undefined;
}

const notAfterMark = 'attribute_not_exists(readUpTo) OR readUpTo < :id';

export function createNotificationRepository(
  client: DynamoDBDocumentClient,
  tableName: string,
): NotificationRepository {
  // Access pattern `inbox-counter`: a person's unread count and read mark.
  const counter = async (personId: string, consistent = false): Promise<Counter | undefined> => {
    const item = await getItem(client, tableName, inboxCounterKeys(personId), { consistent });
    return item
      ? { unread: Math.max(0, Number(item.unread ?? 0)), ...fromItem<Omit<Counter, 'unread'>>(item) }
      : undefined;
  };
  const withMark = (notification: Notification, mark: Counter | undefined): Notification =>
    notification.readAt || !mark?.readUpTo || notification.id > mark.readUpTo
      ? notification
      : { ...notification, readAt: mark.readAllAt };
  const notificationItem = (notification: Notification) => ({
    ...notificationKeys(notification.personId, notification.id),
    type: 'notification',
    ...notification,
  });
  // Access pattern `notification-by-id`: one notification of one person.
  const getNotification = async (personId: string, id: string) => {
    const item = await getItem(client, tableName, notificationKeys(personId, id), { consistent: true });
    return item ? fromItem<Notification & { mailedAt?: string }>(item) : undefined;
  };

  /**
   * The first page, the one the inbox opens on, in one Query: the counter's key sorts after every
   * notification's (keys.ts), so reading the inbox newest first from the notifications' prefix on meets
   * the counter first, then the page and one more (to know there is a next page). Its `next` is the
   * cursor `queryPage` gives and reads on from.
   */
  // Access pattern `inbox-first-page`: the counter and a person's newest notifications, in one Query.
  const firstPage = async (personId: string, limit: number) => {
    const { pk, prefix } = inboxOf(personId);
    const read = await storeCall(() =>
      client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND sk >= :prefix',
          ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
          ScanIndexForward: false,
          Limit: limit + 2,
        }),
      ),
    );
    const items = read.Items ?? [];
    const counterSk = inboxCounterKeys(personId).sk;
    const counterItem = items.find((item) => item.sk === counterSk);
    const mark: Counter | undefined = counterItem
      ? { unread: Math.max(0, Number(counterItem.unread ?? 0)), ...fromItem<Omit<Counter, 'unread'>>(counterItem) }
      : undefined;
    const notes = items.filter((item) => item !== counterItem);
    const shown = notes.slice(0, limit);
    const last = shown[shown.length - 1];
    return {
      page: {
        items: shown.map((item) => withMark(fromItem<Notification>(item), mark)),
        ...(notes.length > limit && last ? { next: encodeCursor({ pk: String(last.pk), sk: String(last.sk) }) } : {}),
      },
      unread: mark?.unread ?? 0,
    };
  };

  return {
    // Access pattern `notification-add-once`: the notification unless its id is taken, and the count.
    async add(notification) {
      const counterKeys = inboxCounterKeys(notification.personId);
      try {
        await storeCall(() =>
          client.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: tableName,
                    Item: notificationItem(notification),
                    ConditionExpression: 'attribute_not_exists(pk)',
                    ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
                  },
                },
                {
                  Update: {
                    TableName: tableName,
                    Key: counterKeys,
                    UpdateExpression: 'SET #type = :type ADD unread :one',
                    ConditionExpression: notAfterMark,
                    ExpressionAttributeNames: { '#type': 'type' },
                    ExpressionAttributeValues: { ':type': 'inbox-counter', ':one': 1, ':id': notification.id },
                  },
                },
              ],
            }),
          ),
        );
        return { created: true };
      } catch (error) {
        const failed = failedConditions(error);
        if (failed.includes(0)) return { created: false, mailedAt: (await storedOne(error, notification))?.mailedAt };
        if (!failed.includes(1)) throw error;
      }
      // Older than the read mark: stored read, not counted.
      const mark = await counter(notification.personId, true);
      try {
        await storeCall(() =>
          client.send(
            new PutCommand({
              TableName: tableName,
              Item: notificationItem({ ...notification, readAt: mark?.readAllAt ?? notification.at }),
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
          ),
        );
        return { created: true };
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        return { created: false, mailedAt: (await getNotification(notification.personId, notification.id))?.mailedAt };
      }
    },

    // Access pattern `notification-mark-mailed`: records that its email went out.
    async markMailed(personId, notificationId, at) {
      await storeCall(() =>
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: notificationKeys(personId, notificationId),
            UpdateExpression: 'SET mailedAt = :at',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':at': at },
          }),
        ),
      );
    },

    // Access pattern `inbox-of-person`: a person's notifications, newest first, a page at a time.
    async page(personId, request) {
      if (!request.cursor) return firstPage(personId, request.limit);
      const { pk, prefix } = inboxOf(personId);
      const [page, mark] = await Promise.all([
        queryPage(
          client,
          {
            TableName: tableName,
            KeyConditionExpression: `pk = :pk AND ${startsWith('sk')}`,
            ExpressionAttributeValues: { ':pk': pk, ...prefixValues(prefix) },
            ScanIndexForward: false,
          },
          request,
          { name: 'pk', value: pk },
        ),
        counter(personId),
      ]);
      return {
        page: pageOf(page, (item) => withMark(fromItem<Notification>(item), mark)),
        unread: mark?.unread ?? 0,
      };
    },

    // Access pattern `notification-mark-read`: the notification read and the count one less, together.
    async markRead(personId, notificationId, at) {
      try {
        await storeCall(() =>
          client.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Update: {
                    TableName: tableName,
                    Key: notificationKeys(personId, notificationId),
                    UpdateExpression: 'SET readAt = :at',
                    ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(readAt)',
                    ExpressionAttributeValues: { ':at': at },
                  },
                },
                {
                  Update: {
                    TableName: tableName,
                    Key: inboxCounterKeys(personId),
                    UpdateExpression: 'ADD unread :less',
                    ConditionExpression: `unread > :zero AND (${notAfterMark})`,
                    ExpressionAttributeValues: { ':less': -1, ':zero': 0, ':id': notificationId },
                  },
                },
              ],
            }),
          ),
        );
        return;
      } catch (error) {
        const failed = failedConditions(error);
        if (failed.length === 0) throw error;
        if (failed.includes(0)) {
          if (!(await getNotification(personId, notificationId)))
            throw new NotFoundError('notification', notificationId);
          return;
        }
      }
      // Already read by the mark (or the count is already zero): the notification alone.
      await storeCall(() =>
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: notificationKeys(personId, notificationId),
            UpdateExpression: 'SET readAt = :at',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(readAt)',
            ExpressionAttributeValues: { ':at': at },
          }),
        ),
      ).catch((error) => {
        if (!(error instanceof ConflictError)) throw error;
      });
    },

    // Access pattern `inbox-mark-all-read`: the read mark at the newest notification, the count at zero.
    async markAllRead(personId, at) {
      for (let attempt = 0; attempt < 3; attempt++) {
        const { pk, prefix } = inboxOf(personId);
        const [seen, newest] = await Promise.all([
          counter(personId, true),
          storeCall(() =>
            client.send(
              new QueryCommand({
                TableName: tableName,
                KeyConditionExpression: `pk = :pk AND ${startsWith('sk')}`,
                ExpressionAttributeValues: { ':pk': pk, ...prefixValues(prefix) },
                ScanIndexForward: false,
                Limit: 1,
                ConsistentRead: true,
              }),
            ),
          ),
        ]);
        const newestId = newest.Items?.[0]?.id as string | undefined;
        if (!newestId || !seen || (seen.unread === 0 && seen.readUpTo && seen.readUpTo >= newestId)) return;
        try {
          await storeCall(() =>
            client.send(
              new UpdateCommand({
                TableName: tableName,
                Key: inboxCounterKeys(personId),
                UpdateExpression: 'SET unread = :zero, readUpTo = :mark, readAllAt = :at',
                ConditionExpression: 'unread = :seen',
                ExpressionAttributeValues: {
                  ':zero': 0,
                  ':mark': seen.readUpTo && seen.readUpTo > newestId ? seen.readUpTo : newestId,
                  ':at': at,
                  ':seen': seen.unread,
                },
              }),
            ),
          );
          return;
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
        }
      }
      throw new ConflictError('New notifications kept arriving; try again.', { retryable: true });
    },

    async unreadCount(personId) {
      return (await counter(personId))?.unread ?? 0;
    },
  };

  async function storedOne(error: unknown, notification: Notification) {
    const reasons = ((error as ConflictError).cause as { CancellationReasons?: CancellationReason[] } | undefined)
      ?.CancellationReasons;
    const item = reasons?.[0]?.Item;
    return item
      ? (unmarshall(item) as Item & { mailedAt?: string })
      : getNotification(notification.personId, notification.id);
  }
}
