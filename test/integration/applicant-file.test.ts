// What a syndicate's admins see of an applicant, through the API's router on DynamoDB Local: the profile
// as an admin of a syndicate the person applied to may see it (members-only sections while the
// application is open, never private ones), private notes nobody else can read or write, and a ranked
// list that reads its applicants' current skills and keeps its order by stored matches.
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiResponse, apiOnFreshTable, body } from '../support/api-client.ts';
import { syndicateInput } from '../unit/innovations/fixtures.ts';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let opening = '';

async function expectStatus(response: Promise<ApiResponse>, status: number, what: string) {
  const answer = await response;
  expect(answer.status, `${what}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBe(status);
  return answer;
}

const openingInput = {
  title: 'Solar installer',
  description: 'Mount panels on community roofs, survey sites and keep the crew safe on every job we take.',
  skills: [
    { skill: 'solar-site-survey', level: 'working' },
    { skill: 'repair-systematic-fault-finding', level: 'working' },
  ],
  positions: 1,
  hoursPerWeek: 30,
  pay: [{ amount: 2500, currency: 'EUR', per: 'hour' }],
  place: 'Leeds, GB',
  remote: false,
  employmentType: 'CONTRACTOR',
  validThrough: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
};
const profile = (person: string) => `/api/openings/${opening}/applicants/${person}/profile`;
const notes = (person: string) => `/api/openings/${opening}/applicants/${person}/notes`;

beforeAll(async () => {
  ({ call } = await apiOnFreshTable());
  for (const person of ['admin', 'member', 'ada', 'ben', 'other-admin', 'stranger'])
    await call('GET', '/api/me', person);
  await expectStatus(call('POST', '/api/syndicates', 'admin', syndicateInput('hire-syn')), 201, 'found hire-syn');
  await expectStatus(call('POST', '/api/syndicates', 'other-admin', syndicateInput('else-syn')), 201, 'found else');
  await call('POST', '/api/syndicates/hire-syn/join-requests', 'member');
  await expectStatus(
    call('PUT', '/api/syndicates/hire-syn/members/member', 'admin', { decision: 'approve' }),
    200,
    'approve',
  );
  // Ada keeps her skills and place to members, her courses to herself.
  await expectStatus(
    call('PATCH', '/api/me', 'ada', {
      version: 0,
      place: 'Leeds',
      privacy: { about: 'members', skills: 'members', courses: 'private', credentials: 'public' },
      declaredSkills: [{ skill: 'solar-site-survey', level: 'working' }],
    }),
    200,
    'ada’s profile',
  );
  opening = body(
    await expectStatus(call('POST', '/api/syndicates/hire-syn/openings', 'admin', openingInput), 201, 'opening'),
  ).id;
  await expectStatus(call('PUT', `/api/openings/${opening}/status`, 'admin', { status: 'open' }), 200, 'publish');
  for (const person of ['ada', 'ben']) {
    await expectStatus(
      call('PUT', `/api/openings/${opening}/applications/me`, person, { note: 'Hello' }),
      200,
      `${person} applies`,
    );
  }
}, 60_000);

describe('an admin opening an applicant', () => {
  it('shows what the applicant shows members while the application is open, never what is private', async () => {
    const view = body(await expectStatus(call('GET', profile('ada'), 'admin'), 200, 'admin opens ada'));
    expect(view.application).toMatchObject({ personId: 'ada', status: 'submitted', note: 'Hello' });
    expect(view.match).toMatchObject({ holds: 1, score: 1 });
    expect(view.profile).toMatchObject({ relation: 'applicant', about: { place: 'Leeds' }, hidden: ['courses'] });
    expect(view.profile.skills.items).toEqual([expect.objectContaining({ skill: 'solar-site-survey' })]);
    expect(view.profile.credentials).toEqual({ items: [], more: false });
    expect(view.profile.courses).toBeUndefined();
  });

  it('gives the admin nothing more on the person’s own profile page: the relation holds from the application only', async () => {
    const view = body(await expectStatus(call('GET', '/api/people/ada', 'admin'), 200, 'profile'));
    expect(view.relation).toBe('outsider');
    expect(view.about).toBeUndefined();
  });

  it('answers 404 to everyone but the syndicate’s admins, the applicant included', async () => {
    for (const person of ['ada', 'ben', 'member', 'other-admin', 'stranger']) {
      expect((await call('GET', profile('ada'), person)).status, person).toBe(404);
    }
    expect((await call('GET', profile('stranger'), 'admin')).status, 'no such application').toBe(404);
  });
});

describe('private notes on an application', () => {
  it('are added by an admin, once for one idempotency key, and listed newest first a page at a time', async () => {
    const key = { 'idempotency-key': 'note-ada-1' };
    const first = await expectStatus(
      call('POST', notes('ada'), 'admin', { body: 'Strong **references**. <script>alert(1)</script>' }, key),
      201,
      'add',
    );
    const again = await expectStatus(
      call('POST', notes('ada'), 'admin', { body: 'Strong **references**. <script>alert(1)</script>' }, key),
      201,
      'retry',
    );
    expect(body(again).id).toBe(body(first).id);
    await expectStatus(call('POST', notes('ada'), 'admin', { body: 'Asked about Thursdays.' }), 201, 'second');
    const page = body(await expectStatus(call('GET', `${notes('ada')}?pageSize=1`, 'admin'), 200, 'list'));
    expect(page.items).toEqual([expect.objectContaining({ body: 'Asked about Thursdays.', authorId: 'admin' })]);
    const rest = body(await call('GET', `${notes('ada')}?pageSize=5&cursor=${page.next}`, 'admin'));
    expect(rest.items.map((n: { body: string }) => n.body)).toEqual([
      'Strong **references**. <script>alert(1)</script>',
    ]);
    expect(rest.next).toBeUndefined();
  });

  it('are neither read nor written by outsiders, applicants (the one they are about included) or members', async () => {
    for (const person of ['ada', 'ben', 'member', 'other-admin', 'stranger']) {
      expect((await call('GET', notes('ada'), person)).status, `${person} reads`).toBe(404);
      expect((await call('POST', notes('ada'), person, { body: 'Mine now' })).status, `${person} writes`).toBe(404);
    }
    const all = body(await call('GET', notes('ada'), 'admin')).items as Array<{ body: string }>;
    expect(all.map((n) => n.body)).not.toContain('Mine now');
    expect(JSON.stringify(body(await call('GET', '/api/me/applications', 'ada')))).not.toContain('references');
  });

  it('refuse an empty note naming the field, and write nothing', async () => {
    const refused = await expectStatus(call('POST', notes('ben'), 'admin', { body: '   ' }), 400, 'empty');
    expect(JSON.stringify(body(refused))).toContain('body.body');
    expect(body(await call('GET', notes('ben'), 'admin')).items).toEqual([]);
  });
});

describe('the ranked list of applicants', () => {
  it('scores a listed applicant again from their current skills, says so, and takes the new order on the next read', async () => {
    const before = body(await call('GET', `/api/openings/${opening}/applicants`, 'admin')).items;
    expect(before.map((a: { person: { id: string } }) => a.person.id)).toEqual(['ada', 'ben']);
    const me = body(await call('GET', '/api/me', 'ben'));
    await expectStatus(
      call('PATCH', '/api/me', 'ben', {
        version: me.version,
        declaredSkills: [
          { skill: 'solar-site-survey', level: 'working' },
          { skill: 'repair-systematic-fault-finding', level: 'working' },
        ],
      }),
      200,
      'ben declares two skills',
    );
    const shown = body(await call('GET', `/api/openings/${opening}/applicants`, 'admin')).items;
    expect(shown[1]).toMatchObject({ person: { id: 'ben' }, holds: 2, score: 2, reordered: true });
    const next = body(await call('GET', `/api/openings/${opening}/applicants`, 'admin')).items;
    expect(next.map((a: { person: { id: string }; reordered: boolean }) => [a.person.id, a.reordered])).toEqual([
      ['ben', false],
      ['ada', false],
    ]);
  });

  it('leaves a withdrawn applicant out, and shows the admin only what they show anyone once it is closed', async () => {
    await expectStatus(call('DELETE', `/api/openings/${opening}/applications/me`, 'ada'), 200, 'withdraw');
    const items = body(await call('GET', `/api/openings/${opening}/applicants`, 'admin')).items;
    expect(items.map((a: { person: { id: string } }) => a.person.id)).toEqual(['ben']);
    const view = body(await expectStatus(call('GET', profile('ada'), 'admin'), 200, 'closed'));
    expect(view.profile).toMatchObject({
      relation: 'outsider',
      hidden: ['about', 'skills', 'courses', 'syndicates', 'innovations'],
    });
    await expectStatus(call('PUT', `/api/openings/${opening}/applications/me`, 'ada', { note: 'Back' }), 200, 'again');
    const back = body(await call('GET', `/api/openings/${opening}/applicants`, 'admin')).items;
    expect(back.map((a: { person: { id: string } }) => a.person.id)).toEqual(['ben', 'ada']);
  });
});
