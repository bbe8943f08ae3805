// The production sign-out is a form post answered by a redirect to the hosted sign-in's logout, on
// another origin. Chromium checks `form-action` on that redirect too, so the page policy must name the
// hosted sign-in's origin (the site's adapter adds it from AUTH_HOSTED_UI_URL). Two small servers on
// two ports (two origins) play the site and the hosted sign-in, with the project's own headers.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from '#http/security-headers.ts';
import { launchBrowser } from '../support/browser.ts';

let browser: Browser;
let site: Server;
let hostedUi: Server;
let siteOrigin = '';
let hostedOrigin = '';

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  browser = await launchBrowser();
  site = createServer((request, response) => {
    const url = new URL(request.url ?? '/', siteOrigin);
    const html = { 'content-type': 'text/html; charset=utf-8' };
    if (request.method === 'POST' && url.pathname === '/auth/sign-out') {
      response.writeHead(303, { location: `${hostedOrigin}/logout`, ...securityHeaders({}) });
      return response.end();
    }
    if (url.pathname === '/me/') {
      const formTargets = url.searchParams.has('hosted') ? [hostedOrigin] : [];
      response.writeHead(200, { ...html, ...securityHeaders({ contentType: html['content-type'], formTargets }) });
      return response.end(page('<form method="post" action="/auth/sign-out"><button>Sign out</button></form>'));
    }
    response.writeHead(200, { ...html, ...securityHeaders({ contentType: html['content-type'] }) });
    response.end(page('<h1>Signed out</h1>'));
  });
  hostedUi = createServer((_request, response) => {
    response.writeHead(302, { location: `${siteOrigin}/signed-out/` });
    response.end();
  });
  siteOrigin = await listen(site);
  hostedOrigin = await listen(hostedUi);
});
afterAll(async () => {
  await browser?.close();
  site?.close();
  hostedUi?.close();
});

async function signOut(path: string) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const refused: string[] = [];
  tab.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('form-action')) refused.push(message.text());
  });
  await tab.goto(`${siteOrigin}${path}`);
  await tab.getByRole('button', { name: 'Sign out' }).click();
  await tab.waitForLoadState('networkidle');
  const result = { url: tab.url(), refused };
  await context.close();
  return result;
}

describe('signing out through the hosted sign-in', () => {
  it('reaches the hosted logout and comes back when the page policy names its origin', async () => {
    const result = await signOut('/me/?hosted');
    expect(result.refused).toEqual([]);
    expect(result.url).toBe(`${siteOrigin}/signed-out/`);
  });

  it('is stopped at the redirect when the page policy allows only its own origin', async () => {
    const result = await signOut('/me/');
    // Chromium names the URL the form posted to (its own origin), not where the redirect led.
    expect(result.refused.join('\n')).toContain(`Sending form data to '${siteOrigin}/auth/sign-out' violates`);
    expect(result.url).toBe(`${siteOrigin}/me/`);
  });
});
