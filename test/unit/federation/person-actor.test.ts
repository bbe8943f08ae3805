// A person's Person actor (issue 20): off until they opt in, and then only what their public profile
// shows anyone; found by WebFinger only while shown; gone (410) after they opt out, and their followers
// forgotten; followed and unfollowed like a syndicate's Group. What Mastodon reads of an actor
// (docs.joinmastodon.org/spec/activitypub): preferredUsername, inbox, outbox, followers, a publicKey
// owned by the actor under its own id, discoverable and indexable.
import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '#domain/errors.ts';
import {
  forgetPersonFollowers,
  personActorIdentifier,
  personActorState,
  personIdOfActor,
} from '#domain/federation/person-actor.ts';
import { newPerson, type Person } from '#domain/people/person.ts';
import { applyProfilePatch, defaultPrivacy, type Privacy } from '#domain/people/profile.ts';
import { updateProfile } from '#domain/people/profile-use-cases.ts';
import { slugSchema } from '#domain/syndicates/syndicate.ts';
import { cavageHeaders, type RemoteActor, startRemoteActor, verifiesCavage } from '../../support/fediverse.ts';
import { federationWorld, origin } from '../../support/federation-world.ts';
import { commons, memoryPeople } from '../../support/services.ts';
import { englishIssues } from '../../support/issues.ts';
import { thrown } from '../../support/thrown.ts';

const activityJson = { accept: 'application/activity+json' };
const json = (response: { body: string }) => JSON.parse(response.body);
const now = new Date('2026-12-07T10:00:00.000Z');
const publicAbout: Privacy = { ...defaultPrivacy, about: 'public' };

const person = (fields: Partial<Person> = {}) =>
  newPerson({
    id: 'demo-ada',
    name: 'Ada Okafor',
    bio: 'Fits <b>heat pumps</b> & solar.\nLeeds.',
    privacy: publicAbout,
    createdAt: '2026-01-05T09:00:00.000Z',
    fediverse: true,
    ...fields,
  });

const actorPath = (id = 'demo-ada') => `/api/federation/actors/${personActorIdentifier(id)}`;
const actorId = (id = 'demo-ada') => `${origin}${actorPath(id)}`;
const finger = (resource: string) => ({
  path: '/.well-known/webfinger',
  rawQuery: `resource=${encodeURIComponent(resource)}`,
});

const opened: RemoteActor[] = [];
afterEach(async () => {
  for (const actor of opened.splice(0)) await actor.close();
});

async function worldWith(...people: Person[]) {
  const store = memoryPeople(people);
  return { ...(await federationWorld({ people: store })), people: store };
}

function signedFollow(
  actor: RemoteActor,
  object: string,
  type: 'Follow' | 'Undo' = 'Follow',
  inbox = `${object}/inbox`,
) {
  const follow = {
    id: `${actor.actorId}/follows/1`,
    type: 'Follow',
    actor: actor.actorId,
    object,
  };
  const body = JSON.stringify({
    '@context': 'https://www.w3.org/ns/activitystreams',
    ...(type === 'Follow'
      ? follow
      : {
          id: `${actor.actorId}/undo/1`,
          type: 'Undo',
          actor: actor.actorId,
          object: follow,
        }),
  });
  const headers = cavageHeaders({
    method: 'POST',
    url: inbox,
    body,
    keyId: actor.keyId,
    privateKey: actor.privateKey,
  });
  return { method: 'POST', path: new URL(inbox).pathname, headers, body };
}

