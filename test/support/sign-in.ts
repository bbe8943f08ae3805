import type { Page } from 'playwright-core';

/** Signs a browser page in as a demo person through the local sign-in page. */
export async function signIn(page: Page, baseUrl: string, name: RegExp, returnTo = '/') {
  await page.goto(`${baseUrl}/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
  await page.getByRole('button', { name }).click();
  await page.waitForURL(`${baseUrl}${returnTo}`);
}

/** A bearer token for a demo person, taken from the session cookie the sign-in sets. */
export async function tokenFor(baseUrl: string, personId: string): Promise<string> {
  const response = await fetch(`${baseUrl}/auth/sign-in`, {
    method: 'POST',
    body: new URLSearchParams({ personId, returnTo: '/' }),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    redirect: 'manual',
  });
  const token = /guildhall_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  if (!token) throw new Error(`no session for ${personId}`);
  return decodeURIComponent(token);
}
