// A person's Person actor through the local stack's HTTP (what `npm start` runs, without the site), on
// DynamoDB Local: the person opts in with `PATCH /api/me`; the actor and WebFinger answer with Accept
// activity+json; a test peer (a loopback listener, signing with node:crypto from the draft-cavage spec)
// follows and gets a signed Accept; opting out leaves a Tombstone (410), WebFinger 404 and no followers;
// deleting the account leaves nothing (404).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '#local/dynamodb-local.ts';
import { type LocalStack, startLocalStack } from '#local/local-stack.ts';
import { cavageHeaders, type RemoteActor, startRemoteActor, verifiesCavage } from '../support/fediverse.ts';
import { apiAs, tokenFor } from '../support/sign-in.ts';

/** A demo person the local stack seeds, admin of nothing (so their account can be deleted). */
const personId = 'demo-ada';
const activityJson = { accept: 'application/activity+json' };

let stack: LocalStack;
let peer: RemoteActor;

beforeAll(async () => {
  [stack, peer] = await Promise.all([
    startLocalStack({ port: await freePort(), build: 'never', serveSite: false, logLevel: 'error' }),
    startRemoteActor('alice'),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all([stack?.stop(), peer?.close()]);
});

const actorUrl = () => `${stack.url}/api/federation/actors/p.${personId}`;
const get = (url: string) => fetch(url, { headers: activityJson });
const finger = (resource: string) =>
  fetch(`${stack.url}/.well-known/webfinger?resource=${encodeURIComponent(resource)}`);
const handle = () => `acct:p.${personId}@${new URL(stack.url).host}`;

async function patchMe(body: Record<string, unknown>) {
  const token = await tokenFor(stack.url, personId);
  const me = (await (await fetch(`${stack.url}/api/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
    version: number;
  };
  return fetch(`${stack.url}/api/me`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ version: me.version, ...body }),
  });
}

// Each activity its own id: the inbox acts on an activity id once (a replay is recognised and skipped).
let sent = 0;
async function follow(type: 'Follow' | 'Undo' = 'Follow') {
  sent += 1;
  const followActivity = {
    id: `${peer.actorId}/follows/${sent}`,
    type: 'Follow',
    actor: peer.actorId,
    object: actorUrl(),
  };
  const body = JSON.stringify({
    '@context': 'https://www.w3.org/ns/activitystreams',
    ...(type === 'Follow'
      ? followActivity
      : { id: `${peer.actorId}/undo/${sent}`, type: 'Undo', actor: peer.actorId, object: followActivity }),
  });
  const inbox = `${actorUrl()}/inbox`;
  const headers = cavageHeaders({ method: 'POST', url: inbox, body, keyId: peer.keyId, privateKey: peer.privateKey });
  return fetch(inbox, { method: 'POST', headers, body });
}

const followerCount = async () =>
  ((await (await get(`${actorUrl()}/followers`)).json()) as { totalItems: number }).totalItems;

describe('a person’s Person actor on the local stack', () => {
  it('is nowhere before the person opts in, and refuses the opt-in without a public section', async () => {
    expect((await get(actorUrl())).status).toBe(404);
    expect((await finger(handle())).status).toBe(404);
    const refused = await patchMe({ fediverse: true });
    expect(refused.status).toBe(422);
    const problem = (await refused.json()) as { errors: Array<{ field: string; message: string }> };
    expect(problem.errors).toEqual([
      { field: 'body.fediverse', message: expect.stringContaining('Only a public profile can be shown') },
    ]);
    expect((await get(actorUrl())).status).toBe(404);
  });

  it('serves the actor and WebFinger once opted in, and accepts a signed Follow with a signed Accept', async () => {
    const opted = await patchMe({ fediverse: true, privacy: { about: 'public' } });
    expect(opted.status).toBe(200);
    expect(await opted.json()).toMatchObject({ fediverse: true });

    const actorResponse = await get(actorUrl());
    expect(actorResponse.status).toBe(200);
    const actor = (await actorResponse.json()) as Record<string, unknown> & { publicKey: { publicKeyPem: string } };
    expect(actor).toMatchObject({
      id: actorUrl(),
      type: 'Person',
      preferredUsername: `p.${personId}`,
      name: 'Ada Okafor',
      summary: expect.stringContaining('renewable energy'),
      url: `${stack.url}/people/${personId}/`,
      inbox: `${actorUrl()}/inbox`,
      discoverable: true,
      publicKey: { id: `${actorUrl()}#main-key`, owner: actorUrl() },
    });
    const jrd = (await (await finger(handle())).json()) as { links: Array<Record<string, string>> };
    expect(jrd.links).toContainEqual(expect.objectContaining({ rel: 'self', href: actorUrl() }));

    expect((await follow()).status).toBe(202);
    await vi.waitFor(() => expect(peer.inboxPosts()).toHaveLength(1), { timeout: 15_000, interval: 100 });
    const [accept] = peer.inboxPosts();
    expect(JSON.parse(accept?.body ?? '{}')).toMatchObject({ type: 'Accept', actor: actorUrl() });
    expect(verifiesCavage(accept as NonNullable<typeof accept>, actor.publicKey.publicKeyPem)).toMatchObject({
      ok: true,
    });
    expect(await followerCount()).toBe(1);
    expect((await follow('Undo')).status).toBe(202);
    expect(await followerCount()).toBe(0);
    expect((await follow()).status).toBe(202);
    expect(await followerCount()).toBe(1);
  });

  it('answers 410 with a Tombstone after opting out, WebFinger 404, and forgets the followers', async () => {
    const off = await patchMe({ fediverse: false });
    expect(off.status).toBe(200);
    const gone = await get(actorUrl());
    expect(gone.status).toBe(410);
    expect(await gone.json()).toMatchObject({ id: actorUrl(), type: 'Tombstone' });
    expect((await finger(handle())).status).toBe(404);
    expect(await followerCount()).toBe(0);
    // A Follow now finds no one to follow.
    expect((await follow()).status).toBe(404);
    expect(await followerCount()).toBe(0);
  });

  it('leaves nothing after the account is deleted: the actor is 404, its followers gone', async () => {
    expect((await patchMe({ fediverse: true })).status).toBe(200);
    expect((await follow()).status).toBe(202);
    expect(await followerCount()).toBe(1);
    await apiAs(stack.url, personId, 'DELETE', '/api/me');
    expect((await get(actorUrl())).status).toBe(404);
    expect((await finger(handle())).status).toBe(404);
    expect(await followerCount()).toBe(0);
  });
});
