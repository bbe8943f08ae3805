import { describe, expect, it } from 'vitest';
import { devMail } from '#local/dev-mail-page.ts';
import type { CaughtMail, MailCatcher } from '#local/mail-catcher.ts';

const hostile: CaughtMail = {
  id: 7,
  receivedAt: '2026-12-01T10:00:00.000Z',
  to: ['ada@example.org'],
  from: 'notifications@guildhall.localhost',
  subject: '<script>alert("subject")</script>',
  text: 'Hello <img src=x onerror=alert(1)>',
  html: '<p>Hi</p><script>alert("html")</script>',
  headers: { subject: '<b>x</b>', 'list-unsubscribe': '<https://guildhall.test/api/unsubscribe/t>' },
  raw: 'raw',
};
const catcher = (mails: CaughtMail[]): MailCatcher => ({
  url: 'smtp://127.0.0.1:1',
  list: () => mails,
  get: (id) => mails.find((mail) => mail.id === id),
  clear: () => undefined,
  next: () => Promise.reject(new Error('none')),
  stop: async () => undefined,
});

describe('the local caught-mail page', () => {
  it('lists the caught mails, newest first, every value escaped', () => {
    const answer = devMail(catcher([hostile]), 'GET', '/dev/mail/');
    expect(answer?.status).toBe(200);
    expect(answer?.body).toContain('&lt;script&gt;alert(&quot;subject&quot;)&lt;/script&gt;');
    expect(answer?.body).not.toContain('<script>');
    expect(answer?.body).toContain('href="/dev/mail/7/"');
  });

  it('shows one mail’s headers and text escaped, and links to its HTML part', () => {
    const answer = devMail(catcher([hostile]), 'GET', '/dev/mail/7/');
    expect(answer?.body).toContain('&lt;https://guildhall.test/api/unsubscribe/t&gt;');
    expect(answer?.body).toContain('Hello &lt;img src=x onerror=alert(1)&gt;');
    expect(answer?.body).toContain('href="/dev/mail/7/html"');
  });

  it('serves a mail’s HTML part only under a sandbox that runs no script and loads nothing', () => {
    const answer = devMail(catcher([hostile]), 'GET', '/dev/mail/7/html');
    expect(answer?.body).toBe(hostile.html);
    const policy = answer?.headers['content-security-policy'] ?? '';
    expect(policy.split('; ')).toEqual(expect.arrayContaining(['sandbox', "default-src 'none'"]));
    expect(policy).not.toMatch(/script-src/);
  });

  it('answers the mails as JSON for tests, without the raw message', () => {
    const answer = devMail(catcher([hostile]), 'GET', '/dev/mail/messages.json');
    expect(JSON.parse(answer?.body ?? '')).toEqual([expect.not.objectContaining({ raw: expect.anything() })]);
  });

  it.each([
    ['a mail it no longer holds', 'GET', '/dev/mail/8/', 404],
    ['a path it does not know', 'GET', '/dev/mail/x/', 404],
    ['a change', 'POST', '/dev/mail/', 405],
  ])('answers %s with %s', (_, method, path, status) => {
    expect(devMail(catcher([hostile]), method, path)?.status).toBe(status);
  });

  it('leaves every other path to the site', () => {
    expect(devMail(catcher([hostile]), 'GET', '/dev/other')).toBeUndefined();
    expect(devMail(catcher([hostile]), 'GET', '/')).toBeUndefined();
  });
});
