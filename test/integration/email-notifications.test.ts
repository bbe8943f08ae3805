// Email, end to end on one machine: a notification rendered, sent over SMTP to the local stack's mail
// catcher and read back with an independent parser; the one-click unsubscribe its header carries,
// posted as a mail client posts it; preferences through the API; a bounce from SES that stops all
// further mail to its address. Until the producer from the stream lands, the notifications are made here.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailer } from '#adapters/mail/smtp-mailer.ts';
import { emailServices } from '#app/email-services.ts';
import { notificationEmailer } from '#app/mailer.ts';
import { applySesEvents } from '#app/ses-events.ts';
import { notificationStreamDependencies } from '#app/stream-notifications.ts';
import type { Locale } from '#domain/i18n/locales.ts';
import type { Notification } from '#domain/notifications/notification.ts';
import { produceNotifications } from '#domain/notifications/produce.ts';
import { suppressingMailer } from '#domain/notifications/suppression.ts';
import { newPerson } from '#domain/people/person.ts';
import { createApi } from '#http/api.ts';
import { type MailCatcher, startMailCatcher } from '#local/mail-catcher.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';

let catcher: MailCatcher;
let smtp: ReturnType<typeof createSmtpMailer>;
let setup: Awaited<ReturnType<typeof apiOnFreshTable>>;
let send: ReturnType<typeof notificationEmailer>;

/** A person of this test alone, with an address, so tests never see each other's mail or settings. */
async function person(address = `${randomUUID()}@example.org`, language?: Locale) {
  const id = `p-${randomUUID().slice(0, 8)}`;
  await setup.services.people.createIfAbsent(
    newPerson({
      id,
      name: 'Ada',
      createdAt: new Date().toISOString(),
      email: address,
      ...(language ? { language } : {}),
    }),
  );
  return { id, address };
}

const notification = (personId: string, fields: Partial<Notification> = {}): Notification => ({
  id: randomUUID(),
  personId,
  kind: 'application-stage-changed',
  at: new Date().toISOString(),
  title: 'You are shortlisted for Repair bench technician',
  summary: 'Repair Co-op moved your application to the shortlist: “great bench work” — Bram',
  link: '/me/',
  eventKey: randomUUID(),
  ...fields,
});

/** Sends, then gives any mail in flight a moment to arrive: a mail that should not exist must not. */
async function mailsAfter(action: () => Promise<unknown>, to: string) {
  const before = catcher.list().length;
  await action();
  await new Promise((resolve) => setTimeout(resolve, 200));
  return catcher
    .list()
    .slice(0, catcher.list().length - before)
    .filter((mail) => mail.to.includes(to));
}

/** A POST as a mail client sends it for RFC 8058: no sign-in, no origin, the one-click form body. */
async function oneClick(path: string) {
  const [pathname = '', rawQuery = ''] = path.split('?');
  return createApi(setup.services).handle({
    method: 'POST',
    path: pathname,
    rawQuery,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
    identity: null,
    requestId: randomUUID(),
  });
}

beforeAll(async () => {
  catcher = await startMailCatcher();
  setup = await apiOnFreshTable({}, { EMAIL_LINK_KEY: 'test-email-link-key-'.repeat(3) });
  smtp = createSmtpMailer({ url: catcher.url, from: 'Guildhall <notifications@guildhall.test>' });
  const mailer = suppressingMailer(smtp, emailServices(setup.services).suppressions);
  send = notificationEmailer(setup.services, mailer);
}, 60_000);

afterAll(async () => {
  smtp?.close();
  await catcher?.stop();
});

