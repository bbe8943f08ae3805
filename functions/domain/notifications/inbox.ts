// A person's inbox: their notifications, newest first, and the writes that mark them read. Everything is
// keyed by the caller's own id, so one person can neither read nor mark another's: a notification id
// from someone else's inbox is simply not in theirs (404, as for any foreign object).
import type { Identity } from '../identity.ts';
import type { Page, PageRequest } from '../paging.ts';
import type { Notification } from './notification.ts';
import type { NotificationRepository } from './notification-repository.ts';

export interface InboxDependencies {
  notifications: NotificationRepository;
  now: () => Date;
}

export interface InboxPage extends Page<Notification> {
  unread: number;
}

export async function myNotifications(
  deps: Pick<InboxDependencies, 'notifications'>,
  identity: Identity,
  request: PageRequest,
): Promise<InboxPage> {
  const { page, unread } = await deps.notifications.page(identity.personId, request);
  return { ...page, unread };
}

export async function myUnreadCount(deps: Pick<InboxDependencies, 'notifications'>, identity: Identity) {
  return { unread: await deps.notifications.unreadCount(identity.personId) };
}

/** Marking a read notification read again changes nothing and is no error (a form sent twice). */
export async function markNotificationRead(deps: InboxDependencies, identity: Identity, notificationId: string) {
  await deps.notifications.markRead(identity.personId, notificationId, deps.now().toISOString());
  return myUnreadCount(deps, identity);
}

export async function markAllNotificationsRead(deps: InboxDependencies, identity: Identity) {
  await deps.notifications.markAllRead(identity.personId, deps.now().toISOString());
  return myUnreadCount(deps, identity);
}
