// An email made from a notification, and nothing else: its title is the subject, its summary the body,
// its link the one place to act. Plain text plus simple HTML (every value escaped), and in every mail a
// one-click unsubscribe for its kind, as a link in the body and as the RFC 8058 headers mail clients
// show as their own "Unsubscribe" button. Written in the recipient's language: the notification's
// message (notification-text.ts) and the email's own words, from the email area of the catalogue alone.
import { escapeHtml } from '../content/html.ts';
import { defaultLocale, type Locale } from '../i18n/locales.ts';
import type { Notification, OutgoingMail } from './notification.ts';
import { emailMessages, notificationWords } from './notification-text.ts';
import { unsubscribeToken } from './unsubscribe.ts';

export interface EmailRecipient {
  /** The address the mail goes to. */
  address: string;
  /** The name they are greeted by; none, no greeting. */
  name?: string | undefined;
  /** The language they chose for emails; none means English. */
  language?: Locale | undefined;
}

/** Absolute URLs the mail points to; the caller builds them (see `emailLinks`). */
export interface EmailLinks {
  /** The site's public origin, e.g. `https://guildhall.example`; the notification's link is resolved on it. */
  site: string;
  /** A page that asks before it unsubscribes (GET shows a button; nothing changes on GET). */
  unsubscribePage: string;
  /** Where a mail client POSTs `List-Unsubscribe=One-Click` (RFC 8058). */
  unsubscribeOneClick: string;
  /** The settings page with every kind. */
  settings: string;
}

/** The links for one recipient and kind, signed with the instance's email link key. */
export function emailLinks(siteUrl: string, key: string, claim: Pick<Notification, 'personId' | 'kind'>): EmailLinks {
  const token = unsubscribeToken(key, { personId: claim.personId, kind: claim.kind });
  return {
    site: siteUrl,
    unsubscribePage: `${siteUrl}/unsubscribe/${token}/`,
    unsubscribeOneClick: `${siteUrl}/api/unsubscribe/${token}`,
    settings: `${siteUrl}/me/email/`,
  };
}

/** Header text on one line: a title with a line break in it must not start a header of its own. */
function oneLine(text: string, max: number): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The notification's link on the site's own origin; anything that would leave it goes to the site's home. */
function siteLink(site: string, link: string): string {
  try {
    const resolved = new URL(link, `${site}/`);
    if (resolved.origin === new URL(site).origin && link.startsWith('/') && !link.startsWith('//')) {
      return resolved.href;
    }
  } catch {
    // Not a URL at all: the home page below.
  }
  return `${site}/`;
}

export function renderEmail(notification: Notification, recipient: EmailRecipient, links: EmailLinks): OutgoingMail {
  const language = recipient.language ?? defaultLocale;
  const say = emailMessages[language];
  const words = notificationWords(notification, language);
  const subject = oneLine(words.title, 200) || say['email.subjectFallback'];
  const summary = words.summary.trim();
  const greeting = recipient.name ? say['email.greeting'](oneLine(recipient.name, 120)) : undefined;
  const open = siteLink(links.site, notification.link);
  const why = say['email.why'](say[`email.kind.${notification.kind}`]);
  const text = [
    ...(greeting ? [greeting, ''] : []),
    subject,
    '',
    summary,
    '',
    `${say['email.open']}: ${open}`,
    '',
    '-- ',
    why,
    `${say['email.stop']}: ${links.unsubscribePage}`,
    `${say['email.settings']}: ${links.settings}`,
    '',
  ].join('\n');
  const html = `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: sans-serif; line-height: 1.5; max-width: 36em; margin: 0 auto; padding: 1em;">
${greeting ? `<p>${escapeHtml(greeting)}</p>\n` : ''}<h1 style="font-size: 1.25em;">${escapeHtml(subject)}</h1>
${summary
  .split(/\n{2,}/)
  .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
  .join('\n')}
<p><a href="${escapeHtml(open)}">${escapeHtml(say['email.open'])}</a></p>
<hr>
<p style="font-size: 0.875em; color: #555;">${escapeHtml(why)}
<a href="${escapeHtml(links.unsubscribePage)}">${escapeHtml(say['email.stop'])}</a> · <a href="${escapeHtml(links.settings)}">${escapeHtml(say['email.settings'])}</a></p>
</body>
</html>
`;
  return {
    to: recipient.address,
    subject,
    text,
    html,
    headers: {
      'List-Unsubscribe': `<${links.unsubscribeOneClick}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'Content-Language': language,
    },
    kind: notification.kind,
  };
}
