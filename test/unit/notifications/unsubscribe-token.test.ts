import { describe, expect, it } from 'vitest';
import { RequestShapeError } from '#domain/errors.ts';
import { notificationKinds } from '#domain/notifications/notification.ts';
import { readUnsubscribeToken, unsubscribeClaim, unsubscribeToken } from '#domain/notifications/unsubscribe.ts';
import { key } from './fixtures.ts';

const claim = { personId: 'ada', kind: 'application-message' as const };

describe('unsubscribe links', () => {
  it.each(notificationKinds)('carry their person and kind (%s) back from the token', (kind) => {
    for (const personId of ['ada', 'person.with-dots_and@signs', 'é-accented']) {
      expect(readUnsubscribeToken(key, unsubscribeToken(key, { personId, kind }))).toEqual({ personId, kind });
    }
  });

  it('use only characters that fit a URL path as they are', () => {
    expect(unsubscribeToken(key, { personId: 'a/b?c#d e', kind: 'saved-search-match' })).toMatch(/^[A-Za-z0-9._-]+$/);
  });

  it('refuse a token signed with another key', () => {
    expect(readUnsubscribeToken(key, unsubscribeToken('o'.repeat(40), claim))).toBeUndefined();
  });

  it('refuse a token whose kind or person was changed, so nobody can stop someone else’s mail', () => {
    const [, person, mac] = unsubscribeToken(key, claim).split('.');
    expect(readUnsubscribeToken(key, `saved-search-match.${person}.${mac}`)).toBeUndefined();
    const bram = Buffer.from('bram').toString('base64url');
    expect(readUnsubscribeToken(key, `application-message.${bram}.${mac}`)).toBeUndefined();
  });

  it.each([
    ['an empty token', ''],
    ['a token cut short', unsubscribeToken(key, claim).slice(0, -3)],
    ['a token with a part added', `${unsubscribeToken(key, claim)}.x`],
    ['an unknown kind', 'everything.YWRh.AAAAAAAAAAAAAAAAAAAAAA'],
    ['an empty person', 'application-message..AAAAAAAAAAAAAAAAAAAAAA'],
    ['characters outside base64url', 'application-message.YW+h.AAAAAAAAAAAAAAAAAAAAAA'],
    ['a very long token', `application-message.${'A'.repeat(500)}.AAAA`],
  ])('refuse %s', (_, token) => {
    expect(readUnsubscribeToken(key, token)).toBeUndefined();
  });

  it('answer a refused token with a 400 that names it and says what to do', () => {
    try {
      unsubscribeClaim(key, 'nonsense');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RequestShapeError);
      const issues = (error as RequestShapeError).issues;
      expect(issues).toMatchObject([
        { field: 'path.token', message: expect.stringContaining('open the link from the email whole') },
      ]);
      expect(issues).toHaveLength(1);
      expect(issues[0]?.wordsIn?.('es')).toContain('abre el enlace del correo completo');
      expect(issues[0]?.wordsIn?.('nl')).toContain('open de link uit de e-mail in zijn geheel');
    }
  });
});
