// Sends mail through Amazon SES (the SESv2 API), always with the configuration set that publishes
// bounces and complaints to the suppression function. The SDK is provided by the Lambda runtime, so it
// adds nothing to a bundle (platform/lambda-externals.ts).
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { MailRejectedError } from '#domain/errors.ts';
import type { Mailer, OutgoingMail } from '#domain/notifications/notification.ts';

export interface SesMailerOptions {
  region: string;
  /** `Name <address>` of a verified identity (CDK declares it). */
  from: string;
  configurationSet: string;
  /** For tests: a client (or a fake with `send`) instead of one built from the region. */
  client?: Pick<SESv2Client, 'send'>;
}

/** SES's answers that no retry will change: the mail, the address or the sender is refused. */
const permanent = new Set(['MessageRejected', 'BadRequestException', 'MailFromDomainNotVerifiedException']);

/** The SendEmail request for one mail: pure, so a unit test reads exactly what SES is sent. */
export function sendEmailInput(mail: OutgoingMail, from: string, configurationSet: string) {
  return {
    FromEmailAddress: from,
    Destination: { ToAddresses: [mail.to] },
    ConfigurationSetName: configurationSet,
    Content: {
      Simple: {
        Subject: { Data: mail.subject, Charset: 'UTF-8' },
        Body: { Text: { Data: mail.text, Charset: 'UTF-8' }, Html: { Data: mail.html, Charset: 'UTF-8' } },
        Headers: Object.entries(mail.headers).map(([Name, Value]) => ({ Name, Value })),
      },
    },
    EmailTags: [{ Name: 'kind', Value: mail.kind }],
  };
}

export function createSesMailer(options: SesMailerOptions): Mailer {
  const client =
    options.client ??
    new SESv2Client({
      region: options.region,
      maxAttempts: 2,
      // A mail is sent from a stream consumer: a stuck call must fail and be retried, not hold the batch.
      requestHandler: { connectionTimeout: 1_000, requestTimeout: 4_000, throwOnRequestTimeout: true },
    });
  return {
    async send(mail) {
      try {
        await client.send(new SendEmailCommand(sendEmailInput(mail, options.from, options.configurationSet)));
      } catch (error) {
        const name = (error as { name?: unknown } | null)?.name;
        if (typeof name === 'string' && permanent.has(name)) {
          throw new MailRejectedError(`SES refused the mail (${name}).`, { cause: error });
        }
        throw error;
      }
    },
  };
}
