import type { APIRoute } from 'astro';
import { UnauthenticatedError } from '#domain/errors.ts';
import { isLocale, languageCookie, localeOfPath, negotiateLocale } from '#domain/i18n/locales.ts';
import { decodePending, exchangeCode } from '#http/oauth.ts';
import { sessionCookieName } from '#http/session.ts';
import { hostedUi, pendingCookie } from '../../lib/hosted-ui.ts';
import { getTokenVerifier } from '../../lib/services.ts';

export const prerender = false;

/** Back from the hosted sign-in: check the state, exchange the code, verify the token, start the session. */
export const GET: APIRoute = async ({ url, cookies, request }) => {
  const ui = hostedUi();
  if (!ui) return new Response('Sign-in is not configured here.', { status: 404 });
  // decodePending checks the cookie's returnTo again (safeReturnTo): the browser could have rewritten it.
  const pending = decodePending(cookies.get(pendingCookie)?.value);
  cookies.delete(pendingCookie, { path: '/auth/' });
  try {
    const token = await exchangeCode(ui, pending, {
      code: url.searchParams.get('code'),
      state: url.searchParams.get('state'),
    });
    const claims = await getTokenVerifier()(token);
    const maxAge = typeof claims.exp === 'number' ? Math.max(60, claims.exp - Math.floor(Date.now() / 1000)) : 3600;
    cookies.set(sessionCookieName, token, { path: '/', httpOnly: true, secure: true, sameSite: 'lax', maxAge });
    return new Response(null, {
      status: 303,
      headers: { location: pending?.returnTo ?? '/', 'cache-control': 'no-store' },
    });
  } catch (error) {
    if (!(error instanceof UnauthenticatedError)) throw error;
    // The callback's address is the same in every language: the page the sign-in started from says the
    // reader's, else the language they chose on the site, else their browser's.
    const chosen = cookies.get(languageCookie)?.value;
    const fromPage = pending ? localeOfPath(pending.returnTo).locale : 'en';
    const locale =
      fromPage !== 'en'
        ? fromPage
        : isLocale(chosen)
          ? chosen
          : (negotiateLocale(request.headers.get('accept-language')) ?? 'en');
    return new Response(`${error.wordsIn?.(locale) ?? error.message}\n`, {
      status: 401,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'content-language': locale },
    });
  }
};
