// Sends one notification by email, if its person has an address and has not turned its kind off.
// The producer (the stream consumer that makes notifications) calls this once per notification it
// newly stored, so a replayed stream record, which stores nothing new, sends nothing twice.
import type { PeopleRepository } from '../people/person.ts';
import { emailAllowed, type EmailPreferencesRepository } from './email-preferences.ts';
import type { Mailer, Notification } from './notification.ts';
import { emailLinks, renderEmail } from './render-email.ts';
import { normaliseAddress, type SuppressionList } from './suppression.ts';

export interface EmailNotificationDependencies {
  people: Pick<PeopleRepository, 'get'>;
  emailPreferences: Pick<EmailPreferencesRepository, 'get'>;
  /**
   * Read here so the outcome says why nothing was sent; the mailer checks it again (suppressingMailer),
   * because it is the last guard for whatever else may send.
   */
  suppressions: Pick<SuppressionList, 'isSuppressed'>;
  mailer: Mailer;
  siteUrl: string;
  /** The key unsubscribe links are signed with. */
  emailLinkKey: string;
}

export type EmailOutcome = 'sent' | 'no-address' | 'unsubscribed' | 'suppressed';

/**
 * Steps: read the person (their address) and their preferences; stop if there is no address, the
 * kind is off or the address bounced or complained before; render the mail in the person's language with
 * signed unsubscribe links; hand it to the mailer, whose rejection
 * (a transient failure) reaches the caller to retry.
 */
export async function emailNotification(
  deps: EmailNotificationDependencies,
  notification: Notification,
): Promise<EmailOutcome> {
  const [person, preferences] = await Promise.all([
    deps.people.get(notification.personId),
    deps.emailPreferences.get(notification.personId),
  ]);
  if (!person?.email) return 'no-address';
  if (!emailAllowed(preferences, notification.kind)) return 'unsubscribed';
  if (await deps.suppressions.isSuppressed(normaliseAddress(person.email))) return 'suppressed';
  const links = emailLinks(deps.siteUrl, deps.emailLinkKey, notification);
  await deps.mailer.send(
    renderEmail(notification, { address: person.email, name: person.name, language: person.language }, links),
  );
  return 'sent';
}
