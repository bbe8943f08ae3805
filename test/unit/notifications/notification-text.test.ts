// A notification in its reader's language: every message renders in English, Spanish and Dutch with its
// values, people's own words pass through untranslated, and a notification made before messages were kept
// (or one whose message this version cannot say) shows the English it was stored with.
import { describe, expect, it } from 'vitest';
import { locales } from '#domain/i18n/locales.ts';
import {
  englishWords,
  type MessageKey,
  type MessageValues,
  type NotificationMessage,
  notificationWords,
  renderMessage,
  told,
} from '#domain/notifications/notification-text.ts';
import { emailLinks, renderEmail } from '#domain/notifications/render-email.ts';
import { key, notification, site } from './fixtures.ts';

const name = 'Zoë’s “Bench” & Co';
const tally = { yes: 3, no: 1, abstain: 0, eligible: 5 };
const proposal = { syndicate: 'Taller Común', title: 'Tarifa 2027', closesAt: '2026-03-04T09:00:00.000Z' };

/** One sample per message: a message added without a sample here fails `tsc`. */
const samples: { [K in MessageKey]: MessageValues<K> } = {
  'email.applicationReceived': { name },
  'email.applicantMoved': { name, stage: 'withdrawn' },
  'email.applicationStage': { name, stage: 'offered', withMessage: true, withReason: false },
  'email.applicationMessage': { name, fromApplicant: true },
  'email.joinDecided': { name, accepted: false },
  'email.coInventorInvited': { name },
  'email.assessmentRequested': { name, course: 'Plasterboard hanging' },
  'email.reportAwaiting': { name },
  'email.reportDecided': { name, confirmed: true, paid: false },
  'email.reportSettled': { name, received: '1250', kept: '' },
  'email.orderReceived': { name },
  'email.orderChanged': { name, status: 'delivered' },
  'email.savedSearch': { search: name, count: 3, more: false, titles: 'Joiner; Roofer', rest: 1 },
  'email.proposalOpened': { ...proposal, syndicate: name },
  'email.proposalClosing': { ...proposal, syndicate: name },
  'email.proposalDecided': { ...proposal, syndicate: name, outcome: 'passed', ...tally, change: 'rate-card' },
};
const messages = Object.entries(samples).map(([k, values]) => told(k as MessageKey, values as never));

