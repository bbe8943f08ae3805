// The development sign-in through the real local gateway over HTTP: its own server, the dev identity
// provider and the token verifier the stack uses. The API and the site are stand-ins that answer 200
// with the path they were asked for, so a redirect can be followed to where it ends.
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '#platform/log.ts';
import { createTokenVerifier } from '#adapters/auth/token-verifier.ts';
import { demoPeople } from '#local/demo-data/people.ts';
import { createDevIdentityProvider, type DevIdentityProvider } from '#local/dev-identity.ts';
import { freePort } from '#local/dynamodb-local.ts';
import { createGateway, type LambdaHandler } from '#local/gateway.ts';
import { followRedirects, hostileReturnTo } from '../support/redirects.ts';

let server: Server;
let origin: string;
let identity: DevIdentityProvider;

const echo: LambdaHandler = async (event) => ({
  statusCode: 200,
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  body: event.rawPath,
});

beforeAll(async () => {
  identity = await createDevIdentityProvider(join(mkdtempSync(join(tmpdir(), 'gh-gateway-')), 'key.json'));
  server = createGateway({
    api: echo,
    apiRoutes: [],
    site: echo,
    verifyToken: createTokenVerifier({
      issuer: identity.issuer,
      audience: identity.audience,
      keys: { jwks: identity.jwks },
    }),
    devIdentity: { provider: identity, people: demoPeople },
    log: createLogger('silent'),
  });
  const port = await freePort();
  await new Promise<void>((listening) => server.listen(port, '127.0.0.1', listening));
  origin = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((closed) => server?.close(closed));
});

const unescapeHtml = (text: string) =>
  text.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? '',
  );

/** Where the sign-in page will send the person back to, as its form carries it. */
async function formReturnTo(query: string) {
  const response = await fetch(`${origin}/auth/sign-in?${query}`);
  const html = await response.text();
  return { status: response.status, returnTo: unescapeHtml(/name="returnTo" value="([^"]*)"/.exec(html)?.[1] ?? '') };
}

async function signIn(returnTo: string) {
  return fetch(`${origin}/auth/sign-in`, {
    method: 'POST',
    body: new URLSearchParams({ personId: 'demo-ada', returnTo }),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    redirect: 'manual',
  });
}

describe('signing in through the local gateway never leaves the site and never fails', () => {
  it.each(hostileReturnTo)('shows the sign-in form with a return path on this site for %s', async (_name, value) => {
    const { status, returnTo } = await formReturnTo(new URLSearchParams({ returnTo: value }).toString());
    expect(status).toBe(200);
    expect(returnTo.startsWith('/')).toBe(true);
    expect(new URL(returnTo, `${origin}/auth/sign-in`).origin).toBe(origin);
  });

  it.each(hostileReturnTo)('signs in and redirects to this site for %s', async (_name, value) => {
    const response = await signIn(value);
    expect(response.status).toBe(303);
    expect(response.headers.get('set-cookie')).toMatch(/^guildhall_session=/);
    const hops = await followRedirects(response, `${origin}/auth/sign-in`);
    for (const hop of hops) {
      expect(new URL(hop.url).origin).toBe(origin);
      expect(hop.status).toBeLessThan(500);
    }
    expect(hops.at(-1)?.status).toBe(200);
  });

  it('sends the probe’s own address home: /auth/sign-in?returnTo=/%09/evil.example', async () => {
    expect(await formReturnTo('returnTo=/%09/evil.example')).toEqual({ status: 200, returnTo: '/' });
    expect((await signIn('/\t/evil.example')).headers.get('location')).toBe('/');
  });

  it('keeps an ordinary return path, encoded where the header needs it', async () => {
    expect((await signIn('/jobs/?skill=weld#list')).headers.get('location')).toBe('/jobs/?skill=weld#list');
    expect((await signIn('/日本')).headers.get('location')).toBe('/%E6%97%A5%E6%9C%AC');
    expect(await formReturnTo(`returnTo=${encodeURIComponent('/me/')}`)).toEqual({ status: 200, returnTo: '/me/' });
  });
});

describe('the development sign-in page', () => {
  it('names the signed-in person from their profile, not from the name their token claims', async () => {
    const forged = await identity.sign({ id: 'demo-ada', name: 'Bram Jansen' });
    const response = await fetch(`${origin}/auth/sign-in`, { headers: { cookie: `guildhall_session=${forged}` } });
    const html = await response.text();
    expect(html).toContain('You are signed in as <strong>Ada Okafor</strong>');
    expect(html).not.toContain('signed in as <strong>Bram Jansen');
  });
});
