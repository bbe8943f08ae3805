// A syndicate's Group outbox (issue 20): a Create of each open opening's Note, newest first, paged by
// cursor as Fedify pages collections (the collection counts them and links its first page; each page
// links the next); drafts and closed openings are not in it; a syndicate that does not exist has none.
import { describe, expect, it } from 'vitest';
import { outboxPageSize } from '#adapters/activitypub/federation.ts';
import { body, innovationWorld } from '../support/innovation-world.ts';

const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const opening = (n: number) => ({
  title: `Bench repairer ${n}`,
  description: 'Repair kettles, lamps and radios at a shared **bench**.',
  skills: [{ skill: 'repair-systematic-fault-finding', level: 'working' }],
  positions: 1,
  hoursPerWeek: 24,
  pay: [{ amount: 3000, currency: 'EUR', per: 'hour' }],
  place: 'Valencia, ES',
  remote: false,
  employmentType: 'CONTRACTOR',
  validThrough: inAMonth,
});

const activityJson = { accept: 'application/activity+json' };

describe('a Group’s outbox', () => {
  it('lists a Create of each open opening’s Note, newest first, a page at a time, without drafts or closed ones', async () => {
    // Each opening made a minute after the one before: the syndicate's openings are listed by when they were made.
    const clock = { now: new Date() };
    const { call, services } = await innovationWorld(clock);
    const origin = services.config.PUBLIC_URL;
    const get = async (path: string) => {
      const answer = await call('GET', path.replace(origin, ''), null, undefined, activityJson);
      expect(answer.status, `${path}: ${JSON.stringify(answer.body)}`).toBe(200);
      return body(answer) as Record<string, unknown>;
    };
    const open: string[] = [];
    const create = async (n: number) => {
      clock.now = new Date(clock.now.getTime() + 60_000);
      const created = await call('POST', '/api/syndicates/mill/openings', 'admin', opening(n));
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      return String(body(created).id);
    };
    const draft = await create(0);
    for (let n = 1; n <= outboxPageSize + 2; n++) {
      const id = await create(n);
      expect((await call('PUT', `/api/openings/${id}/status`, 'admin', { status: 'open' })).status).toBe(200);
      open.push(id);
    }
    const closed = open.shift() as string;
    expect((await call('PUT', `/api/openings/${closed}/status`, 'admin', { status: 'closed' })).status).toBe(200);

    const outbox = await get('/api/federation/actors/mill/outbox');
    expect(outbox).toMatchObject({
      type: 'OrderedCollection',
      id: `${origin}/api/federation/actors/mill/outbox`,
      totalItems: outboxPageSize + 1,
    });
    const first = await get(String(outbox.first));
    expect(first.type).toBe('OrderedCollectionPage');
    const items = first.orderedItems as Array<{ id: string; object: { id: string } }>;
    expect(items).toHaveLength(outboxPageSize);
    const newest = open.at(-1) as string;
    expect(items[0]).toMatchObject({
      type: 'Create',
      actor: `${origin}/api/federation/actors/mill`,
      object: {
        type: 'Note',
        id: `${origin}/api/federation/openings/${newest}`,
        attributedTo: `${origin}/api/federation/actors/mill`,
        name: `Bench repairer ${outboxPageSize + 2}`,
        url: `${origin}/jobs/${newest}/`,
        content: expect.stringContaining('<strong>Bench repairer'),
      },
    });
    expect(String(items[0]?.id)).toMatch(new RegExp(`^${origin}/api/federation/activities/`));
    const second = await get(String(first.next));
    const rest = second.orderedItems as Array<{ id: string; object: { id: string } }>;
    expect(second.next).toBeUndefined();
    const listed = [...items, ...rest].map((item) => String(item.object.id).split('/').at(-1));
    // Every open opening once, newest first; the draft and the closed one in neither page.
    expect(listed).toEqual([...open].reverse());
    expect(listed).not.toContain(draft);
    expect(listed).not.toContain(closed);
  });

  it('is not found for a syndicate that does not exist, and is empty for the instance', async () => {
    const { call, services } = await innovationWorld({ now: new Date() });
    const missing = await call('GET', '/api/federation/actors/no-such-mill/outbox', null, undefined, activityJson);
    expect(missing.status).toBe(404);
    const instance = await call('GET', '/api/federation/actors/_instance/outbox', null, undefined, activityJson);
    expect(instance.status).toBe(200);
    expect(body(instance)).toMatchObject({
      id: `${services.config.PUBLIC_URL}/api/federation/actors/_instance/outbox`,
      totalItems: 0,
    });
  });

  it('answers a cursor that is not one of its own with 400, never a 500', async () => {
    const { call } = await innovationWorld({ now: new Date() });
    const answer = await call(
      'GET',
      '/api/federation/actors/mill/outbox?cursor=not-a-cursor',
      null,
      undefined,
      activityJson,
    );
    expect(answer.status).toBe(400);
  });
});
