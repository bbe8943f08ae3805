// Sends mail over SMTP with nodemailer: the local stack's mailer, which hands every mail to the mail
// catcher it runs (functions/local/mail-catcher.ts). Only functions/local/ imports it, so it is in no
// AWS bundle (test/unit/aws-bundles.test.ts checks that nodemailer never is).
import { createTransport } from 'nodemailer';
import type { Mailer } from '#domain/notifications/notification.ts';

export interface SmtpMailerOptions {
  /** `smtp://host:port`: plain SMTP, as a local catcher speaks it. */
  url: string;
  from: string;
}

export function createSmtpMailer(options: SmtpMailerOptions): Mailer & { close(): void } {
  const url = new URL(options.url);
  const transport = createTransport({
    host: url.hostname,
    port: Number(url.port || 25),
    secure: false,
    // The catcher listens on the loopback interface only; there is nothing to encrypt against.
    ignoreTLS: true,
    connectionTimeout: 5_000,
    socketTimeout: 10_000,
  });
  return {
    async send(mail) {
      await transport.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
      });
    },
    close: () => transport.close(),
  };
}
