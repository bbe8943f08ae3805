// Two things every on-demand page shares:
// - Every form post a signed-in person sends counts against the same per-person write limit as the API
//   (WRITE_RATE_LIMIT a minute, one counter for both): the site calls the use cases directly, so without
//   this its forms would be a way around the limit. Over it, nothing runs: the page answers 429 with
//   Retry-After and says how long to wait.
// - While the store or search is not answering, a page shows /outage/ (503, Retry-After), as the API
//   answers 503, instead of failing with 500.
import type { APIContext, MiddlewareNext } from 'astro';
import { defineMiddleware } from 'astro:middleware';
import { escapeHtml } from '#domain/content/html.ts';
import { SearchUnavailableError, StoreUnavailableError } from '#domain/errors.ts';
import { getServices } from './lib/services.ts';
import { currentIdentity } from './lib/session.ts';

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

const outagePath = '/outage/';

async function limitWrites(context: APIContext, next: MiddlewareNext): Promise<Response> {
  if (context.request.method !== 'POST' || context.isPrerendered || context.url.pathname.startsWith('/auth/')) {
    return next();
  }
  const identity = await currentIdentity(context.cookies);
  const services = getServices();
  // Anonymous posts (a credential check) are not writes by anyone; pages send the signed-out to sign in.
  if (!identity || !services.rateLimiter) return next();
  const verdict = await services.rateLimiter.take(identity.personId, services.now());
  if (!verdict.allowed) return tooManyChanges(verdict.retryAfterSeconds, context.url.pathname);
  return next();
}

export const onRequest = defineMiddleware(async (context, next) => {
  if (context.url.pathname === outagePath) return next();
  try {
    return await limitWrites(context, next);
  } catch (error) {
    if (!(error instanceof StoreUnavailableError || error instanceof SearchUnavailableError)) throw error;
    return context.rewrite(outagePath);
  }
});
