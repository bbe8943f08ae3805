// Why signing in to the site did not finish (i18n/account/sign-in-refusals.ts, http/oauth.ts): each in
// English, Spanish and Dutch, carried by the error the callback page words in the reader's language.
import { describe, expect, it } from 'vitest';
import { locales } from '#domain/i18n/locales.ts';
import { type SignInRefusal, signInRefusalIn } from '#domain/i18n/account/sign-in-refusals.ts';
import { UnauthenticatedError } from '#domain/errors.ts';
import { exchangeCode } from '#http/oauth.ts';
import { rejected } from '../../support/thrown.ts';

const every: SignInRefusal[] = [
  { key: 'not-started' },
  { key: 'cancelled' },
  { key: 'refused', values: { status: 400 } },
  { key: 'no-token' },
];
const ui = {
  baseUrl: 'https://sign-in.example',
  clientId: 'client',
  redirectUri: 'https://site.example/auth/callback',
};
const pending = { state: 'state-1', verifier: 'verifier', returnTo: '/es/jobs/' };

describe('a sign-in’s refusals', () => {
  it('are worded in each language, each its own, never "undefined"', () => {
    for (const refusal of every) {
      const words = locales.map((locale) => signInRefusalIn(refusal, locale));
      expect(new Set(words).size, refusal.key).toBe(locales.length);
      for (const sentence of words) expect(sentence).not.toMatch(/undefined/);
    }
  });

  it('carry the sign-in service’s status into the sentence', () => {
    const refused = (locale: 'en' | 'es' | 'nl') =>
      signInRefusalIn({ key: 'refused', values: { status: 503 } }, locale);
    expect(refused('en')).toBe('The sign-in service refused the code (503).');
    expect(refused('es')).toBe('El servicio de inicio de sesión rechazó el código (503).');
    expect(refused('nl')).toBe('De inlogdienst heeft de code geweigerd (503).');
  });

  it('reach the errors the code exchange refuses with', async () => {
    const cancelled = await rejected(
      () => exchangeCode(ui, pending, { code: null, state: 'state-1' }),
      UnauthenticatedError,
    );
    expect(cancelled.message).toBe('The sign-in was cancelled.');
    expect(cancelled.wordsIn?.('es')).toBe('Se canceló el inicio de sesión.');
    const refusedFetch = (async () => new Response('{}', { status: 400 })) as typeof fetch;
    const refused = await rejected(
      () => exchangeCode(ui, pending, { code: 'code', state: 'state-1' }, refusedFetch),
      UnauthenticatedError,
    );
    expect(refused.wordsIn?.('nl')).toBe('De inlogdienst heeft de code geweigerd (400).');
    const stranger = await rejected(
      () => exchangeCode(ui, undefined, { code: 'code', state: 'state-1' }),
      UnauthenticatedError,
    );
    expect(stranger.wordsIn?.('es')).toMatch(/^El inicio de sesión no empezó aquí/);
  });
});
