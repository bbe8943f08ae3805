// SES events as SES publishes them through a configuration set's SNS destination (the shapes of the
// examples in the SES developer guide, "Examples of event data that Amazon SES publishes to Amazon SNS").
import { describe, expect, it } from 'vitest';
import { applySesEvents } from '#app/ses-events.ts';
import type { Mailer, OutgoingMail } from '#domain/notifications/notification.ts';
import { type Suppression, suppressingMailer, suppressionsFromSesEvent } from '#domain/notifications/suppression.ts';
import { createLogger } from '#platform/log.ts';

const mailPart = {
  timestamp: '2026-12-01T10:00:00.000Z',
  source: 'Guildhall <notifications@guildhall.example>',
  messageId: 'm-1',
  destination: ['ada@example.org'],
  tags: { 'ses:configuration-set': ['guildhall-mail'] },
};
const permanentBounce = {
  eventType: 'Bounce',
  bounce: {
    bounceType: 'Permanent',
    bounceSubType: 'General',
    bouncedRecipients: [
      {
        emailAddress: 'Ada@Example.org',
        action: 'failed',
        status: '5.1.1',
        diagnosticCode: 'smtp; 550 5.1.1 user unknown',
      },
    ],
    timestamp: '2026-12-01T10:00:02.000Z',
    feedbackId: 'f-1',
    reportingMTA: 'dsn; a.example',
  },
  mail: mailPart,
};
const transientBounce = {
  eventType: 'Bounce',
  bounce: { ...permanentBounce.bounce, bounceType: 'Transient', bounceSubType: 'MailboxFull' },
  mail: mailPart,
};
const complaint = {
  notificationType: 'Complaint',
  complaint: {
    complainedRecipients: [{ emailAddress: 'Bram <bram@example.org>' }],
    timestamp: '2026-12-01T11:00:00.000Z',
    feedbackId: 'f-2',
    complaintFeedbackType: 'abuse',
  },
  mail: mailPart,
};

describe('the suppressions an SES event asks for', () => {
  it('suppresses every recipient of a permanent bounce, in lower case', () => {
    expect(suppressionsFromSesEvent(permanentBounce)).toEqual([
      { address: 'ada@example.org', reason: 'bounce', at: '2026-12-01T10:00:02.000Z', feedbackId: 'f-1' },
    ]);
  });

  it('suppresses a complaining recipient, as identity notifications name it too', () => {
    expect(suppressionsFromSesEvent(complaint)).toEqual([
      { address: 'bram@example.org', reason: 'complaint', at: '2026-12-01T11:00:00.000Z', feedbackId: 'f-2' },
    ]);
  });

  it.each([
    ['a transient bounce (SES retries a full mailbox itself)', transientBounce],
    ['a delivery', { eventType: 'Delivery', delivery: {}, mail: mailPart }],
    ['no event', null],
    ['a bounce without recipients', { eventType: 'Bounce', bounce: { bounceType: 'Permanent' } }],
    [
      'a recipient that is no address',
      { eventType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: 42 }, {}] } },
    ],
  ])('suppresses nothing for %s', (_, event) => {
    expect(suppressionsFromSesEvent(event)).toEqual([]);
  });
});

describe('the SES events function', () => {
  const log = createLogger('silent', 'test');
  const record = (message: unknown) => ({
    Sns: { Message: typeof message === 'string' ? message : JSON.stringify(message) },
  });

  it('adds each bounced or complaining address and passes over the rest, a message that is no JSON included', async () => {
    const added: Suppression[] = [];
    const result = await applySesEvents({ suppressions: { suppress: async (entry) => void added.push(entry) }, log }, [
      record(permanentBounce),
      record(transientBounce),
      record('not json {'),
      record(complaint),
    ]);
    expect(result).toEqual({ suppressed: 2, ignored: 2 });
    expect(added.map((entry) => entry.address)).toEqual(['ada@example.org', 'bram@example.org']);
  });

  it('fails the batch when the store fails, so the event is delivered again', async () => {
    const failing = { suppress: async () => Promise.reject(new Error('store down')) };
    await expect(applySesEvents({ suppressions: failing, log }, [record(permanentBounce)])).rejects.toThrow(
      'store down',
    );
  });
});

describe('a mailer that checks the suppression list', () => {
  const mail: OutgoingMail = {
    to: 'ADA@example.org ',
    subject: 's',
    text: 't',
    html: 'h',
    headers: {},
    kind: 'application-message',
  };

  it('sends nothing to a suppressed address, whatever its case, and sends to the others', async () => {
    const sent: string[] = [];
    const inner: Mailer = { send: async (m) => void sent.push(m.to) };
    const mailer = suppressingMailer(inner, { isSuppressed: async (address) => address === 'ada@example.org' });
    await mailer.send(mail);
    await mailer.send({ ...mail, to: 'bram@example.org' });
    expect(sent).toEqual(['bram@example.org']);
  });

  it('passes a transport failure on, so the producer retries', async () => {
    const mailer = suppressingMailer(
      { send: async () => Promise.reject(new Error('421 try later')) },
      { isSuppressed: async () => false },
    );
    await expect(mailer.send(mail)).rejects.toThrow('421 try later');
  });
});
