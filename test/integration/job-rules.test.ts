// The job board's rules, proved from the outside: through the API router, against DynamoDB Local.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { applicationCountKeys } from '#adapters/dynamodb/keys.ts';
import { maxApplicationsPerOpening } from '#domain/openings/opening-repository.ts';
import { type ApiResponse, apiOnFreshTable } from '../support/api-client.ts';
import { documentClient } from '../support/dynamodb.ts';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let services: Awaited<ReturnType<typeof apiOnFreshTable>>['services'];
const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const opening = {
  title: 'Carpenter for a housing retrofit',
  description: 'Frame internal walls and hang fire doors with a team of eight. Work is shared at a Monday meeting.',
  skills: [
    { skill: 'stud-wall-framing', level: 'working' },
    { skill: 'construction-site-safety', level: 'foundation' },
  ],
  positions: 2,
  hoursPerWeek: 32,
  pay: [{ amount: 4200, currency: 'EUR', per: 'hour' }],
  place: 'Rotterdam, NL',
  remote: false,
  employmentType: 'CONTRACTOR',
  validThrough: inAMonth,
};
const syndicate = {
  id: 'riverside',
  name: 'Riverside Builders',
  trade: 'construction',
  description: 'Carpenters who share work fairly.',
  place: 'Rotterdam, NL',
  rateCard: [],
};
const body = (response: ApiResponse) => response.body as Record<string, unknown>;

async function setApplicationCount(openingId: string, count: number) {
  const client = documentClient();
  await client.send(
    new UpdateCommand({
      TableName: services.config.TABLE_NAME,
      Key: applicationCountKeys(openingId),
      UpdateExpression: 'SET applications = :n',
      ExpressionAttributeValues: { ':n': count },
    }),
  );
  client.destroy();
}

async function postOpening(positions = 2) {
  const created = await call('POST', '/api/syndicates/riverside/openings', 'admin', { ...opening, positions });
  expect(created.status).toBe(201);
  const id = String(body(created).id);
  expect((await call('PUT', `/api/openings/${id}/status`, 'admin', { status: 'open' })).status).toBe(200);
  return id;
}

beforeEach(async () => {
  ({ call, services } = await apiOnFreshTable());
  expect((await call('POST', '/api/syndicates', 'admin', syndicate)).status).toBe(201);
});

describe('only a syndicate’s admins change its openings', () => {
  it('lets the admin create a draft that only admins can see', async () => {
    const created = await call('POST', '/api/syndicates/riverside/openings', 'admin', opening);
    expect(body(created)).toMatchObject({ status: 'draft', filled: 0, syndicateId: 'riverside' });
    expect((await call('GET', `/api/openings/${body(created).id}`, 'stranger')).status).toBe(404);
  });

  it('answers a stranger’s create, edit, publish and close like a missing syndicate or opening', async () => {
    const id = await postOpening();
    expect((await call('POST', '/api/syndicates/riverside/openings', 'stranger', opening)).status).toBe(404);
    expect((await call('PUT', `/api/openings/${id}`, 'stranger', opening)).status).toBe(404);
    expect((await call('PUT', `/api/openings/${id}/status`, 'stranger', { status: 'closed' })).status).toBe(404);
    expect(body(await call('GET', `/api/openings/${id}`, null)).status).toBe('open');
  });

  it('does the same for an ordinary member', async () => {
    await call('POST', '/api/syndicates/riverside/join-requests', 'member');
    await call('PUT', '/api/syndicates/riverside/members/member', 'admin', { decision: 'approve' });
    const id = await postOpening();
    expect((await call('PUT', `/api/openings/${id}/status`, 'member', { status: 'closed' })).status).toBe(404);
    expect((await call('GET', `/api/openings/${id}/applicants`, 'member')).status).toBe(404);
  });
});

describe('nobody sets what the server owns', () => {
  it.each([['status'], ['filled'], ['syndicateId'], ['id'], ['version'], ['createdBy'], ['datePosted'], ['pk']])(
    'refuses an opening that sends %s, and creates nothing',
    async (field) => {
      const response = await call('POST', '/api/syndicates/riverside/openings', 'admin', { ...opening, [field]: 'x' });
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain(field);
      expect(body(await call('GET', '/api/syndicates/riverside/openings', null)).items).toEqual([]);
    },
  );

  it('refuses member counts sent with a syndicate', async () => {
    const response = await call('PUT', '/api/syndicates/riverside', 'admin', {
      ...syndicate,
      id: undefined,
      memberCount: 99,
    });
    expect(response.status).toBe(400);
    expect(body(await call('GET', '/api/syndicates/riverside', null)).memberCount).toBe(1);
  });

  it('refuses a syndicate id that is one of the site’s own pages, naming the field, and founds the next', async () => {
    const refused = await call('POST', '/api/syndicates', 'admin', { ...syndicate, id: 'new' });
    expect(refused.status).toBe(422);
    expect(body(refused).errors).toEqual([{ field: 'body.id', message: expect.stringContaining('"new"') }]);
    expect((await call('GET', '/api/syndicates/new', null)).status).toBe(404);
    expect((await call('POST', '/api/syndicates', 'admin', { ...syndicate, id: 'new-builders' })).status).toBe(201);
  });
});

