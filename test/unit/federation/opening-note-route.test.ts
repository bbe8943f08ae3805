// An opening's Note dereferences at its id (a receiver re-fetches it rather than trust a delivered
// body): the Note while the opening is open, a Tombstone (410) once it closed, filled or expired, and
// 404 for a draft or an id that names nothing.
import { describe, expect, it } from 'vitest';
import type { Opening } from '#domain/openings/opening.ts';
import { federationWorld, origin, syndicateId } from '../../support/federation-world.ts';
import { openOpening } from '../../support/open-opening.ts';

// The fake services' clock reads 2026-11-21.
const inAMonth = '2026-12-21';
const yesterday = '2026-11-20';

async function world(openings: Opening[]) {
  const byId = new Map(openings.map((opening) => [opening.id, opening]));
  return federationWorld({
    services: { openings: { get: async (id: string) => byId.get(id) ?? null } as never },
  });
}
const path = (id: string) => `/api/federation/openings/${id}`;
const opening = (id: string, overrides: Partial<Opening> = {}) =>
  openOpening(id, { syndicateId, validThrough: inAMonth, description: 'Fit **heat pumps**.', ...overrides });

describe('GET /api/federation/openings/{id}', () => {
  it('answers an open opening with its Note, the JobPosting inside', async () => {
    const { call } = await world([opening('op-open')]);
    const answer = await call({ path: path('op-open'), headers: { accept: 'application/activity+json' } });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/application\/activity\+json/);
    const note = JSON.parse(String(answer.body));
    expect(note).toMatchObject({
      id: `${origin}${path('op-open')}`,
      type: 'Note',
      attributedTo: `${origin}/api/federation/actors/${syndicateId}`,
      jobPosting: { '@type': 'JobPosting', description: expect.stringContaining('<strong>heat pumps</strong>') },
    });
  });

  it('answers a closed, filled or expired opening with a Tombstone, and a draft or nothing with 404', async () => {
    const { call } = await world([
      opening('op-closed', { status: 'closed' }),
      opening('op-filled', { status: 'filled' }),
      opening('op-expired', { validThrough: yesterday }),
      opening('op-draft', { status: 'draft' }),
    ]);
    for (const id of ['op-closed', 'op-filled', 'op-expired']) {
      const answer = await call({ path: path(id) });
      expect(answer.status, id).toBe(410);
      expect(JSON.parse(String(answer.body))).toMatchObject({ id: `${origin}${path(id)}`, type: 'Tombstone' });
    }
    expect((await call({ path: path('op-draft') })).status).toBe(404);
    expect((await call({ path: path('op-none') })).status).toBe(404);
  });
});
