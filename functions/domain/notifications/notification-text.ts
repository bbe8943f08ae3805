// A notification's words in the reader's language. A notification keeps the message that tells it (a key
// in the email area of the catalogue and its values) beside the English title and summary written when it
// was made: the inbox renders the message in the page's language, an email in the person's, and a
// notification made before messages were kept (none) shows its stored English. The email area's files
// are imported alone, not the whole catalogue, so the functions that send mail stay small.
import { en } from '../i18n/email/en.ts';
import { es } from '../i18n/email/es.ts';
import { nl } from '../i18n/email/nl.ts';
import type { Locale } from '../i18n/locales.ts';
import type { MessagesOf } from '../i18n/messages.ts';

export type EmailMessages = MessagesOf<typeof en>;
export const emailMessages: Record<Locale, EmailMessages> = { en, es, nl };

type Source = typeof en;
/** The messages a notification is told by: each has a `.title` and a `.summary` that take the same values. */
export type MessageKey = {
  [K in keyof Source]: K extends `${infer Base}.title`
    ? `${Base}.summary` extends keyof Source
      ? Base
      : never
    : never;
}[keyof Source];
export type MessageValues<K extends MessageKey> = Source[`${K}.title`] extends (values: infer V) => string ? V : never;

/** What a notification is about when its name is gone: each language words it (`email.unnamed.*`). */
export type Unnamed = 'opening' | 'syndicate' | 'innovation';

/** A message and its values, as stored on a notification (`unnamed` stands in for a name that was gone). */
export type NotificationMessage = {
  [K in MessageKey]: { key: K; values: MessageValues<K> & { unnamed?: Unnamed } };
}[MessageKey];

/** The message `key` with its values, typed by the key. */
export const told = <K extends MessageKey>(key: K, values: MessageValues<K>): NotificationMessage =>
  ({ key, values }) as NotificationMessage;

export interface NotificationWords {
  title: string;
  summary: string;
}

type Render = (values: Record<string, unknown>) => string;

/**
 * The message in `locale`. Undefined when there is none or it cannot be said (a key no longer in the
 * catalogue, values that are not an object: an item written by another version): the caller then shows
 * the stored English.
 */
export function renderMessage(message: NotificationMessage | undefined, locale: Locale): NotificationWords | undefined {
  if (!message || typeof message.values !== 'object' || message.values === null) return undefined;
  const messages = emailMessages[locale] as unknown as Record<string, unknown>;
  const title = messages[`${message.key}.title`];
  const summary = messages[`${message.key}.summary`];
  if (typeof title !== 'function' || typeof summary !== 'function') return undefined;
  const { unnamed, ...values } = message.values as Record<string, unknown>;
  const unnamedKey = `email.unnamed.${String(unnamed)}`;
  const named =
    unnamed !== undefined && typeof messages[unnamedKey] === 'string'
      ? { ...values, name: messages[unnamedKey] }
      : values;
  return { title: (title as Render)(named), summary: (summary as Render)(named) };
}

/** A notification's title and summary for a reader of `locale`: its message, or the English it was stored with. */
export function notificationWords(
  notification: { title: string; summary: string; message?: NotificationMessage | undefined },
  locale: Locale,
): NotificationWords {
  return renderMessage(notification.message, locale) ?? { title: notification.title, summary: notification.summary };
}

/** The English a notification is stored with, from its message: what every reader saw before messages were kept. */
export function englishWords(message: NotificationMessage): NotificationWords {
  return renderMessage(message, 'en') as NotificationWords;
}
