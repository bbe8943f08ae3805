// The writes a person makes to their own inbox: only to their own, so no command takes a person's id.
import * as z from 'zod/mini';
import { idSchema } from '#domain/ids.ts';
import { markAllNotificationsRead, markNotificationRead } from '#domain/notifications/inbox.ts';
import { command } from './command.ts';

export const markNotificationReadCommand = command({
  name: 'notifications.mark-read',
  input: () => ({ params: z.object({ notificationId: idSchema() }) }),
  run: ({ services, identity, params }) => markNotificationRead(services, identity, params.notificationId),
});

export const markAllNotificationsReadCommand = command({
  name: 'notifications.mark-all-read',
  run: ({ services, identity }) => markAllNotificationsRead(services, identity),
});
