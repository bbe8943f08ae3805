// Three answers every on-demand page shares, for errors no page handles itself:
// - Past the per-person write limit (a form's command counts each write on the API's own counter, see
//   lib/command-form.ts), the page answers 429 with Retry-After and says how long to wait; nothing ran.
// - While the store or search is not answering, a page shows /outage/ (503, Retry-After), as the API
//   answers 503, instead of failing with 500.
// - Signed in as an account that was deleted, the page says so (403) and the session ends.
// Before them, the reader's language (language-routing.ts): `/es/…` and `/nl/…` are the same pages.
import type { APIContext } from 'astro';
import { defineMiddleware, sequence } from 'astro:middleware';
import { isLocale, type Locale, languageCookie, localeOfPath } from '#domain/i18n/locales.ts';
import { escapeHtml } from '#domain/content/html.ts';
import { translator } from '#domain/i18n/catalogue.ts';
import {
  AccountDeletedError,
  RateLimitedError,
  SearchUnavailableError,
  StoreUnavailableError,
} from '#domain/errors.ts';
import { sessionCookieName } from '#http/session.ts';
import { requestLanguage } from './lib/i18n.ts';
import { homeRedirect, localizeHref, localizeHtml } from './lib/language-routing.ts';

// Both are said in the reader's language; their links are prefixed with the rest of the page's (`localized`).
function tooManyChanges(retryAfterSeconds: number, back: string, locale: Locale): Response {
  const t = translator(locale);
  const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('limit.title'))} · Guildhall</title></head>
<body><main>
<h1>${escapeHtml(t('limit.title'))}</h1>
<p>${escapeHtml(t('limit.text'))}</p>
<p>${escapeHtml(t('limit.wait', retryAfterSeconds))}</p>
<p><a href="${escapeHtml(back)}">${escapeHtml(t('limit.back'))}</a></p>
</main></body>
</html>`;
  return new Response(html, {
    status: 429,
    headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': String(retryAfterSeconds) },
  });
}

function accountDeleted(message: string, locale: Locale): Response {
  const t = translator(locale);
  const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('deleted.title'))} · Guildhall</title></head>
<body><main>
<h1>${escapeHtml(t('deleted.heading'))}</h1>
<p>${escapeHtml(message)}</p>
<p><a href="/">${escapeHtml(t('deleted.home'))}</a></p>
</main></body>
</html>`;
  return new Response(html, { status: 403, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

const outagePath = '/outage/';

const yearSeconds = 365 * 24 * 60 * 60;

/**
 * `/es/jobs/` is `/jobs/` read in Spanish: the page at `/jobs/` renders with `locals.locale` set, and its
 * links, forms and redirects are prefixed on the way out. A `?lang=` (the switcher's links) is the
 * reader's explicit choice and is remembered; `/` sends a reader to their language (homeRedirect).
 */
const language = defineMiddleware(async (context, next) => {
  // A rewrite runs the middleware again for the same request: its language is already known.
  if (context.locals.locale) return next();
  const { locale, rest } = localeOfPath(context.url.pathname);
  context.locals.locale = locale;
  // Code far from the page (a form's refusals, lib/forms.ts) reads the language from here.
  return requestLanguage.run(locale, async () => {
    const chosen = context.isPrerendered ? null : context.url.searchParams.get('lang');
    if (isLocale(chosen) && context.cookies.get(languageCookie)?.value !== chosen) {
      context.cookies.set(languageCookie, chosen, { path: '/', maxAge: yearSeconds, sameSite: 'lax', httpOnly: true });
    }
    if (locale !== 'en') return localized(await inLanguage(context, rest + context.url.search), locale);
    if (context.url.pathname !== '/' || context.isPrerendered) return next();
    const target = homeRedirect({
      cookie: context.cookies.get(languageCookie)?.value,
      acceptLanguage: context.request.headers.get('accept-language'),
      lang: chosen,
    });
    if (target) {
      return new Response(null, {
        status: 302,
        headers: { location: `/${target}/`, vary: 'accept-language, cookie', 'cache-control': 'private, no-store' },
      });
    }
    const response = await next();
    response.headers.append('vary', 'accept-language, cookie');
    // Without a chosen language, `/` answers by the browser's language, which CloudFront's cache key leaves
    // out (every browser words it differently): such a copy is kept by nobody, or a cached English home
    // would stop the next Dutch browser's redirect. Once a language is chosen, its cookie keys the cache.
    if (!isLocale(context.cookies.get(languageCookie)?.value))
      response.headers.set('cache-control', 'private, no-store');
    return response;
  });
});

/**
 * The unprefixed page. A prerendered page exists as a file under each prefix, served before this
 * function is asked; a prefixed address that reaches it on demand under a prerendered route (a course
 * that does not exist) has no page to render, and is not found, as its English address is. Astro says
 * so only in its message: the server bundle does not carry the prerendered page's component.
 */
async function inLanguage(context: APIContext, path: string): Promise<Response> {
  try {
    return await context.rewrite(path);
  } catch (error) {
    if (!(error instanceof Error && /unable to find a component instance/i.test(error.message))) throw error;
    const page = await context.rewrite('/404/');
    return new Response(page.body, { status: 404, headers: page.headers });
  }
}

/** The page's links and its redirect, kept in the reader's language. */
async function localized(response: Response, locale: Locale) {
  const headers = new Headers(response.headers);
  const location = headers.get('location');
  if (location) headers.set('location', localizeHref(locale, location));
  if (!headers.get('content-type')?.includes('text/html')) {
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
  const html = localizeHtml(await response.text(), locale);
  headers.delete('content-length');
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
}

const failures = defineMiddleware(async (context, next) => {
  if (context.url.pathname === outagePath) return next();
  try {
    return await next();
  } catch (error) {
    if (error instanceof RateLimitedError) {
      return tooManyChanges(error.retryAfterSeconds, context.url.pathname, context.locals.locale);
    }
    if (error instanceof AccountDeletedError) {
      context.cookies.delete(sessionCookieName, { path: '/' });
      const locale = context.locals.locale;
      return accountDeleted(error.wordsIn?.(locale) ?? error.message, locale);
    }
    if (!(error instanceof StoreUnavailableError || error instanceof SearchUnavailableError)) throw error;
    // A fresh GET, not the original request: a form post's body was read by its page already, and
    // Astro cannot copy a used body into a rewrite.
    return context.rewrite(new Request(new URL(outagePath, context.url), { headers: context.request.headers }));
  }
});

export const onRequest = sequence(language, failures);
