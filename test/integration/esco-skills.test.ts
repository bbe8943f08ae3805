// Any ESCO skill asked for and held, end to end through the API and DynamoDB Local: an opening asks for an
// ESCO skill the commons lacks (stored by URI, ESCO's label beside it), an applicant who declared it
// ranks as holding it, and the shortage index counts it in demand and supply under its URI.
import { beforeAll, describe, expect, it } from 'vitest';
import { refreshSource } from '#domain/shortages/refresh-source.ts';
import { type ApiResponse, apiOnFreshTable, body } from '../support/api-client.ts';
import { escoMatched, escoOnly, escoSearch, escoUnknown } from '../support/esco-skills.ts';
import { opening, syndicate } from '../support/write-world.ts';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let services: Awaited<ReturnType<typeof apiOnFreshTable>>['services'];
let openingId: string;

async function expectStatus(response: Promise<ApiResponse>, status: number, what: string) {
  const answer = await response;
  expect(answer.status, `${what}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBe(status);
  return answer;
}
const fields = (response: ApiResponse) =>
  ((body(response).errors ?? []) as Array<{ field: string }>).map((issue) => issue.field);
const asking = (skills: unknown[]) => ({ ...opening, skills });

beforeAll(async () => {
  ({ call, services } = await apiOnFreshTable({ search: await escoSearch() }));
  await expectStatus(call('POST', '/api/syndicates', 'admin', syndicate('plumbers')), 201, 'syndicate');
  const created = await expectStatus(
    call(
      'POST',
      '/api/syndicates/plumbers/openings',
      'admin',
      asking([
        { skill: escoOnly.uri, level: 'working' },
        { skill: escoMatched.uri, level: 'foundation' },
      ]),
    ),
    201,
    'opening asking an ESCO skill',
  );
  openingId = String(body(created).id);
  await expectStatus(call('PUT', `/api/openings/${openingId}/status`, 'admin', { status: 'open' }), 200, 'publish');
});

describe('an opening asking for ESCO skills', () => {
  it('stores an ESCO-only skill by URI with ESCO’s label, and a commons skill sent as its URI by its id', async () => {
    const shown = body(await expectStatus(call('GET', `/api/openings/${openingId}`, null), 200, 'read'));
    expect(shown.opening?.skills ?? shown.skills).toEqual([
      { skill: escoOnly.uri, label: escoOnly.label, level: 'working' },
      { skill: escoMatched.commonsId, level: 'foundation' },
    ]);
  });

  it('refuses a URI ESCO lacks, the same skill twice, and a label sent by the admin, naming each field', async () => {
    const post = (skills: unknown[]) => call('POST', '/api/syndicates/plumbers/openings', 'admin', asking(skills));
    const unknown = await expectStatus(post([{ skill: escoUnknown, level: 'working' }]), 422, 'unknown');
    expect(fields(unknown)).toEqual(['body.skills.0.skill']);
    const twice = await expectStatus(
      post([
        { skill: escoMatched.commonsId, level: 'working' },
        { skill: escoMatched.uri, level: 'working' },
      ]),
      422,
      'twice',
    );
    expect(fields(twice)).toEqual(['body.skills.1.skill']);
    const labelled = await expectStatus(post([{ skill: escoOnly.uri, level: 'working', label: 'x' }]), 400, 'label');
    expect(fields(labelled)).toEqual(['body.skills.0.label']);
  });

  it('is found on the board by the ESCO skill’s URI', async () => {
    const found = body(
      await expectStatus(call('GET', `/api/openings?skill=${encodeURIComponent(escoOnly.uri)}`, null), 200, 'board'),
    );
    expect(found.items.map((o: { id: string }) => o.id)).toEqual([openingId]);
  });

  it('ranks an applicant who declared the ESCO skill as holding it', async () => {
    await expectStatus(
      call('PUT', `/api/me/skills/${encodeURIComponent(escoOnly.uri)}`, 'ana', { level: 'working' }),
      200,
      'declare',
    );
    for (const person of ['ana', 'bo'])
      await expectStatus(
        call('PUT', `/api/openings/${openingId}/applications/me`, person, { note: 'Hi' }),
        200,
        'apply',
      );
    const ranked = body(await call('GET', `/api/openings/${openingId}/applicants`, 'admin')).items;
    expect(ranked.map((a: { person: { id: string }; holds: number }) => [a.person.id, a.holds])).toEqual([
      ['ana', 1],
      ['bo', 0],
    ]);
  });
});

describe('the shortage index', () => {
  it('counts the ESCO skill’s demand and supply under its URI, and lists it with ESCO’s label and attribution', async () => {
    await refreshSource(services, { kind: 'opening', openingId });
    await refreshSource(services, { kind: 'person', personId: 'ana' });
    const answer = body(await expectStatus(call('GET', '/api/shortages', null), 200, 'shortages'));
    expect(answer.esco.attribution).toBe('ESCO, © European Union, CC BY 4.0');
    expect(answer.esco.skills).toEqual([
      expect.objectContaining({
        rank: 1,
        skill: escoOnly.uri,
        label: escoOnly.label,
        supply: 0.5,
        inputs: expect.objectContaining({ openings: 1, positions: 2, declared: 1 }),
      }),
    ]);
    const commons = answer.items.find((s: { skill: string }) => s.skill === escoMatched.commonsId);
    expect(commons.inputs).toMatchObject({ openings: 1, positions: 2 });
    const csv = (await call('GET', '/api/shortages?format=csv', null)).body as string;
    expect(csv).toContain(`${escoOnly.uri},${escoOnly.label},,,`);
  });

  it('lists no ESCO skill in a trade’s ranking', async () => {
    const answer = body(await call('GET', '/api/shortages?trade=repair', null));
    expect(answer.esco.skills).toEqual([]);
  });

  it('suggests from a description the ESCO skill it names and the commons skill it mentions, leaving out what is asked already', async () => {
    const description = {
      description: 'Repair plumbing systems in the barns, and turn the farm composting heaps weekly.',
    };
    const found = body(
      await expectStatus(call('POST', '/api/skills/suggest-from-text', 'admin', description), 200, 'suggest'),
    );
    const ids = (found.items as Array<{ id: string; source: string }>).map((item) => item.id);
    expect(ids).toContain(escoOnly.uri);
    expect(ids).toContain(escoMatched.commonsId);
    expect(ids.indexOf(escoMatched.commonsId)).toBeLessThan(ids.indexOf(escoOnly.uri));
    const asked = { ...description, skills: [escoOnly.uri, escoMatched.uri] };
    const rest = body(await expectStatus(call('POST', '/api/skills/suggest-from-text', 'admin', asked), 200, 'asked'));
    expect((rest.items as Array<{ id: string }>).map((item) => item.id)).not.toContain(escoOnly.uri);
    expect((rest.items as Array<{ id: string }>).map((item) => item.id)).not.toContain(escoMatched.commonsId);
    const empty = await expectStatus(
      call('POST', '/api/skills/suggest-from-text', 'admin', { description: ' ' }),
      400,
      'empty',
    );
    expect(fields(empty)).toEqual(['body.description']);
  });
});
