// Paths to an occupation through the API's router on DynamoDB Local: the list, one path's courses in
// prerequisite order, the open positions asking for its skills (through search), a person's progress
// by credential and by declaration, and a path as the goal.
import { beforeAll, describe, expect, it } from 'vitest';
import { openingDocument } from '#domain/search/documents.ts';
import { type ApiResponse, apiOnFreshTable, body } from '../support/api-client.ts';
import { takeQuiz } from '../support/quiz.ts';
import { commons } from '../support/services.ts';

let api: Awaited<ReturnType<typeof apiOnFreshTable>>;
const fields = (response: ApiResponse) =>
  ((body(response).errors ?? []) as Array<{ field: string }>).map((issue) => issue.field);
const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const opening = (title: string, skill: string) => ({
  title,
  description: 'Wire and test final circuits in homes with a team of four. Work is shared at a Monday meeting.',
  skills: [{ skill, level: 'working' }],
  positions: 1,
  hoursPerWeek: 32,
  pay: [{ amount: 2600, currency: 'EUR', per: 'hour' }],
  place: 'Leeds, GB',
  remote: false,
  employmentType: 'CONTRACTOR',
  validThrough: inAMonth,
});

beforeAll(async () => {
  api = await apiOnFreshTable();
  const { call } = api;
  await call('POST', '/api/syndicates', 'admin', {
    id: 'sparks',
    name: 'Sparks co-op',
    trade: 'electrical-installation',
    description: 'Electricians who share the work.',
    place: 'Leeds, GB',
    rateCard: [],
  });
  const ids: string[] = [];
  for (const [title, skill] of [
    ['Electrician', 'electrical-inspection-and-testing'],
    ['Kitchen cook', 'food-hygiene-basics'],
    ['Draft electrician', 'electrical-safe-isolation'],
  ] as const) {
    const response = await call('POST', '/api/syndicates/sparks/openings', 'admin', opening(title, skill));
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const created = body(response);
    ids.push(String(created.id));
    if (title !== 'Draft electrician')
      await call('PUT', `/api/openings/${created.id}/status`, 'admin', { status: 'open' });
  }
  // The stream indexer does not run here: the openings are indexed as it would.
  const stored = await api.services.openings.getMany(ids);
  await api.services.search.upsert(
    [...stored.values()].map((o) =>
      openingDocument(o, { name: 'Sparks co-op', trade: 'electrical-installation' }, new Date()),
    ),
  );
}, 120_000);

