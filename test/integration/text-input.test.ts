// Invisible and unsafe text, from the outside: through the API router and into DynamoDB Local. A
// refused name leaves nothing behind; an accepted one is stored as the normaliser keeps it.
import { beforeEach, describe, expect, it } from 'vitest';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { syndicateInput } from '../unit/innovations/fixtures.ts';
import { tableSnapshot } from '../support/write-world.ts';

let api: Awaited<ReturnType<typeof apiOnFreshTable>>;

beforeEach(async () => {
  api = await apiOnFreshTable();
  // The founder's profile exists first, so "nothing stored" below is about the refused write alone.
  expect((await api.call('GET', '/api/me', 'founder')).status).toBe(200);
});

const issues = (answer: { body: unknown }) => body(answer as never).errors as Array<{ field: string; message: string }>;

async function refusedAndNothingStored(send: Record<string, unknown>, field: string, message: string) {
  const before = await tableSnapshot(api.services.config.TABLE_NAME);
  const answer = await api.call('POST', '/api/syndicates', 'founder', { ...syndicateInput('riverside'), ...send });
  expect(answer.status, JSON.stringify(answer.body)).toBe(400);
  expect(answer.headers['content-type']).toContain('application/problem+json');
  expect(issues(answer)).toContainEqual({ field, message: expect.stringContaining(message) });
  expect(await tableSnapshot(api.services.config.TABLE_NAME)).toBe(before);
  expect((await api.call('GET', '/api/syndicates/riverside', null)).status).toBe(404);
}

describe('a syndicate named with invisible or unsafe text', () => {
  it('is refused when the name holds a right-to-left override, naming the field, and nothing is stored', async () => {
    await refusedAndNothingStored(
      { name: 'Riverside \u202Esredliub' },
      'body.name',
      'The name contains invisible direction-control characters (U+202E)',
    );
  });

  it('is refused when the name is only zero-width spaces, naming the field, and nothing is stored', async () => {
    await refusedAndNothingStored(
      { name: '\u200B\u200B\u200B' },
      'body.name',
      'The name needs at least 3 visible characters',
    );
  });

  it('is refused when the description holds a lone surrogate, and nothing is stored', async () => {
    await refusedAndNothingStored(
      { description: `Carpenters who share work \uD800 fairly.` },
      'body.description',
      'broken character',
    );
  });

  it('is stored without the NUL and other controls, composed and trimmed', async () => {
    const answer = await api.call('POST', '/api/syndicates', 'founder', {
      ...syndicateInput('riverside'),
      name: '  River\u0000side Builde\u0301rs\u200B ',
      description: 'Carpenters\u0007 who share\r\nwork\tfairly.\n\n',
      rateCard: [{ service: 'Stud\u0000 walls', rate: { amount: 3000, currency: 'EUR', per: 'hour' } }],
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(body(answer).name).toBe('Riverside Buildérs');
    const stored = await api.services.syndicates.get('riverside');
    expect(stored).toMatchObject({
      name: 'Riverside Buildérs',
      description: 'Carpenters who share\nwork fairly.',
      rateCard: [{ service: 'Stud walls' }],
    });
  });

  it('keeps what was stored when an edit would blank the place with invisible characters', async () => {
    const created = await api.call('POST', '/api/syndicates', 'founder', syndicateInput('riverside'));
    expect(created.status).toBe(201);
    const { id: _id, ...edit } = syndicateInput('riverside');
    const answer = await api.call('PUT', '/api/syndicates/riverside', 'founder', {
      ...edit,
      place: '\u2060\u00AD\u200B',
    });
    expect(answer.status).toBe(400);
    expect(issues(answer).map((issue) => issue.field)).toEqual(['body.place']);
    expect((await api.services.syndicates.get('riverside'))?.place).toBe(syndicateInput('riverside').place);
  });
});
