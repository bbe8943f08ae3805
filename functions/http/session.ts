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

// Any base works for `safeReturnTo`: all that matters is whether a target stays on it, and the answer
// is always a path, which the browser then resolves against the origin that sent it.
const ownOrigin = 'https://guildhall.invalid';

/**
 * The longest return path kept. In AWS it travels in the pending sign-in cookie, which browsers drop
 * past 4 KB (base64 makes it a third longer): a longer one would break the sign-in, not just the return.
 */
export const maxReturnToLength = 2048;

/** C0 controls, DEL, C1 controls and backslashes: browsers drop or rewrite them, so what we checked is not where they go. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const unsafeCharacters = /[\u0000-\u001f\u007f-\u009f\\]/;

/**
 * Where to send someone after signing in: a path on this site, percent-encoded so it can stand in a
 * Location header, or `/`. Refuses any other origin (`//host`, `https://host`, `javascript:`), raw
 * control characters and backslashes (browsers drop a tab, so `/\t/host` becomes `//host`), and a path
 * that only becomes another host after resolving (`/..//host`) or decoding (`/%2F%2Fhost`).
 */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || unsafeCharacters.test(value)) return '/';
  let target: URL;
  try {
    target = new URL(value, ownOrigin);
  } catch {
    return '/';
  }
  if (target.origin !== ownOrigin) return '/';
  const path = `${target.pathname}${target.search}${target.hash}`;
  if (!staysOnSite(target.pathname) || !staysOnSite(decodedOrUndefined(target.pathname))) return '/';
  return path.length <= maxReturnToLength ? path : '/';
}

function staysOnSite(path: string | undefined): boolean {
  return path !== undefined && !path.startsWith('//') && !unsafeCharacters.test(path);
}

function decodedOrUndefined(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    // A malformed escape (`/100%`) is no page of ours; the caller sends the person home instead.
    return undefined;
  }
}

/** The sign-in address that brings a person back to `path` afterwards (any input gives a valid header). */
export function signInLocation(signInUrl: string, path: string): string {
  return `${signInUrl}?${new URLSearchParams({ returnTo: safeReturnTo(path) })}`;
}
