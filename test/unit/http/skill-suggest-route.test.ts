// GET /api/skills/suggest: bounded, validated, problem+json naming the field a person got wrong. Every
// refusal sits beside an accepted call, so a refusal can never come from a broken route.
import { describe, expect, it } from 'vitest';
import { createEmbeddedSearchEngine } from '#adapters/search/embedded/engine.ts';
import { SearchUnavailableError } from '#domain/errors.ts';
import { escoSkillDocuments } from '#domain/search/esco-documents.ts';
import { createApi } from '#http/api.ts';
import { fakeServices } from '../../support/services.ts';

async function api(down = false) {
  const search = createEmbeddedSearchEngine();
  if (down) {
    search.search = async () => {
      throw new SearchUnavailableError('search is down');
    };
  }
  await search.upsert(
    escoSkillDocuments({
      imported: '2026-12-06',
      skills: [['skill/20f56226-24ed-495f-8bf5-0b2aa6413ba1', 'plaster surfaces', null, 'plaster surfaces plastering']],
    }),
  );
  const router = createApi(fakeServices({ search }));
  return async (query: string) => {
    const response = await router.handle({
      method: 'GET',
      path: '/api/skills/suggest',
      rawQuery: query,
      headers: {},
      body: undefined,
      identity: null,
      requestId: 't',
    });
    return {
      status: response.status,
      type: response.headers['content-type'],
      cache: response.headers['cache-control'],
      body: JSON.parse(response.body),
    };
  };
}

const fieldsOf = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((error) => error.field);

describe('GET /api/skills/suggest', () => {
  it('answers the commons skills first, then ESCO skills by URI, with ESCO attribution', async () => {
    const call = await api();
    const { status, body } = await call('q=plaster&limit=5');
    expect(status).toBe(200);
    expect(body.items.map((item: { source: string; id: string }) => `${item.source} ${item.id}`)).toEqual([
      'commons plasterboard-hanging',
      'commons plasterboard-jointing',
      'esco http://data.europa.eu/esco/skill/20f56226-24ed-495f-8bf5-0b2aa6413ba1',
    ]);
    expect(body.attribution).toContain('CC BY 4.0');
  });

  it('answers the commons skills while search is down, says so, and lets no cache keep that answer', async () => {
    const up = await (await api())('q=plaster');
    expect(up.cache).toBe('public, max-age=300');
    const { status, cache, body } = await (await api(true))('q=plaster');
    expect(status).toBe(200);
    expect(body.escoUnavailable).toBe(true);
    expect(body.items.map((item: { id: string }) => item.id)).toEqual([
      'plasterboard-hanging',
      'plasterboard-jointing',
    ]);
    expect(cache).toBe('no-store');
  });

  it.each([
    ['no words at all', '', 'query.q'],
    ['only spaces', 'q=%20%20', 'query.q'],
    ['more than 100 characters', `q=${'a'.repeat(101)}`, 'query.q'],
    ['a limit of 0', 'q=plaster&limit=0', 'query.limit'],
    ['a limit over 20', 'q=plaster&limit=21', 'query.limit'],
    ['a limit that is not a whole number', 'q=plaster&limit=2.5', 'query.limit'],
  ])('refuses %s with problem+json naming the field', async (_, query, field) => {
    const call = await api();
    expect((await call('q=plaster&limit=20')).status).toBe(200);
    const { status, type, body } = await call(query);
    expect(status).toBe(400);
    expect(type).toMatch(/application\/problem\+json/);
    expect(fieldsOf(body)).toEqual([field]);
  });
});
