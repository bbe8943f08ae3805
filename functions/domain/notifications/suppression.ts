// Addresses that must get no more mail: a hard bounce (the address does not exist) or a complaint (the
// person marked a mail as spam). Amazon SES reports both as events (configuration set → SNS → the
// suppression function); every mailer checks the list before it sends, so a bouncing address is never
// sent to again and the instance's sending reputation is kept.
import type { Mailer, OutgoingMail } from './notification.ts';

export type SuppressionReason = 'bounce' | 'complaint';

export interface Suppression {
  address: string;
  reason: SuppressionReason;
  /** ISO time SES gave for the bounce or complaint. */
  at: string;
  /** SES's feedback id, to trace the event. */
  feedbackId?: string | undefined;
}

/** The port the list is kept behind; the DynamoDB adapter implements it. */
export interface SuppressionList {
  isSuppressed(address: string): Promise<boolean>;
  /** Adds the address; adding it again (a replayed event) changes nothing that matters. */
  suppress(entry: Suppression): Promise<void>;
}

/** Addresses compare without case: SES and mail providers treat them so in practice. */
export function normaliseAddress(address: string): string {
  return address.trim().toLowerCase();
}

/** A mailer that sends nothing to a suppressed address, and says so in the log. */
export function suppressingMailer(
  mailer: Mailer,
  list: Pick<SuppressionList, 'isSuppressed'>,
  log?: { info(message: string, fields?: Record<string, unknown>): void },
): Mailer {
  return {
    async send(mail: OutgoingMail) {
      if (await list.isSuppressed(normaliseAddress(mail.to))) {
        log?.info('email not sent: the address bounced or complained before', { kind: mail.kind });
        return;
      }
      await mailer.send(mail);
    },
  };
}

interface Recipient {
  emailAddress?: unknown;
}

/**
 * The suppressions an SES event (the JSON an SNS message carries) asks for: every recipient of a
 * permanent bounce, and every recipient of a complaint. A transient bounce (a full mailbox, a server
 * briefly down) suppresses nothing: SES retries those itself. Event publishing names the type
 * `eventType`, identity notifications `notificationType`; both are read.
 */
export function suppressionsFromSesEvent(event: unknown): Suppression[] {
  if (typeof event !== 'object' || event === null) return [];
  const record = event as Record<string, unknown>;
  const type = record.eventType ?? record.notificationType;
  const recipients = (list: unknown) =>
    (Array.isArray(list) ? (list as Recipient[]) : []).flatMap((recipient) =>
      typeof recipient?.emailAddress === 'string' && recipient.emailAddress.includes('@')
        ? [normaliseAddress(bareAddress(recipient.emailAddress))]
        : [],
    );
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  if (type === 'Bounce') {
    const bounce = (record.bounce ?? {}) as Record<string, unknown>;
    if (bounce.bounceType !== 'Permanent') return [];
    return recipients(bounce.bouncedRecipients).map((address) => ({
      address,
      reason: 'bounce' as const,
      at: text(bounce.timestamp) ?? new Date(0).toISOString(),
      feedbackId: text(bounce.feedbackId),
    }));
  }
  if (type === 'Complaint') {
    const complaint = (record.complaint ?? {}) as Record<string, unknown>;
    return recipients(complaint.complainedRecipients).map((address) => ({
      address,
      reason: 'complaint' as const,
      at: text(complaint.timestamp) ?? new Date(0).toISOString(),
      feedbackId: text(complaint.feedbackId),
    }));
  }
  return [];
}

/** `Ada <ada@example.org>` → `ada@example.org`; a bare address stays as it is. */
function bareAddress(address: string): string {
  return /<([^<>]+)>\s*$/.exec(address)?.[1] ?? address;
}
