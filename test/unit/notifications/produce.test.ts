// Producing notifications from a change: recipients resolved, the actor left out, one notification per
// person however often the record is replayed, and each handed to the email step once.
import { describe, expect, it } from 'vitest';
import type { ItemChange } from '#domain/notifications/events.ts';
import type { NotificationLookups, ProduceDependencies } from '#domain/notifications/produce.ts';
import { maxRecipients, notificationId, produceNotifications } from '#domain/notifications/produce.ts';
import type { Notification } from '#domain/notifications/notification.ts';
import { memoryNotifications } from '../../support/memory-notifications.ts';

const lookups = (admins: string[] = ['bram', 'cleo']): NotificationLookups => ({
  adminsOf: async () => admins,
  inventorsOf: async () => ['ada', 'dan'],
  nameOf: async (subject) => ('opening' in subject ? 'Carpenter' : undefined),
});

const applied: ItemChange = {
  eventId: 'evt-1',
  at: '2026-12-06T10:00:00.000Z',
  newItem: { type: 'application', openingId: 'o1', syndicateId: 's1', personId: 'ada', status: 'submitted' },
};

function world(options: { admins?: string[]; failSends?: number } = {}) {
  const notifications = memoryNotifications();
  const sent: Notification[] = [];
  let failures = options.failSends ?? 0;
  const deps: ProduceDependencies = {
    notificationLookups: lookups(options.admins),
    notifications,
    // The email step as the mailers give it: rejects on a transient failure.
    sendEmail: async (notification) => {
      if (failures-- > 0) throw new Error('the mail server hung up');
      sent.push(notification);
    },
    now: () => new Date('2026-12-06T10:00:01.000Z'),
  };
  return { deps, notifications, sent };
}

describe('producing notifications', () => {
  it('stores one notification for each admin, with the opening’s name and a link to act', async () => {
    const { deps, notifications } = world();
    expect(await produceNotifications(deps, applied)).toBe(2);
    const [note] = notifications.all('bram');
    expect(note).toMatchObject({
      personId: 'bram',
      kind: 'application-received',
      at: '2026-12-06T10:00:00.000Z',
      title: 'New application for Carpenter',
      link: '/jobs/o1/applicants/',
      eventKey: 'evt-1#application-received#bram',
    });
    expect(notifications.all('ada')).toEqual([]);
  });

  it('a replayed record stores nothing and sends nothing again', async () => {
    const { deps, notifications, sent } = world();
    await produceNotifications(deps, applied);
    expect(await produceNotifications(deps, applied)).toBe(0);
    expect(notifications.all('bram')).toHaveLength(1);
    expect(sent.map((n) => n.personId)).toEqual(['bram', 'cleo']);
  });

  it('an applicant who is also an admin is not told of their own application', async () => {
    const { deps, notifications } = world({ admins: ['ada', 'bram'] });
    await produceNotifications(deps, applied);
    expect(notifications.all('ada')).toEqual([]);
    expect(notifications.all('bram')).toHaveLength(1);
  });

  it('hands each new notification to the email step once, and none when no mailer is wired', async () => {
    const { deps, notifications, sent } = world();
    await produceNotifications(deps, applied);
    expect(sent.map((n) => [n.personId, n.kind])).toEqual([
      ['bram', 'application-received'],
      ['cleo', 'application-received'],
    ]);
    expect(notifications.all('cleo')[0]?.mailedAt).toBe('2026-12-06T10:00:01.000Z');
    const inboxOnly = world();
    await produceNotifications({ ...inboxOnly.deps, sendEmail: undefined }, applied);
    expect(inboxOnly.notifications.all('bram')).toHaveLength(1);
    expect(inboxOnly.notifications.all('bram')[0]?.mailedAt).toBeUndefined();
  });

  it('a mail that failed is sent by the retry, once, and the inbox holds one notification', async () => {
    const { deps, notifications, sent } = world({ admins: ['bram'], failSends: 1 });
    await expect(produceNotifications(deps, applied)).rejects.toThrow('hung up');
    expect(await produceNotifications(deps, applied)).toBe(0);
    await produceNotifications(deps, applied);
    expect(sent).toHaveLength(1);
    expect(notifications.all('bram')).toHaveLength(1);
    expect(notifications.all('bram')[0]?.mailedAt).toBe('2026-12-06T10:00:01.000Z');
  });

  it('names what is gone plainly rather than failing', async () => {
    const { deps, notifications } = world();
    const joined: ItemChange = {
      eventId: 'evt-2',
      at: '2026-12-06T10:00:00.000Z',
      oldItem: { type: 'membership', syndicateId: 's1', personId: 'ada', status: 'requested' },
      newItem: { type: 'membership', syndicateId: 's1', personId: 'ada', status: 'active' },
    };
    await produceNotifications(deps, joined);
    expect(notifications.all('ada')[0]?.title).toBe('You joined a syndicate');
    // Kept as what it is about, so a Spanish reader reads "un colectivo", not the English.
    expect(notifications.all('ada')[0]?.message).toEqual({
      key: 'email.joinDecided',
      values: { name: '', accepted: true, unnamed: 'syndicate' },
    });
  });

  it('tells at most the bounded number of admins', async () => {
    const admins = Array.from({ length: maxRecipients + 20 }, (_, i) => `admin-${i}`);
    const { deps } = world({ admins });
    expect(await produceNotifications(deps, applied)).toBe(maxRecipients);
  });
});

describe('notification ids', () => {
  it('sort by the event’s time and differ by event key', () => {
    const a = notificationId('2026-12-06T10:00:00.000Z', 'e1#k#p');
    const b = notificationId('2026-12-06T10:00:00.001Z', 'e0#k#p');
    expect(a < b).toBe(true);
    expect(notificationId('2026-12-06T10:00:00.000Z', 'e2#k#p')).not.toBe(a);
    expect(a).toMatch(/^[0-9]{17}-[0-9a-f]{16}$/);
  });
});
