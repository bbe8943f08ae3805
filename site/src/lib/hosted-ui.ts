// The site's side of signing in with the user pool's hosted sign-in (AWS). Absent locally, where the
// local gateway's development sign-in page answers /auth/* before the site sees it.
import type { HostedUi } from '#http/oauth.ts';
import { getServices } from './services.ts';

export const pendingCookie = 'guildhall_sign_in';

export function hostedUi(): HostedUi | undefined {
  const { config } = getServices();
  if (!config.AUTH_HOSTED_UI_URL) return undefined;
  return {
    baseUrl: config.AUTH_HOSTED_UI_URL.replace(/\/+$/, ''),
    clientId: config.AUTH_AUDIENCE,
    redirectUri: `${config.PUBLIC_URL}/auth/callback`,
  };
}