describe('a notification by email, through the local SMTP server', () => {
  it('arrives with its subject, both parts, the link to act on and the one-click unsubscribe headers', async () => {
    const ada = await person();
    const arriving = catcher.next();
    expect(await send(notification(ada.id))).toBe('sent');
    const mail = await arriving;
    expect(mail.to).toEqual([ada.address]);
    expect(mail.subject).toBe('You are shortlisted for Repair bench technician');
    expect(mail.text).toContain('“great bench work” — Bram');
    expect(mail.text).toContain('https://guildhall.test/me/');
    expect(mail.html).toContain('<a href="https://guildhall.test/me/">Open it on Guildhall</a>');
    expect(mail.headers['list-unsubscribe']).toMatch(
      /^<https:\/\/guildhall\.test\/api\/unsubscribe\/[A-Za-z0-9._-]+>$/,
    );
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
  });

  it.each([
    [
      'chose Spanish',
      'es',
      'Nuevo pedido: Mesa de roble',
      'Alguien pidió Mesa de roble. Acéptalo o recházalo.',
      'Ábrelo en Guildhall',
    ],
    [
      'chose no language',
      undefined,
      'New order: Mesa de roble',
      'Someone ordered Mesa de roble. Accept or decline it.',
      'Open it on Guildhall',
    ],
  ] as const)(
    'tells a seller who %s of a new order in theirs (English when none), from the order itself to the mail read back',
    async (_who, language, subject, summary, open) => {
      const seller = await person(undefined, language);
      const arriving = catcher.next();
      const deps = { ...notificationStreamDependencies(setup.services, send), now: () => new Date() };
      const newItem = {
        type: 'order',
        id: `o-${randomUUID().slice(0, 8)}`,
        buyer: 'person:buyer',
        seller: `person:${seller.id}`,
        orderedBy: 'buyer',
        title: 'Mesa de roble',
        status: 'ordered',
      };
      await produceNotifications(deps, { eventId: randomUUID(), at: new Date().toISOString(), newItem });
      const mail = await arriving;
      expect(mail.to).toEqual([seller.address]);
      expect(mail.subject).toBe(subject);
      expect(mail.headers['content-language']).toBe(language ?? 'en');
      expect(mail.html).toContain(`<html lang="${language ?? 'en'}">`);
      for (const part of [mail.text, mail.html]) {
        expect(part).toContain(summary);
        expect(part).toContain(open);
      }
    },
  );

  it('stops that kind, and only that kind, once the one-click address in its header is posted; again changes nothing', async () => {
    const ada = await person();
    const arriving = catcher.next();
    await send(notification(ada.id));
    const header = (await arriving).headers['list-unsubscribe'] ?? '';
    const path = new URL(header.slice(1, -1)).pathname;

    for (const attempt of [1, 2]) {
      const answer = await oneClick(path);
      expect(answer.status, `click ${attempt}: ${answer.body}`).toBe(200);
      expect(JSON.parse(answer.body)).toEqual({ kind: 'application-stage-changed', email: false });
    }
    const stopped = await mailsAfter(async () => {
      expect(await send(notification(ada.id))).toBe('unsubscribed');
    }, ada.address);
    expect(stopped).toEqual([]);
    const other = await mailsAfter(() => send(notification(ada.id, { kind: 'application-message' })), ada.address);
    expect(other.map((mail) => mail.subject)).toHaveLength(1);
  });

  it('sends nothing for a kind turned off in the settings (PATCH /api/me/email-preferences)', async () => {
    const ada = await person();
    const changed = await setup.call('PATCH', '/api/me/email-preferences', ada.id, { 'value-report-settled': false });
    expect(changed.status).toBe(200);
    expect(body(changed)).toMatchObject({ 'value-report-settled': false, 'application-message': true });
    expect(body(await setup.call('GET', '/api/me/email-preferences', ada.id))['value-report-settled']).toBe(false);
    const sent = await mailsAfter(async () => {
      expect(await send(notification(ada.id, { kind: 'value-report-settled' }))).toBe('unsubscribed');
    }, ada.address);
    expect(sent).toEqual([]);
  });

  it('sends no more mail to an address SES reported as a permanent bounce', async () => {
    const ada = await person(`Bouncing-${randomUUID().slice(0, 8)}@example.org`);
    const first = await mailsAfter(() => send(notification(ada.id)), ada.address);
    expect(first).toHaveLength(1);
    const bounce = {
      eventType: 'Bounce',
      bounce: {
        bounceType: 'Permanent',
        bouncedRecipients: [{ emailAddress: ada.address.toLowerCase() }],
        timestamp: new Date().toISOString(),
        feedbackId: 'f-1',
      },
      mail: { destination: [ada.address] },
    };
    const applied = await applySesEvents(
      { suppressions: emailServices(setup.services).suppressions, log: setup.services.log },
      [{ Sns: { Message: JSON.stringify(bounce) } }],
    );
    expect(applied).toEqual({ suppressed: 1, ignored: 0 });

    const after = await mailsAfter(async () => {
      expect(await send(notification(ada.id, { kind: 'application-message' }))).toBe('suppressed');
      // The mailer itself refuses too, for any sender that skips the use case.
      const mailer = suppressingMailer(smtp, emailServices(setup.services).suppressions);
      await mailer.send({
        to: ada.address,
        subject: 's',
        text: 't',
        html: 'h',
        headers: {},
        kind: 'application-message',
      });
    }, ada.address);
    expect(after).toEqual([]);
  });
});

describe('the unsubscribe and preference routes', () => {
  it('refuse a forged or altered one-click link with a 400 naming the token, and change nothing', async () => {
    const ada = await person();
    const answer = await oneClick(
      `/api/unsubscribe/application-message.${Buffer.from(ada.id).toString('base64url')}.AAAAAAAAAAAAAAAAAAAAAA`,
    );
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).errors).toEqual([{ field: 'path.token', message: expect.any(String) }]);
    expect(body(await setup.call('GET', '/api/me/email-preferences', ada.id))['application-message']).toBe(true);
  });

  it('send a browser that opens the one-click address to the page that asks, changing nothing', async () => {
    const ada = await person();
    const arriving = catcher.next();
    await send(notification(ada.id));
    const path = new URL(((await arriving).headers['list-unsubscribe'] ?? '').slice(1, -1)).pathname;
    const answer = await setup.call('GET', path, null);
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe(`/unsubscribe/${path.split('/').pop()}/`);
    expect(body(await setup.call('GET', '/api/me/email-preferences', ada.id))['application-stage-changed']).toBe(true);
  });

  it('refuse an unknown kind or a value that is not true or false, naming it, and need a sign-in', async () => {
    const ada = await person();
    const unknown = await setup.call('PATCH', '/api/me/email-preferences', ada.id, { everything: false });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(body(unknown).errors)).toContain('everything');
    const notBoolean = await setup.call('PATCH', '/api/me/email-preferences', ada.id, { 'application-message': 'off' });
    expect(notBoolean.status).toBe(400);
    expect(body(notBoolean).errors[0].field).toBe('body.application-message');
    expect(
      (await setup.call('PATCH', '/api/me/email-preferences', null, { 'application-message': false })).status,
    ).toBe(401);
    expect(body(await setup.call('GET', '/api/me/email-preferences', ada.id))['application-message']).toBe(true);
  });
});
