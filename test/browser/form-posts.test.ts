// Every form post of the site goes through the API's commands: a post that is not a form, an id no page
// could have, or a field longer than the API takes is refused with a 4xx page and nothing written, never
// a 500; and the same form sent twice (its idempotency key) makes one change. Plain HTTP against the
// running stack, as a careless or hostile client would send it.
import { describe, expect, inject, it } from 'vitest';
import { tokenFor } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
const long = 'a'.repeat(3000);

async function post(path: string, token: string, body: string, type = 'application/x-www-form-urlencoded') {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { cookie: `guildhall_session=${encodeURIComponent(token)}`, origin: baseUrl, 'content-type': type },
    body,
    redirect: 'manual',
  });
}
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

async function demoIds() {
  const openings = (await (await fetch(`${baseUrl}/api/openings`)).json()) as { items: Array<{ id: string }> };
  return {
    opening: openings.items[0]?.id ?? '',
    record: 'two-minute-fault-triage-card',
    course: 'food-safety-in-the-kitchen',
  };
}

describe('the site’s form posts', () => {
  it('answer a post that is not a form with a 4xx page on every page that takes one, changing nothing', async () => {
    const dev = await tokenFor(baseUrl, 'demo-dev');
    const ids = await demoIds();
    const paths = [
      '/syndicates/new/',
      '/syndicates/riverside-builders/',
      '/syndicates/riverside-builders/openings/new/',
      `/jobs/${ids.opening}/`,
      `/jobs/${ids.opening}/edit/`,
      `/jobs/${ids.opening}/applicants/`,
      `/jobs/${ids.opening}/applications/demo-dev/`,
      '/innovations/new/',
      `/innovations/${ids.record}/`,
      `/innovations/${ids.record}/adopt/`,
      `/innovations/${ids.record}/report/?syndicate=riverside-builders`,
      `/learn/${ids.course}/enroll`,
      `/learn/${ids.course}/progress`,
      `/learn/${ids.course}/quiz/`,
      '/ledger/',
      '/credentials/verify/',
      '/me/notifications/',
      '/me/profile/goal/',
      '/me/saved-searches/',
      '/me/pay/',
      '/me/payment-requests/',
      '/me/market/',
      '/me/market/new/?side=offer',
    ];
    const before = await (await fetch(`${baseUrl}/api/ledger`)).text();
    for (const path of paths) {
      for (const [type, body] of [
        ['application/json', JSON.stringify({ id: 'json-co-op', intent: 'join' })],
        ['text/plain', 'intent=join'],
      ] as const) {
        const answer = await post(path, dev, body, type);
        expect(answer.status, `${type} to ${path}`).toBeGreaterThanOrEqual(400);
        expect(answer.status, `${type} to ${path}`).toBeLessThan(500);
      }
      // A form body that is not well made is still a form: whatever it asks, never a 500.
      expect((await post(path, dev, '%%%=%&&=')).status, `a garbled form to ${path}`).toBeLessThan(500);
    }
    expect((await fetch(`${baseUrl}/api/syndicates/json-co-op`)).status).toBe(404);
    expect(await (await fetch(`${baseUrl}/api/ledger`)).text()).toBe(before);
  });

  it('answer an id no page could have with 404, read or posted, and a field too long with 400', async () => {
    const dev = await tokenFor(baseUrl, 'demo-dev');
    for (const path of [
      `/syndicates/${long}/`,
      `/jobs/${long}/`,
      `/jobs/${long}/applicants/`,
      `/jobs/${long}/applications/demo-dev/`,
      `/jobs/riverside-builders-site-carpenter/applications/${long}/`,
      `/innovations/${long}/`,
      `/innovations/${long}/adopt/`,
      `/learn/${long}/enroll`,
    ]) {
      expect(
        (await fetch(`${baseUrl}${path}`, { redirect: 'manual' })).status,
        `GET ${path.slice(0, 40)}`,
      ).toBeLessThan(500);
      const posted = await post(path, dev, form({ intent: 'join' }));
      expect(posted.status, `POST ${path.slice(0, 40)}`).toBe(404);
    }
    const approve = await post('/syndicates/commons-code-coop/', dev, form({ intent: 'approve', personId: long }));
    expect(approve.status).toBe(400);
    expect(await approve.text()).toContain('role="alert"');
    const created = await post(
      '/syndicates/new/',
      dev,
      form({ id: long, name: 'Long', trade: 'repair', description: long, place: 'X' }),
    );
    expect(created.status).toBe(400);
  });

  it('make one change when the same form is sent twice with its idempotency key', async () => {
    const dev = await tokenFor(baseUrl, 'demo-dev');
    const id = `twice-${Date.now()}`;
    const fields = {
      id,
      name: 'Sent Twice Repairers',
      trade: 'repair',
      description: 'Repairers who only ever found their syndicate once, however often they click.',
      place: 'Valencia, ES',
      idempotencyKey: `form-${id}`,
    };
    const first = await post('/syndicates/new/', dev, form(fields));
    const second = await post('/syndicates/new/', dev, form(fields));
    expect([first.status, second.status]).toEqual([303, 303]);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect((await fetch(`${baseUrl}/api/syndicates/${id}`)).status).toBe(200);

    // Without the key the second is a new request, and the address is taken.
    const { idempotencyKey: _key, ...withoutKey } = fields;
    const third = await post('/syndicates/new/', dev, form(withoutKey));
    expect(third.status).toBe(400);
    expect(await third.text()).toContain('That address is taken');

    // An opening gets its id from the server: sent twice with one key, it is one opening.
    const opening = {
      title: 'Bench repairer, two days a week',
      description: 'Diagnose and repair small appliances at the shared bench; work is shared at a weekly meeting.',
      skill0: 'repair-systematic-fault-finding',
      level0: 'working',
      positions: '1',
      hoursPerWeek: '16',
      payAmount0: '22.00',
      payCurrency0: 'EUR',
      payPer0: 'hour',
      place: 'Valencia, ES',
      employmentType: 'CONTRACTOR',
      validThrough: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
      idempotencyKey: `opening-${id}`,
    };
    const posted = await Promise.all([
      post(`/syndicates/${id}/openings/new/`, dev, form(opening)),
      post(`/syndicates/${id}/openings/new/`, dev, form(opening)),
    ]);
    expect(posted.map((answer) => answer.status)).toEqual([303, 303]);
    expect(new Set(posted.map((answer) => answer.headers.get('location'))).size).toBe(1);
  });
});
