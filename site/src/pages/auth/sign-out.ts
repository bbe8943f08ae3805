import type { APIRoute } from 'astro';
import { logoutUrl } from '#http/oauth.ts';
import { sessionCookieName } from '#http/session.ts';
import { hostedUi } from '../../lib/hosted-ui.ts';
import { getServices } from '../../lib/services.ts';

export const prerender = false;

/** Ends the session here and at the hosted sign-in, then returns home. */
export const POST: APIRoute = ({ cookies }) => {
  const ui = hostedUi();
  if (!ui) return new Response('Sign-in is not configured here.', { status: 404 });
  cookies.delete(sessionCookieName, { path: '/' });
  return new Response(null, {
    status: 303,
    headers: { location: logoutUrl(ui, `${getServices().config.PUBLIC_URL}/`) },
  });
};
