import type { APIRoute } from 'astro';
import { authorizeUrl, encodePending, newPendingSignIn } from '#http/oauth.ts';
import { hostedUi, pendingCookie } from '../../lib/hosted-ui.ts';

export const prerender = false;

/** Starts a sign-in: a fresh state and PKCE verifier in a short cookie, then off to the hosted sign-in. */
export const GET: APIRoute = ({ url, cookies }) => {
  const ui = hostedUi();
  if (!ui) return new Response('Sign-in is not configured here.', { status: 404 });
  // newPendingSignIn keeps only a path on this site (safeReturnTo): no open redirect, no invalid header.
  const pending = newPendingSignIn(url.searchParams.get('returnTo'));
  cookies.set(pendingCookie, encodePending(pending), {
    path: '/auth/',
    httpOnly: true,
    secure: true,
    sameSite: 'lax',
    maxAge: 600,
  });
  return new Response(null, {
    status: 303,
    headers: { location: authorizeUrl(ui, pending), 'cache-control': 'no-store' },
  });
};
