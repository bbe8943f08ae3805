// Two Guildhall instances side by side (issue 20): B's steward follows A's syndicate by
// acct:<syndicate>@<A's host>; A accepts; A opens a position, which reaches B through A's stream, outbox
// and signed Create, B's re-fetch of the Note, B's stream indexer and search; A closes it, and B's
// Delete takes it out again. Each instance runs in its own process with its own DynamoDB Local.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Instance, startInstance, stopInstance } from '../support/two-instances/start.ts';
import { apiAs } from '../support/sign-in.ts';

const syndicateId = 'riverside-builders';
const admin = 'demo-bram';
const steward = 'demo-grace';

let a: Instance;
let b: Instance;

// One after the other: two emulators starting at once on a busy machine miss their start-up window.
beforeAll(async () => {
  a = await startInstance();
  b = await startInstance();
}, 240_000);

afterAll(async () => {
  await Promise.all([stopInstance(a), stopInstance(b)]);
});

const searchB = async (words: string) => {
  const response = await fetch(`${b.url}/api/search?q=${encodeURIComponent(words)}&pageSize=20`);
  const body = (await response.json()) as {
    items?: Array<Record<string, unknown>>;
    hits?: Array<Record<string, unknown>>;
  };
  return body.items ?? body.hits ?? [];
};

describe('two instances side by side', () => {
  it('shows A’s opening on B while it is open, marked with A, and not once A closes it', async () => {
    const follow = await apiAs(b.url, steward, 'POST', '/api/federation/follows', {
      actor: `acct:${syndicateId}@${a.host}`,
    });
    expect(follow).toMatchObject({ host: a.host, state: 'pending' });
    await vi.waitFor(
      async () => {
        const follows = (await (await fetch(`${b.url}/api/federation/follows`)).json()) as { items: unknown[] };
        expect(follows.items).toEqual([expect.objectContaining({ host: a.host, state: 'accepted' })]);
      },
      { timeout: 30_000, interval: 200 },
    );

    const title = `Timber framer for the Maas quay ${Date.now().toString(36)}`;
    const opened = await apiAs(a.url, admin, 'POST', `/api/syndicates/${syndicateId}/openings`, {
      title,
      description: 'Frame and brace a timber quay shelter with the Monday crew; tools are shared.',
      skills: [{ skill: 'stud-wall-framing', level: 'working' }],
      positions: 1,
      hoursPerWeek: 32,
      pay: [{ amount: 2600, currency: 'EUR', per: 'hour' }],
      place: 'Rotterdam, NL',
      remote: false,
      employmentType: 'CONTRACTOR',
      validThrough: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    });
    const openingId = String(opened.id);
    await apiAs(a.url, admin, 'PUT', `/api/openings/${openingId}/status`, { status: 'open' });

    // Polled, never slept: it arrives through A's stream, A's outbox, B's inbox and B's indexer.
    await vi.waitFor(
      async () => {
        const hits = await searchB(title);
        expect(JSON.stringify(hits)).toContain(`"origin":"${a.host}"`);
        expect(JSON.stringify(hits)).toContain(`${a.url}/jobs/${openingId}/`);
      },
      { timeout: 20_000, interval: 200 },
    );

    await apiAs(a.url, admin, 'PUT', `/api/openings/${openingId}/status`, { status: 'closed' });
    await vi.waitFor(
      async () => {
        expect(JSON.stringify(await searchB(title))).not.toContain(a.host);
      },
      { timeout: 20_000, interval: 200 },
    );
  }, 120_000);
});
