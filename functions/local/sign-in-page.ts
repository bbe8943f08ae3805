// The local sign-in page: one button per demo person. Served by the local gateway only.
import { escapeHtml } from '#domain/content/html.ts';
import type { Person } from '#domain/people/person.ts';
import { localPalette } from './local-page-palette.ts';

/** The page's one style block, light or dark as the system is; the gateway allows it by its hash (no 'unsafe-inline'). */
export const signInStyles = `${localPalette}
  body { font: 1rem/1.5 system-ui, sans-serif; margin: 0; }
  main { max-width: 40rem; margin: 0 auto; padding: 1.5rem 1rem; }
  a { color: var(--accent); }
  .note { background: var(--caution-soft); border-left: 4px solid var(--caution); padding: .5rem .75rem; }
  ul { list-style: none; padding: 0; display: grid; gap: .75rem; }
  button { width: 100%; text-align: left; font: inherit; padding: .75rem 1rem; border: 2px solid var(--accent);
    border-radius: .5rem; background: var(--card); cursor: pointer; display: grid; gap: .25rem; color: inherit; }
  button:hover { background: var(--accent-soft); }
  button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
  button span { color: var(--ink-soft); font-size: .9rem; }
`;
export function signInPage(people: Person[], returnTo: string, signedInAs?: string): string {
  const items = people
    .map(
      (person) => `<li>
        <form method="post" action="/auth/sign-in">
          <input type="hidden" name="personId" value="${escapeHtml(person.id)}">
          <input type="hidden" name="returnTo" value="${escapeHtml(returnTo)}">
          <button type="submit"><strong>${escapeHtml(person.name)}</strong><span>${escapeHtml(person.bio)}</span></button>
        </form>
      </li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in (local development) · Guildhall</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>${signInStyles}</style>
</head>
<body>
<main>
  <p><a href="/">← Guildhall</a></p>
  <h1>Sign in as a demo person</h1>
  <p class="note">This page exists only when Guildhall runs on one machine. In production, people sign in
  with the community's Cognito user pool. Tokens from here carry the same claims and are checked by the same code.</p>
  ${
    signedInAs
      ? `<p>You are signed in as <strong>${escapeHtml(signedInAs)}</strong>.</p>
  <form method="post" action="/auth/sign-out"><button type="submit"><strong>Sign out</strong></button></form>`
      : ''
  }
  <ul>
${items}
  </ul>
</main>
</body>
</html>`;
}
