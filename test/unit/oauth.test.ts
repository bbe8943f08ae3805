import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { UnauthenticatedError } from '#domain/errors.ts';
import { authorizeUrl, decodePending, encodePending, exchangeCode, logoutUrl, newPendingSignIn } from '#http/oauth.ts';

const ui = {
  baseUrl: 'https://guildhall.auth.eu-west-1.amazoncognito.com',
  clientId: 'client-1',
  redirectUri: 'https://guildhall.example/auth/callback',
};

describe('signing in with the hosted sign-in (authorization code with PKCE)', () => {
  it('sends the person to authorize with a S256 challenge of this sign-in’s verifier and its state', () => {
    const pending = newPendingSignIn('/me/');
    const url = new URL(authorizeUrl(ui, pending));
    expect(url.origin + url.pathname).toBe(`${ui.baseUrl}/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'client-1',
      redirect_uri: ui.redirectUri,
      state: pending.state,
      code_challenge_method: 'S256',
      code_challenge: createHash('sha256').update(pending.verifier).digest('base64url'),
    });
    expect(newPendingSignIn('/').state).not.toBe(pending.state);
  });

  it('exchanges the code with the verifier and returns the ID token', async () => {
    const pending = newPendingSignIn('/');
    let sent: URLSearchParams | undefined;
    const fakeFetch = (async (_url: string, init: RequestInit) => {
      sent = init.body as URLSearchParams;
      return new Response(JSON.stringify({ id_token: 'id.token.here', access_token: 'a' }), { status: 200 });
    }) as unknown as typeof fetch;
    await expect(exchangeCode(ui, pending, { code: 'abc', state: pending.state }, fakeFetch)).resolves.toBe(
      'id.token.here',
    );
    expect(Object.fromEntries(sent ?? [])).toMatchObject({
      grant_type: 'authorization_code',
      code: 'abc',
      code_verifier: pending.verifier,
      client_id: 'client-1',
    });
  });

  it.each([
    ['a state that does not match', { code: 'abc', state: 'other' }, 200, { id_token: 'x' }],
    ['no code (cancelled)', { code: null, state: 'S' }, 200, { id_token: 'x' }],
    ['a refused code', { code: 'abc', state: 'S' }, 400, { error: 'invalid_grant' }],
    ['no ID token', { code: 'abc', state: 'S' }, 200, { access_token: 'a' }],
  ])('refuses %s', async (_name, params, status, answer) => {
    const fakeFetch = (async () => new Response(JSON.stringify(answer), { status })) as unknown as typeof fetch;
    const pending = { state: 'S', verifier: 'v'.repeat(43), returnTo: '/' };
    await expect(exchangeCode(ui, pending, params, fakeFetch)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('refuses a callback with no sign-in started here', async () => {
    await expect(exchangeCode(ui, undefined, { code: 'abc', state: 'S' })).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('keeps the pending sign-in in a cookie value it can read back, and ignores one it cannot', () => {
    const pending = newPendingSignIn('/jobs/');
    expect(decodePending(encodePending(pending))).toEqual(pending);
    expect(decodePending('not-base64-json')).toBeUndefined();
    expect(decodePending(undefined)).toBeUndefined();
  });

  it('signs out at the hosted sign-in too, returning home', () => {
    expect(logoutUrl(ui, 'https://guildhall.example/')).toBe(
      `${ui.baseUrl}/logout?client_id=client-1&logout_uri=https%3A%2F%2Fguildhall.example%2F`,
    );
  });
});