describe('the handle of a person’s actor', () => {
  it('is p.<id>, which no syndicate id and not the instance can be, and Mastodon takes as a username', () => {
    for (const id of ['demo-ada', 'instance', '3f2a9c1e-7b4d-4e8a-9f00-1c2d3e4f5a6b']) {
      const handle = personActorIdentifier(id);
      expect(handle).toBe(`p.${id}`);
      expect(slugSchema().safeParse(handle).success).toBe(false);
      expect(handle).not.toBe('_instance');
      expect(handle).toMatch(/^[a-z0-9_]+([a-z0-9_.-]+[a-z0-9_]+)?$/i);
      expect(personIdOfActor(handle)).toBe(id);
    }
  });

  it('names no person in a syndicate id, the instance or a bare prefix', () => {
    expect(personIdOfActor('riverside-builders')).toBeNull();
    expect(personIdOfActor('_instance')).toBeNull();
    expect(personIdOfActor('p.')).toBeNull();
    expect(personIdOfActor('pa-builders')).toBeNull();
  });
});

describe('opting in and out (the profile rule the API and the form share)', () => {
  it('refuses to opt in without a public section, naming the box, and allows it with one', () => {
    const closed = person({ fediverse: undefined, privacy: defaultPrivacy });
    const refusal = thrown(() => applyProfilePatch(closed, { version: 0, fediverse: true }, now), ValidationError);
    // Worded for a Spanish or Dutch reader too (the profile form and the API's errors[] in their language).
    expect(refusal.issues[0]?.wordsIn?.('es')).not.toBe(refusal.issues[0]?.message);
    expect(englishIssues(refusal.issues)).toEqual([
      {
        field: 'body.fediverse',
        message: expect.stringContaining('Only a public profile can be shown'),
      },
    ]);
    const opened = applyProfilePatch(closed, { version: 0, fediverse: true, privacy: { skills: 'public' } }, now);
    expect(opened.fediverse).toBe(true);
    expect(personActorState(opened)).toBe('shown');
  });

  it('refuses to make every section private under it, naming the privacy the change was in', () => {
    const shown = person();
    const refusal = thrown(
      () => applyProfilePatch(shown, { version: 0, privacy: { about: 'members' } }, now),
      ValidationError,
    );
    expect(englishIssues(refusal.issues)).toEqual([
      {
        field: 'body.privacy',
        message: expect.stringContaining('Only a public profile can be shown'),
      },
    ]);
  });

  it('is off by default; opting out leaves a withdrawn actor, never a person that was not there', () => {
    expect(personActorState(person({ fediverse: undefined }))).toBe('none');
    expect(personActorState(null)).toBe('none');
    const off = applyProfilePatch(person(), { version: 0, fediverse: false }, now);
    expect(off.fediverseLeftAt).toBe(now.toISOString());
    expect(personActorState(off)).toBe('withdrawn');
    const never = applyProfilePatch(person({ fediverse: undefined }), { version: 0, fediverse: false }, now);
    expect(never.fediverseLeftAt).toBeUndefined();
    expect(personActorState(never)).toBe('none');
  });

  it('forgets every follower, a page at a time, when the person opts out through the profile update', async () => {
    const followers = new Set(Array.from({ length: 230 }, (_, i) => `https://elsewhere.example/users/${i}`));
    const pages: number[] = [];
    const personData = {
      getDeletion: async () => null,
      forgetFollowers: async (personId: string, limit: number) => {
        expect(personId).toBe('demo-ada');
        const page = [...followers].slice(0, limit);
        for (const follower of page) followers.delete(follower);
        pages.push(page.length);
        return page.length;
      },
    };
    const people = memoryPeople([person()]);
    const deps = {
      people,
      personData,
      commons,
      search: { get: async () => null },
      now: () => now,
    } as never;
    await updateProfile(deps, { personId: 'demo-ada' } as never, {
      version: 0,
      fediverse: false,
    });
    expect(followers.size).toBe(0);
    expect(pages).toEqual([100, 100, 30]);
    expect(personActorState(await people.get('demo-ada'))).toBe('withdrawn');
  });

  it('looks for followers again when an opted-out person saves the box off, never for one who never opted in', async () => {
    const calls: string[] = [];
    const personData = {
      getDeletion: async () => null,
      forgetFollowers: async (personId: string) => {
        calls.push(personId);
        return 0;
      },
    };
    const people = memoryPeople([
      person({ id: 'never', fediverse: undefined }),
      person({ id: 'left', fediverse: false, fediverseLeftAt: now.toISOString() }),
    ]);
    const deps = { people, personData, commons, search: { get: async () => null }, now: () => now } as never;
    await updateProfile(deps, { personId: 'never' } as never, { version: 0, fediverse: false });
    await updateProfile(deps, { personId: 'left' } as never, { version: 0, fediverse: false });
    expect(calls).toEqual(['left']);
  });

  it('stops when a page comes back short', async () => {
    const calls: number[] = [];
    const forgotten = await forgetPersonFollowers(
      {
        forgetFollowers: async (_id, limit) => {
          calls.push(limit);
          return calls.length === 1 ? limit : 3;
        },
      },
      'demo-ada',
    );
    expect(forgotten).toBe(103);
    expect(calls).toEqual([100, 100]);
  });
});

