// The site's session: the identity token in an HttpOnly cookie. The site's server verifies it with
// the same verifier the API uses; the API itself takes only `Authorization: Bearer`.
export const sessionCookieName = 'guildhall_session';

export function readCookie(cookies: string[] | string | undefined, name: string): string | undefined {
  const list = Array.isArray(cookies) ? cookies : (cookies ?? '').split(';');
  for (const cookie of list) {
    const [key, ...rest] = cookie.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${sessionCookieName}=${encodeURIComponent(token)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedSessionCookie(): string {
  return `${sessionCookieName}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}

/** Only same-site paths, never `//host` or a scheme, so no sign-in flow is an open redirect. */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}
