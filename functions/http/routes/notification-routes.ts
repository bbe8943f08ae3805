// A person's inbox: their notifications a page at a time (newest first), the unread count the site's
// header shows, and the two writes that mark them read. Every route reads the caller's own inbox only.
import * as z from 'zod/mini';
import { markAllNotificationsReadCommand, markNotificationReadCommand } from '#app/commands/notification-commands.ts';
import { documented } from '#config/bundle.ts';
import { myNotifications, myUnreadCount } from '#domain/notifications/inbox.ts';
import { notificationKinds } from '#domain/notifications/notification.ts';
import { commandRoute, protectedRoute } from '../route.ts';
import { pageBody, pageSchema } from './paged.ts';
import { cursorQuery } from './params.ts';

const privateAnswer = { 'cache-control': 'private, no-store' };
const unreadSchema = () => z.object({ unread: z.number() });

/** What an inbox item answers: the notification without its event key (the producer's business). */
const notificationSchema = () =>
  z.object({
    id: z.string(),
    kind: z.enum(notificationKinds),
    at: z.string(),
    title: z.string().check(z.describe('In English.')),
    summary: z.string().check(z.describe('In English.')),
    link: z.string(),
    readAt: z.optional(z.string()),
    // `key` names a `<key>.title`/`<key>.summary` pair in the email area of the catalogue (English,
    // Spanish, Dutch); names and titles in `values` are people's own words; `unnamed` stands in for a
    // name that was gone. The catalogue itself stays out of this function (ARCHITECTURE.md).
    message: z.optional(
      z
        .object({ key: z.string(), values: z.record(z.string(), z.unknown()) })
        .check(
          z.describe(
            'The message that tells it, a key of the email catalogue and its values: for a client to word it in its reader’s language. Absent on older notifications.',
          ),
        ),
    ),
  });

export const notificationRoutes = [
  protectedRoute({
    method: 'GET',
    path: '/api/me/notifications',
    auth: 'required',
    input: () => ({ query: z.object(cursorQuery()) }),
    doc: documented && {
      summary: 'My notifications, newest first, a page at a time, with how many are unread',
      tags: ['people'],
      responses: {
        200: {
          description: 'One page of notifications.',
          schema: () => pageSchema(notificationSchema(), { unread: z.number() }),
        },
      },
    },
    async handle({ query, identity, services }) {
      const page = await myNotifications(services, identity, { limit: query.pageSize, cursor: query.cursor });
      return {
        body: {
          unread: page.unread,
          ...pageBody(page, ({ id, kind, at, title, summary, link, readAt, message }) => ({
            id,
            kind,
            at,
            title,
            summary,
            link,
            ...(readAt ? { readAt } : {}),
            // The words in the reader's language are the client's to render: the email area in three
            // languages would take this function past its bundle budget (ARCHITECTURE.md, Languages).
            ...(message ? { message } : {}),
          })),
        },
        headers: privateAnswer,
      };
    },
  }),
  protectedRoute({
    method: 'GET',
    path: '/api/me/notifications/unread-count',
    auth: 'required',
    doc: documented && {
      summary: 'How many of my notifications are unread',
      tags: ['people'],
      responses: { 200: { description: 'The unread count.', schema: unreadSchema } },
    },
    async handle({ identity, services }) {
      return { body: await myUnreadCount(services, identity), headers: privateAnswer };
    },
  }),
  commandRoute(markNotificationReadCommand, {
    method: 'PUT',
    path: '/api/me/notifications/{notificationId}/read',
    doc: documented && {
      summary: 'Mark one of my notifications read (again changes nothing)',
      tags: ['people'],
      responses: {
        200: { description: 'Read; the unread count now.', schema: unreadSchema },
        404: { description: 'You have no such notification.' },
      },
    },
  }),
  commandRoute(markAllNotificationsReadCommand, {
    method: 'POST',
    path: '/api/me/notifications/read-all',
    doc: documented && {
      summary: 'Mark every notification I have read',
      tags: ['people'],
      responses: { 200: { description: 'All read; the unread count now.', schema: unreadSchema } },
    },
  }),
];
