// The port the inbox and the producer share: a person's notifications, their unread count, and the mark
// that says an email went out. The DynamoDB adapter keeps the count in the same transactions as the
// notifications it counts (adapters/dynamodb/notification-repository.ts).
import type { Page, PageRequest } from '../paging.ts';
import type { Notification } from './notification.ts';

export interface StoredNotification {
  /** False when the notification was there already: a replayed stream record. */
  created: boolean;
  /** When the email step finished with it (sent, or rightly not); absent, a replay runs the step again. */
  mailedAt?: string | undefined;
}

export interface NotificationRepository {
  /** Stores it, counted unread, unless its id (derived from its `eventKey`) is taken. */
  add(notification: Notification): Promise<StoredNotification>;
  markMailed(personId: string, notificationId: string, at: string): Promise<void>;
  /** A page of a person's notifications, newest first, each with `readAt` when read; and the unread count. */
  page(personId: string, request: PageRequest): Promise<{ page: Page<Notification>; unread: number }>;
  /** Marks one read (no change when it was); NotFoundError when the person has no such notification. */
  markRead(personId: string, notificationId: string, at: string): Promise<void>;
  /** Marks every notification the person has read, in one write; the count goes to 0. */
  markAllRead(personId: string, at: string): Promise<void>;
  unreadCount(personId: string): Promise<number>;
}
