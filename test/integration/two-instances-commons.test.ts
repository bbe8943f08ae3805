// Two Guildhall instances side by side, following as commons (issue 20): B's steward follows A's whole
// commons by acct:_instance@<A's host> (A's Service actor); A accepts; an inventor on A publishes an
// innovation record, which reaches B through A's stream, outbox and signed Create from the Service actor,
// B's re-fetch of the record's Document, B's stream indexer and search, marked with A's host; B's
// steward unfollows A's commons, and the record leaves B. Each instance runs in its own process with its
// own DynamoDB Local (test/support/two-instances/).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Instance, startInstance, stopInstance } from '../support/two-instances/start.ts';
import { apiAs, tokenFor } from '../support/sign-in.ts';
import { draftInput } from '../unit/innovations/fixtures.ts';

const inventor = 'demo-bram';
const steward = 'demo-grace';

let a: Instance;
let b: Instance;

// One after the other: two emulators starting at once on a busy machine miss their start-up window.
beforeAll(async () => {
  // A named as its community calls it (`npm start -- --name`, INSTANCE_NAME): what B sees it as.
  a = await startInstance({ env: { INSTANCE_NAME: 'Guildhall Valencia' } });
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

describe('two instances following as commons', () => {
  it('shows A’s published record in B’s search marked with A, and not once B unfollows A’s commons', async () => {
    const follow = await apiAs(b.url, steward, 'POST', '/api/federation/follows', {
      actor: `acct:_instance@${a.host}`,
    });
    expect(follow).toMatchObject({ host: a.host, kind: 'commons', state: 'pending', name: 'Guildhall Valencia' });
    const nodeInfo = await (await fetch(`${a.url}/api/federation/nodeinfo/2.1`)).json();
    expect(nodeInfo).toMatchObject({ metadata: { nodeName: 'Guildhall Valencia' } });
    await vi.waitFor(
      async () => {
        const follows = (await (await fetch(`${b.url}/api/federation/follows`)).json()) as { items: unknown[] };
        expect(follows.items).toEqual([expect.objectContaining({ kind: 'commons', state: 'accepted' })]);
      },
      { timeout: 30_000, interval: 200 },
    );
    // A counts B among its commons' followers.
    const followers = await fetch(`${a.url}/api/federation/actors/_instance/followers`, {
      headers: { accept: 'application/activity+json' },
    });
    expect(((await followers.json()) as { totalItems: number }).totalItems).toBe(1);

    const title = `Quay shelter bracing card ${Date.now().toString(36)}`;
    const created = (await apiAs(a.url, inventor, 'POST', '/api/innovations', {
      ...draftInput([{ personId: inventor }]),
      title,
    })) as { record: { id: string } };
    const recordId = created.record.id;
    await apiAs(a.url, inventor, 'POST', `/api/innovations/${recordId}/publication`);

    // A serves the record's Document at its id, as B re-fetches it.
    const served = await fetch(`${a.url}/api/federation/records/${recordId}`, {
      headers: { accept: 'application/activity+json' },
    });
    expect(served.status).toBe(200);
    expect(await served.json()).toMatchObject({ type: 'Document', 'guildhall:type': 'record', name: title });

    // Polled, never slept: through A's stream, A's outbox, B's inbox and B's indexer.
    await vi.waitFor(
      async () => {
        const hits = JSON.stringify(await searchB(title));
        expect(hits).toContain(`"origin":"${a.host}"`);
        expect(hits).toContain(`${a.url}/innovations/${recordId}/`);
      },
      { timeout: 20_000, interval: 200 },
    );

    const unfollowed = await fetch(`${b.url}/api/federation/follows/${String(follow.id)}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${await tokenFor(b.url, steward)}` },
    });
    expect(unfollowed.status).toBe(204);
    await vi.waitFor(
      async () => {
        expect(JSON.stringify(await searchB(title))).not.toContain(a.host);
      },
      { timeout: 20_000, interval: 200 },
    );
  }, 120_000);
});
