// An in-memory NotificationRepository that keeps the DynamoDB adapter's promises: a notification is
// stored once per id, counted unread, marked read once, and "mark all read" makes everything up to the
// newest read. Pages are newest first, by the item's position (its id).
import { NotFoundError } from '#domain/errors.ts';
import type { Notification } from '#domain/notifications/notification.ts';
import type { NotificationRepository } from '#domain/notifications/notification-repository.ts';

export function memoryNotifications(): NotificationRepository & {
  all(personId: string): Array<Notification & { mailedAt?: string }>;
} {
  const inboxes = new Map<string, Map<string, Notification & { mailedAt?: string }>>();
  const unread = new Map<string, number>();
  const inbox = (personId: string) => {
    const found = inboxes.get(personId) ?? new Map<string, Notification & { mailedAt?: string }>();
    inboxes.set(personId, found);
    return found;
  };
  const newestFirst = (personId: string) => [...inbox(personId).values()].sort((a, b) => (a.id < b.id ? 1 : -1));
  return {
    all: (personId) => newestFirst(personId),
    async add(notification) {
      const stored = inbox(notification.personId).get(notification.id);
      if (stored) return { created: false, mailedAt: stored.mailedAt };
      inbox(notification.personId).set(notification.id, { ...notification });
      unread.set(notification.personId, (unread.get(notification.personId) ?? 0) + 1);
      return { created: true };
    },
    async markMailed(personId, id, at) {
      const stored = inbox(personId).get(id);
      if (stored) stored.mailedAt = at;
    },
    async page(personId, request) {
      const all = newestFirst(personId);
      const start = request.cursor ? all.findIndex((n) => n.id === request.cursor) + 1 : 0;
      const items = all.slice(start, start + request.limit);
      const last = items[items.length - 1];
      return {
        page: { items, ...(start + request.limit < all.length && last ? { next: last.id } : {}) },
        unread: unread.get(personId) ?? 0,
      };
    },
    async markRead(personId, id, at) {
      const stored = inbox(personId).get(id);
      if (!stored) throw new NotFoundError('notification', id);
      if (stored.readAt) return;
      stored.readAt = at;
      unread.set(personId, Math.max(0, (unread.get(personId) ?? 0) - 1));
    },
    async markAllRead(personId, at) {
      for (const stored of inbox(personId).values()) stored.readAt ??= at;
      unread.set(personId, 0);
    },
    async unreadCount(personId) {
      return unread.get(personId) ?? 0;
    },
  };
}
