// The site's forms call the use cases directly, so they must count against the same per-person write
// limit as the API: a person past it gets a 429 page with Retry-After, and nothing runs.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { parseConfig } from '#config/config.ts';
import { tokenFor } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
// The stack runs with the default limit. Hamid signs in for no other browser test (the count must start
// at zero in this minute, and after this one he cannot write for the rest of it).
const limit = parseConfig({
  STAGE: 'local',
  AUTH_ISSUER: 'x',
  AUTH_AUDIENCE: 'x',
  AUTH_JWKS: JSON.stringify({ keys: [{ kty: 'RSA', n: 'AQAB', e: 'AQAB' }] }),
}).WRITE_RATE_LIMIT;

async function postForm(path: string, token: string, fields: Record<string, string>) {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: {
      cookie: `guildhall_session=${encodeURIComponent(token)}`,
      origin: baseUrl,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(fields),
    redirect: 'manual',
  });
}

describe('the per-person write limit on the site’s forms', () => {
  it('is tried as a person no other browser test signs in as', () => {
    const others = readdirSync(import.meta.dirname).filter(
      (file) =>
        file !== 'form-rate-limit.test.ts' && /hamid/i.test(readFileSync(`${import.meta.dirname}/${file}`, 'utf8')),
    );
    expect(others, 'their writes in the same minute would count against his limit').toEqual([]);
  });

  it('answers 429 with Retry-After past the limit, shares the API’s counter, and spares other people', async () => {
    const hamid = await tokenFor(baseUrl, 'demo-hamid');
    const openings = (await (await fetch(`${baseUrl}/api/openings?status=open`)).json()) as { items: { id: string }[] };
    const path = `/jobs/${openings.items[0]?.id}/`;
    // A fixed one-minute window may roll over once during the run, so up to twice the limit is sent.
    let limited: Response | undefined;
    let sent = 0;
    while (!limited && sent < 2 * limit + 1) {
      const response = await postForm(path, hamid, { intent: 'withdraw' });
      sent++;
      if (response.status === 429) limited = response;
      else await response.body?.cancel();
    }
    expect(limited, `no 429 after ${sent} posts`).toBeDefined();
    expect(sent).toBeGreaterThan(limit);
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited?.headers.get('content-type')).toContain('text/html');
    expect(await limited?.text()).toMatch(/Too many changes at once[\s\S]*Nothing was changed/);

    // The API counts the same writes: Hamid's next API write is refused too.
    const api = await fetch(`${baseUrl}/api/openings/${openings.items[0]?.id}/applications/me`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${hamid}` },
    });
    expect(api.status).toBe(429);

    const someoneElse = await postForm(path, await tokenFor(baseUrl, 'demo-dev'), { intent: 'withdraw' });
    expect(someoneElse.status).not.toBe(429);
  });
});
