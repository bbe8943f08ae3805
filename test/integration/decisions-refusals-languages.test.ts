// A proposal's own checks in the reader's language over the API against DynamoDB Local (issue 19): a
// member proposed for admission who is one already, in Spanish, and a voting window shorter than its kind
// allows, in Dutch, each beside the field it names, with Content-Language; the English unchanged.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '#app/services.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { createPeople } from '../support/innovation-world.ts';
import { syndicateInput } from '../unit/innovations/fixtures.ts';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let services: Services;

beforeAll(async () => {
  ({ call, services } = await apiOnFreshTable());
  await createPeople(services, ['bram', 'ada']);
  expect((await call('POST', '/api/syndicates', 'bram', syndicateInput('riverside'))).status).toBe(201);
  await call('POST', '/api/syndicates/riverside/join-requests', 'ada');
  await call('PUT', '/api/syndicates/riverside/members/ada', 'bram', { decision: 'approve' });
});

const admitAda = {
  kind: 'membership',
  scope: 'syndicate:riverside',
  title: 'Ada joins riverside',
  change: { action: 'admit', personId: 'ada' },
};

describe('a proposal’s checks in Spanish and Dutch', () => {
  it('tells in Spanish that the person proposed for admission is a member already', async () => {
    const refused = await call('POST', '/api/proposals', 'bram', admitAda, { 'accept-language': 'es' });
    expect(refused.status).toBe(422);
    expect(refused.headers['content-language']).toBe('es');
    expect(body(refused).errors).toContainEqual({ field: 'body.change.personId', message: 'ada ya es miembro.' });
    const english = await call('POST', '/api/proposals', 'bram', admitAda);
    expect(body(english).errors).toContainEqual({
      field: 'body.change.personId',
      message: 'ada is a member already.',
    });
  });

  it('tells in Dutch how many days a proposal on a sense check stays open at least', async () => {
    const short = {
      kind: 'sense-check',
      scope: 'syndicate:riverside',
      title: 'A quick sense check',
      days: 1,
    };
    const refused = await call('POST', '/api/proposals', 'bram', short, { 'accept-language': 'nl' });
    expect(refused.status).toBe(422);
    expect(refused.headers['content-language']).toBe('nl');
    expect(body(refused).errors).toContainEqual({
      field: 'body.days',
      message: 'Een voorstel over een peiling (beslist op zichzelf niets) staat minstens 3 dagen open.',
    });
  });
});