describe('applications', () => {
  it('keeps one application per person, however often they apply', async () => {
    const id = await postOpening();
    const first = await call('PUT', `/api/openings/${id}/applications/me`, 'ada', { note: 'I can start Monday.' });
    const again = await call('PUT', `/api/openings/${id}/applications/me`, 'ada', { note: 'Me again.' });
    expect(body(again).createdAt).toBe(body(first).createdAt);
    expect(body(again).note).toBe('I can start Monday.');
    expect((body(await call('GET', `/api/openings/${id}/applicants`, 'admin')).items as unknown[]).length).toBe(1);
  });

  it('shows an applicant only their own applications', async () => {
    const id = await postOpening();
    await call('PUT', `/api/openings/${id}/applications/me`, 'ada', { note: 'Hello' });
    await call('PUT', `/api/openings/${id}/applications/me`, 'bo', { note: 'Hi' });
    const mine = body(await call('GET', '/api/me/applications', 'ada')).items as Array<{ personId: string }>;
    expect(mine.map((a) => a.personId)).toEqual(['ada']);
    expect((await call('GET', `/api/openings/${id}/applicants`, 'ada')).status).toBe(404);
  });

  it('lets an applicant withdraw, and then not be moved on', async () => {
    const id = await postOpening();
    await call('PUT', `/api/openings/${id}/applications/me`, 'ada', { note: 'Hello' });
    expect(body(await call('DELETE', `/api/openings/${id}/applications/me`, 'ada')).status).toBe('withdrawn');
    const moved = await call('PUT', `/api/openings/${id}/applicants/ada/stage`, 'admin', { stage: 'offered' });
    expect(moved.status).toBe(409);
    expect(body(moved).detail).toBe('The application is withdrawn, so it cannot change any more.');
  });

  it('lets an applicant who withdrew apply again, with their new note', async () => {
    const id = await postOpening();
    await call('PUT', `/api/openings/${id}/applications/me`, 'ada', { note: 'Hello' });
    await call('DELETE', `/api/openings/${id}/applications/me`, 'ada');
    const renewed = body(await call('PUT', `/api/openings/${id}/applications/me`, 'ada', { note: 'Free again.' }));
    expect(renewed).toMatchObject({ status: 'submitted', note: 'Free again.' });
    const moved = await call('PUT', `/api/openings/${id}/applicants/ada/stage`, 'admin', { stage: 'shortlisted' });
    expect(moved.status).toBe(200);
  });

  it('fills the opening when every offer made is accepted, and refuses one more', async () => {
    const id = await postOpening(2);
    for (const person of ['ada', 'bo', 'cy']) {
      await call('PUT', `/api/openings/${id}/applications/me`, person, { note: 'Hi' });
      await call('PUT', `/api/openings/${id}/applicants/${person}/stage`, 'admin', { stage: 'offered' });
    }
    const accept = (person: string) =>
      call('PUT', `/api/openings/${id}/applications/me/offer`, person, { answer: 'accept' });
    const first = body(await accept('ada'));
    expect(first.opening).toMatchObject({ filled: 1, status: 'open' });
    const second = body(await accept('bo'));
    expect(second.opening).toMatchObject({ filled: 2, status: 'filled' });
    const late = await accept('cy');
    expect(late.status).toBe(422);
    expect(body(late)).toMatchObject({ rule: 'opening-full' });
    expect(body(await call('GET', '/api/openings', null)).items).toEqual([]);
  });

  it('never overbooks the last position when 100 accepted offers race', async () => {
    const id = await postOpening(1);
    const people = Array.from({ length: 100 }, (_, i) => `p${i}`);
    for (const person of people) {
      await call('PUT', `/api/openings/${id}/applications/me`, person, { note: 'Hi' });
      await call('PUT', `/api/openings/${id}/applicants/${person}/stage`, 'admin', { stage: 'offered' });
    }
    const results = await Promise.all(
      people.map((p) => call('PUT', `/api/openings/${id}/applications/me/offer`, p, { answer: 'accept' })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.every((r) => r.status === 200 || r.status === 422 || r.status === 409)).toBe(true);
    expect(body(await call('GET', `/api/openings/${id}`, null))).toMatchObject({ filled: 1, status: 'filled' });
  });

  it('takes at most 200 applications an opening, and still answers a repeat of one it took', async () => {
    const id = await postOpening();
    expect((await call('PUT', `/api/openings/${id}/applications/me`, 'ada', { note: 'Hi' })).status).toBe(200);
    // The counter beside the opening, as the applications up to the cap would have left it.
    await setApplicationCount(id, maxApplicationsPerOpening);
    const late = await call('PUT', `/api/openings/${id}/applications/me`, 'bo', { note: 'Hi' });
    expect(late.status).toBe(422);
    expect(body(late)).toMatchObject({ rule: 'applications-full' });
    expect((await call('PUT', `/api/openings/${id}/applications/me`, 'ada', { note: 'Hi again' })).status).toBe(200);
    const ranked = body(await call('GET', `/api/openings/${id}/applicants`, 'admin')).items as unknown[];
    expect(ranked).toHaveLength(1);
  });

  it('pages the ranked applicants, best match first, each once', async () => {
    const id = await postOpening();
    for (const person of ['ada', 'bo', 'cy', 'di', 'ed'])
      await call('PUT', `/api/openings/${id}/applications/me`, person, { note: 'Hi' });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = body(
        await call('GET', `/api/openings/${id}/applicants?pageSize=2${cursor ? `&cursor=${cursor}` : ''}`, 'admin'),
      );
      expect((page.items as unknown[]).length).toBeLessThanOrEqual(2);
      seen.push(...(page.items as Array<{ person: { id: string } }>).map((item) => item.person.id));
      cursor = page.next as string | undefined;
    } while (cursor);
    expect(seen.sort()).toEqual(['ada', 'bo', 'cy', 'di', 'ed']);
  });

  it('ranks applicants by the skills they hold and says what is missing', async () => {
    const id = await postOpening();
    await call('PUT', `/api/openings/${id}/applications/me`, 'ada', { note: 'Hi' });
    const ranked = body(await call('GET', `/api/openings/${id}/applicants`, 'admin')).items as Array<{
      missing: string[];
      holds: number;
    }>;
    expect(ranked[0]).toMatchObject({ holds: 0, missing: ['stud-wall-framing', 'construction-site-safety'] });
  });
});