describe('a person’s Person actor', () => {
  it('serves an opted-in person with what Mastodon reads, and only what their public profile shows', async () => {
    const { call } = await worldWith(person());
    const response = await call({ path: actorPath(), headers: activityJson });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/activity\+json/);
    const actor = json(response);
    expect(actor).toMatchObject({
      id: actorId(),
      type: 'Person',
      preferredUsername: 'p.demo-ada',
      name: 'Ada Okafor',
      url: `${origin}/people/demo-ada/`,
      inbox: `${actorId()}/inbox`,
      outbox: `${actorId()}/outbox`,
      followers: `${actorId()}/followers`,
      endpoints: { sharedInbox: `${origin}/api/federation/inbox` },
      publicKey: { id: `${actorId()}#main-key`, owner: actorId() },
      discoverable: true,
      indexable: true,
      manuallyApprovesFollowers: false,
    });
    expect(actor.publicKey.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(actor.summary).toBe('<p>Fits &lt;b&gt;heat pumps&lt;/b&gt; &amp; solar.<br>Leeds.</p>');
    // Nothing a visitor of the public profile would not see.
    expect(JSON.stringify(actor)).not.toContain('demo.guildhall.coop');
  });

  it('leaves the bio out when “About me” is not public', async () => {
    const { call } = await worldWith(person({ privacy: { ...defaultPrivacy, skills: 'public' } }));
    const actor = json(await call({ path: actorPath(), headers: activityJson }));
    expect(actor.type).toBe('Person');
    expect(actor.summary).toBeUndefined();
    expect(JSON.stringify(actor)).not.toContain('heat pumps');
  });

  it('has an empty outbox, counted 0, and counts its followers', async () => {
    const world = await worldWith(person());
    const outbox = json(
      await world.call({
        path: `${actorPath()}/outbox`,
        headers: activityJson,
      }),
    );
    expect(outbox).toMatchObject({ type: 'OrderedCollection', totalItems: 0 });
    const alice = await startRemoteActor('alice');
    opened.push(alice);
    expect((await world.call(signedFollow(alice, actorId()))).status).toBe(202);
    const followers = json(
      await world.call({
        path: `${actorPath()}/followers`,
        headers: activityJson,
      }),
    );
    expect(followers).toMatchObject({
      type: 'OrderedCollection',
      totalItems: 1,
    });
  });

  it('is found by WebFinger as acct:p.<id>@<host> while shown', async () => {
    const { call } = await worldWith(person());
    const response = await call(finger('acct:p.demo-ada@guildhall.test'));
    expect(response.status).toBe(200);
    const jrd = json(response);
    expect(jrd.subject).toBe('acct:p.demo-ada@guildhall.test');
    expect(jrd.links).toContainEqual(
      expect.objectContaining({
        rel: 'self',
        type: 'application/activity+json',
        href: actorId(),
      }),
    );
  });

  it('is never found, nor served, for a person who has not opted in, even with a public profile', async () => {
    const { call } = await worldWith(person({ fediverse: undefined }), person({ id: 'demo-bram', fediverse: false }));
    for (const id of ['demo-ada', 'demo-bram', 'nobody']) {
      expect((await call(finger(`acct:p.${id}@guildhall.test`))).status).toBe(404);
      expect((await call(finger(actorId(id)))).status).toBe(404);
      expect((await call({ path: actorPath(id), headers: activityJson })).status).toBe(404);
    }
    // Without the people at all (an instance that serves no Person actor), the same.
    const bare = await federationWorld();
    expect((await bare.call(finger('acct:p.demo-ada@guildhall.test'))).status).toBe(404);
  });

  it('answers 410 with a Tombstone after the person opts out, and WebFinger 404', async () => {
    const { call } = await worldWith(person({ fediverse: false, fediverseLeftAt: now.toISOString() }));
    const gone = await call({ path: actorPath(), headers: activityJson });
    expect(gone.status).toBe(410);
    expect(json(gone)).toMatchObject({ id: actorId(), type: 'Tombstone' });
    // Fedify compacts the former type against the ActivityStreams context.
    expect(json(gone).formerType).toMatch(/^(as:)?Person$/);
    expect((await call(finger('acct:p.demo-ada@guildhall.test'))).status).toBe(404);
    expect((await call(finger(actorId()))).status).toBe(404);
  });
});