describe('paths', () => {
  it('lists the commons’ own paths first, each saying how many of its skills a course teaches', async () => {
    const page = body(await api.call('GET', '/api/paths?pageSize=3', null));
    expect(page.items.map((p: { id: string }) => p.id)).toEqual(['electrician', 'plumber', 'solar-pv-installer']);
    expect(page.items[0]).toMatchObject({ source: 'commons', skills: 13, taught: 11 });
    const esco = body(await api.call('GET', '/api/paths?source=esco&pageSize=100', null));
    expect(esco.items.length).toBe([...commons.paths.values()].filter((p) => p.source === 'esco').length);
    expect(esco.next).toBeUndefined();
  });

  it('shows a path’s courses in the order their prerequisites impose', async () => {
    const view = body(await api.call('GET', '/api/paths/electrician', null));
    const order = view.courses.map((c: { courseId: string }) => c.courseId);
    // Inspecting and testing requires safe isolation, which the first course teaches.
    expect(order.indexOf('electrical-safety-and-circuits')).toBeLessThan(
      order.indexOf('inspecting-and-testing-a-final-circuit'),
    );
    expect(view.taughtBy['electrical-safe-isolation']).toEqual(['electrical-safety-and-circuits']);
  });

  it('answers 404 for a path that does not exist and 400 naming the id for one that cannot', async () => {
    const missing = await api.call('GET', '/api/paths/astronaut', null);
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/problem\+json/);
    const bad = await api.call('GET', '/api/paths/Not%20An%20Id', null);
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(['path.pathId']);
  });

  it('lists the open positions asking for the path’s skills, not drafts nor other trades', async () => {
    const page = body(await api.call('GET', '/api/paths/electrician/openings', null));
    expect(page.items.map((o: { title: string }) => o.title)).toEqual(['Electrician']);
    expect(page).toMatchObject({ searchDown: false });
    const cooks = body(await api.call('GET', '/api/paths/cook/openings', null));
    expect(cooks.items.map((o: { title: string }) => o.title)).toEqual(['Kitchen cook']);
  });

  it('shows a learner what they hold by credential and by declaration, and the next course', async () => {
    const { call } = api;
    const first = body(await call('GET', '/api/me/paths/electrician', 'femi'));
    expect(first).toMatchObject({
      pathId: 'electrician',
      held: 0,
      needed: 13,
      nextCourse: 'electrical-safety-and-circuits',
    });
    const course = commons.courses.get('electrical-safety-and-circuits');
    if (!course) throw new Error('course missing');
    expect((await takeQuiz(call, 'femi', course)).status).toBe(200);
    await call('PUT', '/api/me/skills/reading-construction-drawings', 'femi', { level: 'working' });
    const after = body(await call('GET', '/api/me/paths/electrician', 'femi'));
    expect(after.skills['electrical-safe-isolation']).toBe('credential');
    expect(after.skills['reading-construction-drawings']).toBe('declared');
    expect(after.held).toBe(8);
    expect(after.coursesDone).toEqual(['electrical-safety-and-circuits', 'reading-construction-drawings']);
    expect(after.nextCourse).toBe('inspecting-and-testing-a-final-circuit');
    expect((await call('GET', '/api/me/paths/electrician', null)).status).toBe(401);
  });

  it('can be set as the goal, which recommendations then give as their reason, and is refused by field when unknown', async () => {
    const { call } = api;
    const set = await call('PUT', '/api/me/goal', 'gia', { path: 'electrician', skills: [] });
    expect(set.status).toBe(200);
    expect(body(set).goal).toEqual({ path: 'electrician', skills: [] });
    const unknown = await call('PUT', '/api/me/goal', 'gia', { path: 'astronaut' });
    expect(unknown.status).toBe(422);
    expect(fields(unknown)).toEqual(['body.path']);
    expect(body(await call('GET', '/api/me', 'gia')).goal).toEqual({ path: 'electrician', skills: [] });
    const recommendations = body(await call('GET', '/api/me/recommendations', 'gia'));
    expect(recommendations.courses[0].reason).toMatch(/because you aim for the Electrician path/i);
  });

  it('lets an opening name an ESCO occupation the commons has a path to, refuses others by field, and drops it on an edit without it', async () => {
    const { call } = api;
    const uri = commons.paths.get('electrician')?.esco;
    const named = await call('POST', '/api/syndicates/sparks/openings', 'admin', {
      ...opening('Electrician, named', 'electrical-safe-isolation'),
      occupation: uri,
    });
    expect(named.status).toBe(201);
    expect(body(named).occupation).toBe(uri);
    const unknown = await call('POST', '/api/syndicates/sparks/openings', 'admin', {
      ...opening('Electrician, unknown', 'electrical-safe-isolation'),
      occupation: 'http://data.europa.eu/esco/occupation/00000000-0000-0000-0000-000000000000',
    });
    expect(unknown.status).toBe(422);
    expect(fields(unknown)).toEqual(['body.occupation']);
    const shape = await call('POST', '/api/syndicates/sparks/openings', 'admin', {
      ...opening('Electrician, shape', 'electrical-safe-isolation'),
      occupation: 'electrician',
    });
    expect(shape.status).toBe(400);
    expect(fields(shape)).toEqual(['body.occupation']);
    const edited = await call(
      'PUT',
      `/api/openings/${body(named).id}`,
      'admin',
      opening('Electrician, named', 'electrical-safe-isolation'),
    );
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(body(edited).occupation).toBeNull();
  });
});
