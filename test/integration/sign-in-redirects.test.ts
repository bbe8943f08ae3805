// The development sign-in through the real local gateway over HTTP: its own server, the dev identity
// provider and the token verifier the stack uses. The API and the site are stand-ins that answer 200
// with the path they were asked for, so a redirect can be followed to where it ends.
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '#http/log.ts';
import { createTokenVerifier } from '#http/token-verifier.ts';
import { demoPeople } from '#local/demo-data/people.ts';
import { createDevIdentityProvider, type DevIdentityProvider } from '#local/dev-identity.ts';
import { freePort } from '#local/dynamodb-local.ts';
import { createGateway, type LambdaHandler } from '#local/gateway.ts';

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

/**
 * Follows redirects as a browser does (WHATWG URL resolution, which drops tabs and newlines and reads
 * `\` as `/`), stopping if one leaves the site; returns every hop.
 */
async function follow(response: Response, from: string) {
  const hops: Array<{ url: string; status: number }> = [];
  let current = response;
  let url = from;
  for (let hop = 0; hop < 5 && current.status >= 300 && current.status < 400; hop += 1) {
    url = new URL(current.headers.get('location') ?? '', url).href;
    hops.push({ url, status: current.status });
    if (new URL(url).origin !== origin) break;
    current = await fetch(url, { redirect: 'manual' });
  }
  hops.push({ url, status: current.status });
  return hops;
}

// What the server receives as `returnTo`, after the query or form is decoded.
const hostile: Array<[string, string]> = [
  ['a tab before a second slash (the probe’s returnTo=/%09/evil.example)', '/\t/evil.example'],
  ['the same, double-encoded', '/%09/evil.example'],
  ['a protocol-relative address', '//evil.example'],
  ['a backslash after the slash', '/\\evil.example'],
  ['an absolute address elsewhere', 'https://evil.example'],
  ['a tab in the path', '/\t/x'],
  ['a path in another script', '/日本'],
  ['CR and LF that would start a new header', '/a\r\nSet-Cookie:x=1'],
  ['the same, double-encoded', '/a%0d%0aSet-Cookie:x=1'],
  ['a javascript: address', 'javascript:alert(1)'],
  ['encoded slashes', '/%2F%2Fevil.example'],
  ['dot segments that resolve to //host', '/..//evil.example'],
  ['an empty value', ''],
  ['a 3,000-character path', `/${'a'.repeat(2999)}`],
];

describe('signing in through the local gateway never leaves the site and never fails', () => {
  it.each(hostile)('shows the sign-in form with a return path on this site for %s', async (_name, value) => {
    const { status, returnTo } = await formReturnTo(new URLSearchParams({ returnTo: value }).toString());
    expect(status).toBe(200);
    expect(returnTo.startsWith('/')).toBe(true);
    expect(new URL(returnTo, `${origin}/auth/sign-in`).origin).toBe(origin);
  });

  it.each(hostile)('signs in and redirects to this site for %s', async (_name, value) => {
    const response = await signIn(value);
    expect(response.status).toBe(303);
    expect(response.headers.get('set-cookie')).toMatch(/^guildhall_session=/);
    const hops = await follow(response, `${origin}/auth/sign-in`);
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