describe('following a person', () => {
  it('keeps a signed Follow of an opted-in person under the person and Accepts it, signed by their actor', async () => {
    const world = await worldWith(person());
    const alice = await startRemoteActor('alice');
    opened.push(alice);
    expect((await world.call(signedFollow(alice, actorId()))).status).toBe(202);
    expect(world.followers.all()).toEqual([
      expect.objectContaining({
        syndicateId: 'p.demo-ada',
        actorId: alice.actorId,
        inbox: alice.inbox,
      }),
    ]);
    await world.deliveries.idle();
    const [accept] = alice.inboxPosts();
    expect(JSON.parse(accept?.body ?? '{}')).toMatchObject({
      type: 'Accept',
      actor: actorId(),
      object: { type: 'Follow', actor: alice.actorId, object: actorId() },
    });
    const actor = json(await world.call({ path: actorPath(), headers: activityJson }));
    expect(verifiesCavage(accept as NonNullable<typeof accept>, actor.publicKey.publicKeyPem)).toMatchObject({
      ok: true,
      keyId: `${actorId()}#main-key`,
    });
  });

  it('forgets the follower on Undo', async () => {
    const world = await worldWith(person());
    const alice = await startRemoteActor('alice');
    opened.push(alice);
    await world.call(signedFollow(alice, actorId()));
    expect(world.followers.all()).toHaveLength(1);
    expect((await world.call(signedFollow(alice, actorId(), 'Undo'))).status).toBe(202);
    expect(world.followers.all()).toEqual([]);
  });

  it('ignores a Follow of a person who has not opted in, or who opted out', async () => {
    const world = await worldWith(
      person({ fediverse: undefined }),
      person({
        id: 'demo-bram',
        fediverse: false,
        fediverseLeftAt: now.toISOString(),
      }),
    );
    const alice = await startRemoteActor('alice');
    opened.push(alice);
    // To their own inboxes (no such actor there: 404), and to the shared inbox, where the Follow is read.
    await world.call(signedFollow(alice, actorId('demo-ada')));
    await world.call(signedFollow(alice, actorId('demo-bram')));
    const shared = `${origin}/api/federation/inbox`;
    expect((await world.call(signedFollow(alice, actorId('demo-ada'), 'Follow', shared))).status).toBe(202);
    expect((await world.call(signedFollow(alice, actorId('demo-bram'), 'Follow', shared))).status).toBe(202);
    await world.deliveries.idle();
    expect(world.followers.all()).toEqual([]);
    expect(alice.inboxPosts()).toEqual([]);
  });
});
