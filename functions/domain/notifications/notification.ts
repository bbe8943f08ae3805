// Notifications: what a person is told, in the inbox and (where they allow it) by email. This file is
// the contract the stream consumer that produces them, the inbox and the mailers share; it holds types
// and the list of kinds only. Notifications are produced from the table's stream, never by the write
// that caused them, so a write never waits on mail and a replayed stream record never tells twice.
import type { NotificationMessage } from './notification-text.ts';

/** Every event a person can hear about. A kind can be switched off for email, never for the inbox. */
export const notificationKinds = [
  /** To a syndicate's admins: someone applied to one of its openings. */
  'application-received',
  /** To the applicant: their application moved to another stage (shortlisted, offered, declined…). */
  'application-stage-changed',
  /** To the other side of an application's thread: a message was written. */
  'application-message',
  /** To the person who asked: their request to join a syndicate was accepted or refused. */
  'join-request-decided',
  /** To a person named as a co-inventor on a draft: their consent is asked. */
  'co-inventor-invited',
  /** To the inventors and admins who decide it: a value report waits for their decision. */
  'value-report-awaiting',
  /** To the reporter and the inventors: a report was confirmed or disputed. */
  'value-report-decided',
  /** To everyone paid by it: a report settled, with the amount each received. */
  'value-report-settled',
  /** To the owner of a saved search: new openings match it. */
  'saved-search-match',
  /** To the seller (a person, or a syndicate's admins): someone ordered one of their offers. */
  'order-received',
  /** To the other side of an order: it was accepted, declined, cancelled, delivered, disputed, confirmed or refunded. */
  'order-changed',
  /** To each member of a syndicate who may vote: one of its proposals opened for votes. */
  'proposal-opened',
  /** To each member who may vote and has not yet: a proposal closes within a day. */
  'proposal-closing-soon',
  /** To each member who could vote: a proposal closed, with its outcome, tally and what changed. */
  'proposal-decided',
  /** To each member of a syndicate who may assess it (the assessor rule): a learner asks for an assessment. */
  'assessment-requested',
] as const;

export type NotificationKind = (typeof notificationKinds)[number];

export interface Notification {
  /** Unique per person; sorts by time (newest last), so the inbox pages newest first by reading backwards. */
  id: string;
  personId: string;
  kind: NotificationKind;
  /** ISO time of the event (the stream record's), not of the notification's production. */
  at: string;
  /** One line, plain text, no more than the event needs (it is also an email's subject). */
  title: string;
  /** A sentence or two, plain text. Never a message's whole body or anything the person may not see. */
  summary: string;
  /**
   * The message `title` and `summary` were written from (a key in the email area and its values), so each
   * reader gets them in their language (notification-text.ts). Absent on notifications made before it was kept.
   */
  message?: NotificationMessage | undefined;
  /** A site path (starting with `/`) where the person acts on it. */
  link: string;
  /**
   * What makes the event unique (e.g. the stream record's event id and the recipient), so producing it
   * again from a replayed record is a no-op: the store's put is conditional on it.
   */
  eventKey: string;
  readAt?: string | undefined;
}

/** Which kinds a person also gets by email; absent means the default (on). */
export type EmailPreferences = Partial<Record<NotificationKind, boolean>>;

/** One email, as every mailer (local SMTP, Amazon SES) sends it: plain text plus simple HTML. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** `List-Unsubscribe` and `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058), and any other. */
  headers: Record<string, string>;
  /** For logs and metrics only. */
  kind: NotificationKind;
}

export interface Mailer {
  /** Sends one mail; resolves when the transport accepted it, rejects on a transient failure (to retry). */
  send(mail: OutgoingMail): Promise<void>;
}
