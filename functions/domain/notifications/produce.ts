// Produces the notifications one table change means (events.ts), for the stream consumer: resolves who
// each event goes to and the name it is about, stores one notification per recipient, and hands it to
// the email step (which sends it where the person allows that kind by email).
//
// A notification's id is derived from its `eventKey` (the stream record's id, the kind, the recipient),
// so the store's conditional put makes a replayed record a no-op. The email step runs after the store
// and is marked done after it finished: a send that fails fails the record, whose retry finds the
// notification stored but not mailed and runs the step then; a step that finished never runs again.
import { createHash } from 'node:crypto';
import { type ItemChange, type PersonEvent, type Subject, eventsOf } from './events.ts';
import type { Notification } from './notification.ts';
import type { NotificationRepository } from './notification-repository.ts';
import { englishWords, type NotificationMessage, type Unnamed } from './notification-text.ts';

export interface NotificationLookups {
  /** The active admins of a syndicate (read by key, bounded). */
  adminsOf(syndicateId: string): Promise<string[]>;
  /** The inventors an adoption pays: the people who decide its value reports. */
  inventorsOf(innovationId: string, syndicateId: string): Promise<string[]>;
  /** An opening's title, a syndicate's or an innovation's name; undefined when it is gone. */
  nameOf(subject: Exclude<Subject, { named: string }>): Promise<string | undefined>;
}

/**
 * The email step: sends one notification by email where its person has an address and allows that
 * kind (the mailers, preferences and unsubscribe links plug in here: `emailNotification`). It resolves
 * once it is done with the notification, sent or rightly not; it rejects on a transient failure, to retry.
 */
export type EmailStep = (notification: Notification) => Promise<unknown>;

export interface ProduceDependencies {
  notificationLookups: NotificationLookups;
  notifications: Pick<NotificationRepository, 'add' | 'markMailed'>;
  /** None until a mailer is wired: the inbox alone. */
  sendEmail?: EmailStep | undefined;
  now: () => Date;
}

/** More recipients than this for one event is not a notification but a broadcast: the rest are left out. */
export const maxRecipients = 100;

/** Produces the change's notifications; answers how many were new (0 for a replay). */
export async function produceNotifications(deps: ProduceDependencies, change: ItemChange): Promise<number> {
  let created = 0;
  for (const event of eventsOf(change)) {
    // Both by key, at once: the name is read even for an event that finds no one (rare) to save a round trip.
    const [recipients, name] = await Promise.all([
      recipientsOf(deps.notificationLookups, event),
      nameOf(deps.notificationLookups, event.about),
    ]);
    if (recipients.length === 0) continue;
    const stored = await Promise.all(
      recipients.map((personId) => deliver(deps, notificationFor(change, event, personId, name))),
    );
    created += stored.filter(Boolean).length;
  }
  return created;
}

/** Stores one notification and runs its email step unless it ran; answers whether it was new. */
export async function deliver(
  deps: Pick<ProduceDependencies, 'notifications' | 'sendEmail' | 'now'>,
  notification: Notification,
): Promise<boolean> {
  const result = await deps.notifications.add(notification);
  if (deps.sendEmail && !result.mailedAt) {
    await deps.sendEmail(notification);
    await deps.notifications.markMailed(notification.personId, notification.id, deps.now().toISOString());
  }
  return result.created;
}

export async function recipientsOf(lookups: NotificationLookups, event: PersonEvent): Promise<string[]> {
  const sets = await Promise.all(
    event.to.map((to) =>
      'people' in to
        ? to.people
        : 'adminsOf' in to
          ? lookups.adminsOf(to.adminsOf)
          : lookups.inventorsOf(to.inventorsOf.innovationId, to.inventorsOf.syndicateId),
    ),
  );
  const except = new Set(event.except);
  return [...new Set(sets.flat())].filter((id) => !except.has(id)).slice(0, maxRecipients);
}

/** The subject's name, or (when it is gone) what it is, for each language to word ("an opening"). */
type Name = { name: string; unnamed?: Unnamed };

async function nameOf(lookups: NotificationLookups, subject: Subject): Promise<Name> {
  if ('named' in subject) return { name: subject.named };
  const found = await lookups.nameOf(subject);
  return found === undefined ? { name: '', unnamed: Object.keys(subject)[0] as Unnamed } : { name: found };
}

/** The notification one event means for one person: its id derives from its event key. */
export function notificationFor(change: ItemChange, event: PersonEvent, personId: string, name: Name): Notification {
  const eventKey = `${change.eventId}#${event.kind}#${personId}`;
  const told = event.text(name.name, personId);
  const message = (
    name.unnamed ? { ...told, values: { ...told.values, unnamed: name.unnamed } } : told
  ) as NotificationMessage;
  return {
    id: notificationId(change.at, eventKey),
    personId,
    kind: event.kind,
    at: change.at,
    ...englishWords(message),
    message,
    link: event.link,
    eventKey,
  };
}

/** Sorts by the event's time (the digits of its ISO time), unique by the event key's digest. */
export function notificationId(at: string, eventKey: string): string {
  const digest = createHash('sha256').update(eventKey).digest('hex').slice(0, 16);
  return `${at.replace(/\D/g, '').padEnd(17, '0').slice(0, 17)}-${digest}`;
}
