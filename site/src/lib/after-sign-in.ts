// An action a signed-out person starts (apply, ask to join, start a course) survives the sign-in as a
// place to come back to, never as a replayed post: the sign-in returns them to the page (a path on this
// site, `safeReturnTo` checks it again at both ends), scrolled to the action, with `?continue=<action>` so
// the page can say the action is not done yet and what to press. Sending it stays theirs to do, with
// the form's own idempotency key, under the site's own origin check.
import { signInLocation } from '#http/session.ts';

/** The actions a page may say are waiting for the person after they sign in. */
export const continuedActions = ['apply', 'join'] as const;
export type ContinuedAction = (typeof continuedActions)[number];

/** The page a person returns to after signing in to do `action`: the same page, at the action's section. */
export function continuePath(path: string, action: ContinuedAction, anchor: string): string {
  return `${path}?${new URLSearchParams({ continue: action })}#${encodeURIComponent(anchor)}`;
}

/** The sign-in address that brings a signed-out person back to `action` on `path`. */
export function signInToContinue(signInUrl: string, path: string, action: ContinuedAction, anchor: string): string {
  return signInLocation(signInUrl, continuePath(path, action, anchor));
}

/** The action this page was returned to after a sign-in, if it is one the page offers. */
export function continuedAction(url: URL): ContinuedAction | undefined {
  const wanted = url.searchParams.get('continue');
  return continuedActions.find((action) => action === wanted);
}
