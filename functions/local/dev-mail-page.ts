// /dev/mail/: the mails the local stack's catcher holds, for a developer (and a browser test) to read.
// Served by the local gateway only, like the sign-in page: nothing in AWS knows this path. Every value
// is escaped; a mail's HTML part is shown only on its own page, under a sandboxing policy that runs no
// script and loads nothing, so a mail can never act on the local site.
import { escapeHtml } from '#domain/content/html.ts';
import { pageContentSecurityPolicy } from '#http/security-headers.ts';
import { localPalette } from './local-page-palette.ts';
import type { CaughtMail, MailCatcher } from './mail-catcher.ts';

/** The pages' one style block, light or dark as the system is (a mail's own HTML keeps its own). */
export const devMailStyles = `${localPalette}
  body { font: 1rem/1.5 system-ui, sans-serif; margin: 0; }
  main { max-width: 48rem; margin: 0 auto; padding: 1.5rem 1rem; }
  a { color: var(--accent); }
  .note { background: var(--caution-soft); border-left: 4px solid var(--caution); padding: .5rem .75rem; }
  ol { padding: 0; list-style: none; display: grid; gap: .5rem; }
  li { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: .5rem .75rem; overflow-wrap: anywhere; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--card); border: 1px solid var(--line); padding: .75rem; }
  dt { font-weight: bold; } dd { margin: 0 0 .5rem; overflow-wrap: anywhere; }
`;

export interface DevMailAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const pagePolicy = pageContentSecurityPolicy({ styles: [devMailStyles] });
/** A mail's own HTML: its inline styles apply; no script, no form, nothing fetched, no navigation of this site. */
const mailHtmlPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

function page(title: string, content: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Guildhall (local)</title><style>${devMailStyles}</style></head>
<body><main>
<p><a href="/">← Guildhall</a> · <a href="/dev/mail/">Caught mail</a></p>
${content}
</main></body>
</html>`;
}

function listPage(mails: CaughtMail[]): string {
  const items = mails
    .map(
      (
        mail,
      ) => `<li><a href="/dev/mail/${mail.id}/"><strong>${escapeHtml(mail.subject || '(no subject)')}</strong></a><br>
to ${escapeHtml(mail.to.join(', '))} · <time datetime="${escapeHtml(mail.receivedAt)}">${escapeHtml(mail.receivedAt)}</time></li>`,
    )
    .join('\n');
  return page(
    'Caught mail',
    `<h1>Caught mail</h1>
<p class="note">This page exists only when Guildhall runs on one machine: its SMTP server catches every email
instead of delivering it. In AWS, Amazon SES sends them. The newest come first (${mails.length} held).</p>
${mails.length === 0 ? '<p>No mail caught yet.</p>' : `<ol>\n${items}\n</ol>`}`,
  );
}

function mailPage(mail: CaughtMail): string {
  const shown = ['from', 'to', 'subject', 'date', 'list-unsubscribe', 'list-unsubscribe-post'];
  const headers = shown
    .filter((name) => mail.headers[name] !== undefined)
    .map((name) => `<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(mail.headers[name] ?? '')}</dd>`)
    .join('\n');
  return page(
    mail.subject || 'A caught mail',
    `<h1>${escapeHtml(mail.subject || '(no subject)')}</h1>
<dl>${headers}</dl>
<h2>Text</h2>
<pre>${escapeHtml(mail.text)}</pre>
${mail.html ? `<p><a href="/dev/mail/${mail.id}/html">The HTML part</a></p>` : ''}`,
  );
}

/** The answer to a GET under /dev/mail/, or undefined for a path it does not know. */
export function devMail(catcher: MailCatcher, method: string, path: string): DevMailAnswer | undefined {
  if (!path.startsWith('/dev/mail')) return undefined;
  const html = (status: number, body: string, policy = pagePolicy) => ({
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': policy,
    },
    body,
  });
  if (method !== 'GET' && method !== 'HEAD') {
    return { status: 405, headers: { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }, body: '' };
  }
  if (path === '/dev/mail' || path === '/dev/mail/') return html(200, listPage(catcher.list()));
  if (path === '/dev/mail/messages.json') {
    return {
      status: 200,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      body: JSON.stringify(catcher.list().map(({ raw: _raw, ...mail }) => mail)),
    };
  }
  const match = /^\/dev\/mail\/(\d{1,9})\/(html)?$/.exec(path);
  const mail = match ? catcher.get(Number(match[1])) : undefined;
  if (!match || !mail)
    return html(404, page('Not found', '<h1>No such mail</h1><p>It may have made room for newer ones.</p>'));
  return match[2] ? html(200, mail.html, mailHtmlPolicy) : html(200, mailPage(mail));
}
