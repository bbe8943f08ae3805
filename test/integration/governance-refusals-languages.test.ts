// Decisions', innovation records' and the registry log's refusals in the reader's language over the API
// against DynamoDB Local (issue 19): a secret vote's counts asked for by an outsider, a proposal closed
// before its vote ends, a draft that leaves out its author and a consistency proof asked for backwards,
// each in Spanish or Dutch by Accept-Language, with Content-Language; the status and fields unchanged.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '#app/services.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { createPeople } from '../support/innovation-world.ts';
import { draftInput, syndicateInput } from '../unit/innovations/fixtures.ts';

const clock = { now: new Date('2026-03-01T09:00:00.000Z') };
let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let services: Services;
let proposalId: string;

beforeAll(async () => {
  ({ call, services } = await apiOnFreshTable({ now: () => clock.now }));
  await createPeople(services, ['bram', 'ada', 'carla', 'outsider']);
  expect((await call('POST', '/api/syndicates', 'bram', syndicateInput('riverside'))).status).toBe(201);
  for (const person of ['ada', 'carla']) {
    await call('POST', '/api/syndicates/riverside/join-requests', person);
    await call('PUT', `/api/syndicates/riverside/members/${person}`, 'bram', { decision: 'approve' });
  }
  clock.now = new Date('2026-03-02T09:00:00.000Z');
  const proposed = await call('POST', '/api/proposals', 'ada', {
    kind: 'membership',
    scope: 'syndicate:riverside',
    title: 'Carla as an admin',
    change: { action: 'make-admin', personId: 'carla' },
  });
  expect(body(proposed)).toMatchObject({ status: 'open', secret: true });
  proposalId = body(proposed).id;
});

describe('governance refusals in Spanish and Dutch', () => {
  it('tells an outsider in Spanish that an open secret vote’s counts are its members’', async () => {
    const refused = await call('GET', `/api/proposals/${proposalId}/tally`, 'outsider', undefined, {
      'accept-language': 'es',
    });
    expect(refused.status).toBe(403);
    expect(refused.headers['content-language']).toBe('es');
    expect(body(refused).detail).toBe(
      'Los votos de esta propuesta son secretos: solo los miembros del colectivo riverside ven el recuento antes de que se cierre, y todo el mundo una vez cerrada.',
    );
    const english = await call('GET', `/api/proposals/${proposalId}/tally`, 'outsider');
    expect(body(english).detail).toMatch(/^The votes on this proposal are secret: only members of syndicate riverside/);
  });

  it('says in Dutch until when a proposal’s vote is open, as a Dutch reader writes the moment', async () => {
    const early = await call('POST', `/api/proposals/${proposalId}/closing`, 'outsider', undefined, {
      'accept-language': 'nl',
    });
    expect(early.status).toBe(409);
    expect(early.headers['content-language']).toBe('nl');
    expect(body(early).detail).toMatch(
      /^De stemming over dit voorstel is open tot \d{1,2} maart 2026 om \d\d:\d\d UTC; daarna kan ze worden gesloten\.$/,
    );
  });

  it('refuses a draft that leaves out its author in Spanish, beside the same field', async () => {
    const refused = await call('POST', '/api/innovations', 'bram', draftInput([{ personId: 'ada' }]), {
      'accept-language': 'es',
    });
    expect(refused.status).toBe(422);
    expect(refused.headers['content-language']).toBe('es');
    expect(body(refused).errors).toContainEqual({
      field: 'body.inventors',
      message: 'Inclúyete: solo los inventores editan un borrador.',
    });
  });

  it('refuses a consistency proof asked for backwards in Dutch, beside the same field', async () => {
    const refused = await call('GET', '/api/registry-log/proofs/consistency?first=3&second=2', null, undefined, {
      'accept-language': 'nl',
    });
    expect(refused.status).toBe(422);
    expect(refused.headers['content-language']).toBe('nl');
    expect(body(refused).errors).toEqual([
      { field: 'query.first', message: 'Vul een eerste grootte in die niet groter is dan de tweede.' },
    ]);
  });
});
