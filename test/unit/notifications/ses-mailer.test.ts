import type { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { createSesMailer } from '#adapters/mail/ses-mailer.ts';
import { MailRejectedError } from '#domain/errors.ts';
import type { OutgoingMail } from '#domain/notifications/notification.ts';
import { emailLinks, renderEmail } from '#domain/notifications/render-email.ts';
import { key, notification, site } from './fixtures.ts';

const mail: OutgoingMail = renderEmail(
  notification(),
  { address: 'ada@example.org' },
  emailLinks(site, key, notification()),
);
const from = 'Guildhall <notifications@guildhall.example>';

function fakeSes(answer: (command: SendEmailCommand) => Promise<unknown> = async () => ({ MessageId: 'm' })) {
  const sent: SendEmailCommand[] = [];
  return {
    sent,
    client: {
      send: async (command: SendEmailCommand) => {
        sent.push(command);
        return answer(command);
      },
    } as never,
  };
}
const named = (name: string) => Object.assign(new Error(name), { name });

describe('the SES mailer', () => {
  it('sends one SendEmail with the configuration set, both parts and the one-click headers', async () => {
    const ses = fakeSes();
    await createSesMailer({ region: 'eu-west-1', from, configurationSet: 'guildhall-mail', client: ses.client }).send(
      mail,
    );
    expect(ses.sent).toHaveLength(1);
    const input = ses.sent[0]?.input;
    expect(input).toMatchObject({
      FromEmailAddress: from,
      Destination: { ToAddresses: ['ada@example.org'] },
      ConfigurationSetName: 'guildhall-mail',
      Content: {
        Simple: {
          Subject: { Data: mail.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: mail.text }, Html: { Data: mail.html } },
        },
      },
      EmailTags: [{ Name: 'kind', Value: 'application-stage-changed' }],
    });
    expect(input?.Content?.Simple?.Headers).toEqual([
      { Name: 'List-Unsubscribe', Value: mail.headers['List-Unsubscribe'] },
      { Name: 'List-Unsubscribe-Post', Value: 'List-Unsubscribe=One-Click' },
      { Name: 'Content-Language', Value: 'en' },
    ]);
  });

  it.each(['MessageRejected', 'BadRequestException', 'MailFromDomainNotVerifiedException'])(
    'reports %s as a rejection no retry will change',
    async (name) => {
      const ses = fakeSes(async () => Promise.reject(named(name)));
      const mailer = createSesMailer({ region: 'eu-west-1', from, configurationSet: 'c', client: ses.client });
      await expect(mailer.send(mail)).rejects.toBeInstanceOf(MailRejectedError);
    },
  );

  it.each(['TooManyRequestsException', 'SendingPausedException', 'TimeoutError'])(
    'passes %s on as it is, for the producer to retry',
    async (name) => {
      const ses = fakeSes(async () => Promise.reject(named(name)));
      const mailer = createSesMailer({ region: 'eu-west-1', from, configurationSet: 'c', client: ses.client });
      await expect(mailer.send(mail)).rejects.toMatchObject({ name });
    },
  );
});
