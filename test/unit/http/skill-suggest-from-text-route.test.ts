// POST /api/skills/suggest-from-text: the skills an opening's description mentions, for a signed-in
// admin to confirm; public, as it writes nothing. Bounded and validated, problem+json naming the field; every refusal sits beside an
// accepted call, so a refusal can never come from a broken route.
import { describe, expect, it } from 'vitest';
import { createEmbeddedSearchEngine } from '#adapters/search/embedded/engine.ts';
import { escoSkillDocuments } from '#domain/search/esco-documents.ts';
import { createApi } from '#http/api.ts';
import { fakeServices } from '../../support/services.ts';

const plaster = 'http://data.europa.eu/esco/skill/20f56226-24ed-495f-8bf5-0b2aa6413ba1';

async function api() {
  const search = createEmbeddedSearchEngine();
  await search.upsert(
    escoSkillDocuments({
      imported: '2026-12-06',
      skills: [['skill/20f56226-24ed-495f-8bf5-0b2aa6413ba1', 'plaster surfaces', null, 'plaster surfaces plastering']],
    }),
  );
  const router = createApi(fakeServices({ search }));
  return async (body: unknown, signedIn = true) => {
    const response = await router.handle({
      method: 'POST',
      path: '/api/skills/suggest-from-text',
      rawQuery: '',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      identity: signedIn ? { personId: 'demo-bram' } : null,
      requestId: 't',
    });
    return { status: response.status, type: response.headers['content-type'], body: JSON.parse(response.body) };
  };
}

const fieldsOf = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((error) => error.field);
const description = 'Hang plasterboard on stud walls, then plaster the ceilings.';

describe('POST /api/skills/suggest-from-text', () => {
  it('answers the skills a description mentions, the commons first, leaving out those sent as asked already', async () => {
    const call = await api();
    const { status, body } = await call({ description });
    expect(status).toBe(200);
    const ids = body.items.map((item: { id: string }) => item.id);
    expect(ids.slice(0, 2)).toEqual(['plasterboard-hanging', 'plasterboard-jointing']);
    expect(ids).toContain(plaster);
    expect(body.attribution).toBe('ESCO, © European Union, CC BY 4.0');
    const without = await call({ description, skills: ['plasterboard-hanging', plaster] });
    expect(without.body.items.map((item: { id: string }) => item.id)).not.toContain('plasterboard-hanging');
    expect(without.body.items.map((item: { id: string }) => item.id)).not.toContain(plaster);
  });

  it('answers a caller who is not signed in too, keeping no copy for anyone else', async () => {
    const call = await api();
    const { status, body } = await call({ description }, false);
    expect(status).toBe(200);
    expect(body.items.map((item: { id: string }) => item.id)).toContain('plasterboard-hanging');
  });

  it.each([
    ['an empty description', { description: '' }, 'body.description'],
    ['a missing description', {}, 'body.description'],
    ['a description over 8,000 characters', { description: 'plaster '.repeat(1001) }, 'body.description'],
    ['a skill that is not a skill reference', { description, skills: ['Not a skill!'] }, 'body.skills.0'],
    [
      'more than 20 skills',
      { description, skills: Array.from({ length: 21 }, () => 'plasterboard-hanging') },
      'body.skills',
    ],
  ])('refuses %s with problem+json naming the field', async (_, sent, field) => {
    const call = await api();
    const { status, type, body } = await call(sent);
    expect(status).toBe(400);
    expect(type).toMatch(/application\/problem\+json/);
    expect(fieldsOf(body)).toEqual([field]);
  });
});
