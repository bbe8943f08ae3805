// Signing in and being named, over HTTP through the whole local stack (gateway, site, API, store):
// hostile return paths end on this site, and the name a page shows is the profile's, whatever the
// token claims.
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createDevIdentityProvider, type DevIdentityProvider } from '#local/dev-identity.ts';
import { followRedirects, hostileReturnTo } from '../support/redirects.ts';
import { tokenFor } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
// The stack's own development signing key, so a test can mint what a user could get a token to say.
const keyFile = join(import.meta.dirname, '../../.cache/dev-identity/signing-key.json');
let identity: DevIdentityProvider;

beforeAll(async () => {
  identity = await createDevIdentityProvider(keyFile);
});

const sessionCookie = (token: string) => `guildhall_session=${encodeURIComponent(token)}`;
const header = async (path: string, token: string) => {
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie: sessionCookie(token) } });
  expect(response.status, path).toBe(200);
  return /<p class="account">([\s\S]*?)<\/p>/.exec(await response.text())?.[1] ?? '';
};

describe('a sign-in through the whole stack', () => {
  it.each(hostileReturnTo)('ends on this site, without a server error, for %s', async (_name, value) => {
    const response = await fetch(`${baseUrl}/auth/sign-in`, {
      method: 'POST',
      body: new URLSearchParams({ personId: 'demo-ada', returnTo: value }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    for (const hop of await followRedirects(response, `${baseUrl}/auth/sign-in`)) {
      expect(new URL(hop.url).origin).toBe(new URL(baseUrl).origin);
      expect(hop.status).toBeLessThan(500);
    }
  });
});

describe('the name a page shows', () => {
  it('is the profile’s, not the name a token claims', async () => {
    const honest = await tokenFor(baseUrl, 'demo-ada');
    const forged = await identity.sign({ id: 'demo-ada', name: 'Bram Jansen' });
    for (const path of ['/jobs/', '/learn/', '/syndicates/', '/me/', '/ledger/me/']) {
      // The control: her own token names her, so a missing name below is not a broken page.
      expect(await header(path, honest)).toContain('Signed in as Ada Okafor');
      const shown = await header(path, forged);
      expect(shown, path).toContain('Signed in as Ada Okafor');
      expect(shown, path).not.toContain('Bram Jansen');
    }
  });

  it('starts as the token’s name for a new person and stays the profile’s after', async () => {
    const id = `new-person-${Date.now()}`;
    const first = await identity.sign({ id, name: 'Zainab New' });
    expect(await header('/learn/', first)).toContain('Signed in as Zainab New');
    const renamed = await identity.sign({ id, name: 'Ada Okafor' });
    expect(await header('/learn/', renamed)).toContain('Signed in as Zainab New');
    const me = await fetch(`${baseUrl}/api/me`, { headers: { authorization: `Bearer ${renamed}` } });
    expect(await me.json()).toMatchObject({ id, name: 'Zainab New' });
  });
});

describe('founding a syndicate from the site', () => {
  it('refuses an id that is one of the site’s own pages, saying why, and creates nothing', async () => {
    const cookie = sessionCookie(await tokenFor(baseUrl, 'demo-ada'));
    const form = (id: string) =>
      fetch(`${baseUrl}/syndicates/new/`, {
        method: 'POST',
        headers: { cookie, origin: baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          id,
          name: 'New Builders',
          trade: 'construction',
          description: 'Carpenters who share work fairly, week by week.',
          place: 'Leeds, UK',
        }),
        redirect: 'manual',
      });
    const refused = await form('new');
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('is a name the site keeps for its own pages');
    expect((await fetch(`${baseUrl}/api/syndicates/new`)).status).toBe(404);
    // The owner's call: the same form with a free id founds the syndicate.
    const id = `new-builders-${Date.now()}`;
    const founded = await form(id);
    expect(founded.status).toBe(303);
    expect(founded.headers.get('location')).toBe(`/syndicates/${id}/`);
  });
});
