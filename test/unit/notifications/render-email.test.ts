import { describe, expect, it } from 'vitest';
import { emailLinks, renderEmail } from '#domain/notifications/render-email.ts';
import { readUnsubscribeToken } from '#domain/notifications/unsubscribe.ts';
import { key, notification, site } from './fixtures.ts';

const links = emailLinks(site, key, { personId: 'ada', kind: 'application-stage-changed' });
const render = (fields = {}) => renderEmail(notification(fields), { address: 'ada@example.org' }, links);

describe('an email rendered from a notification', () => {
  it('goes to the recipient, with the title as subject and the summary and link in both parts', () => {
    const mail = render();
    expect(mail).toMatchObject({
      to: 'ada@example.org',
      subject: notification().title,
      kind: 'application-stage-changed',
    });
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain(notification().summary);
      expect(part).toContain(`${site}/jobs/op1/`);
    }
  });

  it('carries the RFC 8058 one-click headers, pointing at a signed link for its person and kind', () => {
    const { headers } = render();
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const match = /^<(https:\/\/guildhall\.example\/api\/unsubscribe\/([^>]+))>$/.exec(
      headers['List-Unsubscribe'] ?? '',
    );
    expect(match).not.toBeNull();
    expect(readUnsubscribeToken(key, match?.[2] ?? '')).toEqual({ personId: 'ada', kind: 'application-stage-changed' });
  });

  it('links to the page that asks before unsubscribing, and to the settings, in both parts', () => {
    const mail = render();
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain(links.unsubscribePage);
      expect(part).toContain(`${site}/me/email/`);
    }
    expect(links.unsubscribePage).toMatch(/^https:\/\/guildhall\.example\/unsubscribe\/[A-Za-z0-9._-]+\/$/);
  });

  it('escapes whatever the notification says in the HTML part', () => {
    const mail = render({ title: '<script>alert(1)</script>', summary: 'Bram & "Co" <img src=x onerror=alert(1)>' });
    expect(mail.html).not.toMatch(/<script|<img/);
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('Bram &amp; &quot;Co&quot; &lt;img src=x onerror=alert(1)&gt;');
    expect(mail.text).toContain('Bram & "Co" <img src=x onerror=alert(1)>');
  });

  it('keeps the subject on one line, so a title cannot add a header', () => {
    const mail = render({ title: 'Hello\r\nBcc: everyone@example.org\u2028x' });
    expect(mail.subject).toBe('Hello Bcc: everyone@example.org x');
  });

  it('shortens a very long title to 200 characters and gives an empty one a subject', () => {
    expect(render({ title: 'x'.repeat(500) }).subject).toHaveLength(200);
    expect(render({ title: ' \n ' }).subject).toBe('News from Guildhall');
  });

  it.each([
    ['another site', 'https://evil.example/login'],
    ['a protocol-relative address', '//evil.example/login'],
    ['a script address', 'javascript:alert(1)'],
    ['a path without its slash', 'jobs/op1/'],
  ])('never links to %s: it links to the site’s home instead', (_, link) => {
    const mail = render({ link });
    expect(mail.text).toContain(`Open it on Guildhall: ${site}/\n`);
    expect(mail.html).not.toContain('evil.example');
    expect(mail.html).not.toContain('javascript:');
  });

  it('says nothing the notification does not carry: the address appears only as the recipient', () => {
    const mail = render();
    expect(mail.text).not.toContain('ada@example.org');
    expect(mail.html).not.toContain('ada@example.org');
    expect(mail.text).not.toContain(notification().eventKey);
  });

  it('turns the summary’s paragraphs into HTML paragraphs and its lines into breaks', () => {
    expect(render({ summary: 'One\nline two\n\nPara two' }).html).toContain('<p>One<br>line two</p>\n<p>Para two</p>');
  });
});
