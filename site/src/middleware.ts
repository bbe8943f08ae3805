// Three answers every on-demand page shares, for errors no page handles itself:
// - Past the per-person write limit (a form's command counts each write on the API's own counter, see
//   lib/command-form.ts), the page answers 429 with Retry-After and says how long to wait; nothing ran.
// - While the store or search is not answering, a page shows /outage/ (503, Retry-After), as the API
//   answers 503, instead of failing with 500.
// - Signed in as an account that was deleted, the page says so (403) and the session ends.
import { defineMiddleware } from 'astro:middleware';
import { escapeHtml } from '#domain/content/html.ts';
import {
  AccountDeletedError,
  RateLimitedError,
  SearchUnavailableError,
  StoreUnavailableError,
} from '#domain/errors.ts';
import { sessionCookieName } from '#http/session.ts';

function tooManyChanges(retryAfterSeconds: number, back: string): Response {
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Too many changes at once · Guildhall</title></head>
<body><main>
<h1>Too many changes at once</h1>
<p>You have sent more changes in the last minute than Guildhall takes from one person. Nothing was changed this time.</p>
<p>Wait ${retryAfterSeconds} ${retryAfterSeconds === 1 ? 'second' : 'seconds'}, then send the form again.</p>
<p><a href="${escapeHtml(back)}">Back to the page</a></p>
</main></body>
</html>`;
  return new Response(html, {
    status: 429,
    headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': String(retryAfterSeconds) },
  });
}

function accountDeleted(message: string): Response {
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Account deleted · Guildhall</title></head>
<body><main>
<h1>This account was deleted</h1>
<p>${escapeHtml(message)}</p>
<p><a href="/">Guildhall’s home page</a></p>
</main></body>
</html>`;
  return new Response(html, { status: 403, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

const outagePath = '/outage/';

export const onRequest = defineMiddleware(async (context, next) => {
  if (context.url.pathname === outagePath) return next();
  try {
    return await next();
  } catch (error) {
    if (error instanceof RateLimitedError) return tooManyChanges(error.retryAfterSeconds, context.url.pathname);
    if (error instanceof AccountDeletedError) {
      context.cookies.delete(sessionCookieName, { path: '/' });
      return accountDeleted(error.message);
    }
    if (!(error instanceof StoreUnavailableError || error instanceof SearchUnavailableError)) throw error;
    // A fresh GET, not the original request: a form post's body was read by its page already, and
    // Astro cannot copy a used body into a rewrite.
    return context.rewrite(new Request(new URL(outagePath, context.url), { headers: context.request.headers }));
  }
});
