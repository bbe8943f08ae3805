// The mailer the notification function sends with in AWS (Amazon SES, checking the suppression list
// first), and the one call that turns a notification into an email. The local stack builds its own
// mailer over SMTP (functions/local/), so no AWS bundle carries an SMTP client.
import { createSesMailer } from '#adapters/mail/ses-mailer.ts';
import { ConfigError } from '#config/config.ts';
import { type EmailOutcome, emailNotification } from '#domain/notifications/email-notification.ts';
import type { Mailer, Notification } from '#domain/notifications/notification.ts';
import { suppressingMailer } from '#domain/notifications/suppression.ts';
import { emailServices } from './email-services.ts';
import type { StoreServices } from './store-services.ts';

/** SES with the configuration set that reports bounces and complaints; a suppressed address gets nothing. */
export function createAwsMailer(services: StoreServices): Mailer {
  const { config } = services;
  if (!config.SES_CONFIGURATION_SET) {
    throw new ConfigError(
      'Invalid configuration:\n  SES_CONFIGURATION_SET: required to send mail through SES (bounces and complaints are published through it)',
    );
  }
  const ses = createSesMailer({
    region: config.AWS_REGION,
    from: config.EMAIL_FROM,
    configurationSet: config.SES_CONFIGURATION_SET,
  });
  return suppressingMailer(ses, emailServices(services).suppressions, services.log);
}

/**
 * Sends a notification by email if its person allows it, through `mailer` (which must check the
 * suppression list: createAwsMailer does, and so does the local stack's). The notification producer
 * calls this once for each notification it newly stored.
 */
export function notificationEmailer(
  services: StoreServices,
  mailer: Mailer,
): (notification: Notification) => Promise<EmailOutcome> {
  return (notification) => {
    const email = emailServices(services);
    return emailNotification(
      {
        people: services.people,
        emailPreferences: email.emailPreferences,
        suppressions: email.suppressions,
        mailer,
        siteUrl: email.siteUrl,
        emailLinkKey: email.emailLinkKey,
      },
      notification,
    );
  };
}