describe('membership', () => {
  it('keeps at least one admin', async () => {
    expect((await call('DELETE', '/api/syndicates/riverside/membership', 'admin')).status).toBe(422);
    await call('POST', '/api/syndicates/riverside/join-requests', 'bo');
    await call('PUT', '/api/syndicates/riverside/members/bo', 'admin', { decision: 'approve' });
    expect((await call('PUT', '/api/syndicates/riverside/members/admin', 'admin', { role: 'member' })).status).toBe(
      422,
    );
    await call('PUT', '/api/syndicates/riverside/members/bo', 'admin', { role: 'admin' });
    expect((await call('DELETE', '/api/syndicates/riverside/membership', 'admin')).status).toBe(204);
    expect(body(await call('GET', '/api/syndicates/riverside', null))).toMatchObject({ memberCount: 1, adminCount: 1 });
  });

  it('lets only admins decide on requests and see members', async () => {
    await call('POST', '/api/syndicates/riverside/join-requests', 'bo');
    expect((await call('PUT', '/api/syndicates/riverside/members/bo', 'bo', { decision: 'approve' })).status).toBe(404);
    expect((await call('GET', '/api/syndicates/riverside/members', 'bo')).status).toBe(404);
    expect((await call('GET', '/api/syndicates/riverside/members', 'admin')).status).toBe(200);
  });
});

describe('the board', () => {
  it('filters by skill and pay unit and paginates', async () => {
    await postOpening();
    const second = await call('POST', '/api/syndicates/riverside/openings', 'admin', {
      ...opening,
      title: 'Remote estimator',
      skills: [{ skill: 'reading-construction-drawings', level: 'working' }],
      pay: [{ amount: 1500, currency: 'BOUND', per: 'hour' }],
      remote: true,
    });
    await call('PUT', `/api/openings/${body(second).id}/status`, 'admin', { status: 'open' });
    expect(body(await call('GET', '/api/openings?skill=stud-wall-framing', null)).items).toHaveLength(1);
    expect(body(await call('GET', '/api/openings?payUnit=BOUND', null)).items).toHaveLength(1);
    expect(body(await call('GET', '/api/openings?remote=true', null)).items).toHaveLength(1);
    expect(body(await call('GET', '/api/openings?trade=construction', null)).items).toHaveLength(2);
    expect(body(await call('GET', '/api/openings?trade=care', null)).items).toEqual([]);
    const first = body(await call('GET', '/api/openings?pageSize=1', null));
    expect(first.items as unknown[]).toHaveLength(1);
    const last = body(await call('GET', `/api/openings?pageSize=1&cursor=${first.next}`, null));
    expect(last.items as unknown[]).toHaveLength(1);
    expect(last.next).toBeUndefined();
    expect((await call('GET', '/api/openings?pageSize=1000', null)).status).toBe(400);
  });
});
