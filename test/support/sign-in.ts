import { expect } from 'vitest';
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

/** Calls the API as a demo person and answers the JSON body, failing the test on anything but success. */
export async function apiAs(baseUrl: string, personId: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await tokenFor(baseUrl, personId)}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const answer = (await response.json()) as Record<string, unknown>;
  expect(response.status, `${method} ${path}: ${JSON.stringify(answer).slice(0, 300)}`).toBeLessThan(300);
  return answer;
}