describe('a notification’s words in each language', () => {
  it.each(messages.map((message) => [message.key, message] as const))(
    'says %s in English, Spanish and Dutch, each in its own words, with the values as they were written',
    (_key, message) => {
      const said = locales.map((locale) => renderMessage(message, locale));
      for (const words of said) {
        expect(words?.title.length).toBeGreaterThan(0);
        expect(`${words?.title} ${words?.summary}`).toContain(name);
        expect(`${words?.title} ${words?.summary}`).not.toMatch(/undefined|\[object/);
      }
      const [en, es, nl] = said;
      expect(es?.summary).not.toBe(en?.summary);
      expect(nl?.summary).not.toBe(en?.summary);
      expect(nl?.summary).not.toBe(es?.summary);
    },
  );

  it('words the stage, the status and the outcome in the reader’s language', () => {
    expect(renderMessage(told('email.orderChanged', { name: 'Mesa', status: 'delivered' }), 'es')?.title).toBe(
      'Pedido Mesa: entregado',
    );
    expect(renderMessage(told('email.applicationStage', samples['email.applicationStage']), 'nl')?.title).toBe(
      `Je hebt een aanbod voor ${name}`,
    );
    expect(renderMessage(told('email.proposalDecided', samples['email.proposalDecided']), 'es')?.summary).toBe(
      `La propuesta Tarifa 2027 de ${name} fue aprobada: sí 3, no 1, abstención 0 de 5 que podían votar. La tabla de tarifas propuesta es ahora la del colectivo.`,
    );
  });

  it('says an amount of Bound exactly, in the reader’s number format', () => {
    const settled = told('email.reportSettled', { name: 'Kiln', received: '123456789012345678', kept: '5' });
    expect(renderMessage(settled, 'en')?.summary).toBe(
      "The value report on Kiln was settled: you received 1,234,567,890,123,456.78 Bound; your implementer's share is 0.05 Bound, kept by the syndicate. Your statement shows it.",
    );
    expect(renderMessage(settled, 'es')?.summary).toContain('recibiste 1.234.567.890.123.456,78 Bound');
    expect(renderMessage(settled, 'nl')?.summary).toContain('je ontving 1.234.567.890.123.456,78 Bound');
  });

  it('words what a notification is about in the reader’s language when its name is gone', () => {
    const message = {
      key: 'email.applicationReceived',
      values: { name: '', unnamed: 'opening' },
    } satisfies NotificationMessage;
    expect(renderMessage(message, 'en')?.title).toBe('New application for an opening');
    expect(renderMessage(message, 'es')?.title).toBe('Nueva candidatura para una oferta');
    expect(renderMessage(message, 'nl')?.title).toBe('Nieuwe sollicitatie op een vacature');
  });

  it('shows the English a notification was stored with when it has no message, or one this version cannot say', () => {
    const stored = { title: 'Old title', summary: 'Old summary.' };
    expect(notificationWords(stored, 'nl')).toEqual(stored);
    const unknown = { key: 'email.gone', values: {} } as unknown as NotificationMessage;
    expect(notificationWords({ ...stored, message: unknown }, 'es')).toEqual(stored);
    const broken = { key: 'email.orderReceived', values: null } as unknown as NotificationMessage;
    expect(notificationWords({ ...stored, message: broken }, 'es')).toEqual(stored);
  });

  it('renders the stored English from the message, word for word as before messages were kept', () => {
    expect(englishWords(told('email.orderReceived', { name: 'Bookkeeping' }))).toEqual({
      title: 'New order: Bookkeeping',
      summary: 'Someone ordered Bookkeeping. Accept or decline it.',
    });
  });
});

describe('an email in the recipient’s language', () => {
  const ordered = notification({
    kind: 'order-received',
    title: 'New order: Mesa de roble',
    summary: 'Someone ordered Mesa de roble. Accept or decline it.',
    link: '/me/orders/o1/',
    message: told('email.orderReceived', { name: 'Mesa de roble' }),
  });
  const links = emailLinks(site, key, ordered);

  it('is written in Spanish for a Spanish reader: subject, body, its own words, lang and Content-Language', () => {
    const mail = renderEmail(ordered, { address: 'ana@example.org', name: 'Ana', language: 'es' }, links);
    expect(mail.subject).toBe('Nuevo pedido: Mesa de roble');
    expect(mail.headers['Content-Language']).toBe('es');
    expect(mail.html).toContain('<html lang="es">');
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('Hola, Ana:');
      expect(part).toContain('Alguien pidió Mesa de roble. Acéptalo o recházalo.');
      expect(part).toContain('Ábrelo en Guildhall');
      expect(part).toContain('«Alguien pide una de tus ofertas» está activado');
      expect(part).toContain('Dejar de recibir estos correos');
      expect(part).toContain('Todos los ajustes de correo');
      expect(part).not.toContain('Open it on Guildhall');
    }
  });

  it('is written in Dutch for a Dutch reader', () => {
    const mail = renderEmail(ordered, { address: 'daan@example.org', name: 'Daan', language: 'nl' }, links);
    expect(mail.subject).toBe('Nieuwe bestelling: Mesa de roble');
    expect(mail.headers['Content-Language']).toBe('nl');
    expect(mail.text).toContain('Hallo Daan,');
    expect(mail.text).toContain('Deze e-mails stoppen');
  });

  it('is written in English when the recipient chose no language, and escapes their name in the greeting', () => {
    const mail = renderEmail(ordered, { address: 'bo@example.org', name: 'Bo <b>' }, links);
    expect(mail.subject).toBe('New order: Mesa de roble');
    expect(mail.headers['Content-Language']).toBe('en');
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.html).toContain('<p>Hello Bo &lt;b&gt;,</p>');
    expect(mail.text).toContain('Open it on Guildhall');
  });

  it('says an old notification, which has no message, in its stored English inside the reader’s email', () => {
    const old = notification({ kind: 'order-received', title: 'New order: Chair', summary: 'Someone ordered Chair.' });
    const mail = renderEmail(old, { address: 'ana@example.org', language: 'es' }, links);
    expect(mail.subject).toBe('New order: Chair');
    expect(mail.text).toContain('Ábrelo en Guildhall');
  });
});
