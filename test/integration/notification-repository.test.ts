// The inbox's store against DynamoDB Local: the unread count moves only with the notifications it
// counts, a notification older than "mark all read" arrives read, and the first page (one Query with
// the counter) pages on exactly like the rest.
import { describe, expect, it } from 'vitest';
import type { Notification } from '#domain/notifications/notification.ts';
import { notificationId } from '#domain/notifications/produce.ts';
import { everyItem } from '#domain/paged-reads.ts';
import { apiOnFreshTable } from '../support/api-client.ts';

const note = (personId: string, minute: number): Notification => {
  const at = new Date(Date.UTC(2026, 11, 6, 10, minute)).toISOString();
  const eventKey = `repo-${minute}#join-request-decided#${personId}`;
  return {
    id: notificationId(at, eventKey),
    personId,
    kind: 'join-request-decided',
    at,
    title: `Note ${minute}`,
    summary: 'A note.',
    link: '/syndicates/mill/',
    eventKey,
  };
};

describe('the inbox store', () => {
  it('stores a notification older than "mark all read" as read, without counting it', async () => {
    const { services } = await apiOnFreshTable();
    const inbox = services.notifications;
    await inbox.add(note('ada', 10));
    await inbox.add(note('ada', 20));
    await inbox.markAllRead('ada', '2026-12-06T11:00:00.000Z');
    // A late record (its event happened before the mark) and a new one.
    expect(await inbox.add(note('ada', 15))).toEqual({ created: true });
    expect(await inbox.add(note('ada', 30))).toEqual({ created: true });
    expect(await inbox.unreadCount('ada')).toBe(1);
    const { page } = await inbox.page('ada', { limit: 10 });
    expect(page.items.map((n) => [n.title, Boolean(n.readAt)])).toEqual([
      ['Note 30', false],
      ['Note 20', true],
      ['Note 15', true],
      ['Note 10', true],
    ]);
    // Marking one the mark already made read changes nothing, and the count stays.
    await inbox.markRead('ada', note('ada', 10).id, '2026-12-06T12:00:00.000Z');
    expect(await inbox.unreadCount('ada')).toBe(1);
    await inbox.markRead('ada', note('ada', 30).id, '2026-12-06T12:00:00.000Z');
    await inbox.markRead('ada', note('ada', 30).id, '2026-12-06T12:00:01.000Z');
    expect(await inbox.unreadCount('ada')).toBe(0);
    // A replay of a stored notification, read or not, stores and counts nothing.
    expect(await inbox.add(note('ada', 20))).toMatchObject({ created: false });
    expect(await inbox.unreadCount('ada')).toBe(0);
  });

  it('refuses to mark a notification the person does not have, and leaves the owner’s count alone', async () => {
    const { services } = await apiOnFreshTable();
    await services.notifications.add(note('ada', 1));
    await expect(services.notifications.markRead('ben', note('ada', 1).id, '2026-12-06T12:00:00.000Z')).rejects.toThrow(
      'No notification',
    );
    expect(await services.notifications.unreadCount('ada')).toBe(1);
    expect(await services.notifications.unreadCount('ben')).toBe(0);
  });

  it('walks every notification once, newest first, from a first page of any size', async () => {
    const { services } = await apiOnFreshTable();
    for (let minute = 0; minute < 7; minute++) await services.notifications.add(note('ada', minute));
    for (const limit of [1, 3, 6, 7, 8]) {
      const titles = (
        await everyItem(async (request) => (await services.notifications.page('ada', { ...request, limit })).page)
      ).map((n) => n.title);
      expect(titles, `pages of ${limit}`).toEqual([6, 5, 4, 3, 2, 1, 0].map((m) => `Note ${m}`));
    }
    // A first page that holds them all says there is no next one.
    expect((await services.notifications.page('ada', { limit: 7 })).page.next).toBeUndefined();
  });
});
